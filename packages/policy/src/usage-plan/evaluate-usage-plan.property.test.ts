import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateUsagePlan } from "./evaluate-usage-plan.js";
import { parseUsagePlans } from "./parse-usage-plans.js";
import { KEY_A, KEY_OFF, request } from "./test-support.js";
import { emptyUsagePlanState } from "./usage-plan-state.js";

const T0 = Date.parse("2026-12-05T10:00:00Z");

function plansWith(rateLimit: number, burstLimit: number, limit = 1_000_000) {
  return parseUsagePlans({
    apiKeys: [
      { id: "a", value: KEY_A },
      { id: "off", value: KEY_OFF, enabled: false },
    ],
    usagePlans: [
      {
        id: "p",
        apiStages: [{ apiId: "abc123", stage: "prod" }],
        throttle: { rateLimit, burstLimit },
        quota: { limit, period: "DAY" },
        apiKeys: ["a", "off"],
      },
    ],
  });
}

/** Gaps between requests in ms (many zeros: bursts). */
const gaps = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3000 })), {
  minLength: 1,
  maxLength: 80,
});

describe("evaluateUsagePlan properties", () => {
  it("the token bucket never admits more than burst + rate * elapsed in any window", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.integer({ min: 0, max: 10 }),
        gaps,
        (rate, burst, steps) => {
          const plans = plansWith(rate, burst);
          let state = emptyUsagePlanState();
          let time = T0;
          const admitted: number[] = [];
          for (const gap of steps) {
            time += gap;
            const evaluation = evaluateUsagePlan(plans, state, request(KEY_A), time);
            state = evaluation.nextState;
            if (evaluation.status === 200) admitted.push(time);
          }
          // Every window [admitted[i], admitted[j]] holds at most burst + rate * elapsed requests.
          for (let i = 0; i < admitted.length; i++) {
            for (let j = i; j < admitted.length; j++) {
              const start = admitted[i] as number;
              const end = admitted[j] as number;
              expect(j - i + 1).toBeLessThanOrEqual(burst + (rate * (end - start)) / 1000 + 1e-9);
            }
          }
        },
      ),
    );
  });

  it("the quota is never exceeded within a period", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), gaps, (limit, steps) => {
        const plans = plansWith(1000, 1000, limit);
        let state = emptyUsagePlanState();
        let time = T0;
        let admitted = 0;
        for (const gap of steps) {
          // Stay within the day that holds T0 (10:00 UTC + at most 80 * 3 s).
          time += gap;
          const evaluation = evaluateUsagePlan(plans, state, request(KEY_A), time);
          state = evaluation.nextState;
          if (evaluation.status === 200) admitted++;
        }
        expect(admitted).toBeLessThanOrEqual(limit);
        expect(admitted).toBe(Math.min(limit, steps.length));
      }),
    );
  });

  it("a disabled, unknown or missing key never passes, whatever the state and time", () => {
    const plans = plansWith(1000, 1000);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constant(KEY_OFF),
          fc.constant(undefined),
          fc.stringMatching(/^[A-Za-z0-9]{0,130}$/).filter((s) => s !== KEY_A),
        ),
        fc.integer({ min: 0, max: 2 ** 41 }),
        (apiKey, time) => {
          const evaluation = evaluateUsagePlan(plans, emptyUsagePlanState(), request(apiKey), time);
          expect(evaluation.status).toBe(403);
          expect(evaluation.responseType).toBe("INVALID_API_KEY");
        },
      ),
    );
  });

  it("is pure: the same state, request and time give the same evaluation, and the input is untouched", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), gaps, (burst, steps) => {
        const plans = plansWith(1, burst, 10);
        let state = emptyUsagePlanState();
        let time = T0;
        for (const gap of steps) {
          time += gap;
          const before = JSON.stringify([[...state.buckets], [...state.quotas]]);
          const first = evaluateUsagePlan(plans, state, request(KEY_A), time);
          const second = evaluateUsagePlan(plans, state, request(KEY_A), time);
          expect(JSON.stringify([[...state.buckets], [...state.quotas]])).toBe(before);
          const { nextState: n1, ...r1 } = first;
          const { nextState: n2, ...r2 } = second;
          expect(r1).toEqual(r2);
          expect([...n1.buckets]).toEqual([...n2.buckets]);
          expect([...n1.quotas]).toEqual([...n2.quotas]);
          state = first.nextState;
        }
      }),
    );
  });
});
