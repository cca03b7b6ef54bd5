/**
 * What {@link evaluateUsagePlan} takes and returns.
 * @packageDocumentation
 */
import type { UsagePlanState } from "./usage-plan-state.js";

/** One request to a method that requires an API key. */
export interface UsagePlanRequest {
  /** The API id. */
  apiId: string;
  /** The stage name. */
  stage: string;
  /**
   * The method as configured: `"GET /pets/{id}"`, `"ANY /{proxy+}"`, or `"$connect"` for a
   * WebSocket API; it selects per-method throttling overrides.
   */
  route: string;
  /** The request's HTTP verb, to match an override of a concrete verb on an `ANY` method. */
  method?: string;
  /**
   * The key: the `x-api-key` header (source `HEADER`) or the authorizer's `usageIdentifierKey`
   * (source `AUTHORIZER`); `undefined` when the request has none.
   */
  apiKey: string | undefined;
}

/** Why a key was refused with 403 `INVALID_API_KEY`. */
export type ApiKeyRefusal =
  /** The request carries no key. */
  | "missing"
  /** No API key has this value. */
  | "unknown"
  /** The key exists but is disabled. */
  | "disabled"
  /** The key is in no usage plan bound to this API stage. */
  | "not_in_plan";

/** The gateway response type of a usage-plan refusal. */
export type UsagePlanResponseType = "INVALID_API_KEY" | "THROTTLED" | "QUOTA_EXCEEDED";

/**
 * The outcome of the usage-plan step for one request, and the state to keep for the next one.
 *
 * @example
 * ```ts
 * declare const plans: UsagePlans;
 * declare let state: UsagePlanState;
 * declare const request: UsagePlanRequest;
 * const evaluation: UsagePlanEvaluation = evaluateUsagePlan(plans, state, request, new Date());
 * state = evaluation.nextState;
 * if (evaluation.status === 429) console.log(evaluation.responseType); // THROTTLED or QUOTA_EXCEEDED
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
export interface UsagePlanEvaluation {
  /** 200: the request goes on; 403 bad key; 429 throttled or over quota. */
  status: 200 | 403 | 429;
  /** A stable code: `allowed`, `invalid_api_key`, `throttled`, `quota_exceeded`. */
  reason: "allowed" | "invalid_api_key" | "throttled" | "quota_exceeded";
  /** Set with `invalid_api_key`: what was wrong with the key. */
  keyRefusal?: ApiKeyRefusal;
  /** API Gateway's gateway response type; `null` for 200. */
  responseType: UsagePlanResponseType | null;
  /** The `message` of the response body: `Forbidden`, `Too Many Requests`, `Limit Exceeded`; `null` for 200. */
  message: "Forbidden" | "Too Many Requests" | "Limit Exceeded" | null;
  /** The `x-amzn-ErrorType` header; `null` for 200. */
  errorType: "ForbiddenException" | "TooManyRequestsException" | "LimitExceededException" | null;
  /** The key's id, once the key is known (never its value). */
  apiKeyId?: string;
  /** The plan that metered the request, once known. */
  usagePlanId?: string;
  /** Requests left in the quota period after this one; absent without a quota. */
  remainingQuota?: number;
  /** The state after this request; equal in content to the input when nothing was consumed. */
  nextState: UsagePlanState;
}
