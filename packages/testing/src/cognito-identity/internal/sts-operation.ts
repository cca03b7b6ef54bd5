import { isPolicyError, type PrincipalArn, parsePrincipalArn } from "@gatehouse/policy";
import { decodeJwt, errors, type JWTPayload } from "jose";
import { randomCredentials } from "./random-credentials.js";
import type { ServerContext } from "./server-context.js";
import { ServiceError, validationMessage } from "./service-error.js";
import { assumeRoleWithWebIdentityXml } from "./sts-xml.js";

const MIN_DURATION_SECONDS = 900;
const MAX_DURATION_SECONDS = 43_200;
const DEFAULT_DURATION_SECONDS = 3600;
const SESSION_NAME_PATTERN = /^[\w+=,.@-]{2,64}$/;
const INVALID_TOKEN =
  "The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.";

function validationError(member: string, value: unknown, constraint: string): ServiceError {
  return new ServiceError("ValidationError", validationMessage(member, value, constraint));
}

/** The role a RoleArn names, or `undefined` when it is not a role ARN. */
function roleOf(roleArn: string): Extract<PrincipalArn, { kind: "role" }> | undefined {
  try {
    const principal = parsePrincipalArn(roleArn, "RoleArn");
    return principal.kind === "role" ? principal : undefined;
  } catch (error) {
    if (isPolicyError(error)) return undefined;
    throw error;
  }
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
  const role = roleOf(roleArn);
  if (role === undefined) {
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
  const { amr: claimed } = payload;
  const amr: unknown[] = Array.isArray(claimed) ? claimed : [];
  const allowed = amr.includes("authenticated")
    ? [pool.authenticatedRoleArn, ...(pool.customRoleArns ?? [])]
    : pool.unauthenticatedRoleArn === undefined
      ? []
      : [pool.unauthenticatedRoleArn];
  if (!allowed.includes(roleArn)) {
    throw new ServiceError(
      "AccessDenied",
      "Not authorized to perform sts:AssumeRoleWithWebIdentity",
      403,
    );
  }
  const subject = String(payload.sub);
  const credentials = randomCredentials();
  const expiration = new Date((Math.floor(context.now() / 1000) + duration) * 1000);
  context.issued.push({
    ...credentials,
    identityId: subject,
    roleArn,
    expiration,
    operation: "AssumeRoleWithWebIdentity",
  });
  const { partition, accountId: account, name: roleName } = role;
  return assumeRoleWithWebIdentityXml({
    subject,
    audience,
    provider: "cognito-identity.amazonaws.com",
    assumedRoleArn: `arn:${partition}:sts::${account}:assumed-role/${roleName}/${sessionName}`,
    assumedRoleId: `${context.roleId(roleArn)}:${sessionName}`,
    ...credentials,
    expiration,
    requestId,
  });
}
