/**
 * REST API `JWT` authorizers: the bearer token is matched to one of the authorizer's issuers by
 * its `iss`, checked (algorithm, signature and expiry by the issuer's verifier, audiences,
 * additional claims, the method's scopes), then the gateway model combines the outcome with the
 * resource policy.
 * @internal
 * @packageDocumentation
 */
import { evaluateApiGatewayAccess, type RestJwtTokenOutcome } from "@gatehouse/policy";
import type { GatewayDecisionReason } from "../../config/gateway-decision-reason.js";
import type { ResolvedAuthorizer } from "../../config/internal/resolved-authorizer.js";
import type { RequestScope } from "../../routing/internal/request-scope.js";
import type { GatewayRuntime } from "../../server/internal/gateway-runtime.js";
import { type Authorization, fromModel, type IntegrationIdentity } from "./authorization.js";
import { failingClaim } from "./check-rest-jwt-claims.js";
import { identityValue } from "./identity-values.js";
import { isRecord } from "./is-record.js";
import { modelBase } from "./model-base.js";

type RestJwtAuthorizer = Extract<ResolvedAuthorizer, { kind: "rest-jwt" }>;

/** Tokens over this size are refused before any decoding (API Gateway's header limit is 10 KB). */
const MAX_TOKEN_CHARS = 10_240;

/** A verifier that never answers must not hold the request forever. */
const VERIFY_DEADLINE_MS = 10_000;

function decodePart(part: string | undefined): Record<string, unknown> | undefined {
  if (part === undefined || !/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The token's scopes, from `scope` (space-separated) or `scp` (string or array). */
function tokenScopes(claims: Readonly<Record<string, unknown>>): string[] {
  const out: string[] = [];
  for (const name of ["scope", "scp"]) {
    const value = claims[name];
    if (typeof value === "string") out.push(...value.split(" ").filter((item) => item !== ""));
    else if (Array.isArray(value)) {
      out.push(...value.filter((item): item is string => typeof item === "string"));
    }
  }
  return out;
}

function audiencesOf(claims: Readonly<Record<string, unknown>>): string[] {
  const aud = claims["aud"];
  if (typeof aud === "string") return [aud];
  return Array.isArray(aud) ? aud.filter((item): item is string => typeof item === "string") : [];
}

async function verifyWithDeadline(
  verify: () => Promise<unknown>,
): Promise<Record<string, unknown> | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), VERIFY_DEADLINE_MS);
    timer.unref();
  });
  try {
    const result = await Promise.race([verify(), deadline]);
    const claims = isRecord(result) ? result["claims"] : undefined;
    return isRecord(claims) ? claims : undefined;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

type Checked =
  | { outcome: "valid" | "insufficient_scope"; claims: Record<string, unknown>; scopes: string[] }
  | { outcome: "invalid"; reason: GatewayDecisionReason };

async function checkToken(
  header: string | undefined,
  authorizer: RestJwtAuthorizer,
  requiredScopes: readonly string[],
): Promise<Checked> {
  const invalid = (reason: GatewayDecisionReason): Checked => ({ outcome: "invalid", reason });
  if (header === undefined) return invalid("missing_identity_source");
  const token = header.replace(/^Bearer\s+/i, "");
  if (token.length > MAX_TOKEN_CHARS) return invalid("jwt_invalid");
  const parts = token.split(".");
  const head = parts.length === 3 ? decodePart(parts[0]) : undefined;
  const unverified = parts.length === 3 ? decodePart(parts[1]) : undefined;
  if (head === undefined || unverified === undefined) return invalid("jwt_invalid");
  // The issuer is chosen by the token's own `iss`; only a configured one is ever trusted.
  const iss = unverified["iss"];
  const issuer = typeof iss === "string" ? authorizer.issuers.get(iss) : undefined;
  if (issuer === undefined) return invalid("jwt_unknown_issuer");
  const alg = head["alg"];
  if (typeof alg !== "string" || !authorizer.algorithms.has(alg)) {
    return invalid("jwt_algorithm_not_allowed");
  }
  const claims = await verifyWithDeadline(() => issuer.verifier.verify(token));
  if (claims === undefined || claims["iss"] !== issuer.issuer) return invalid("jwt_invalid");
  const audiences = audiencesOf(claims);
  if (!issuer.audiences.some((item) => audiences.includes(item))) {
    return invalid("jwt_audience_mismatch");
  }
  if (failingClaim(claims, issuer.claims) !== undefined) return invalid("jwt_claim_mismatch");
  const scopes = tokenScopes(claims);
  const scoped =
    requiredScopes.length === 0 || requiredScopes.some((item) => scopes.includes(item));
  return { outcome: scoped ? "valid" : "insufficient_scope", claims, scopes };
}

/** @internal Authorizes a REST route with a `JWT` authorizer; never throws for a caller's input. */
export async function authorizeRestJwt(
  scope: RequestScope,
  runtime: GatewayRuntime,
  authorizer: RestJwtAuthorizer,
  requiredScopes: readonly string[],
): Promise<Authorization> {
  const extra = { authorizer: authorizer.name, fromCache: false };
  const header = identityValue(scope, authorizer.identitySource);
  if (header !== undefined) runtime.counters(authorizer.name).invocations++;
  const checked = await checkToken(header, authorizer, requiredScopes);
  const jwtToken: RestJwtTokenOutcome = checked.outcome;
  const result = await evaluateApiGatewayAccess({
    ...modelBase(scope),
    authType: "JWT",
    jwtToken,
    jwtResourcePolicy: scope.api.jwtResourcePolicy,
  });
  const identity: IntegrationIdentity =
    checked.outcome === "invalid"
      ? { kind: "none" }
      : { kind: "jwt", claims: checked.claims, scopes: checked.scopes };
  const outcome = fromModel(result, identity, extra);
  // The model says 401 `jwt_token_invalid`; the gateway knows which check failed.
  return checked.outcome === "invalid" && !outcome.allowed
    ? { ...outcome, reason: checked.reason }
    : outcome;
}
