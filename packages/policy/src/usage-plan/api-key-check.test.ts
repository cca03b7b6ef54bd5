import { describe, expect, it } from "vitest";
import type { IamAuthorizerResponse } from "../authorizer-response/iam-authorizer-response.js";
import type { PolicyDocument } from "../document/policy-document.js";
import type { ApiGatewayAccessOptions } from "../gateway/api-gateway-access.js";
import { evaluateApiGatewayAccess } from "../gateway/evaluate-api-gateway-access.js";
import { parseUsagePlans } from "./parse-usage-plans.js";
import { fixturePlans, KEY_A } from "./test-support.js";
import { emptyUsagePlanState } from "./usage-plan-state.js";

const METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets";
const NOW = new Date("2026-12-05T10:00:00Z");
const plans = parseUsagePlans(fixturePlans());

const denyAll: PolicyDocument = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Deny", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" },
  ],
};

function response(effect: "Allow" | "Deny", usageIdentifierKey?: string): IamAuthorizerResponse {
  return {
    principalId: "user-1",
    policyDocument: {
      Version: "2012-10-17",
      Statement: [{ Action: "execute-api:Invoke", Effect: effect, Resource: METHOD_ARN }],
    },
    ...(usageIdentifierKey === undefined ? {} : { usageIdentifierKey }),
  };
}

function options(
  auth: "NONE" | "LAMBDA-allow" | "LAMBDA-deny" | "LAMBDA-unauthorized",
  source: "HEADER" | "AUTHORIZER",
  key: string | undefined,
  resourcePolicy: PolicyDocument | null = null,
): ApiGatewayAccessOptions {
  const apiKey = {
    source,
    headerValue: source === "HEADER" ? key : undefined,
    plans,
    state: emptyUsagePlanState(),
    route: "GET /pets",
  };
  const base = {
    methodArn: METHOD_ARN,
    endpointType: "REGIONAL" as const,
    now: NOW,
    resourcePolicy,
    apiKey,
  };
  if (auth === "NONE") return { ...base, authType: "NONE" };
  const authorizer =
    auth === "LAMBDA-unauthorized"
      ? ("unauthorized" as const)
      : response(
          auth === "LAMBDA-allow" ? "Allow" : "Deny",
          source === "AUTHORIZER" ? key : undefined,
        );
  return { ...base, authType: "LAMBDA", authorizer };
}

describe("evaluateApiGatewayAccess with apiKey: the usage-plan step runs after authorization", () => {
  // [case, options, status, reason, phase]
  const table: [string, ApiGatewayAccessOptions, number, string, string][] = [
    ["NONE + HEADER key", options("NONE", "HEADER", KEY_A), 200, "allowed", "policy"],
    ["NONE + no key", options("NONE", "HEADER", undefined), 403, "invalid_api_key", "usage-plan"],
    [
      "NONE + unknown key",
      options("NONE", "HEADER", "x".repeat(24)),
      403,
      "invalid_api_key",
      "usage-plan",
    ],
    // Authorization refuses first: the key is never looked at.
    [
      "resource policy Deny + no key",
      options("NONE", "HEADER", undefined, denyAll),
      403,
      "resource_policy_explicit_deny",
      "policy",
    ],
    [
      "LAMBDA pre-authorizer Deny + no key",
      options("LAMBDA-allow", "HEADER", undefined, denyAll),
      403,
      "resource_policy_explicit_deny",
      "pre-authorizer",
    ],
    [
      "LAMBDA Unauthorized + no key",
      options("LAMBDA-unauthorized", "HEADER", undefined),
      401,
      "authorizer_unauthorized",
      "authorizer",
    ],
    [
      "LAMBDA Deny + valid key",
      options("LAMBDA-deny", "HEADER", KEY_A),
      403,
      "authorizer_explicit_deny",
      "policy",
    ],
    [
      "LAMBDA Allow + HEADER key",
      options("LAMBDA-allow", "HEADER", KEY_A),
      200,
      "allowed",
      "policy",
    ],
    [
      "LAMBDA Allow + HEADER missing",
      options("LAMBDA-allow", "HEADER", undefined),
      403,
      "invalid_api_key",
      "usage-plan",
    ],
    [
      "LAMBDA Allow + usageIdentifierKey",
      options("LAMBDA-allow", "AUTHORIZER", KEY_A),
      200,
      "allowed",
      "policy",
    ],
    [
      "LAMBDA Allow without usageIdentifierKey",
      options("LAMBDA-allow", "AUTHORIZER", undefined),
      403,
      "invalid_api_key",
      "usage-plan",
    ],
    // AUTHORIZER source on a method without a Lambda authorizer: no key can come.
    [
      "NONE + AUTHORIZER source",
      options("NONE", "AUTHORIZER", KEY_A),
      403,
      "invalid_api_key",
      "usage-plan",
    ],
  ];
  it.each(table)("%s -> %i %s (%s)", async (_case, given, status, reason, phase) => {
    const result = await evaluateApiGatewayAccess(given);
    expect(result).toMatchObject({ status, reason, phase });
    if (reason === "invalid_api_key") {
      expect(result).toMatchObject({ message: "Forbidden", errorType: "ForbiddenException" });
    }
    // The usage plan is consulted only when authorization allowed.
    expect(result.usagePlan !== undefined).toBe(phase === "usage-plan" || status === 200);
  });

  it("returns the next usage-plan state; feeding it back throttles the burst", async () => {
    let state = emptyUsagePlanState();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const given = options("NONE", "HEADER", KEY_A);
      const result = await evaluateApiGatewayAccess({
        ...given,
        apiKey: { ...(given.apiKey as NonNullable<typeof given.apiKey>), state },
      });
      statuses.push(result.status);
      state = result.usagePlan?.nextState ?? state;
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("needs the injected clock", async () => {
    const { now: _now, ...rest } = options("NONE", "HEADER", KEY_A);
    await expect(evaluateApiGatewayAccess(rest as ApiGatewayAccessOptions)).rejects.toThrow(
      TypeError,
    );
  });
});
