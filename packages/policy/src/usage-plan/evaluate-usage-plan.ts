/**
 * The usage-plan step of API Gateway for one request: API key, throttling, quota.
 * @packageDocumentation
 */
import { periodStart } from "./internal/quota-window.js";
import { hasToken, refill, take } from "./internal/token-bucket.js";
import { indexOf, stageId } from "./internal/usage-plan-index.js";
import type {
  ApiKeyRefusal,
  UsagePlanEvaluation,
  UsagePlanRequest,
} from "./usage-plan-evaluation.js";
import type { UsagePlanState } from "./usage-plan-state.js";
import type { UsagePlans } from "./usage-plans.js";

function invalidKey(state: UsagePlanState, keyRefusal: ApiKeyRefusal): UsagePlanEvaluation {
  return {
    status: 403,
    reason: "invalid_api_key",
    keyRefusal,
    responseType: "INVALID_API_KEY",
    message: "Forbidden",
    errorType: "ForbiddenException",
    nextState: state,
  };
}

function checkRequest(request: UsagePlanRequest): void {
  if (typeof request !== "object" || request === null) {
    throw new TypeError("evaluateUsagePlan: request must be an object");
  }
  for (const name of ["apiId", "stage", "route"] as const) {
    if (typeof request[name] !== "string") {
      throw new TypeError(`evaluateUsagePlan: request.${name} must be a string`);
    }
  }
  if (request.method !== undefined && typeof request.method !== "string") {
    throw new TypeError("evaluateUsagePlan: request.method must be a string");
  }
  if (request.apiKey !== undefined && typeof request.apiKey !== "string") {
    throw new TypeError("evaluateUsagePlan: request.apiKey must be a string or undefined");
  }
}

function timeOf(now: Date | number): number {
  const ms = typeof now === "number" ? now : now instanceof Date ? now.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new TypeError("now must be a valid Date or epoch milliseconds");
  return ms;
}

/**
 * Decides the usage-plan step for one request to a method with `apiKeyRequired`, as a pure
 * function: the same plans, state, request and time always give the same evaluation, and the
 * state to keep is returned, never changed in place.
 *
 * 1. The key: missing, unknown, disabled, or in no plan of this API stage -> 403 `INVALID_API_KEY`
 *    (`{"message":"Forbidden"}`).
 * 2. Throttling: the key's token bucket in its plan (or the method's own bucket when the plan's
 *    stage overrides it), full at first, `burstLimit` tokens at most, refilled at `rateLimit` per
 *    second; no whole token -> 429 `THROTTLED` (`Too Many Requests`).
 * 3. Quota: the key's requests in the plan's current period (UTC days, Monday weeks, months from
 *    the 1st; the first period starts at `offset`); at the limit -> 429 `QUOTA_EXCEEDED`
 *    (`Limit Exceeded`).
 *
 * A refused request consumes nothing; an admitted one takes a token and counts one request.
 * AWS applies throttling and quotas on a best-effort basis: this model is exact, AWS may admit a
 * few more.
 *
 * @param plans - From {@link parseUsagePlans}.
 * @param state - The state after the previous request ({@link emptyUsagePlanState} at first).
 * @param request - The API stage, method and key.
 * @param now - The request time (a `Date` or epoch milliseconds): the injected clock.
 * @returns The status, reason and gateway response, and the next state.
 * @throws TypeError when `plans` does not come from `parseUsagePlans`, `now` is not a time, or
 *   the request's fields are not strings.
 * @example
 * ```ts
 * const plans = parseUsagePlans({
 *   apiKeys: [{ id: "k1", value: "a1b2c3d4e5f6g7h8i9j0k1l2" }],
 *   usagePlans: [{ id: "p1", apiStages: [{ apiId: "abc123", stage: "prod" }],
 *     throttle: { rateLimit: 1, burstLimit: 1 }, apiKeys: ["k1"] }],
 * });
 * const request = { apiId: "abc123", stage: "prod", route: "GET /pets", apiKey: "a1b2c3d4e5f6g7h8i9j0k1l2" };
 * const first = evaluateUsagePlan(plans, emptyUsagePlanState(), request, 0);
 * const second = evaluateUsagePlan(plans, first.nextState, request, 10);
 * second.status; // 429 (THROTTLED): the bucket refills one token per second
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html
 */
