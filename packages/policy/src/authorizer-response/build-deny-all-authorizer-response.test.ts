import { describe, expect, it } from "vitest";
import { isPolicyError } from "../errors.js";
import { buildDenyAllAuthorizerResponse } from "./build-deny-all-authorizer-response.js";

describe("buildDenyAllAuthorizerResponse", () => {
  it("denies every route of the incoming stage explicitly", () => {
    expect(
      buildDenyAllAuthorizerResponse({
        arn: "arn:aws:execute-api:eu-west-1:111122223333:k3x9q2m7ab/prod/POST/orders",
        principalId: "user-42",
      }),
    ).toEqual({
      principalId: "user-42",
      policyDocument: {
        Version: "2012-10-17",
        Statement: [
          {
            Action: "execute-api:Invoke",
            Effect: "Deny",
            Resource: ["arn:aws:execute-api:eu-west-1:111122223333:k3x9q2m7ab/prod/*"],
          },
        ],
      },
    });
  });

  it("covers a WebSocket stage from a $connect ARN in aws-us-gov", () => {
    const response = buildDenyAllAuthorizerResponse({
      arn: "arn:aws-us-gov:execute-api:us-gov-west-1:111122223333:w5s0ck3t01/live/$connect",
      principalId: "user-42",
    });
    expect(response.policyDocument.Statement[0]?.Resource).toEqual([
      "arn:aws-us-gov:execute-api:us-gov-west-1:111122223333:w5s0ck3t01/live/*",
    ]);
  });

  it("rejects a bad ARN with invalid_arn at arn", () => {
    try {
      buildDenyAllAuthorizerResponse({ arn: "not-an-arn", principalId: "user-42" });
      expect.unreachable();
    } catch (error) {
      expect(isPolicyError(error) && [error.code, error.path]).toEqual(["invalid_arn", "arn"]);
    }
  });
});
