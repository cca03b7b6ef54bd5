import type {
  HttpApiV1AuthorizerEvent,
  HttpApiV2AuthorizerEvent,
  IamAuthorizerResponse,
  RestRequestAuthorizerEvent,
  RestTokenAuthorizerEvent,
  WebSocketConnectAuthorizerEvent,
} from "@gatehouse/policy";
import {
  httpApiV1Event,
  httpApiV2Event,
  restRequestEvent,
  restTokenEvent,
  webSocketConnectEvent,
} from "@gatehouse/testing";
import type {
  APIGatewayAuthorizerHandler,
  APIGatewayRequestAuthorizerEvent,
  APIGatewayRequestAuthorizerEventV2,
  APIGatewayRequestAuthorizerHandler,
  APIGatewayRequestIAMAuthorizerHandlerV2,
  APIGatewayRequestSimpleAuthorizerHandlerV2,
  APIGatewayTokenAuthorizerEvent,
  APIGatewayTokenAuthorizerHandler,
  Handler,
} from "aws-lambda";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { AuthorizerHandlerEvent } from "./authorizer-options.js";
import { createAuthorizer } from "./create-authorizer.js";
import { createHttpApiAuthorizer } from "./create-http-api-authorizer.js";
import { createRestRequestAuthorizer } from "./create-rest-request-authorizer.js";
import { createRestTokenAuthorizer } from "./create-rest-token-authorizer.js";
import { createWebSocketAuthorizer } from "./create-web-socket-authorizer.js";
import { FAKE_NOW_SECONDS, fakeVerifier } from "./test-support.js";

// Compatibility with @types/aws-lambda, both ways a user meets it: calling a handler with an event
// typed by @types/aws-lambda (tests), and annotating the exported handler with its handler types.
// Mostly checked by tsc; the runtime tests show the wider input types stay fail-closed.

const verifier = fakeVerifier({ "tok.alice": { sub: "alice" } });
const now = () => FAKE_NOW_SECONDS * 1000;

const token = createRestTokenAuthorizer({ verifier });
const restRequest = createRestRequestAuthorizer({ verifier });
const httpSimple = createHttpApiAuthorizer({ verifier, http: { simpleResponses: true } });
const httpIam = createHttpApiAuthorizer({ verifier });
const webSocket = createWebSocketAuthorizer({ verifier });
const any = createAuthorizer({ verifier });

// Only their types matter: the handlers are never called with them.
const tokenEvent = {} as APIGatewayTokenAuthorizerEvent;
const requestEvent = {} as APIGatewayRequestAuthorizerEvent;
const v2Event = {} as APIGatewayRequestAuthorizerEventV2;

/** What an HTTP API IAM handler can be annotated with. */
type HttpIamHandler = Handler<
  APIGatewayRequestAuthorizerEventV2,
  IamAuthorizerResponse<Record<string, unknown>>
>;

describe("@types/aws-lambda events are accepted", () => {
  it("by the REST TOKEN handler", () => {
    expectTypeOf(token).toBeCallableWith(tokenEvent);
  });

  it("by the REST REQUEST handler", () => {
    expectTypeOf(restRequest).toBeCallableWith(requestEvent);
  });

  it("by the HTTP API handler with simple responses (payload 2.0)", () => {
    expectTypeOf(httpSimple).toBeCallableWith(v2Event);
  });

  it("by the HTTP API handler with IAM responses (2.0, and 1.0 typed as a REQUEST event)", () => {
    expectTypeOf(httpIam).toBeCallableWith(v2Event);
    expectTypeOf(httpIam).toBeCallableWith(requestEvent);
  });

  it("by the WebSocket handler ($connect typed as a REQUEST event)", () => {
    expectTypeOf(webSocket).toBeCallableWith(requestEvent);
  });

  it("by the createAuthorizer handler, for every shape", () => {
    expectTypeOf(any).toBeCallableWith(tokenEvent);
    expectTypeOf(any).toBeCallableWith(requestEvent);
    expectTypeOf(any).toBeCallableWith(v2Event);
  });

  it("as AuthorizerHandlerEvent of the matching shape", () => {
    expectTypeOf<APIGatewayTokenAuthorizerEvent>().toExtend<
      AuthorizerHandlerEvent<RestTokenAuthorizerEvent>
    >();
    expectTypeOf<APIGatewayRequestAuthorizerEvent>().toExtend<
      AuthorizerHandlerEvent<RestRequestAuthorizerEvent>
    >();
    expectTypeOf<APIGatewayRequestAuthorizerEvent>().toExtend<
      AuthorizerHandlerEvent<HttpApiV1AuthorizerEvent>
    >();
    expectTypeOf<APIGatewayRequestAuthorizerEventV2>().toExtend<
      AuthorizerHandlerEvent<HttpApiV2AuthorizerEvent>
    >();
    expectTypeOf<APIGatewayRequestAuthorizerEvent>().toExtend<
      AuthorizerHandlerEvent<WebSocketConnectAuthorizerEvent>
    >();
  });
});

