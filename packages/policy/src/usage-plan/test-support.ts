/** Test helpers of the usage-plan folder. */

import type { UsagePlansConfig } from "./usage-plan-config.js";
import type { UsagePlanRequest } from "./usage-plan-evaluation.js";

/** Key values of the fixtures: 20+ letters and digits. */
export const KEY_A = "partnerAkey0123456789abcd";
export const KEY_B = "partnerBkey0123456789abcd";
export const KEY_OFF = "disabledKey0123456789abcd";
export const KEY_OTHER_STAGE = "otherStageKey0123456789ab";

/** Two stages of one API; plan "basic" on prod with throttle, quota and a POST override. */
export function fixturePlans(): UsagePlansConfig {
  return {
    apiKeys: [
      { id: "a", value: KEY_A },
      { id: "b", value: KEY_B },
      { id: "off", value: KEY_OFF, enabled: false },
      { id: "other", value: KEY_OTHER_STAGE },
    ],
    usagePlans: [
      {
        id: "basic",
        apiStages: [
          {
            apiId: "abc123",
            stage: "prod",
            throttle: { "POST /orders": { rateLimit: 0.5, burstLimit: 1 } },
          },
        ],
        throttle: { rateLimit: 2, burstLimit: 3 },
        quota: { limit: 5, period: "DAY" },
        apiKeys: ["a", "b", "off"],
      },
      { id: "staging", apiStages: [{ apiId: "abc123", stage: "staging" }], apiKeys: ["other"] },
    ],
  };
}

/** A GET /pets request on abc123/prod with `apiKey`. */
export function request(apiKey: string | undefined, route = "GET /pets"): UsagePlanRequest {
  return { apiId: "abc123", stage: "prod", route, apiKey };
}
