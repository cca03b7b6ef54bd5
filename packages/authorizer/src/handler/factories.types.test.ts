import type { IamAuthorizerResponse, SimpleAuthorizerResponse } from "@gatehouse/policy";
import type {
  APIGatewaySimpleAuthorizerResult,
  APIGatewayTokenAuthorizerHandler,
} from "aws-lambda";
import { describe, expect, expectTypeOf, it } from "vitest";
import { createHttpApiAuthorizer } from "./create-http-api-authorizer.js";
import { createRestTokenAuthorizer } from "./create-rest-token-authorizer.js";
import { createWebSocketAuthorizer } from "./create-web-socket-authorizer.js";
import { fakeVerifier } from "./test-support.js";

const verifier = fakeVerifier({});

describe("factory types", () => {
  it("a REST TOKEN handler is an @types/aws-lambda token authorizer handler", () => {
    const handler = createRestTokenAuthorizer({ verifier });
    expectTypeOf(handler).toExtend<APIGatewayTokenAuthorizerHandler>();
  });

  it("simple responses narrow the HTTP API handler to SimpleAuthorizerResponse", () => {
    const handler = createHttpApiAuthorizer({ verifier, http: { simpleResponses: true } });
    expectTypeOf(handler).returns.resolves.toEqualTypeOf<SimpleAuthorizerResponse>();
    expectTypeOf<SimpleAuthorizerResponse>().toExtend<APIGatewaySimpleAuthorizerResult>();
  });

  it("without simple responses the HTTP API handler answers IAM policies", () => {
    const handler = createHttpApiAuthorizer({ verifier });
    expectTypeOf(handler).returns.resolves.toEqualTypeOf<
      IamAuthorizerResponse<Record<string, unknown>>
    >();
  });

  it("the WebSocket factory does not take HTTP API options", () => {
    expect(() =>
      // @ts-expect-error http is not an option of the WebSocket factory
      createWebSocketAuthorizer({ verifier, http: { simpleResponses: true } }),
    ).toThrow(TypeError);
  });

  it("a verifier is required", () => {
    // @ts-expect-error verifier is missing
    expect(() => createRestTokenAuthorizer({})).toThrow(TypeError);
  });
});