describe("@gatehouse/testing events are still accepted", () => {
  it("by the matching handler", () => {
    expectTypeOf(token).toBeCallableWith(restTokenEvent({ token: "Bearer x" }));
    expectTypeOf(restRequest).toBeCallableWith(restRequestEvent());
    expectTypeOf(httpSimple).toBeCallableWith(httpApiV2Event());
    expectTypeOf(httpIam).toBeCallableWith(httpApiV1Event());
    expectTypeOf(httpIam).toBeCallableWith(httpApiV2Event());
    expectTypeOf(webSocket).toBeCallableWith(webSocketConnectEvent());
  });
});

describe("per-shape handlers are @types/aws-lambda handlers", () => {
  it("REST TOKEN: APIGatewayTokenAuthorizerHandler", () => {
    expectTypeOf(token).toExtend<APIGatewayTokenAuthorizerHandler>();
  });

  it("REST REQUEST: APIGatewayRequestAuthorizerHandler", () => {
    expectTypeOf(restRequest).toExtend<APIGatewayRequestAuthorizerHandler>();
    const handler: APIGatewayRequestAuthorizerHandler = createRestRequestAuthorizer({ verifier });
    expectTypeOf(handler).toBeFunction();
  });

  it("WebSocket $connect: APIGatewayRequestAuthorizerHandler", () => {
    expectTypeOf(webSocket).toExtend<APIGatewayRequestAuthorizerHandler>();
  });

  it("HTTP API 2.0 with simple responses: APIGatewayRequestSimpleAuthorizerHandlerV2", () => {
    expectTypeOf(httpSimple).toExtend<APIGatewayRequestSimpleAuthorizerHandlerV2>();
  });

  it("HTTP API with IAM responses: not APIGatewayRequestIAMAuthorizerHandlerV2 (context)", () => {
    // The event side fits; the result does not: a payload 2.0 IAM response passes object and
    // array context values as they are, and @types/aws-lambda allows only flat values there.
    expectTypeOf(httpIam).not.toExtend<APIGatewayRequestIAMAuthorizerHandlerV2>();
    expectTypeOf(httpIam).not.toExtend<APIGatewayRequestAuthorizerHandler>();
    expectTypeOf(httpIam).toExtend<HttpIamHandler>();
    expectTypeOf(httpIam).toExtend<
      Handler<APIGatewayRequestAuthorizerEvent, IamAuthorizerResponse<Record<string, unknown>>>
    >();
  });
});

