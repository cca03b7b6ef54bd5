/**
 * The `apiKeyRequired` step of the API Gateway access model: what
 * {@link evaluateApiGatewayAccess} needs to run it.
 * @packageDocumentation
 */
import type { ApiKeySource } from "./usage-plan-config.js";
import type { UsagePlanState } from "./usage-plan-state.js";
import type { UsagePlans } from "./usage-plans.js";

/**
 * A method with `apiKeyRequired: true`. The model runs the usage-plan step after authorization
 * (resource policy, IAM, authorizer): a refused request never reaches it and consumes nothing.
 * With source `AUTHORIZER` the key is the Lambda authorizer's `usageIdentifierKey`, so any other
 * method authorization leaves the request without a key (403).
 *
 * @example
 * ```ts
 * const check: ApiKeyCheck = {
 *   source: "HEADER",
 *   headerValue: "a1b2c3d4e5f6g7h8i9j0k1l2",
 *   plans: parseUsagePlans({ apiKeys: [], usagePlans: [] }),
 *   state: emptyUsagePlanState(),
 *   route: "GET /pets",
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-key-source.html
 */
export interface ApiKeyCheck {
  /** The API's `apiKeySource`. */
  source: ApiKeySource;
  /** Source `HEADER`: the request's `x-api-key` header, `undefined` when absent. */
  headerValue?: string | undefined;
  /** From {@link parseUsagePlans}. */
  plans: UsagePlans;
  /** The usage-plan state before this request; the next one is in the result's `usagePlan`. */
  state: UsagePlanState;
  /** The method as configured (`"GET /pets/{id}"`, `"$connect"`), for per-method throttling. */
  route: string;
  /** The request's verb, for an override of a concrete verb on an `ANY` method. */
  method?: string;
}
