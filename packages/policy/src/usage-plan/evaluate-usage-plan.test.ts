import { describe, expect, it } from "vitest";
import { evaluateUsagePlan } from "./evaluate-usage-plan.js";
import { parseUsagePlans } from "./parse-usage-plans.js";
import { fixturePlans, KEY_A, KEY_B, KEY_OFF, KEY_OTHER_STAGE, request } from "./test-support.js";
import type { UsagePlanRequest } from "./usage-plan-evaluation.js";
import { emptyUsagePlanState, type UsagePlanState } from "./usage-plan-state.js";

const plans = parseUsagePlans(fixturePlans());
const T0 = Date.parse("2026-12-05T10:00:00Z");

/** Runs requests in order at the given times; returns the statuses and reasons. */
function run(steps: [UsagePlanRequest, number][], start: UsagePlanState = emptyUsagePlanState()) {
  let state = start;
  return steps.map(([req, time]) => {
    const evaluation = evaluateUsagePlan(plans, state, req, time);
    state = evaluation.nextState;
    return `${evaluation.status} ${evaluation.reason}`;
  });
}

describe("evaluateUsagePlan: the API key", () => {
  // [what, key, keyRefusal]
  const table: [string, string | undefined, string][] = [
    ["no key", undefined, "missing"],
    ["an empty key", "", "missing"],
    ["an unknown key", "unknownKey0123456789abcd", "unknown"],
    ["a disabled key", KEY_OFF, "disabled"],
    ["a key of another stage's plan", KEY_OTHER_STAGE, "not_in_plan"],
  ];
  it.each(table)("%s -> 403 INVALID_API_KEY (%s)", (_what, apiKey, keyRefusal) => {
    const state = emptyUsagePlanState();
    const evaluation = evaluateUsagePlan(plans, state, request(apiKey), T0);
    expect(evaluation).toMatchObject({
      status: 403,
      reason: "invalid_api_key",
      keyRefusal,
      responseType: "INVALID_API_KEY",
      message: "Forbidden",
      errorType: "ForbiddenException",
    });
    expect(evaluation.nextState).toBe(state);
  });

  it("a valid key in the stage's plan -> 200, with its key and plan ids and the quota left", () => {
    const evaluation = evaluateUsagePlan(plans, emptyUsagePlanState(), request(KEY_A), T0);
    expect(evaluation).toMatchObject({
      status: 200,
      reason: "allowed",
      responseType: null,
      message: null,
      errorType: null,
      apiKeyId: "a",
      usagePlanId: "basic",
      remainingQuota: 4,
    });
  });

  it("the same key opens every stage of its plan: the key identifies, it does not authorize", () => {
    const staging = { ...request(KEY_OTHER_STAGE), stage: "staging" };
    expect(evaluateUsagePlan(plans, emptyUsagePlanState(), staging, T0).status).toBe(200);
  });

  it("refuses plans that do not come from parseUsagePlans", () => {
    const forged = { kind: "usage-plans" as const, config: fixturePlans() };
    expect(() => evaluateUsagePlan(forged, emptyUsagePlanState(), request(KEY_A), T0)).toThrow(
      TypeError,
    );
  });
});

describe("evaluateUsagePlan: throttling (rate 2/s, burst 3)", () => {
  it("admits the burst at once, then one request per half second", () => {
    const a = request(KEY_A);
    expect(
      run([
        [a, T0],
        [a, T0],
        [a, T0],
        [a, T0],
        [a, T0 + 499],
        [a, T0 + 500],
      ]),
    ).toEqual([
      "200 allowed",
      "200 allowed",
      "200 allowed",
      "429 throttled",
      "429 throttled",
      "200 allowed",
    ]);
  });

  it("gives each key its own bucket", () => {
    const a = request(KEY_A);
    const b = request(KEY_B);
    expect(
      run([
        [a, T0],
        [a, T0],
        [a, T0],
        [a, T0],
        [b, T0],
      ]),
    ).toEqual(["200 allowed", "200 allowed", "200 allowed", "429 throttled", "200 allowed"]);
  });

  it("a per-method override (POST /orders: rate 0.5/s, burst 1) has its own bucket", () => {
    const post = { ...request(KEY_A, "POST /orders") };
    const get = request(KEY_A);
    expect(
      run([
        [post, T0],
        [post, T0],
        [get, T0],
        [post, T0 + 1999],
        [post, T0 + 2000],
      ]),
    ).toEqual(["200 allowed", "429 throttled", "200 allowed", "429 throttled", "200 allowed"]);
  });

  it("matches an override of a concrete verb on an ANY method", () => {
    const anyRoute = { ...request(KEY_A, "ANY /orders"), method: "post" };
    expect(
      run([
        [anyRoute, T0],
        [anyRoute, T0],
      ]),
    ).toEqual(["200 allowed", "429 throttled"]);
  });

  it("a throttled request answers 429 THROTTLED and consumes nothing", () => {
    let state = emptyUsagePlanState();
    for (let i = 0; i < 3; i++)
      state = evaluateUsagePlan(plans, state, request(KEY_A), T0).nextState;
    const throttled = evaluateUsagePlan(plans, state, request(KEY_A), T0);
    expect(throttled).toMatchObject({
      status: 429,
      responseType: "THROTTLED",
      message: "Too Many Requests",
      errorType: "TooManyRequestsException",
    });
    expect(throttled.nextState).toBe(state);
  });
});

