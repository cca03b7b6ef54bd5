import { describe, expect, it } from "vitest";
import type { PolicyDocument } from "../document/policy-document.js";
import type { ApiGatewayAccessOptions } from "../gateway/api-gateway-access.js";
import { evaluateApiGatewayAccess } from "../gateway/evaluate-api-gateway-access.js";
import type { ApiKeyCheck, ApiKeyCheckOrder } from "./api-key-check.js";
import { parseUsagePlans } from "./parse-usage-plans.js";
import { fixturePlans, KEY_A, KEY_OFF, KEY_OTHER_STAGE } from "./test-support.js";
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

type Auth = "NONE" | "LAMBDA-allow" | "LAMBDA-unauthorized" | "JWT-invalid" | "IAM-unsigned";

/** The request, and a counter of the Lambda authorizer's invocations. */
function setup(
  auth: Auth,
  key: string | undefined,
  checkOrder: ApiKeyCheckOrder | undefined,
  resourcePolicy: PolicyDocument | null = null,
) {
  const calls = { count: 0 };
  const apiKey: ApiKeyCheck = {
    source: "HEADER",
    headerValue: key,
    plans,
    state: emptyUsagePlanState(),
    route: "GET /pets",
    ...(checkOrder === undefined ? {} : { checkOrder }),
  };
  const base = {
    methodArn: METHOD_ARN,
    endpointType: "REGIONAL" as const,
    now: NOW,
    resourcePolicy,
    apiKey,
  };
  let options: ApiGatewayAccessOptions;
  switch (auth) {
    case "NONE":
      options = { ...base, authType: "NONE" };
      break;
    case "JWT-invalid":
      options = { ...base, authType: "JWT", jwtToken: "invalid" };
      break;
    case "IAM-unsigned":
      options = { ...base, authType: "AWS_IAM", caller: null };
      break;
    default:
      options = {
        ...base,
        authType: "LAMBDA",
        authorizer: () => {
          calls.count++;
          if (auth === "LAMBDA-unauthorized") throw new Error("Unauthorized");
          return {
            principalId: "user-1",
            policyDocument: {
              Version: "2012-10-17",
              Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: METHOD_ARN }],
            },
          };
        },
      };
  }
  return { options, calls };
}

