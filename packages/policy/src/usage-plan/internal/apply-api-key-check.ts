/**
 * Runs the usage-plan step of the access model: on an allowed result (after authorization), and
 * with `checkOrder: "before-authorization"` the key check before authorization.
 * @internal
 * @packageDocumentation
 */
import type { ApiGatewayAccessResult } from "../../gateway/api-gateway-access.js";
import type { ApiKeyCheck } from "../api-key-check.js";
import { evaluateUsagePlan } from "../evaluate-usage-plan.js";
import type { UsagePlanEvaluation } from "../usage-plan-evaluation.js";

type Target = { apiId: string; stage: string };

/**
 * @internal Validates `apiKey` before any step runs.
 * @throws TypeError for a value that is not an ApiKeyCheck, an unknown `checkOrder`, or
 *   `"before-authorization"` with source `AUTHORIZER`.
 */
export function readApiKeyCheck(check: ApiKeyCheck): ApiKeyCheck {
  if (
    typeof check !== "object" ||
    check === null ||
    (check.source !== "HEADER" && check.source !== "AUTHORIZER")
  ) {
    throw new TypeError(
      'evaluateApiGatewayAccess: apiKey must be { source: "HEADER" | "AUTHORIZER", plans, state, route, ... }',
    );
  }
  const order = check.checkOrder;
  if (order !== undefined && order !== "after-authorization" && order !== "before-authorization") {
    throw new TypeError(
      `evaluateApiGatewayAccess: apiKey.checkOrder must be "after-authorization" or "before-authorization", got ${JSON.stringify(order)}`,
    );
  }
  if (order === "before-authorization" && check.source === "AUTHORIZER") {
    throw new TypeError(
      'evaluateApiGatewayAccess: apiKey.checkOrder "before-authorization" needs source "HEADER": an AUTHORIZER key is the authorizer\'s usageIdentifierKey, which exists only after the authorizer ran. Use "after-authorization" (the default).',
    );
  }
  return check;
}

function requireNow(now: Date | undefined): Date {
  if (now === undefined) {
    throw new TypeError(
      "evaluateApiGatewayAccess: now is required with apiKey (the usage plan's clock)",
    );
  }
  return now;
}

function evaluate(
  check: ApiKeyCheck,
  target: Target,
  apiKey: string | undefined,
  now: Date,
): UsagePlanEvaluation {
  return evaluateUsagePlan(
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
}

/**
 * @internal `checkOrder: "before-authorization"`: the 403 `INVALID_API_KEY` for a missing,
 * unknown, disabled or unplanned `x-api-key`, before any authorization step; `undefined` when the
 * key is good (or the order is the default). Nothing is metered here: throttling and quota run
 * after authorization, in {@link applyApiKeyCheck}.
 */
export function refuseKeyBeforeAuthorization(
  check: ApiKeyCheck,
  target: Target,
  now: Date | undefined,
  principal: string,
): ApiGatewayAccessResult | undefined {
  if (check.checkOrder !== "before-authorization") return undefined;
  const usagePlan = evaluate(check, target, check.headerValue, requireNow(now));
  if (usagePlan.reason !== "invalid_api_key") return undefined;
  return {
    status: 403,
    message: usagePlan.message,
    errorType: usagePlan.errorType,
    reason: "invalid_api_key",
    phase: "usage-plan",
    authorizerInvoked: false,
    authorizerFromCache: false,
    resourcePolicyDecision: "not-evaluated",
    identityDecision: "not-evaluated",
    combination: null,
    principal,
    // The state before this request: a refused key consumes nothing.
    usagePlan: { ...usagePlan, nextState: check.state },
  };
}

/** @internal The usage-plan step on the result of authorization. */
export function applyApiKeyCheck(
  result: ApiGatewayAccessResult,
  check: ApiKeyCheck,
  target: Target,
  now: Date | undefined,
): ApiGatewayAccessResult {
  // Authorization refused: the usage-plan step is not reached and nothing is consumed.
  if (result.status !== 200) return result;
  const apiKey =
    check.source === "HEADER" ? check.headerValue : result.authorizerResponse?.usageIdentifierKey;
  const usagePlan = evaluate(check, target, apiKey, requireNow(now));
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
