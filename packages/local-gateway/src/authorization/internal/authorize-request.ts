/**
 * The authorization layer for one matched request: SigV4 + IAM, Lambda authorizers with the
 * two-phase rule and API Gateway's result cache, JWT / Cognito. Every decision on policies is
 * made by `@gatehouse/policy`'s gateway model; this file gathers its inputs.
 * @internal
 * @packageDocumentation
 */
import {
  type ApiGatewayAccessResult,
  type ConditionContext,
  evaluateApiGatewayAccess,
  wouldCachedPolicyAllow,
} from "@gatehouse/policy";
import { verifySigV4 } from "@gatehouse/sigv4";
import type { GatewayDecisionReason } from "../../config/gateway-decision-reason.js";
import type { ResolvedAuthorizer } from "../../config/internal/resolved-authorizer.js";
import type { RequestScope } from "../../routing/internal/request-scope.js";
import type { GatewayRuntime } from "../../server/internal/gateway-runtime.js";
import { AuthorizerCache } from "./authorizer-cache.js";
import { buildAuthorizerEvent } from "./build-authorizer-event.js";
import {
  type AuthorizerResponseViolation,
  checkAuthorizerResponse,
} from "./check-authorizer-response.js";
import {
  CredentialResolverError,
  type KnownCredential,
  knownCredentials,
  type ResolvedCredential,
  verifierKeys,
} from "./iam-credentials.js";
import { identityValue, identityValues } from "./identity-values.js";

/** @internal Who the integration sees as the caller. */
export type IntegrationIdentity =
  | { kind: "none" }
  | { kind: "iam"; credential: ResolvedCredential }
  | { kind: "lambda"; principalId: string | undefined; context: unknown }
  | { kind: "jwt"; claims: Record<string, unknown>; scopes: readonly string[] };

interface AuthorizationBase {
  /** A stable reason code (the gateway model's, or this layer's own). */
  reason: GatewayDecisionReason;
  authorizer?: string;
  fromCache?: boolean;
}

/** @internal */
export type Authorization =
  | (AuthorizationBase & { allowed: true; identity: IntegrationIdentity })
  | (AuthorizationBase & {
      allowed: false;
      status: number;
      message: string | null;
      errorType: string | null;
    });

type LambdaAuthorizer = Extract<ResolvedAuthorizer, { kind: "lambda" }>;
type JwtAuthorizer = Extract<ResolvedAuthorizer, { kind: "jwt" }>;

function refuse(
  status: number,
  message: string | null,
  errorType: string | null,
  reason: GatewayDecisionReason,
  extra: Partial<AuthorizationBase> = {},
): Authorization {
  return { allowed: false, status, message, errorType, reason, ...extra };
}

function modelBase(scope: RequestScope) {
  const { api, request } = scope;
  const context: ConditionContext = { "aws:SecureTransport": "false" };
  if (request.userAgent !== "") context["aws:UserAgent"] = request.userAgent;
  const referer = request.lowerHeaders["referer"]?.[0];
  if (referer !== undefined) context["aws:Referer"] = referer;
  const network =
    api.endpointType === "PRIVATE"
      ? {
          vpcSourceIp: request.sourceIp,
          ...(api.sourceVpc !== undefined ? { sourceVpc: api.sourceVpc } : {}),
          ...(api.sourceVpce !== undefined ? { sourceVpce: api.sourceVpce } : {}),
        }
      : { sourceIp: request.sourceIp };
  return {
    methodArn: scope.arn,
    endpointType: api.endpointType,
    resourcePolicy: api.resourcePolicy,
    now: new Date(scope.now),
    context,
    ...network,
  };
}

