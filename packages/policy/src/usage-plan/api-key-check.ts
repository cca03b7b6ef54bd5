/**
 * The `apiKeyRequired` step of the API Gateway access model: what
 * {@link evaluateApiGatewayAccess} needs to run it.
 * @packageDocumentation
 */
import type { ApiKeySource } from "./usage-plan-config.js";
import type { UsagePlanState } from "./usage-plan-state.js";
import type { UsagePlans } from "./usage-plans.js";

/**
 * When API Gateway checks the API key of a method with `apiKeyRequired`, relative to
 * authorization (SigV4 / token checks, resource policy, authorizer). AWS does not document it for
 * key source `HEADER`, so both orders can be modelled:
 *
 * - `"after-authorization"` (the default): the key is checked once authorization allows; a
 *   refused request never reaches the key check.
 * - `"before-authorization"` (source `HEADER` only): a missing, unknown, disabled or unplanned key
 *   is refused (403 `INVALID_API_KEY`) before any authorization step runs (no authorizer call).
 *   Throttling and quota stay after authorization in both orders, so only authorized requests are
 *   metered and the usage-plan state does not depend on the order.
 *
 * Either way a request reaches the integration exactly when both the key and authorization
 * admit it; the orders differ only in which refusal (status, reason) a request with both problems
 * gets, and in whether the authorizer runs for a bad key.
 *
 * @example
 * ```ts
 * const order: ApiKeyCheckOrder = "before-authorization";
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-key-source.html
 */
export type ApiKeyCheckOrder = "after-authorization" | "before-authorization";

/**
 * A method with `apiKeyRequired: true`. By default the model runs the usage-plan step after
 * authorization (resource policy, IAM, authorizer): a refused request never reaches it and
 * consumes nothing; `checkOrder: "before-authorization"` checks the key first
 * ({@link ApiKeyCheckOrder}). With source `AUTHORIZER` the key is the Lambda authorizer's
 * `usageIdentifierKey`, so any other method authorization leaves the request without a key (403).
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
  /**
   * When the key is checked ({@link ApiKeyCheckOrder}); `"before-authorization"` needs source
   * `HEADER` (an `AUTHORIZER` key exists only once the authorizer ran: a `TypeError`).
   * @default "after-authorization"
   */
  checkOrder?: ApiKeyCheckOrder;
}
