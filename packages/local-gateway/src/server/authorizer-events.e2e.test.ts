import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalGatewayConfig } from "../config/gateway-config.js";
import type {
  HttpApiV2ProxyEvent,
  RestProxyEvent,
  WebSocketConnectProxyEvent,
} from "../config/proxy-event.js";
import { type LocalGateway, startLocalGateway } from "./start-local-gateway.js";
import { connectWebSocket, getRaw } from "./test-support.js";

const ARN = "arn:aws:execute-api:us-east-1:123456789012";
const CONTEXT = { n: 1, b: true, s: "x" };

type Recorded = Record<string, unknown> & { headers?: Record<string, string> };

/** What each authorizer received last, by authorizer name. */
const received = new Map<string, Recorded>();
/** What each integration received last, by API name. */
const integrated = new Map<string, unknown>();

/** An IAM-policy authorizer that records its event and allows the whole stage. */
function recordingPolicy(name: string) {
  return (event: unknown) => {
    const recorded = event as Recorded;
    received.set(name, recorded);
    const arn = String(recorded["methodArn"] ?? recorded["routeArn"]);
    return {
      principalId: `principal-${name}`,
      policyDocument: {
        Version: "2012-10-17",
        Statement: [
          {
            Action: "execute-api:Invoke",
            Effect: "Allow",
            Resource: `${arn.split("/").slice(0, 2).join("/")}/*`,
          },
        ],
      },
      context: CONTEXT,
    };
  };
}

function recordingSimple(name: string) {
  return (event: unknown) => {
    received.set(name, event as Recorded);
    return { isAuthorized: true, context: CONTEXT };
  };
}

function integration(api: string) {
  return (event: unknown) => {
    integrated.set(api, event);
    return { statusCode: 200, body: "ok" };
  };
}

/** The top-level keys of the real events in shared/reference-events/. */
const REST_TOKEN_KEYS = ["authorizationToken", "methodArn", "type"];
const REST_REQUEST_KEYS = [
  "headers",
  "httpMethod",
  "methodArn",
  "multiValueHeaders",
  "multiValueQueryStringParameters",
  "path",
  "pathParameters",
  "queryStringParameters",
  "requestContext",
  "resource",
  "stageVariables",
  "type",
];
const HTTP_V1_KEYS = [
  "authorizationToken",
  "headers",
  "httpMethod",
  "identitySource",
  "methodArn",
  "path",
  "pathParameters",
  "queryStringParameters",
  "requestContext",
  "resource",
  "stageVariables",
  "type",
  "version",
];

