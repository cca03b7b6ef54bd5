import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPolicyError } from "../errors.js";
import { evaluateUsagePlan } from "./evaluate-usage-plan.js";
import { parseUsagePlans } from "./parse-usage-plans.js";
import type { UsagePlansConfig } from "./usage-plan-config.js";
import { emptyUsagePlanState } from "./usage-plan-state.js";

// Near-valid configs: every field sometimes right, sometimes wrong.
const keyValue = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9]{20,40}$/),
  fc.string({ maxLength: 30 }),
  fc.constant(42),
);
const number = fc.oneof(
  fc.integer({ min: -2, max: 50 }),
  fc.double({ noNaN: false }),
  fc.constant("1"),
);
const config = fc.record({
  apiKeys: fc.array(
    fc.record(
      {
        id: fc.constantFrom("a", "b", "c", ""),
        value: keyValue,
        enabled: fc.oneof(fc.boolean(), fc.constant("yes")),
      },
      { requiredKeys: ["id", "value"] },
    ),
    { maxLength: 4 },
  ),
  usagePlans: fc.array(
    fc.record(
      {
        id: fc.constantFrom("p", "q", "r"),
        apiStages: fc.array(
          fc.record(
            {
              apiId: fc.constantFrom("abc123", "ABC", "def456"),
              stage: fc.constantFrom("prod", "dev", "bad stage"),
              throttle: fc.dictionary(
                fc.constantFrom("GET /pets", "POST /orders", "/pets/GET", "$connect", "FETCH /x"),
                fc.record({ rateLimit: number, burstLimit: number }),
                { maxKeys: 2 },
              ),
            },
            { requiredKeys: ["apiId", "stage"] },
          ),
          { maxLength: 2 },
        ),
        throttle: fc.record({ rateLimit: number, burstLimit: number }),
        quota: fc.record(
          {
            limit: number,
            period: fc.constantFrom("DAY", "WEEK", "MONTH", "YEAR"),
            offset: number,
          },
          { requiredKeys: ["limit", "period"] },
        ),
        apiKeys: fc.array(fc.constantFrom("a", "b", "c", "zz"), { maxLength: 3 }),
      },
      { requiredKeys: ["id", "apiStages", "apiKeys"] },
    ),
    { maxLength: 3 },
  ),
});

describe("parseUsagePlans fuzzing", () => {
  it("throws nothing but PolicyError for arbitrary input", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), config), (input) => {
        try {
          parseUsagePlans(input as UsagePlansConfig);
        } catch (error) {
          expect(isPolicyError(error)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("accepted plans evaluate any request without throwing, and never admit a key value they do not hold", () => {
    fc.assert(
      fc.property(
        config,
        fc.option(keyValue.filter((v) => typeof v === "string")),
        (input, apiKey) => {
          let plans: ReturnType<typeof parseUsagePlans>;
          try {
            plans = parseUsagePlans(input as UsagePlansConfig);
          } catch {
            return;
          }
          const evaluation = evaluateUsagePlan(
            plans,
            emptyUsagePlanState(),
            { apiId: "abc123", stage: "prod", route: "GET /pets", apiKey: apiKey ?? undefined },
            Date.parse("2026-12-05T10:00:00Z"),
          );
          const held = plans.config.apiKeys.some((key) => key.value === apiKey && key.enabled);
          if (!held) expect(evaluation.status).toBe(403);
        },
      ),
      { numRuns: 500 },
    );
  });
});
