import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AuthorizerResponse } from "./authorizer-options.js";
import { createAuthorizer } from "./create-authorizer.js";
import { standInArn } from "./internal/unusual-arn.js";
import {
  FAKE_NOW_SECONDS,
  fakeVerifier,
  serverlessOfflineAllows,
  serverlessOfflineEvent,
} from "./test-support.js";

const now = () => FAKE_NOW_SECONDS * 1000;

const tokenText = fc.stringMatching(/^[A-Za-z0-9._~+/-]{1,40}$/);
const literal = fc.stringMatching(/^[a-z0-9_-]{1,12}$/);
const templateSegment = fc.oneof(
  literal,
  literal.map((name) => `{${name}}`),
  literal.map((name) => `{${name}*}`),
);
const resourcePath = fc
  .array(templateSegment, { minLength: 1, maxLength: 5 })
  .map((segments) => `/${segments.join("/")}`);
const emulatedRequest = fc.record({
  type: fc.constantFrom("TOKEN" as const, "REQUEST" as const),
  method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"),
  resourcePath,
  stage: fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
  region: fc.constantFrom("us-east-1", "eu-west-1", "ap-southeast-2"),
});

function policyOf(response: AuthorizerResponse) {
  if (!("policyDocument" in response)) throw new Error("expected an IAM response");
  return response.policyDocument;
}

describe("under serverless-offline, for any request", () => {
  it("a valid token gets an Allow serverless-offline honours; any other token gets 401", async () => {
    await fc.assert(
      fc.asyncProperty(emulatedRequest, tokenText, tokenText, async (request, good, bad) => {
        fc.pre(good !== bad);
        const handler = createAuthorizer({
          verifier: fakeVerifier({ [good]: { sub: "user-1" } }),
          now,
          hooks: { onWarning: () => undefined },
        });
        const allowed = serverlessOfflineEvent({ ...request, authorization: `Bearer ${good}` });
        const policy = policyOf(await handler(allowed as never));
        expect(serverlessOfflineAllows(policy, allowed.methodArn)).toBe(true);
        const refused = serverlessOfflineEvent({ ...request, authorization: `Bearer ${bad}` });
        await expect(handler(refused as never)).rejects.toThrow(/^Unauthorized$/);
      }),
      { numRuns: 150 },
    );
  });

  it("with onInvalidToken: deny, an invalid token's Deny is never let through", async () => {
    await fc.assert(
      fc.asyncProperty(emulatedRequest, tokenText, async (request, token) => {
        const handler = createAuthorizer({
          verifier: fakeVerifier({}),
          now,
          onInvalidToken: "deny",
          hooks: { onWarning: () => undefined },
        });
        const event = serverlessOfflineEvent({ ...request, authorization: `Bearer ${token}` });
        const policy = policyOf(await handler(event as never));
        expect(policy.Statement.every((statement) => statement.Effect === "Deny")).toBe(true);
        expect(serverlessOfflineAllows(policy, event.methodArn)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe("API Gateway's own ARNs", () => {
  it("are never read with stand-in ids (real AWS behaviour is unchanged)", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{12}$/),
        fc.stringMatching(/^[a-z0-9]{10}$/),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
        resourcePath,
        (account, apiId, stage, path) => {
          const arn = `arn:aws:execute-api:eu-west-1:${account}:${apiId}/${stage}/GET${path}`;
          expect(standInArn(arn)).toBeUndefined();
        },
      ),
    );
  });
});