export function evaluateUsagePlan(
  plans: UsagePlans,
  state: UsagePlanState,
  request: UsagePlanRequest,
  now: Date | number,
): UsagePlanEvaluation {
  const index = indexOf(plans);
  const time = timeOf(now);
  checkRequest(request);
  if (request.apiKey === undefined || request.apiKey === "") return invalidKey(state, "missing");
  const key = index.keysByValue.get(request.apiKey);
  if (key === undefined) return invalidKey(state, "unknown");
  if (!key.enabled) return { ...invalidKey(state, "disabled"), apiKeyId: key.id };
  const sid = stageId(request.apiId, request.stage);
  const stagePlan = index.stages.get(sid)?.get(key.id);
  if (stagePlan === undefined) return { ...invalidKey(state, "not_in_plan"), apiKeyId: key.id };
  const { plan, overrides } = stagePlan;
  const known = { apiKeyId: key.id, usagePlanId: plan.id };

  // Throttling: a method override has its own bucket per key; otherwise the plan's bucket.
  const resource = request.route.includes(" ")
    ? request.route.slice(request.route.indexOf(" ") + 1)
    : undefined;
  const concrete =
    request.method !== undefined && resource !== undefined
      ? `${request.method.toUpperCase()} ${resource}`
      : undefined;
  const overrideKey =
    concrete !== undefined && overrides.has(concrete)
      ? concrete
      : overrides.has(request.route)
        ? request.route
        : undefined;
  const settings = overrideKey === undefined ? plan.throttle : overrides.get(overrideKey);
  const bucketKey = JSON.stringify(
    overrideKey === undefined ? [plan.id, key.id] : [plan.id, key.id, sid, overrideKey],
  );
  const bucket =
    settings === undefined ? undefined : refill(state.buckets.get(bucketKey), settings, time);
  if (bucket !== undefined && !hasToken(bucket)) {
    return {
      status: 429,
      reason: "throttled",
      responseType: "THROTTLED",
      message: "Too Many Requests",
      errorType: "TooManyRequestsException",
      ...known,
      nextState: state,
    };
  }

  // Quota: per key and plan, across the plan's stages.
  const quotaKey = JSON.stringify([plan.id, key.id]);
  let used: number | undefined;
  let start = 0;
  if (plan.quota !== undefined) {
    start = periodStart(plan.quota.period, time);
    const counter = state.quotas.get(quotaKey);
    used =
      counter === undefined
        ? (plan.quota.offset ?? 0)
        : counter.periodStart === start
          ? counter.used
          : // A later period starts from zero; a clock gone back keeps the counter it has.
            counter.periodStart > start
            ? counter.used
            : 0;
    if (counter !== undefined && counter.periodStart > start) start = counter.periodStart;
    if (used >= plan.quota.limit) {
      return {
        status: 429,
        reason: "quota_exceeded",
        responseType: "QUOTA_EXCEEDED",
        message: "Limit Exceeded",
        errorType: "LimitExceededException",
        ...known,
        remainingQuota: 0,
        nextState: state,
      };
    }
  }

  const buckets =
    bucket === undefined ? state.buckets : new Map(state.buckets).set(bucketKey, take(bucket));
  const quotas =
    used === undefined
      ? state.quotas
      : new Map(state.quotas).set(quotaKey, { periodStart: start, used: used + 1 });
  return {
    status: 200,
    reason: "allowed",
    responseType: null,
    message: null,
    errorType: null,
    ...known,
    ...(used === undefined || plan.quota === undefined
      ? {}
      : { remainingQuota: plan.quota.limit - used - 1 }),
    nextState: { buckets, quotas },
  };
}
