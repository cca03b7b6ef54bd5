import { describe, expect, it } from "vitest";
import { buildHttpV2IamAuthorizerResponse } from "../../authorizer-response/build-http-v2-iam-authorizer-response.js";
import { buildRestAuthorizerResponse } from "../../authorizer-response/build-rest-authorizer-response.js";
import { routeTablePolicy } from "./route-table-policy.js";

const TARGET = {
  partition: "aws",
  region: "eu-west-1",
  accountId: "123456789012",
  apiId: "abc123",
  stage: "prod",
} as const;
const TABLE = { "GET /pets": {}, "GET /pets/{id}": {}, "POST /pets": { scopes: ["w"] } };

describe("routeTablePolicy", () => {
  it("is what createAuthorizer answers today on REST: the satisfied templates, same for every route", () => {
    const answer = routeTablePolicy(TABLE, ["GET /pets", "GET /pets/{id}"], TARGET, "rest", "u1");
    expect(answer).toEqual(
      buildRestAuthorizerResponse({
        methodArn: "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/POST/pets",
        principalId: "u1",
        allow: ["GET /pets", "GET /pets/{id}"],
      }),
    );
    expect(answer.policyDocument.Statement).toEqual([
      {
        Action: "execute-api:Invoke",
        Effect: "Allow",
        Resource: [
          "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets",
          "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets/*",
        ],
      },
    ]);
  });

  it("HTTP APIs: the payload 2.0 IAM response", () => {
    const target = { ...TARGET, stage: "$default" };
    expect(routeTablePolicy(TABLE, ["POST /pets"], target, "http", "u1")).toEqual(
      buildHttpV2IamAuthorizerResponse({
        routeArn: "arn:aws:execute-api:eu-west-1:123456789012:abc123/$default/GET/",
        principalId: "u1",
        allow: ["POST /pets"],
      }),
    );
  });

  it("nothing satisfied: an explicit Deny of the stage", () => {
    expect(routeTablePolicy(TABLE, [], TARGET, "rest").policyDocument.Statement).toEqual([
      {
        Action: "execute-api:Invoke",
        Effect: "Deny",
        Resource: ["arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/*"],
      },
    ]);
  });
});
