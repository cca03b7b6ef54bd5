/**
 * The gateway's usage-plan state: one value, replaced by the next state `evaluateUsagePlan`
 * returns. Evaluate and commit happen in one synchronous call, so concurrent requests never
 * read the same state twice.
 * @internal
 * @packageDocumentation
 */
import {
  emptyUsagePlanState,
  evaluateUsagePlan,
  parseUsagePlans,
  type UsagePlanEvaluation,
  type UsagePlanRequest,
  type UsagePlanState,
  type UsagePlans,
} from "@gatehouse/policy";

/** @internal */
export class UsagePlanMeter {
  readonly #plans: UsagePlans;
  #state: UsagePlanState = emptyUsagePlanState();

  constructor(plans: UsagePlans | undefined) {
    this.#plans = plans ?? parseUsagePlans({ apiKeys: [], usagePlans: [] });
  }

  /**
   * Evaluates one request at `now` without keeping the next state: what the key check alone says
   * (`apiKeyCheck: "before-authorization"`), metering nothing.
   */
  peek(request: UsagePlanRequest, now: number): UsagePlanEvaluation {
    return evaluateUsagePlan(this.#plans, this.#state, request, now);
  }

  /** Evaluates one request at `now` (epoch ms) and keeps the next state. */
  meter(request: UsagePlanRequest, now: number): UsagePlanEvaluation {
    const evaluation = evaluateUsagePlan(this.#plans, this.#state, request, now);
    this.#state = evaluation.nextState;
    return evaluation;
  }
}
