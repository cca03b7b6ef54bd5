import { describe, expect, it } from "vitest";
import { buildHttpV1AuthorizerResponse } from "./build-http-v1-authorizer-response.js";

// Shaped like an HTTP API payload 1.0 event: REST-like methodArn.
const METHOD_ARN = "arn:aws:execute-api:us-east-1:111122223333:h77pv1abcd/test/GET/request";
const STAGE = "arn:aws:execute-api:us-east-1:111122223333:h77pv1abcd/test";

describe("buildHttpV1AuthorizerResponse", () => {
  it("allows the principal's routes of the incoming stage", () => {
    const response = buildHttpV1AuthorizerResponse({
      methodArn: METHOD_ARN,
      principalId: "user-42",
      allow: ["GET /request", "ANY /orders/{proxy+}"],
    });
    expect(response.policyDocument).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Action: "execute-api:Invoke",
          Effect: "Allow",
          Resource: [`${STAGE}/GET/request`, `${STAGE}/*/orders/*`],
        },
      ],
    });
  });

  it("rejects the reserved context key claims", () => {
    expect(() =>
      buildHttpV1AuthorizerResponse({
        methodArn: METHOD_ARN,
        principalId: "user-42",
        allow: "stage",
        context: { claims: "x" },
      }),
    ).toThrowCode("invalid_context", { path: "context.claims" });
  });

  it("rejects an object context value", () => {
    expect(() =>
      buildHttpV1AuthorizerResponse({
        methodArn: METHOD_ARN,
        principalId: "user-42",
        allow: "stage",
        context: { profile: { name: "Ada" } } as never,
      }),
    ).toThrowCode("invalid_context", { path: "context.profile" });
  });

  it("packs an object context value as JSON when asked", () => {
    const response = buildHttpV1AuthorizerResponse({
      methodArn: METHOD_ARN,
      principalId: "user-42",
      allow: "stage",
      context: { profile: { name: "Ada" } },
      nestedContext: "json-string",
    });
    expect(response.context).toEqual({ profile: '{"name":"Ada"}' });
  });

  it("throws TypeError for usageIdentifierKey (HTTP APIs have no API keys)", () => {
    expect(() =>
      buildHttpV1AuthorizerResponse({
        methodArn: METHOD_ARN,
        principalId: "user-42",
        allow: "stage",
        usageIdentifierKey: "key",
      } as never),
    ).toThrow(/no API keys/);
  });

  it("takes partition and region from an aws-us-gov ARN", () => {
    const response = buildHttpV1AuthorizerResponse({
      methodArn:
        "arn:aws-us-gov:execute-api:us-gov-east-1:111122223333:h77pv1abcd/test/GET/request",
      principalId: "user-42",
      allow: ["GET /request"],
    });
    expect(response.policyDocument.Statement[0]?.Resource).toEqual([
      "arn:aws-us-gov:execute-api:us-gov-east-1:111122223333:h77pv1abcd/test/GET/request",
    ]);
  });

  it("rejects a truncated ARN with invalid_arn", () => {
    expect(() =>
      buildHttpV1AuthorizerResponse({
        methodArn: "arn:aws:execute-api:us-east-1:111122223333:h77pv1abcd",
        principalId: "user-42",
        allow: "stage",
      }),
    ).toThrowCode("invalid_arn", { path: "methodArn" });
  });
});
