import { describe, expectTypeOf, it } from "vitest";
import type { ConditionBlock } from "../document/policy-document.js";
import { buildHttpV2SimpleAuthorizerResponse } from "./build-http-v2-simple-authorizer-response.js";
import { buildRestAuthorizerResponse } from "./build-rest-authorizer-response.js";
import type { IamAuthorizerResponse } from "./iam-authorizer-response.js";
import type { AuthorizerConditionBlock } from "./iam-authorizer-statement.js";
import type { SimpleAuthorizerResponse } from "./simple-authorizer-response.js";

// The shapes of @types/aws-lambda (trigger/api-gateway-authorizer.d.ts, api-gateway-proxy.d.ts),
// copied so the package needs no dependency on it.
interface AwsLambdaCondition {
  [key: string]: string | string[];
}
interface AwsLambdaStatement {
  Effect: string;
  Sid?: string;
  Condition?: { [condition: string]: AwsLambdaCondition | AwsLambdaCondition[] };
  Action: string | string[];
  Resource: string | string[];
}
interface APIGatewayAuthorizerResult {
  principalId: string;
  policyDocument: { Version: string; Id?: string; Statement: AwsLambdaStatement[] };
  context?: { [name: string]: string | number | boolean | null | undefined } | null;
  usageIdentifierKey?: string | null;
}
interface APIGatewaySimpleAuthorizerResult {
  isAuthorized: boolean;
}

describe("authorizer response types", () => {
  it("an IamAuthorizerResponse is assignable to @types/aws-lambda's APIGatewayAuthorizerResult", () => {
    expectTypeOf<IamAuthorizerResponse>().toExtend<APIGatewayAuthorizerResult>();
  });

  it("a SimpleAuthorizerResponse is assignable to APIGatewaySimpleAuthorizerResult", () => {
    expectTypeOf<SimpleAuthorizerResponse>().toExtend<APIGatewaySimpleAuthorizerResult>();
  });

  it("an authorizer Condition is assignable to the policy-document ConditionBlock", () => {
    expectTypeOf<AuthorizerConditionBlock>().toExtend<ConditionBlock>();
  });

  it("the REST builder returns the flat-context response type", () => {
    expectTypeOf(buildRestAuthorizerResponse).returns.toEqualTypeOf<IamAuthorizerResponse>();
    expectTypeOf(
      buildHttpV2SimpleAuthorizerResponse,
    ).returns.toEqualTypeOf<SimpleAuthorizerResponse>();
  });

  it("the request-only scope does not compile without authorizerTtlSeconds: 0", () => {
    const methodArn = "arn:aws:execute-api:eu-west-1:111122223333:k3x9q2m7ab/prod/GET/x";
    expectTypeOf(buildRestAuthorizerResponse).toBeCallableWith({
      methodArn,
      principalId: "p",
      allow: { requestOnly: true, authorizerTtlSeconds: 0 },
    });
    expectTypeOf(buildRestAuthorizerResponse).toBeCallableWith({
      methodArn,
      principalId: "p",
      // @ts-expect-error a TTL other than 0 must not compile
      allow: { requestOnly: true, authorizerTtlSeconds: 300 },
    });
  });

  it("an object context value does not compile without nestedContext: json-string", () => {
    const methodArn = "arn:aws:execute-api:eu-west-1:111122223333:k3x9q2m7ab/prod/GET/x";
    expectTypeOf(buildRestAuthorizerResponse).toBeCallableWith({
      methodArn,
      principalId: "p",
      allow: "stage",
      context: { groups: ["a"] },
      nestedContext: "json-string",
    });
    // @ts-expect-error arrays need the explicit JSON packing
    expectTypeOf(buildRestAuthorizerResponse).toBeCallableWith({
      methodArn,
      principalId: "p",
      allow: "stage",
      context: { groups: ["a"] },
    });
  });
});
