/**
 * Lambda authorizers: the identity-source rule, API Gateway's result cache (and the cached-policy
 * behaviour across routes), simple responses and policy responses through the gateway model.
 * @internal
 * @packageDocumentation
 */
import { evaluateApiGatewayAccess, wouldCachedPolicyAllow } from "@gatehouse/policy";
import type { ResolvedAuthorizer } from "../../config/internal/resolved-authorizer.js";
import type { RequestScope } from "../../routing/internal/request-scope.js";
import type { GatewayRuntime } from "../../server/internal/gateway-runtime.js";
import { type Authorization, type AuthorizationBase, fromModel, refuse } from "./authorization.js";
import { AuthorizerCache } from "./authorizer-cache.js";
import { buildAuthorizerEvent } from "./build-authorizer-event.js";
import {
  type AuthorizerResponseViolation,
  checkAuthorizerResponse,
} from "./check-authorizer-response.js";
import { identityValues } from "./identity-values.js";
import { isRecord } from "./is-record.js";
import { modelBase } from "./model-base.js";

type LambdaAuthorizer = Extract<ResolvedAuthorizer, { kind: "lambda" }>;

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

/** @internal Authorizes a route with a Lambda authorizer. */
export async function authorizeLambda(
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
      {
        kind: "lambda",
        principalId: cached.response.principalId,
        context: cached.context,
        usageIdentifierKey: cached.response.usageIdentifierKey,
      },
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
    {
      kind: "lambda",
      principalId: result.authorizerResponse?.principalId,
      context: rawContext,
      usageIdentifierKey: result.authorizerResponse?.usageIdentifierKey,
    },
    extra,
  );
}