describe("wrong pairings still fail", () => {
  it("an HTTP API 2.0 simple handler is not a TOKEN or REST REQUEST handler", () => {
    expectTypeOf(httpSimple).not.toExtend<APIGatewayTokenAuthorizerHandler>();
    expectTypeOf(httpSimple).not.toExtend<APIGatewayRequestAuthorizerHandler>();
  });

  it("a REST REQUEST handler is not a TOKEN handler, nor one for every REST event", () => {
    expectTypeOf(restRequest).not.toExtend<APIGatewayTokenAuthorizerHandler>();
    expectTypeOf(restRequest).not.toExtend<APIGatewayAuthorizerHandler>();
  });

  it("a TOKEN handler does not take a REQUEST event", () => {
    expectTypeOf(token).not.toExtend<APIGatewayRequestAuthorizerHandler>();
    // @ts-expect-error: a TOKEN handler refuses a REQUEST event
    expectTypeOf(token).toBeCallableWith(requestEvent);
  });

  it("an HTTP API 2.0 simple handler does not take a REST REQUEST event", () => {
    // @ts-expect-error: payload 2.0 only
    expectTypeOf(httpSimple).toBeCallableWith(requestEvent);
  });
});

describe("the wider input types stay fail-closed at run time", () => {
  it("the WebSocket handler refuses a REST REQUEST event", async () => {
    const handler = createWebSocketAuthorizer({ verifier, now });
    const event = restRequestEvent({ headers: { Authorization: "Bearer tok.alice" } });
    await expect(handler(event)).rejects.toThrow(/^Unauthorized$/);
  });

  it("the HTTP API handler refuses a REST REQUEST event", async () => {
    const handler = createHttpApiAuthorizer({ verifier, now });
    const event = restRequestEvent({ headers: { Authorization: "Bearer tok.alice" } });
    await expect(handler(event)).rejects.toThrow(/^Unauthorized$/);
  });

  it("the HTTP API handler refuses a payload 2.0 event with another version", async () => {
    const handler = createHttpApiAuthorizer({ verifier, now, http: { simpleResponses: true } });
    const event = httpApiV2Event({ headers: { authorization: "Bearer tok.alice" } });
    await expect(handler({ ...event, version: "3.0" })).rejects.toThrow(/^Unauthorized$/);
  });

  it("the HTTP API handler accepts a payload 2.0 event typed by @types/aws-lambda", async () => {
    const handler = createHttpApiAuthorizer({ verifier, now, http: { simpleResponses: true } });
    const event: APIGatewayRequestAuthorizerEventV2 = {
      version: "2.0",
      type: "REQUEST",
      routeArn: "arn:aws:execute-api:eu-west-1:123456789012:lsw1ro4ipb/$default/POST/lambda",
      identitySource: ["Bearer tok.alice"],
      routeKey: "POST /lambda",
      rawPath: "/lambda",
      rawQueryString: "",
      cookies: [],
      headers: { authorization: "Bearer tok.alice" },
      requestContext: {
        accountId: "123456789012",
        apiId: "lsw1ro4ipb",
        domainName: "lsw1ro4ipb.execute-api.eu-west-1.amazonaws.com",
        domainPrefix: "lsw1ro4ipb",
        http: {
          method: "POST",
          path: "/lambda",
          protocol: "HTTP/1.1",
          sourceIp: "198.51.100.7",
          userAgent: "curl/8.5.0",
        },
        requestId: "ZhNHJhhLjoEEPiw=",
        routeKey: "POST /lambda",
        stage: "$default",
        time: "17/Jun/2024:15:52:39 +0000",
        timeEpoch: 1718639559080,
      },
    };
    await expect(handler(event)).resolves.toEqual({
      isAuthorized: true,
      context: { sub: "alice" },
    });
  });
});

describe("our event types as @types/aws-lambda events", () => {
  it("a REST TOKEN event is an APIGatewayTokenAuthorizerEvent", () => {
    expectTypeOf<RestTokenAuthorizerEvent>().toExtend<APIGatewayTokenAuthorizerEvent>();
  });

  it("REQUEST events are not: @types/aws-lambda requires fields AWS leaves out", () => {
    // requestContext.authorizer, protocol, requestTimeEpoch and every identity field.
    expectTypeOf<RestRequestAuthorizerEvent>().not.toExtend<APIGatewayRequestAuthorizerEvent>();
    // identitySource and cookies (missing when empty, identitySource may be null).
    expectTypeOf<HttpApiV2AuthorizerEvent>().not.toExtend<APIGatewayRequestAuthorizerEventV2>();
  });
});
