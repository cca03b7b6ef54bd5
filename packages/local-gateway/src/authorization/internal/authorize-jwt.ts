/**
 * JWT and Cognito user pool authorizers: the bearer token, its verification and scopes; Cognito
 * goes through the gateway model (its resource policy applies), HTTP API JWT does not.
 * @internal
 * @packageDocumentation
 */
import { evaluateApiGatewayAccess } from "@gatehouse/policy";
import type { ResolvedAuthorizer } from "../../config/internal/resolved-authorizer.js";
import type { RequestScope } from "../../routing/internal/request-scope.js";
import type { GatewayRuntime } from "../../server/internal/gateway-runtime.js";
import {
  type Authorization,
  fromModel,
  type IntegrationIdentity,
  refuse,
} from "./authorization.js";
import { identityValue } from "./identity-values.js";
import { isRecord } from "./is-record.js";
import { modelBase } from "./model-base.js";
import { wwwAuthenticate } from "./www-authenticate.js";

type JwtAuthorizer = Extract<ResolvedAuthorizer, { kind: "jwt" }>;

function tokenScopes(
  claims: Record<string, unknown>,
  scopes: readonly string[] | undefined,
): string[] {
  if (scopes !== undefined) return [...scopes];
  const scope = claims["scope"] ?? claims["scp"];
  if (typeof scope === "string") return scope.split(" ").filter((item) => item !== "");
  if (Array.isArray(scope)) return scope.filter((item): item is string => typeof item === "string");
  return [];
}

/** @internal Authorizes a route with a JWT or Cognito user pool authorizer. */
export async function authorizeJwt(
  scope: RequestScope,
  runtime: GatewayRuntime,
  authorizer: JwtAuthorizer,
  requiredScopes: readonly string[],
): Promise<Authorization> {
  const extra = { authorizer: authorizer.name, fromCache: false };
  const header = identityValue(scope, authorizer.identitySource);
  // HTTP API JWT 401s carry AWS's `www-authenticate` (REST Cognito 401s do not).
  const challenge = (error: unknown) =>
    authorizer.type === "JWT" ? { headers: { "www-authenticate": wwwAuthenticate(error) } } : {};
  if (header === undefined) {
    return refuse(401, "Unauthorized", "UnauthorizedException", "missing_identity_source", {
      ...extra,
      ...challenge(undefined),
    });
  }
  const token = header.replace(/^Bearer\s+/i, "");
  runtime.counters(authorizer.name).invocations++;
  let verified: { claims: Record<string, unknown>; scopes: string[] } | undefined;
  let failure: unknown = null;
  try {
    const result = await authorizer.verifier.verify(token);
    if (isRecord(result) && isRecord(result.claims)) {
      verified = { claims: result.claims, scopes: tokenScopes(result.claims, result.scopes) };
    }
  } catch (error) {
    verified = undefined;
    failure = error;
  }
  const scopesOk =
    verified !== undefined &&
    (requiredScopes.length === 0 || requiredScopes.some((item) => verified.scopes.includes(item)));
  const identity: IntegrationIdentity =
    verified === undefined
      ? { kind: "none" }
      : { kind: "jwt", claims: verified.claims, scopes: verified.scopes };
  if (authorizer.type === "COGNITO_USER_POOLS") {
    const result = await evaluateApiGatewayAccess({
      ...modelBase(scope),
      authType: "COGNITO_USER_POOLS",
      cognitoTokenValid: scopesOk,
      cognitoResourcePolicy: scope.api.cognitoResourcePolicy,
    });
    return fromModel(result, identity, extra);
  }
  if (verified === undefined) {
    return refuse(401, "Unauthorized", "UnauthorizedException", "jwt_invalid", {
      ...extra,
      ...challenge(failure),
    });
  }
  if (!scopesOk)
    return refuse(403, "Forbidden", "AccessDeniedException", "insufficient_scope", extra);
  return { allowed: true, identity, reason: "allowed", ...extra };
}
