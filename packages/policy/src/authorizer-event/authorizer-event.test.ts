import { describe, expectTypeOf, it } from "vitest";
import type { AuthorizerEvent } from "./authorizer-event.js";
import type { HttpApiV1AuthorizerEvent } from "./http-api-v1-authorizer-event.js";
import type { HttpApiV2AuthorizerEvent } from "./http-api-v2-authorizer-event.js";
import type {
  RestAuthorizerRequestContext,
  RestRequestAuthorizerEvent,
} from "./rest-request-authorizer-event.js";
import type { RestTokenAuthorizerEvent } from "./rest-token-authorizer-event.js";
import type { WebSocketConnectAuthorizerEvent } from "./web-socket-connect-authorizer-event.js";

// Only the type matters: the branches below are checked by tsc, not executed.
const event = {} as AuthorizerEvent;

describe("AuthorizerEvent", () => {
  it("narrows to the TOKEN event on type", () => {
    if (event.type === "TOKEN") {
      expectTypeOf(event).toEqualTypeOf<RestTokenAuthorizerEvent>();
    } else {
      expectTypeOf(event).not.toExtend<RestTokenAuthorizerEvent>();
    }
  });

  it("narrows to the HTTP API 2.0 event on version", () => {
    if (event.version === "2.0") {
      expectTypeOf(event).toEqualTypeOf<HttpApiV2AuthorizerEvent>();
    }
  });

  it("narrows to the HTTP API 1.0 event on version", () => {
    if (event.version === "1.0") {
      expectTypeOf(event).toEqualTypeOf<HttpApiV1AuthorizerEvent>();
    }
  });

  it("leaves REST REQUEST and WebSocket when type is REQUEST and version is absent", () => {
    if (event.type === "REQUEST" && event.version === undefined) {
      expectTypeOf(event).toEqualTypeOf<
        RestRequestAuthorizerEvent | WebSocketConnectAuthorizerEvent
      >();
    }
  });

  it("tells REST REQUEST from WebSocket $connect by httpMethod", () => {
    if (event.type === "REQUEST" && event.version === undefined) {
      if ("httpMethod" in event) {
        expectTypeOf(event).toEqualTypeOf<RestRequestAuthorizerEvent>();
      } else {
        expectTypeOf(event).toEqualTypeOf<WebSocketConnectAuthorizerEvent>();
        expectTypeOf(event.requestContext.eventType).toEqualTypeOf<"CONNECT">();
        expectTypeOf(event.requestContext.routeKey).toEqualTypeOf<"$connect">();
      }
    }
  });

  it("types REST maps as nullable (console test tool sends null)", () => {
    expectTypeOf<RestRequestAuthorizerEvent["headers"]>().toEqualTypeOf<Record<
      string,
      string
    > | null>();
    expectTypeOf<
      RestRequestAuthorizerEvent["multiValueQueryStringParameters"]
    >().toEqualTypeOf<Record<string, string[]> | null>();
  });

  it("types HTTP API 2.0 identitySource as optional and nullable", () => {
    expectTypeOf<HttpApiV2AuthorizerEvent["identitySource"]>().toEqualTypeOf<
      string[] | null | undefined
    >();
    expectTypeOf<HttpApiV2AuthorizerEvent["cookies"]>().toEqualTypeOf<string[] | undefined>();
  });

  it("takes undefined in optional request-context members, as @types/aws-lambda declares them", () => {
    const absent: string | undefined = undefined;
    const context: Partial<RestAuthorizerRequestContext> = {
      domainName: absent,
      identity: { sourceIp: "192.0.2.1", vpcId: absent },
    };
    expectTypeOf(context.domainName).toEqualTypeOf<string | undefined>();
  });

  it("rejects an unknown type", () => {
    // @ts-expect-error: "COGNITO" is not an authorizer event type
    const bad: AuthorizerEvent = { type: "COGNITO", methodArn: "arn", authorizationToken: "x" };
    expectTypeOf(bad).toExtend<AuthorizerEvent>();
  });

  it("rejects a WebSocket event whose eventType is not CONNECT", () => {
    const context: WebSocketConnectAuthorizerEvent["requestContext"] = {
      routeKey: "$connect",
      // @ts-expect-error: authorizers run on CONNECT only
      eventType: "MESSAGE",
      messageDirection: "IN",
      connectionId: "c",
      connectedAt: 0,
      apiId: "a",
      stage: "s",
      requestId: "r",
      domainName: "d",
      identity: { sourceIp: "192.0.2.1" },
    };
    expectTypeOf(context.connectionId).toBeString();
  });
});
