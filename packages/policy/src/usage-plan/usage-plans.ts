/**
 * A validated set of API keys and usage plans.
 * @packageDocumentation
 */
import type { UsagePlansConfig } from "./usage-plan-config.js";

/**
 * API keys and usage plans checked by {@link parseUsagePlans}: immutable, indexed once, and what
 * {@link evaluateUsagePlan} reads. Its `config` is a frozen copy of the input.
 *
 * @example
 * ```ts
 * const plans: UsagePlans = parseUsagePlans({ apiKeys: [], usagePlans: [] });
 * plans.config.usagePlans.length; // 0
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html
 */
export interface UsagePlans {
  readonly kind: "usage-plans";
  /** The keys and plans, frozen; key values included (do not log them). */
  readonly config: UsagePlansConfig;
}
