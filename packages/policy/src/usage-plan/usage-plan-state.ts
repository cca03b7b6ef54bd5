/**
 * What usage plans remember between requests: token buckets and quota counters, as a value.
 * @packageDocumentation
 */

/** A token bucket after its last update. */
export interface UsagePlanBucket {
  /** Tokens left (fractional between refills). */
  readonly tokens: number;
  /** Epoch milliseconds of the last update. */
  readonly updatedAt: number;
}

/** A key's quota counter in one plan. */
export interface UsagePlanQuotaUsage {
  /** Epoch milliseconds of the start of the counted period. */
  readonly periodStart: number;
  /** Requests counted in that period (the initial period starts at the quota's `offset`). */
  readonly used: number;
}

/**
 * The state of every bucket and quota counter. Never changed in place: {@link evaluateUsagePlan}
 * returns the next state, so the same state and request always give the same answer. Keys are
 * opaque (plan, key and method ids); read them only for diagnostics.
 *
 * @example
 * ```ts
 * let state: UsagePlanState = emptyUsagePlanState();
 * state.buckets.size; // 0
 * ```
 */
export interface UsagePlanState {
  readonly buckets: ReadonlyMap<string, UsagePlanBucket>;
  readonly quotas: ReadonlyMap<string, UsagePlanQuotaUsage>;
}

/**
 * The state before any request: full buckets, no quota used.
 *
 * @returns An empty {@link UsagePlanState}.
 * @example
 * ```ts
 * const state = emptyUsagePlanState();
 * state.quotas.size; // 0
 * ```
 */
export function emptyUsagePlanState(): UsagePlanState {
  return { buckets: new Map(), quotas: new Map() };
}
