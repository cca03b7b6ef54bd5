import { decodeJwt, errors, type JWTPayload } from "jose";
import { authenticationProviderOf } from "./identity-amr.js";
import { COGNITO_FEDERATED_PRINCIPAL, parseRoleArn } from "./role-catalog.js";
import type { ServerContext } from "./server-context.js";
import { ServiceError, validationMessage } from "./service-error.js";
import { assumeRoleWithWebIdentityXml } from "./sts-xml.js";
import { trustAllows } from "./trust-check.js";

const MIN_DURATION_SECONDS = 900;
const MAX_DURATION_SECONDS = 43_200;
const DEFAULT_DURATION_SECONDS = 3600;
const SESSION_NAME_PATTERN = /^[\w+=,.@-]{2,64}$/;
const INVALID_TOKEN =
  "The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.";

function validationError(member: string, value: unknown, constraint: string): ServiceError {
  return new ServiceError("ValidationError", validationMessage(member, value, constraint));
}

function required(form: URLSearchParams, name: string): string {
  const value = form.get(name);
  const member = name[0]?.toLowerCase() + name.slice(1);
  if (value === null) throw validationError(member, undefined, "Member must not be null");
  return value;
}

function durationOf(form: URLSearchParams): number {
  const raw = form.get("DurationSeconds");
  if (raw === null) return DEFAULT_DURATION_SECONDS;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value)) {
    throw new ServiceError("MalformedInput", `Invalid value for parameter DurationSeconds: ${raw}`);
  }
  if (value < MIN_DURATION_SECONDS) {
    throw validationError(
      "durationSeconds",
      value,
      `Member must have value greater than or equal to ${MIN_DURATION_SECONDS}`,
    );
  }
  if (value > MAX_DURATION_SECONDS) {
    throw validationError(
      "durationSeconds",
      value,
      `Member must have value less than or equal to ${MAX_DURATION_SECONDS}`,
    );
  }
  return value;
}

async function verifyWebIdentity(context: ServerContext, token: string): Promise<JWTPayload> {
  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch {
    throw new ServiceError("InvalidIdentityToken", INVALID_TOKEN);
  }
  if (claims.iss !== context.signer.issuer) {
    throw new ServiceError(
      "InvalidIdentityToken",
      `No OpenIDConnect provider found in your account for ${String(claims.iss)}`,
    );
  }
  try {
    return await context.signer.verify(token);
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      throw new ServiceError(
        "ExpiredTokenException",
        `Token expired: current date/time ${Math.floor(context.now() / 1000)} must be before the expiration date/time ${String(claims.exp)}`,
      );
    }
    throw new ServiceError("InvalidIdentityToken", INVALID_TOKEN);
  }
}

/**
 * STS `AssumeRoleWithWebIdentity` for the server's own OpenID tokens (the identity pool's basic
 * flow): the token's pool decides which roles it may assume. Returns the XML body.
 * @internal
 */
export async function assumeRoleWithWebIdentity(
  context: ServerContext,
  form: URLSearchParams,
  requestId: string,
): Promise<string> {
  const roleArn = required(form, "RoleArn");
  const sessionName = required(form, "RoleSessionName");
  const token = required(form, "WebIdentityToken");
  const duration = durationOf(form);
  if (parseRoleArn(roleArn) === undefined) {
    throw validationError("roleArn", roleArn, "Member must be a valid IAM role ARN");
  }
  if (!SESSION_NAME_PATTERN.test(sessionName)) {
    throw validationError(
      "roleSessionName",
      sessionName,
      "Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
  }
  const payload = await verifyWebIdentity(context, token);
  const audience = typeof payload.aud === "string" ? payload.aud : payload.aud?.[0];
  const pool = audience === undefined ? undefined : context.pools.get(audience);
  if (pool === undefined || audience === undefined) {
    throw new ServiceError("InvalidIdentityToken", "Incorrect token audience");
  }
  const claimedAmr = payload["amr"];
  const amr = Array.isArray(claimedAmr)
    ? claimedAmr.filter((entry): entry is string => typeof entry === "string")
    : [];
  const subject = String(payload.sub);
  // STS finds the role, then asks its trust policy; an unknown role is the same AccessDenied.
  const role = context.roles.get(roleArn);
  if (
    role === undefined ||
    !trustAllows(role, { aud: audience, amr, sub: subject }, ["sts:AssumeRoleWithWebIdentity"])
  ) {
    throw new ServiceError(
      "AccessDenied",
      "Not authorized to perform sts:AssumeRoleWithWebIdentity",
      403,
    );
  }
  const expiration = new Date((Math.floor(context.now() / 1000) + duration) * 1000);
  const issued = context.credentials.issue({
    role,
    sessionName,
    identityId: subject,
    identityPoolId: audience,
    authenticationType: amr.includes("authenticated") ? "authenticated" : "unauthenticated",
    authenticationProvider: authenticationProviderOf(amr),
    principalTags: {},
    expiration,
    operation: "AssumeRoleWithWebIdentity",
  });
  return assumeRoleWithWebIdentityXml({
    subject,
    audience,
    provider: COGNITO_FEDERATED_PRINCIPAL,
    assumedRoleArn: issued.assumedRoleArn,
    assumedRoleId: issued.assumedRoleId,
    accessKeyId: issued.accessKeyId,
    secretAccessKey: issued.secretAccessKey,
    sessionToken: issued.sessionToken,
    expiration,
    requestId,
  });
}