function fromModel(
  result: ApiGatewayAccessResult,
  identity: IntegrationIdentity,
  extra: Partial<AuthorizationBase> = {},
): Authorization {
  if (result.status === 200) return { allowed: true, identity, reason: result.reason, ...extra };
  return refuse(result.status, result.message, result.errorType, result.reason, extra);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

async function authorizeIam(scope: RequestScope): Promise<Authorization> {
  const { request, gateway } = scope;
  let known: ReadonlyMap<string, KnownCredential>;
  try {
    known = await knownCredentials(gateway.credentials, request);
  } catch (error) {
    if (!(error instanceof CredentialResolverError)) throw error;
    return refuse(500, null, "InternalServerErrorException", "credential_resolver_error");
  }
  const verdict = await verifySigV4(
    { method: request.method, url: request.url, headers: request.lowerHeaders, body: request.body },
    {
      ...gateway.verifierOptions,
      credentials:
        gateway.credentials.kind === "list" ? gateway.credentials.keys : verifierKeys(known),
    },
  );
  if (!verdict.ok && verdict.code !== "missing_authentication") {
    return refuse(verdict.status, verdict.message, verdict.errorType, `sigv4_${verdict.code}`);
  }
  const credential = verdict.ok ? known.get(verdict.accessKeyId)?.identity : undefined;
  if (verdict.ok && credential === undefined) {
    return refuse(403, null, "AccessDeniedException", "unknown_credential");
  }
  const result = await evaluateApiGatewayAccess({
    ...modelBase(scope),
    authType: "AWS_IAM",
    caller:
      credential === undefined
        ? null
        : {
            arn: credential.principalArn,
            accountId: credential.accountId,
            ...(credential.orgId !== undefined ? { orgId: credential.orgId } : {}),
            signatureValid: true,
            callerPolicy: credential.policy,
          },
  });
  return fromModel(
    result,
    credential === undefined ? { kind: "none" } : { kind: "iam", credential },
  );
}

/** HTTP API payload 1.0 keeps `claims` for JWT authorizers; REST, 2.0 and WebSocket reserve none. */
function reservedContextKeys(scope: RequestScope, authorizer: LambdaAuthorizer): string[] {
  return scope.api.type === "HTTP" && authorizer.payloadFormatVersion === "1.0" ? ["claims"] : [];
}

function isUnauthorizedError(error: unknown): boolean {
  return (error instanceof Error ? error.message : error) === "Unauthorized";
}

async function authorizeSimple(
  scope: RequestScope,
  runtime: GatewayRuntime,
  authorizer: LambdaAuthorizer,
  values: readonly string[] | undefined,
  key: string | undefined,
): Promise<Authorization> {
  const extra = { authorizer: authorizer.name, fromCache: false };
  if (values === undefined)
    return refuse(401, "Unauthorized", "UnauthorizedException", "missing_identity_source", extra);
  runtime.counters(authorizer.name).invocations++;
  let response: unknown;
  try {
    response = await authorizer.handler(buildAuthorizerEvent(scope, authorizer, values) as never);
  } catch (error) {
    return isUnauthorizedError(error)
      ? refuse(401, "Unauthorized", "UnauthorizedException", "authorizer_unauthorized", extra)
      : refuse(500, null, "AuthorizerConfigurationException", "authorizer_error", extra);
  }
  const violation = checkAuthorizerResponse(response, []);
  if (violation !== undefined)
    return refuse(500, null, "AuthorizerConfigurationException", violation, extra);
  if (
    !isRecord(response) ||
    typeof response["isAuthorized"] !== "boolean" ||
    (response["context"] !== undefined &&
      response["context"] !== null &&
      !isRecord(response["context"]))
  ) {
    return refuse(
      500,
      null,
      "AuthorizerConfigurationException",
      "authorizer_malformed_response",
      extra,
    );
  }
  const cached = {
    kind: "simple" as const,
    isAuthorized: response["isAuthorized"],
    context: (response["context"] as Record<string, unknown> | null | undefined) ?? null,
  };
  if (key !== undefined)
    runtime.cache(scope.api.name).set(key, cached, scope.now, authorizer.ttlSeconds);
  return simpleOutcome(cached, extra);
}

function simpleOutcome(
  cached: { isAuthorized: boolean; context: Record<string, unknown> | null },
  extra: Partial<AuthorizationBase>,
): Authorization {
  return cached.isAuthorized
    ? {
        allowed: true,
        identity: { kind: "lambda", principalId: undefined, context: cached.context },
        reason: "allowed",
        ...extra,
      }
    : refuse(403, "Forbidden", "AccessDeniedException", "authorizer_denied", extra);
}

async function authorizeLambda(
  scope: RequestScope,
  runtime: GatewayRuntime,
  authorizer: LambdaAuthorizer,
): Promise<Authorization> {
  const values = identityValues(scope, authorizer.identitySources);
  // TOKEN always needs its header; REQUEST needs its sources when caching (REST) or always (HTTP API).
  const required =
    authorizer.type === "TOKEN" || authorizer.ttlSeconds > 0 || scope.api.type === "HTTP";
  let rejectedIdentity = required && values === undefined;
  if (!rejectedIdentity && authorizer.validation !== undefined) {
    rejectedIdentity = !authorizer.validation.test(values?.[0] ?? "");
  }
  const key =
    values !== undefined && !rejectedIdentity && authorizer.ttlSeconds > 0
      ? AuthorizerCache.key(authorizer.name, values)
      : undefined;
  const cache = runtime.cache(scope.api.name);
  const cached = key === undefined ? undefined : cache.get(key, scope.now);
  if (cached !== undefined) {
    if (cached.kind === "simple") {
      runtime.counters(authorizer.name).cacheHits++;
      return simpleOutcome(cached, { authorizer: authorizer.name, fromCache: true });
    }
    // A cached policy answers every route of the stage: the cached-policy bug lives here.
    const verdict = wouldCachedPolicyAllow({
      ...modelBase(scope),
      cachedResponse: cached.response,
    });
    // A resource-policy explicit Deny is decided before the authorizer: its cache is not read then.
    if (verdict.authorizerFromCache) runtime.counters(authorizer.name).cacheHits++;
    return fromModel(
      verdict,
      { kind: "lambda", principalId: cached.response.principalId, context: cached.context },
      { authorizer: authorizer.name, fromCache: verdict.authorizerFromCache },
    );
  }
  if (authorizer.simpleResponses) {
    return authorizeSimple(
      scope,
      runtime,
      authorizer,
      rejectedIdentity ? undefined : (values ?? []),
      key,
    );
  }
  let rawContext: unknown;
  let violation: AuthorizerResponseViolation | undefined;
  const v2 = scope.api.type === "HTTP" && authorizer.payloadFormatVersion === "2.0";
  const result = await evaluateApiGatewayAccess({
    ...modelBase(scope),
    authType: "LAMBDA",
    authorizer: async () => {
      if (rejectedIdentity) return "unauthorized";
      runtime.counters(authorizer.name).invocations++;
      const response = await authorizer.handler(
        buildAuthorizerEvent(scope, authorizer, values ?? []) as never,
      );
      violation = checkAuthorizerResponse(response, reservedContextKeys(scope, authorizer));
      // Not a response the model accepts: a malformed answer, 500, never cached.
      if (violation !== undefined) return null;
      if (!isRecord(response)) return response;
      rawContext = response["context"];
      // Payload 2.0 context may hold arrays and maps; the model checks only the REST-style policy.
      if (v2 && (rawContext === undefined || rawContext === null || isRecord(rawContext))) {
        const { context: _context, ...policy } = response;
        return policy;
      }
      return response;
    },
  });
  const extra = { authorizer: authorizer.name, fromCache: false };
  if (violation !== undefined) {
    return refuse(result.status, result.message, result.errorType, violation, extra);
  }
  if (result.authorizerResponse !== undefined && key !== undefined) {
    cache.set(
      key,
      {
        kind: "policy",
        response: result.authorizerResponse,
        context: rawContext,
        methodArn: scope.arn,
      },
      scope.now,
      authorizer.ttlSeconds,
    );
  }
  if (rejectedIdentity && result.reason === "authorizer_unauthorized") {
    return refuse(
      result.status,
      result.message,
      result.errorType,
      "missing_identity_source",
      extra,
    );
  }
  return fromModel(
    result,
    { kind: "lambda", principalId: result.authorizerResponse?.principalId, context: rawContext },
    extra,
  );
}

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

async function authorizeJwt(
  scope: RequestScope,
  runtime: GatewayRuntime,
  authorizer: JwtAuthorizer,
  requiredScopes: readonly string[],
): Promise<Authorization> {
  const extra = { authorizer: authorizer.name, fromCache: false };
  const header = identityValue(scope, authorizer.identitySource);
  if (header === undefined) {
    return refuse(401, "Unauthorized", "UnauthorizedException", "missing_identity_source", extra);
  }
  const token = header.replace(/^Bearer\s+/i, "");
  runtime.counters(authorizer.name).invocations++;
  let verified: { claims: Record<string, unknown>; scopes: string[] } | undefined;
  try {
    const result = await authorizer.verifier.verify(token);
    if (isRecord(result) && isRecord(result.claims)) {
      verified = { claims: result.claims, scopes: tokenScopes(result.claims, result.scopes) };
    }
  } catch {
    verified = undefined;
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
  if (verified === undefined)
    return refuse(401, "Unauthorized", "UnauthorizedException", "jwt_invalid", extra);
  if (!scopesOk)
    return refuse(403, "Forbidden", "AccessDeniedException", "insufficient_scope", extra);
  return { allowed: true, identity, reason: "allowed", ...extra };
}

/** @internal Runs the route's authorization; never throws for a caller's input. */
export async function authorizeRequest(
  scope: RequestScope,
  runtime: GatewayRuntime,
): Promise<Authorization> {
  const { auth } = scope.route;
  switch (auth.kind) {
    case "NONE": {
      const result = await evaluateApiGatewayAccess({ ...modelBase(scope), authType: "NONE" });
      return fromModel(result, { kind: "none" });
    }
    case "AWS_IAM":
      return authorizeIam(scope);
    case "authorizer":
      return auth.authorizer.kind === "lambda"
        ? authorizeLambda(scope, runtime, auth.authorizer)
        : authorizeJwt(scope, runtime, auth.authorizer, auth.scopes);
  }
}
