import { describe, expect, it } from "vitest";
import { parseUsagePlans } from "./parse-usage-plans.js";
import { fixturePlans, KEY_A } from "./test-support.js";
import type { UsagePlansConfig } from "./usage-plan-config.js";

const plan = (extra: object) => ({
  id: "p",
  apiStages: [{ apiId: "abc123", stage: "prod" }],
  apiKeys: ["k"],
  ...extra,
});
const key = { id: "k", value: KEY_A };

describe("parseUsagePlans", () => {
  it("accepts the fixture and freezes what it returns", () => {
    const plans = parseUsagePlans(fixturePlans());
    expect(plans.kind).toBe("usage-plans");
    expect(plans.config.usagePlans.map((p) => p.id)).toEqual(["basic", "staging"]);
    expect(Object.isFrozen(plans.config.usagePlans[0])).toBe(true);
    expect(plans.config.apiKeys[2]?.enabled).toBe(false);
    expect(plans.config.apiKeys[0]?.enabled).toBe(true);
  });

  // [what, config, code, path]
  const refused: [string, unknown, string, string][] = [
    [
      "a 19-character key",
      { apiKeys: [{ id: "k", value: "a".repeat(19) }], usagePlans: [] },
      "invalid_api_key",
      "apiKeys[0].value",
    ],
    [
      "a 129-character key",
      { apiKeys: [{ id: "k", value: "a".repeat(129) }], usagePlans: [] },
      "invalid_api_key",
      "apiKeys[0].value",
    ],
    [
      "a key with a dash",
      { apiKeys: [{ id: "k", value: `${"a".repeat(20)}-x` }], usagePlans: [] },
      "invalid_api_key",
      "apiKeys[0].value",
    ],
    [
      "a non-boolean enabled",
      { apiKeys: [{ ...key, enabled: "yes" }], usagePlans: [] },
      "invalid_api_key",
      "apiKeys[0].enabled",
    ],
    [
      "a repeated key value",
      { apiKeys: [key, { id: "k2", value: KEY_A }], usagePlans: [] },
      "duplicate_api_key",
      "apiKeys[1].value",
    ],
    [
      "a repeated key id",
      { apiKeys: [key, { id: "k", value: `${KEY_A}x` }], usagePlans: [] },
      "duplicate_api_key",
      "apiKeys[1].id",
    ],
    [
      "a key in two plans of one stage",
      { apiKeys: [key], usagePlans: [plan({}), plan({ id: "q" })] },
      "api_key_stage_conflict",
      "usagePlans[1].apiKeys",
    ],
    [
      "a negative rate",
      { apiKeys: [key], usagePlans: [plan({ throttle: { rateLimit: -1, burstLimit: 1 } })] },
      "invalid_usage_plan",
      "usagePlans[0].throttle.rateLimit",
    ],
    [
      "a negative burst",
      { apiKeys: [key], usagePlans: [plan({ throttle: { rateLimit: 1, burstLimit: -1 } })] },
      "invalid_usage_plan",
      "usagePlans[0].throttle.burstLimit",
    ],
    [
      "a fractional burst",
      { apiKeys: [key], usagePlans: [plan({ throttle: { rateLimit: 1, burstLimit: 1.5 } })] },
      "invalid_usage_plan",
      "usagePlans[0].throttle.burstLimit",
    ],
    [
      "an unknown period",
      { apiKeys: [key], usagePlans: [plan({ quota: { limit: 1, period: "YEAR" } })] },
      "invalid_usage_plan",
      "usagePlans[0].quota.period",
    ],
    [
      "an offset above the limit",
      { apiKeys: [key], usagePlans: [plan({ quota: { limit: 1, period: "DAY", offset: 2 } })] },
      "invalid_usage_plan",
      "usagePlans[0].quota.offset",
    ],
    [
      "an unknown key id",
      { apiKeys: [key], usagePlans: [plan({ apiKeys: ["nope"] })] },
      "invalid_usage_plan",
      "usagePlans[0].apiKeys[0]",
    ],
    [
      "a plan without stages",
      { apiKeys: [key], usagePlans: [plan({ apiStages: [] })] },
      "invalid_usage_plan",
      "usagePlans[0].apiStages",
    ],
    [
      "a repeated plan id",
      {
        apiKeys: [key],
        usagePlans: [
          plan({}),
          plan({ apiKeys: [], apiStages: [{ apiId: "abc123", stage: "dev" }] }),
        ],
      },
      "invalid_usage_plan",
      "usagePlans[1].id",
    ],
    [
      "a bad API id",
      { apiKeys: [key], usagePlans: [plan({ apiStages: [{ apiId: "ABC", stage: "prod" }] })] },
      "invalid_api_id",
      "usagePlans[0].apiStages[0].apiId",
    ],
    [
      "a bad stage",
      { apiKeys: [key], usagePlans: [plan({ apiStages: [{ apiId: "abc123", stage: "a b" }] })] },
      "invalid_stage",
      "usagePlans[0].apiStages[0].stage",
    ],
    [
      "a malformed method key",
      {
        apiKeys: [key],
        usagePlans: [
          plan({
            apiStages: [
              {
                apiId: "abc123",
                stage: "prod",
                throttle: { "/pets/GET": { rateLimit: 1, burstLimit: 1 } },
              },
            ],
          }),
        ],
      },
      "invalid_usage_plan",
      "usagePlans[0].apiStages[0].throttle./pets/GET",
    ],
    [
      "an unknown verb in a method key",
      {
        apiKeys: [key],
        usagePlans: [
          plan({
            apiStages: [
              {
                apiId: "abc123",
                stage: "prod",
                throttle: { "FETCH /pets": { rateLimit: 1, burstLimit: 1 } },
              },
            ],
          }),
        ],
      },
      "invalid_http_method",
      "usagePlans[0].apiStages[0].throttle.FETCH /pets",
    ],
    ["not an object", null, "invalid_usage_plan", "config"],
  ];
  it.each(refused)("refuses %s", (_what, config, code, path) => {
    expect(() => parseUsagePlans(config as UsagePlansConfig)).toThrowCode(code, { path });
  });

  it("refuses a plan on a stage that does not exist when the stages are given", () => {
    const config = { apiKeys: [key], usagePlans: [plan({})] };
    expect(() =>
      parseUsagePlans(config, { stages: [{ apiId: "abc123", stage: "dev" }] }),
    ).toThrowCode("unknown_api_stage", { path: "usagePlans[0].apiStages[0]" });
    expect(parseUsagePlans(config, { stages: [{ apiId: "abc123", stage: "prod" }] }).kind).toBe(
      "usage-plans",
    );
  });

  it("allows one key in several plans of different stages", () => {
    const config = {
      apiKeys: [key],
      usagePlans: [plan({}), plan({ id: "q", apiStages: [{ apiId: "abc123", stage: "dev" }] })],
    };
    expect(parseUsagePlans(config).config.usagePlans).toHaveLength(2);
  });

  it("never puts a key value in an error message", () => {
    const secret = `${"S3cr3t".repeat(4)}!`;
    let message = "";
    try {
      parseUsagePlans({ apiKeys: [{ id: "k", value: secret }], usagePlans: [] });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("apiKeys[0].value");
    expect(message).not.toContain("S3cr3t");
  });
});
