import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PolicyDocument } from "../document/policy-document.js";
import type {
  ApiGatewayAccessOptions,
  ApiGatewayAccessResult,
} from "../gateway/api-gateway-access.js";
import { evaluateApiGatewayAccess } from "../gateway/evaluate-api-gateway-access.js";
import type { ApiKeyCheckOrder } from "./api-key-check.js";
import { parseUsagePlans } from "./parse-usage-plans.js";
import { fixturePlans, KEY_A, KEY_B, KEY_OFF, KEY_OTHER_STAGE } from "./test-support.js";
import type { UsagePlanState } from "./usage-plan-state.js";
import { emptyUsagePlanState } from "./usage-plan-state.js";

const API = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod";
const plans = parseUsagePlans(fixturePlans());
const T0 = Date.parse("2026-12-05T10:00:00Z");

const policies: readonly (PolicyDocument | null)[] = [
  null,
  {
    Version: "2012-10-17",
    Statement: [
      { Effect: "Deny", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" },
    ],
  },
  {
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" },
      {
        Effect: "Deny",
        Principal: "*",
        Action: "execute-api:Invoke",
        Resource: "execute-api:/*/DELETE/*",
      },
    ],
  },
];

const request = fc.record({
  auth: fc.constantFrom("NONE", "LAMBDA", "JWT", "COGNITO_USER_POOLS", "AWS_IAM"),
  verb: fc.constantFrom("GET", "DELETE", "POST"),
  key: fc.constantFrom(undefined, "", KEY_A, KEY_B, KEY_OFF, KEY_OTHER_STAGE, "z".repeat(30)),
  policy: fc.nat({ max: policies.length - 1 }),
  lambda: fc.constantFrom("allow", "deny", "silent", "unauthorized", "error"),
  jwt: fc.constantFrom("valid" as const, "invalid" as const, "insufficient_scope" as const),
  valid: fc.boolean(),
  signed: fc.boolean(),
  callerPolicy: fc.boolean(),
  gap: fc.integer({ min: 0, max: 2000 }),
});
type Request = typeof request extends fc.Arbitrary<infer T> ? T : never;

function optionsOf(
  input: Request,
  order: ApiKeyCheckOrder,
  state: UsagePlanState,
  now: Date,
  calls: { count: number },
): ApiGatewayAccessOptions {
  const methodArn = `${API}/${input.verb}/orders`;
  const base = {
    methodArn,
    endpointType: "REGIONAL" as const,
    now,
    resourcePolicy: policies[input.policy] ?? null,
    apiKey: {
      source: "HEADER" as const,
      headerValue: input.key,
      plans,
      state,
      route: `${input.verb} /orders`,
      method: input.verb,
      checkOrder: order,
    },
  };
  switch (input.auth) {
    case "NONE":
      return { ...base, authType: "NONE" };
    case "JWT":
      return { ...base, authType: "JWT", jwtToken: input.jwt };
    case "COGNITO_USER_POOLS":
      return { ...base, authType: "COGNITO_USER_POOLS", cognitoTokenValid: input.valid };
    case "AWS_IAM":
      return {
        ...base,
        authType: "AWS_IAM",
        caller: input.signed
          ? {
              arn: "arn:aws:iam::123456789012:role/app",
              accountId: "123456789012",
              signatureValid: input.valid,
              callerPolicy: input.callerPolicy
                ? {
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Action: "execute-api:Invoke", Resource: "*" }],
                  }
                : null,
            }
          : null,
      };
    default:
      return {
        ...base,
        authType: "LAMBDA",
        authorizer: () => {
          calls.count++;
          if (input.lambda === "unauthorized") throw new Error("Unauthorized");
          if (input.lambda === "error") throw new Error("boom");
          return {
            principalId: "user-1",
            policyDocument: {
              Version: "2012-10-17",
              Statement: [
                {
                  Action: "execute-api:Invoke",
                  Effect: input.lambda === "deny" ? "Deny" : "Allow",
                  Resource: input.lambda === "silent" ? `${API}/GET/elsewhere` : methodArn,
                },
              ],
            },
          };
        },
      };
  }
}

describe("apiKey.checkOrder: both orders admit the same requests", () => {
  it("agree on whether the integration runs, and keep the same usage-plan state, over any sequence", async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 8 }), async (requests) => {
        let after = emptyUsagePlanState();
        let before = emptyUsagePlanState();
        let time = T0;
        for (const input of requests) {
          time += input.gap;
          const now = new Date(time);
          const afterCalls = { count: 0 };
          const beforeCalls = { count: 0 };
          const a: ApiGatewayAccessResult = await evaluateApiGatewayAccess(
            optionsOf(input, "after-authorization", after, now, afterCalls),
          );
          const b: ApiGatewayAccessResult = await evaluateApiGatewayAccess(
            optionsOf(input, "before-authorization", before, now, beforeCalls),
          );
          // The integration runs (200) for exactly the same requests.
          expect(b.status === 200, JSON.stringify({ input, a: a.reason, b: b.reason })).toBe(
            a.status === 200,
          );
          if (a.status === 200) expect(b).toEqual(a);
          // Only the refusal differs, and only towards the key's: 403 INVALID_API_KEY first.
          if (b.status !== a.status || b.reason !== a.reason) {
            expect(b).toMatchObject({ status: 403, reason: "invalid_api_key" });
            expect(b.authorizerInvoked).toBe(false);
            seen.add(`${a.reason}->${b.reason}`);
          }
          // The authorizer never runs more often with the key first.
          expect(beforeCalls.count).toBeLessThanOrEqual(afterCalls.count);
          // Metering happens after authorization in both orders: the states stay equal.
          after = a.usagePlan?.nextState ?? after;
          before = b.usagePlan?.nextState ?? before;
          expect(before).toEqual(after);
        }
      }),
      { numRuns: 300 },
    );
    // The runs saw the orders disagree on the refusal (else the property says nothing).
    expect(seen).toContain("authorizer_unauthorized->invalid_api_key");
    expect(seen).toContain("resource_policy_explicit_deny->invalid_api_key");
  }, 60_000);
});