describe("what authorizers and integrations receive", () => {
  let gw: LocalGateway;

  beforeAll(async () => {
    const config: LocalGatewayConfig = {
      apis: [
        {
          type: "REST",
          name: "rest",
          apiId: "restapi001",
          authorizers: {
            token: { type: "TOKEN", handler: recordingPolicy("token"), resultTtlInSeconds: 0 },
            request: {
              type: "REQUEST",
              handler: recordingPolicy("request"),
              identitySources: ["method.request.header.Authorization"],
              resultTtlInSeconds: 0,
            },
          },
          routes: [
            {
              method: "GET",
              resource: "/pets/{id}",
              auth: { authorizer: "token" },
              handler: integration("rest"),
            },
            {
              method: "GET",
              resource: "/items/{id}",
              auth: { authorizer: "request" },
              handler: integration("rest"),
            },
          ],
        },
        {
          type: "HTTP",
          name: "http",
          apiId: "httpapi001",
          basePath: "/http",
          authorizers: {
            v1: {
              type: "REQUEST",
              handler: recordingPolicy("v1"),
              payloadFormatVersion: "1.0",
              identitySources: ["$request.header.Authorization", "$request.querystring.tenant"],
              resultTtlInSeconds: 0,
            },
            v2iam: {
              type: "REQUEST",
              handler: recordingPolicy("v2iam"),
              identitySources: ["$request.header.Authorization", "$request.querystring.tenant"],
              resultTtlInSeconds: 0,
            },
            v2simple: {
              type: "REQUEST",
              handler: recordingSimple("v2simple"),
              enableSimpleResponses: true,
              resultTtlInSeconds: 0,
            },
          },
          routes: [
            {
              routeKey: "GET /v1/pets/{id}",
              auth: { authorizer: "v1" },
              handler: integration("http"),
              payloadFormatVersion: "1.0",
            },
            {
              routeKey: "GET /v2/pets/{id}",
              auth: { authorizer: "v2iam" },
              handler: integration("http"),
            },
            {
              routeKey: "GET /simple/pets/{id}",
              auth: { authorizer: "v2simple" },
              handler: integration("http"),
            },
          ],
        },
        {
          type: "WEBSOCKET",
          name: "ws",
          apiId: "wsapi00001",
          basePath: "/ws",
          authorizers: {
            connect: {
              type: "REQUEST",
              handler: recordingPolicy("connect"),
              identitySources: ["route.request.header.Authorization"],
              resultTtlInSeconds: 0,
            },
          },
          connect: {
            auth: { authorizer: "connect" },
            handler: integration("ws") as never,
          },
        },
      ],
    };
    gw = await startLocalGateway(config);
  });

  afterAll(() => gw.close());

  const rest = (path: string, headers: Record<string, string>) =>
    getRaw(`${gw.apiUrls["rest"]}${path}`, headers);
  const http = (path: string, headers: Record<string, string>) =>
    getRaw(`${gw.apiUrls["http"]}${path}`, headers);

  it("REST TOKEN: the event is { type, authorizationToken, methodArn }", async () => {
    const response = await rest("/pets/7", { Authorization: "Bearer tok-1" });
    expect(response.status).toBe(200);
    const event = received.get("token");
    expect(Object.keys(event ?? {}).sort()).toEqual(REST_TOKEN_KEYS);
    expect(event).toEqual({
      type: "TOKEN",
      authorizationToken: "Bearer tok-1",
      methodArn: `${ARN}:restapi001/dev/GET/pets/7`,
    });
  });

  it("REST TOKEN: context reaches the integration as strings, with principalId", async () => {
    expect((await rest("/pets/7", { Authorization: "Bearer tok-1" })).status).toBe(200);
    const event = integrated.get("rest") as RestProxyEvent;
    expect(event.requestContext.authorizer).toEqual({
      n: "1",
      b: "true",
      s: "x",
      principalId: "principal-token",
      integrationLatency: 0,
    });
  });

  it("REST REQUEST: methodArn, the request's headers as sent, query and path", async () => {
    const response = await rest("/items/9?q=1&q=2", {
      Authorization: "Bearer tok-2",
      "X-Tenant": "acme",
    });
    expect(response.status).toBe(200);
    const event = received.get("request") as Recorded;
    expect(Object.keys(event).sort()).toEqual(REST_REQUEST_KEYS);
    expect(event).toMatchObject({
      type: "REQUEST",
      methodArn: `${ARN}:restapi001/dev/GET/items/9`,
      resource: "/items/{id}",
      path: "/items/9",
      httpMethod: "GET",
      queryStringParameters: { q: "2" },
      multiValueQueryStringParameters: { q: ["1", "2"] },
      pathParameters: { id: "9" },
      stageVariables: {},
      requestContext: {
        resourcePath: "/items/{id}",
        httpMethod: "GET",
        path: "/dev/items/9",
        stage: "dev",
        accountId: "123456789012",
        apiId: "restapi001",
        identity: { sourceIp: "127.0.0.1" },
      },
    });
    expect(event.headers).toMatchObject({ Authorization: "Bearer tok-2", "X-Tenant": "acme" });
    expect(event["multiValueHeaders"]).toMatchObject({
      Authorization: ["Bearer tok-2"],
      "X-Tenant": ["acme"],
    });
    const proxy = integrated.get("rest") as RestProxyEvent;
    expect(proxy.requestContext.authorizer).toMatchObject({
      n: "1",
      b: "true",
      s: "x",
      principalId: "principal-request",
    });
  });

  it("HTTP API 1.0: identitySource and authorizationToken join the sources with commas", async () => {
    const response = await http("/v1/pets/3?tenant=acme", { Authorization: "Bearer tok-3" });
    expect(response.status).toBe(200);
    const event = received.get("v1") as Recorded;
    expect(Object.keys(event).sort()).toEqual(HTTP_V1_KEYS);
    expect(event).toMatchObject({
      version: "1.0",
      type: "REQUEST",
      identitySource: "Bearer tok-3,acme",
      authorizationToken: "Bearer tok-3,acme",
      methodArn: `${ARN}:httpapi001/$default/GET/v1/pets/3`,
      resource: "/v1/pets/{id}",
      path: "/v1/pets/3",
      httpMethod: "GET",
      pathParameters: { id: "3" },
      queryStringParameters: { tenant: "acme" },
    });
    const proxy = integrated.get("http") as RestProxyEvent;
    expect(proxy.version).toBe("1.0");
    expect(proxy.requestContext.authorizer).toEqual({
      n: "1",
      b: "true",
      s: "x",
      principalId: "principal-v1",
      integrationLatency: 0,
    });
  });

  it("HTTP API 2.0 (IAM policy): routeArn, routeKey, identitySource array; context keeps its types", async () => {
    const response = await http("/v2/pets/4?tenant=acme", { Authorization: "Bearer tok-4" });
    expect(response.status).toBe(200);
    const event = received.get("v2iam") as Recorded;
    expect(event).toMatchObject({
      version: "2.0",
      type: "REQUEST",
      routeArn: `${ARN}:httpapi001/$default/GET/v2/pets/4`,
      routeKey: "GET /v2/pets/{id}",
      identitySource: ["Bearer tok-4", "acme"],
      rawPath: "/v2/pets/4",
      rawQueryString: "tenant=acme",
      pathParameters: { id: "4" },
      requestContext: { routeKey: "GET /v2/pets/{id}", stage: "$default" },
    });
    expect(event).not.toHaveProperty("methodArn");
    // Payload 2.0 headers are lower-case whatever the client sent.
    expect(event.headers?.["authorization"]).toBe("Bearer tok-4");
    expect(event.headers).not.toHaveProperty("Authorization");
    const proxy = integrated.get("http") as HttpApiV2ProxyEvent;
    expect(proxy.requestContext.authorizer?.lambda).toEqual({ n: 1, b: true, s: "x" });
  });

  it("HTTP API 2.0 (simple): the event and context under authorizer.lambda with original types", async () => {
    const response = await http("/simple/pets/5", { Authorization: "Bearer tok-5" });
    expect(response.status).toBe(200);
    const event = received.get("v2simple") as Recorded;
    expect(event).toMatchObject({
      version: "2.0",
      type: "REQUEST",
      routeArn: `${ARN}:httpapi001/$default/GET/simple/pets/5`,
      routeKey: "GET /simple/pets/{id}",
      identitySource: ["Bearer tok-5"],
    });
    const proxy = integrated.get("http") as HttpApiV2ProxyEvent;
    expect(proxy.requestContext.authorizer).toEqual({ lambda: { n: 1, b: true, s: "x" } });
  });

  it("WebSocket $connect: methodArn ends in /$connect (no verb); eventType CONNECT", async () => {
    const response = await connectWebSocket(gw.apiUrls["ws"] ?? "", {
      Authorization: "Bearer tok-6",
    });
    expect(response.status).toBe(101);
    const event = received.get("connect") as Recorded;
    expect(event["methodArn"]).toBe(`${ARN}:wsapi00001/dev/$connect`);
    expect(event).toMatchObject({
      type: "REQUEST",
      requestContext: { eventType: "CONNECT", routeKey: "$connect", stage: "dev" },
    });
    expect(event.headers).toMatchObject({ Authorization: "Bearer tok-6", Upgrade: "websocket" });
    const proxy = integrated.get("ws") as WebSocketConnectProxyEvent;
    // The $connect integration is told about the same connection the authorizer saw.
    expect(proxy.requestContext.connectionId).toBe(
      (event["requestContext"] as { connectionId: string }).connectionId,
    );
    expect(proxy.requestContext.authorizer).toMatchObject({
      s: "x",
      principalId: "principal-connect",
    });
  });
});
