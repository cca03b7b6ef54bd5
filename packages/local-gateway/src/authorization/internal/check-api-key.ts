/**
 * The `apiKeyRequired` step of a matched, authorized request: reads the key from the API's
 * `apiKeySource` and meters it against the usage plans. Runs after authorization allowed, as the
 * gateway model does: a refused request consumes no quota and never reaches this step. With
 * `apiKeyCheck: "before-authorization"` the key alone is checked first too ({@link refuseApiKeyFirst}).
 * @internal
 * @packageDocumentation
 */
import type { UsagePlanEvaluation } from "@gatehouse/policy";
import type { RequestScope } from "../../routing/internal/request-scope.js";
import type { UsagePlanMeter } from "../../server/internal/usage-plan-meter.js";
import type { IntegrationIdentity } from "./authorization.js";

/** @internal The request's API key: the `x-api-key` header (REST keeps the last one) or the authorizer's `usageIdentifierKey`. */
export function apiKeyOf(scope: RequestScope, identity: IntegrationIdentity): string | undefined {
  if ((scope.api.apiKeySource ?? "HEADER") === "HEADER") {
    const values = scope.request.lowerHeaders["x-api-key"];
    return values?.[values.length - 1];
  }
  return identity.kind === "lambda" ? identity.usageIdentifierKey : undefined;
}

/**
 * @internal `apiKeyCheck: "before-authorization"` (source `HEADER`): the usage-plan refusal of a
 * missing, unknown, disabled or unplanned `x-api-key`, before any authorization step; `undefined`
 * when the key is good. Meters nothing: throttling and quota run after authorization.
 */
export function refuseApiKeyFirst(
  scope: RequestScope,
  meter: UsagePlanMeter,
): UsagePlanEvaluation | undefined {
  if (scope.route.apiKeyRequired !== true || scope.api.apiKeyCheck !== "before-authorization") {
    return undefined;
  }
  const evaluation = meter.peek(
    {
      apiId: scope.api.apiId,
      stage: scope.api.stage,
      route: scope.route.routeKey,
      method: scope.request.method,
      apiKey: apiKeyOf(scope, { kind: "none" }),
    },
    scope.now,
  );
  return evaluation.reason === "invalid_api_key" ? evaluation : undefined;
}

/** @internal Meters the request against the usage plans (the gateway's clock, `scope.now`). */
export function checkApiKey(
  scope: RequestScope,
  meter: UsagePlanMeter,
  identity: IntegrationIdentity,
): UsagePlanEvaluation {
  return meter.meter(
    {
      apiId: scope.api.apiId,
      stage: scope.api.stage,
      route: scope.route.routeKey,
      method: scope.request.method,
      apiKey: apiKeyOf(scope, identity),
    },
    scope.now,
  );
}
