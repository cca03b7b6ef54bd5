import { describe, expect, it } from "vitest";
import { isPolicyError } from "../errors.js";
import { matchesWildcard } from "../wildcard/wildcard.js";
import { buildHttpV2IamAuthorizerResponse } from "./build-http-v2-iam-authorizer-response.js";

// Shaped like an HTTP API payload 2.0 event on the $default stage.
const ROUTE_ARN = "arn:aws:execute-api:eu-west-1:111122223333:h2v2api001/$default/POST/lambda";
const STAGE = "arn:aws:execute-api:eu-west-1:111122223333:h2v2api001/$default";

describe("buildHttpV2IamAuthorizerResponse", () => {
  it("allows the principal's routes of the incoming $default stage", () => {
    const response = buildHttpV2IamAuthorizerResponse({
      routeArn: ROUTE_ARN,
      principalId: "user-42",
      allow: ["POST /lambda", "GET /items/{id}"],
    });
    expect(response.policyDocument.Statement).toEqual([
      {
        Action: "execute-api:Invoke",
        Effect: "Allow",
        Resource: [`${STAGE}/POST/lambda`, `${STAGE}/GET/items/*`],
      },
    ]);
  });

  it('covers the $default route ARN with allow: "stage"', () => {
    const response = buildHttpV2IamAuthorizerResponse({
      routeArn: ROUTE_ARN,
      principalId: "user-42",
      allow: "stage",
    });
    const pattern = response.policyDocument.Statement[0]?.Resource;
    expect(pattern).toEqual([`${STAGE}/*`]);
    expect(matchesWildcard(`${STAGE}/*`, `${STAGE}/$default`)).toBe(true);
  });

  it("keeps nested context values", () => {
    const response = buildHttpV2IamAuthorizerResponse({
      routeArn: ROUTE_ARN,
      principalId: "user-42",
      allow: "stage",
      context: { groups: ["ops"], profile: { name: "Ada", manager: null } },
    });
    expect(response.context).toEqual({ groups: ["ops"], profile: { name: "Ada", manager: null } });
  });

  it("leaves undefined context members out", () => {
    const response = buildHttpV2IamAuthorizerResponse({
      routeArn: ROUTE_ARN,
      principalId: "user-42",
      allow: "stage",
      context: { email: undefined, userId: "user-42" },
    });
    expect(response.context).toEqual({ userId: "user-42" });
  });

  it("does not reserve claims (payload 2.0)", () => {
    const response = buildHttpV2IamAuthorizerResponse({
      routeArn: ROUTE_ARN,
      principalId: "user-42",
      allow: "stage",
      context: { claims: { sub: "user-42" } },
    });
    expect(response.context).toEqual({ claims: { sub: "user-42" } });
  });

  it("throws TypeError for the flat-context option nestedContext", () => {
    expect(() =>
      buildHttpV2IamAuthorizerResponse({
        routeArn: ROUTE_ARN,
        principalId: "user-42",
        allow: "stage",
        nestedContext: "json-string",
      } as never),
    ).toThrow(TypeError);
  });

  it("rejects a methodArn-style option name with TypeError (the 2.0 event field is routeArn)", () => {
    expect(() =>
      buildHttpV2IamAuthorizerResponse({
        methodArn: ROUTE_ARN,
        principalId: "user-42",
        allow: "stage",
      } as never),
    ).toThrow(TypeError);
  });

  it("rejects a bad routeArn with invalid_arn at routeArn", () => {
    try {
      buildHttpV2IamAuthorizerResponse({
        routeArn: "arn:aws:lambda:eu-west-1:111122223333:function:authorizer",
        principalId: "user-42",
        allow: "stage",
      });
      expect.unreachable();
    } catch (error) {
      expect(isPolicyError(error) && [error.code, error.path]).toEqual(["invalid_arn", "routeArn"]);
    }
  });
});