describe("evaluateUsagePlan: quota (5 per DAY)", () => {
  it("admits 5 requests in a UTC day, then 429 QUOTA_EXCEEDED until the next day", () => {
    const a = request(KEY_A);
    const steps: [UsagePlanRequest, number][] = [0, 1, 2, 3, 4, 5].map((i) => [a, T0 + i * 10_000]);
    steps.push([a, Date.parse("2026-12-05T23:59:59Z")], [a, Date.parse("2026-12-06T00:00:00Z")]);
    expect(run(steps)).toEqual([
      "200 allowed",
      "200 allowed",
      "200 allowed",
      "200 allowed",
      "200 allowed",
      "429 quota_exceeded",
      "429 quota_exceeded",
      "200 allowed",
    ]);
  });

  it("answers Limit Exceeded with LimitExceededException", () => {
    let state = emptyUsagePlanState();
    for (let i = 0; i < 5; i++) {
      state = evaluateUsagePlan(plans, state, request(KEY_A), T0 + i * 1000).nextState;
    }
    expect(evaluateUsagePlan(plans, state, request(KEY_A), T0 + 10_000)).toMatchObject({
      status: 429,
      reason: "quota_exceeded",
      responseType: "QUOTA_EXCEEDED",
      message: "Limit Exceeded",
      errorType: "LimitExceededException",
      remainingQuota: 0,
    });
  });

  it("starts the first period at the offset", () => {
    const withOffset = parseUsagePlans({
      apiKeys: [{ id: "a", value: KEY_A }],
      usagePlans: [
        {
          id: "p",
          apiStages: [{ apiId: "abc123", stage: "prod" }],
          quota: { limit: 3, period: "MONTH", offset: 2 },
          apiKeys: ["a"],
        },
      ],
    });
    const first = evaluateUsagePlan(withOffset, emptyUsagePlanState(), request(KEY_A), T0);
    expect(first.remainingQuota).toBe(0);
    const second = evaluateUsagePlan(withOffset, first.nextState, request(KEY_A), T0);
    expect(second.reason).toBe("quota_exceeded");
    // The next month starts from zero.
    const nextMonth = Date.parse("2027-01-01T00:00:00Z");
    expect(
      evaluateUsagePlan(withOffset, second.nextState, request(KEY_A), nextMonth).remainingQuota,
    ).toBe(2);
  });

  it("a throttled request does not count against the quota", () => {
    const a = request(KEY_A);
    // 3 admitted, 1 throttled at T0; later 2 more admitted: 5 in all, the quota's limit.
    expect(
      run([
        [a, T0],
        [a, T0],
        [a, T0],
        [a, T0],
        [a, T0 + 5000],
        [a, T0 + 6000],
        [a, T0 + 7000],
      ]),
    ).toEqual([
      "200 allowed",
      "200 allowed",
      "200 allowed",
      "429 throttled",
      "200 allowed",
      "200 allowed",
      "429 quota_exceeded",
    ]);
  });
});

describe("evaluateUsagePlan: misuse", () => {
  it.each([
    ["a numeric apiKey", { ...request(undefined), apiKey: 42 }],
    ["a missing route", { apiId: "abc123", stage: "prod", apiKey: KEY_A }],
    ["a null request", null],
  ])("throws TypeError for %s", (_what, given) => {
    expect(() =>
      evaluateUsagePlan(plans, emptyUsagePlanState(), given as UsagePlanRequest, T0),
    ).toThrow(TypeError);
  });

  it("throws TypeError for a time that is not one", () => {
    expect(() =>
      evaluateUsagePlan(plans, emptyUsagePlanState(), request(KEY_A), new Date(Number.NaN)),
    ).toThrow(TypeError);
  });
});