describe('evaluateApiGatewayAccess with apiKey.checkOrder "before-authorization"', () => {
  // [case, auth, key, resource policy, status, reason, phase, authorizer invoked]
  const table: [
    string,
    Auth,
    string | undefined,
    PolicyDocument | null,
    number,
    string,
    string,
    boolean,
  ][] = [
    [
      "LAMBDA + no key",
      "LAMBDA-allow",
      undefined,
      null,
      403,
      "invalid_api_key",
      "usage-plan",
      false,
    ],
    [
      "LAMBDA + unknown key",
      "LAMBDA-allow",
      "x".repeat(24),
      null,
      403,
      "invalid_api_key",
      "usage-plan",
      false,
    ],
    [
      "LAMBDA + disabled key",
      "LAMBDA-allow",
      KEY_OFF,
      null,
      403,
      "invalid_api_key",
      "usage-plan",
      false,
    ],
    [
      "LAMBDA + key of another stage",
      "LAMBDA-allow",
      KEY_OTHER_STAGE,
      null,
      403,
      "invalid_api_key",
      "usage-plan",
      false,
    ],
    // The key comes first: the resource policy's explicit Deny is not reached.
    [
      "LAMBDA + resource policy Deny + no key",
      "LAMBDA-allow",
      undefined,
      denyAll,
      403,
      "invalid_api_key",
      "usage-plan",
      false,
    ],
    [
      "NONE + resource policy Deny + no key",
      "NONE",
      undefined,
      denyAll,
      403,
      "invalid_api_key",
      "usage-plan",
      false,
    ],
    // ... and neither is a token or a signature check.
    [
      "JWT invalid token + no key",
      "JWT-invalid",
      undefined,
      null,
      403,
      "invalid_api_key",
      "usage-plan",
      false,
    ],
    [
      "AWS_IAM unsigned + no key",
      "IAM-unsigned",
      undefined,
      null,
      403,
      "invalid_api_key",
      "usage-plan",
      false,
    ],
    // A good key: authorization decides as usual.
    ["LAMBDA + valid key", "LAMBDA-allow", KEY_A, null, 200, "allowed", "policy", true],
    [
      "LAMBDA Unauthorized + valid key",
      "LAMBDA-unauthorized",
      KEY_A,
      null,
      401,
      "authorizer_unauthorized",
      "authorizer",
      true,
    ],
    [
      "LAMBDA + resource policy Deny + valid key",
      "LAMBDA-allow",
      KEY_A,
      denyAll,
      403,
      "resource_policy_explicit_deny",
      "pre-authorizer",
      false,
    ],
    [
      "JWT invalid token + valid key",
      "JWT-invalid",
      KEY_A,
      null,
      401,
      "jwt_token_invalid",
      "authentication",
      false,
    ],
  ];
  it.each(table)(
    "%s -> %i %s (%s)",
    async (_case, auth, key, resourcePolicy, status, reason, phase, invoked) => {
      const { options, calls } = setup(auth, key, "before-authorization", resourcePolicy);
      const result = await evaluateApiGatewayAccess(options);
      expect(result).toMatchObject({ status, reason, phase, authorizerInvoked: invoked });
      expect(calls.count).toBe(invoked ? 1 : 0);
      if (reason === "invalid_api_key") {
        expect(result).toMatchObject({
          message: "Forbidden",
          errorType: "ForbiddenException",
          resourcePolicyDecision: "not-evaluated",
          identityDecision: "not-evaluated",
          combination: null,
        });
        // A refused key consumes nothing.
        expect(result.usagePlan?.nextState).toEqual(options.apiKey?.state);
      }
    },
  );

  it.each([
    ["after-authorization (explicit)", "after-authorization" as const],
    ["the default", undefined],
  ])("with %s, the authorizer runs first and its refusal wins", async (_name, order) => {
    const { options, calls } = setup("LAMBDA-unauthorized", undefined, order);
    const result = await evaluateApiGatewayAccess(options);
    expect(result).toMatchObject({ status: 401, reason: "authorizer_unauthorized" });
    expect(calls.count).toBe(1);
  });

  it("still throttles after authorization only: a refused request consumes no token", async () => {
    // Burst 3: three admitted requests, then 429, in both orders.
    for (const order of ["before-authorization", "after-authorization"] as const) {
      let state = emptyUsagePlanState();
      const statuses: number[] = [];
      for (const auth of [
        "LAMBDA-unauthorized",
        "LAMBDA-allow",
        "LAMBDA-allow",
        "LAMBDA-allow",
        "LAMBDA-allow",
      ] as const) {
        const { options } = setup(auth, KEY_A, order);
        const result = await evaluateApiGatewayAccess({
          ...options,
          apiKey: { ...(options.apiKey as ApiKeyCheck), state },
        });
        statuses.push(result.status);
        state = result.usagePlan?.nextState ?? state;
      }
      expect(statuses, order).toEqual([401, 200, 200, 200, 429]);
    }
  });

  it("refuses before-authorization with source AUTHORIZER, and an unknown order, with a TypeError", async () => {
    const { options } = setup("LAMBDA-allow", KEY_A, "before-authorization");
    const authorizerSource = {
      ...options,
      apiKey: { ...(options.apiKey as ApiKeyCheck), source: "AUTHORIZER" as const },
    };
    await expect(evaluateApiGatewayAccess(authorizerSource)).rejects.toThrow(
      /needs source "HEADER"/,
    );
    const unknown = {
      ...options,
      apiKey: { ...(options.apiKey as ApiKeyCheck), checkOrder: "first" as never },
    };
    await expect(evaluateApiGatewayAccess(unknown)).rejects.toThrow(
      /checkOrder must be "after-authorization" or "before-authorization", got "first"/,
    );
  });

  it("needs the injected clock before authorization too", async () => {
    const { options, calls } = setup("LAMBDA-allow", undefined, "before-authorization");
    const { now: _now, ...rest } = options;
    await expect(evaluateApiGatewayAccess(rest as ApiGatewayAccessOptions)).rejects.toThrow(
      /now is required/,
    );
    expect(calls.count).toBe(0);
  });
});
