/**
 * The lookup tables of a {@link UsagePlans}: built once by `parseUsagePlans`, kept beside the
 * frozen object (a `WeakMap`, so nothing about the object itself can be changed).
 * @internal
 * @packageDocumentation
 */
import type { ThrottleSettings, UsagePlanConfig } from "../usage-plan-config.js";
import type { UsagePlans } from "../usage-plans.js";

/** @internal A key's plan on one API stage, with that stage's per-method overrides. */
export interface StagePlan {
  plan: UsagePlanConfig;
  /** `"GET /pets/{id}"` -> settings. */
  overrides: ReadonlyMap<string, ThrottleSettings>;
}

/** @internal */
export interface IndexedKey {
  id: string;
  enabled: boolean;
}

/** @internal */
export interface UsagePlanIndex {
  keysByValue: ReadonlyMap<string, IndexedKey>;
  /** `stageId(apiId, stage)` -> key id -> the key's (only) plan on that stage. */
  stages: ReadonlyMap<string, ReadonlyMap<string, StagePlan>>;
}

const indexes = new WeakMap<UsagePlans, UsagePlanIndex>();

/** @internal The map key of an API stage. */
export function stageId(apiId: string, stage: string): string {
  return `${apiId}/${stage}`;
}

/** @internal */
export function registerIndex(plans: UsagePlans, index: UsagePlanIndex): void {
  indexes.set(plans, index);
}

/** @internal The index of plans made by `parseUsagePlans`; a `TypeError` for anything else. */
export function indexOf(plans: UsagePlans): UsagePlanIndex {
  const index = indexes.get(plans);
  if (index === undefined) {
    throw new TypeError(
      "usage plans must come from parseUsagePlans() of this copy of @gatehouse/policy",
    );
  }
  return index;
}
