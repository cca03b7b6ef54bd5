import { parseExecuteApiArn } from "@gatehouse/policy";
import { describe, expect, it } from "vitest";
import { webSocketConnectEvent } from "./web-socket-connect-event.js";

// Shape of a WebSocket $connect authorizer event (own values).
const FIXTURE = {
  type: "REQUEST",
  methodArn: "arn:aws:execute-api:eu-west-1:123456789012:w5s8c2n4kt/prod/$connect",
  headers: { Host: "w5s8c2n4kt.execute-api.eu-west-1.amazonaws.com" },
  multiValueHeaders: { Host: ["w5s8c2n4kt.execute-api.eu-west-1.amazonaws.com"] },
  queryStringParameters: { token: "example" },
  multiValueQueryStringParameters: { token: ["example"] },
  stageVariables: {},
  requestContext: {
    routeKey: "$connect",
    eventType: "CONNECT",
    extendedRequestId: "Zk9aQ1xYFiAEKxw=",
    requestTime: "03/Mar/2025:09:14:05 +0000",
    messageDirection: "IN",
    stage: "prod",
    connectedAt: 1740993245000,
    requestTimeEpoch: 1740993245001,
    identity: { sourceIp: "203.0.113.9" },
    requestId: "Zk9aQ1xYFiAEKxx=",
    domainName: "w5s8c2n4kt.execute-api.eu-west-1.amazonaws.com",
    connectionId: "Zk9aQ0dYFiACF7g=",
    apiId: "w5s8c2n4kt",
  },
  isBase64Encoded: false,
  body: null,
};
const keys = (value: object) => Object.keys(value).sort();

describe("webSocketConnectEvent", () => {
  it("has the top-level keys of a real $connect event", () => {
    expect(keys(webSocketConnectEvent({ query: { token: "t" } }))).toEqual(keys(FIXTURE));
  });

  it("has the request-context keys of a real $connect event", () => {
    expect(keys(webSocketConnectEvent().requestContext)).toEqual(keys(FIXTURE.requestContext));
  });

  it("marks the request context as a CONNECT on $connect, inbound", () => {
    expect(webSocketConnectEvent().requestContext).toMatchObject({
      eventType: "CONNECT",
      routeKey: "$connect",
      messageDirection: "IN",
    });
  });

  it("ends the methodArn in /{stage}/$connect without an HTTP verb", () => {
    const event = webSocketConnectEvent({ stage: "live" });
    expect(event.methodArn).toBe(
      "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/live/$connect",
    );
    const arn = parseExecuteApiArn(event.methodArn);
    expect(arn).toMatchObject({ stage: "live", routeKey: "$connect" });
    expect(arn.method).toBeUndefined();
  });

  it("leaves out the query maps when there is no query", () => {
    const event = webSocketConnectEvent();
    expect(event).not.toHaveProperty("queryStringParameters");
    expect(event).not.toHaveProperty("multiValueQueryStringParameters");
  });

  it("sends the query in single- and multi-value form", () => {
    const event = webSocketConnectEvent({ query: { token: "abc" } });
    expect(event.queryStringParameters).toEqual({ token: "abc" });
    expect(event.multiValueQueryStringParameters).toEqual({ token: ["abc"] });
  });

  it("sends subprotocols in Sec-WebSocket-Protocol", () => {
    const event = webSocketConnectEvent({ protocols: ["graphql-ws", "token.abc"] });
    expect(event.headers?.["Sec-WebSocket-Protocol"]).toBe("graphql-ws, token.abc");
  });

  it("keeps an explicit connectionId", () => {
    expect(webSocketConnectEvent({ connectionId: "conn-1" }).requestContext.connectionId).toBe(
      "conn-1",
    );
  });

  it("sends the given headers as-is, without handshake defaults, when defaultHeaders is false", () => {
    const event = webSocketConnectEvent({
      defaultHeaders: false,
      headers: { Host: "127.0.0.1:3000" },
      protocols: ["chat"],
    });
    expect(event.multiValueHeaders).toEqual({
      "Sec-WebSocket-Protocol": ["chat"],
      Host: ["127.0.0.1:3000"],
    });
  });

  it("takes domainName", () => {
    const event = webSocketConnectEvent({ domainName: "ws.example.com" });
    expect(event.requestContext.domainName).toBe("ws.example.com");
    expect(event.headers).toHaveProperty("Host", "ws.example.com");
  });

  it("adds the IAM caller fields to the identity", () => {
    const { identity } = webSocketConnectEvent({
      iamIdentity: {
        accessKey: "AKIAIOSFODNN7EXAMPLE",
        accountId: "123456789012",
        caller: "AIDAJQABLZS4A3QDU576Q",
        userArn: "arn:aws:iam::123456789012:user/alice",
        user: "alice-id",
      },
    }).requestContext;
    expect(identity).toMatchObject({
      accessKey: "AKIAIOSFODNN7EXAMPLE",
      caller: "AIDAJQABLZS4A3QDU576Q",
      user: "alice-id",
      userArn: "arn:aws:iam::123456789012:user/alice",
      cognitoIdentityId: null,
    });
  });
});
