import { describe, expect, it } from "vitest";
import type { IamAuthorizerResponse } from "../authorizer-response/iam-authorizer-response.js";
import type { ApiKeyCheck, ApiKeyCheckOrder } from "../usage-plan/api-key-check.js";
import { parseUsagePlans } from "../usage-plan/parse-usage-plans.js";
import { fixturePlans, KEY_A, KEY_OFF } from "../usage-plan/test-support.js";
import { emptyUsagePlanState } from "../usage-plan/usage-plan-state.js";
import { wouldCachedPolicyAllow } from "./would-cached-policy-allow.js";

const METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets";
const NOW = new Date("2026-12-05T10:00:00Z");
const plans = parseUsagePlans(fixturePlans());

function cached(usageIdentifierKey?: string): IamAuthorizerResponse {
  return {
    principalId: "user-42",
    policyDocument: {
      Version: "2012-10-17",
      Statement: [
        {
          Action: "execute-api:Invoke",
          Effect: "Allow",
          Resource: "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*",
        },
      ],
    },
    ...(usageIdentifierKey === undefined ? {} : { usageIdentifierKey }),
  };
}

function apiKey(
  source: "HEADER" | "AUTHORIZER",
  headerValue: string | undefined,
  checkOrder?: ApiKeyCheckOrder,
): ApiKeyCheck {
  return {
    source,
    headerValue,
    plans,
    state: emptyUsagePlanState(),
    route: "GET /pets",
    ...(checkOrder === undefined ? {} : { checkOrder }),
  };
}

// A cached Allow does not carry the key: API Gateway checks the key (and meters it) on every
// request, so the cached verdict must too.
describe("wouldCachedPolicyAllow with an API key", () => {
  it.each([
    ["header key of a plan", apiKey("HEADER", KEY_A), undefined, 200, "allowed"],
    ["no header key", apiKey("HEADER", undefined), undefined, 403, "invalid_api_key"],
    ["disabled header key", apiKey("HEADER", KEY_OFF), undefined, 403, "invalid_api_key"],
    [
      "no header key, checked before authorization",
      apiKey("HEADER", undefined, "before-authorization"),
      undefined,
      403,
      "invalid_api_key",
    ],
    ["authorizer's usageIdentifierKey", apiKey("AUTHORIZER", undefined), KEY_A, 200, "allowed"],
    [
      "authorizer without a key",
      apiKey("AUTHORIZER", undefined),
      undefined,
      403,
      "invalid_api_key",
    ],
  ] as const)("%s -> %i %s", (_name, check, usageIdentifierKey, status, reason) => {
    const verdict = wouldCachedPolicyAllow({
      cachedResponse: cached(usageIdentifierKey),
      methodArn: METHOD_ARN,
      endpointType: "REGIONAL",
      now: NOW,
      apiKey: check,
    });
    expect(verdict).toMatchObject({ status, reason, allowed: status === 200 });
  });

  it("a throttled key is not allowed, whatever the cached policy says", () => {
    let state = emptyUsagePlanState();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const verdict = wouldCachedPolicyAllow({
        cachedResponse: cached(),
        methodArn: METHOD_ARN,
        endpointType: "REGIONAL",
        now: NOW,
        apiKey: { ...apiKey("HEADER", KEY_A), state },
      });
      statuses.push(verdict.status);
      state = verdict.usagePlan?.nextState ?? state;
    }
    // The fixture plan's burst is 3: the fourth request at the same instant is throttled.
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});
