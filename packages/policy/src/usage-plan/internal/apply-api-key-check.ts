/**
 * Runs the usage-plan step on an allowed result of the access model.
 * @internal
 * @packageDocumentation
 */
import type { ApiGatewayAccessResult } from "../../gateway/api-gateway-access.js";
import type { ApiKeyCheck } from "../api-key-check.js";
import { evaluateUsagePlan } from "../evaluate-usage-plan.js";

/** @internal */
export function applyApiKeyCheck(
  result: ApiGatewayAccessResult,
  check: ApiKeyCheck,
  target: { apiId: string; stage: string },
  now: Date | undefined,
): ApiGatewayAccessResult {
  if (
    typeof check !== "object" ||
    check === null ||
    (check.source !== "HEADER" && check.source !== "AUTHORIZER")
  ) {
    throw new TypeError(
      'evaluateApiGatewayAccess: apiKey must be { source: "HEADER" | "AUTHORIZER", plans, state, route, ... }',
    );
  }
  // Authorization refused: the usage-plan step is not reached and nothing is consumed.
  if (result.status !== 200) return result;
  if (now === undefined) {
    throw new TypeError(
      "evaluateApiGatewayAccess: now is required with apiKey (the usage plan's clock)",
    );
  }
  const apiKey =
    check.source === "HEADER" ? check.headerValue : result.authorizerResponse?.usageIdentifierKey;
  const usagePlan = evaluateUsagePlan(
    check.plans,
    check.state,
    {
      apiId: target.apiId,
      stage: target.stage,
      route: check.route,
      ...(check.method === undefined ? {} : { method: check.method }),
      apiKey,
    },
    now,
  );
  if (usagePlan.status === 200) return { ...result, usagePlan };
  return {
    ...result,
    status: usagePlan.status,
    message: usagePlan.message,
    errorType: usagePlan.errorType,
    reason: usagePlan.reason === "allowed" ? result.reason : usagePlan.reason,
    phase: "usage-plan",
    usagePlan,
  };
}
