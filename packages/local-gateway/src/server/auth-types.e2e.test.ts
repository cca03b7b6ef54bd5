import { request as httpRequest } from "node:http";
import { createAuthorizer, jwtVerifier } from "@gatehouse/authorizer";
import { createSignedFetch, signRequest } from "@gatehouse/sigv4";
import { createTestIssuer, type TestIssuer } from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalGatewayConfig } from "../config/gateway-config.js";
import type { HttpApiV2ProxyEvent, RestProxyEvent } from "../config/proxy-event.js";
import { type LocalGateway, startLocalGateway } from "./start-local-gateway.js";

const credentials = {
  accessKeyId: "AKIDLOCALGATEWAY01",
  secretAccessKey: "local-gateway-test-secret-key-0000000000",
};
const allowAll = {
  Version: "2012-10-17" as const,
  Statement: [{ Effect: "Allow" as const, Action: "execute-api:Invoke", Resource: "*" }],
};

function echo(event: unknown) {
  return {
    statusCode: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(event),
  };
}

/** Sends a WebSocket opening handshake; resolves with the status (101 when accepted). */
function upgrade(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, {
      headers: {
        Connection: "Upgrade",
        Upgrade: "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        ...headers,
      },
    });
    request.on("upgrade", (response, socket) => {
      expect(response.headers["sec-websocket-accept"]).toBe("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
      socket.destroy();
      resolve(101);
    });
    request.on("response", (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", reject);
    request.end();
  });
}

describe("every auth type end to end", () => {
  let issuer: TestIssuer;
  let gw: LocalGateway;
  let token: string;

  beforeAll(async () => {
    issuer = await createTestIssuer({ alg: "ES256" });
    token = await issuer.mintToken({ sub: "user-1", aud: "api", scope: "pets/read" });
    const verifier = () =>
      jwtVerifier({
        issuer: issuer.issuer,
        audience: "api",
        jwksUri: issuer.jwksUri,
        algorithms: ["ES256"],
      });
    const routes = {
      "GET /pets": {},
      "GET /pets/{id}": {},
      "GET /v1/pets": {},
      "GET /v2/pets": {},
      "GET /simple/pets": {},
      $connect: {},
    };
    const lambda = createAuthorizer({ verifier: verifier(), routes });
    const simple = createAuthorizer({
      verifier: verifier(),
      routes,
      http: { simpleResponses: true, authorizerCache: "per-route" },
    });
    const config: LocalGatewayConfig = {
      credentials: [
        { ...credentials, principalArn: "arn:aws:iam::123456789012:user/alice", policy: allowAll },
      ],
      apis: [
        {
          type: "REST",
          name: "rest",
          authorizers: {
            token: { type: "TOKEN", handler: lambda },
            request: {
              type: "REQUEST",
              handler: lambda,
              identitySources: ["method.request.header.Authorization"],
            },
          },
          routes: [
            { method: "GET", resource: "/open", auth: "NONE", handler: echo },
            { method: "POST", resource: "/iam", auth: "AWS_IAM", handler: echo },
            { method: "GET", resource: "/pets", auth: { authorizer: "token" }, handler: echo },
            {
              method: "GET",
              resource: "/pets/{id}",
              auth: { authorizer: "request" },
              handler: echo,
            },
          ],
        },
        {
          type: "HTTP",
          name: "http",
          basePath: "/http",
          authorizers: {
            v1: { type: "REQUEST", handler: lambda, payloadFormatVersion: "1.0" },
            v2iam: { type: "REQUEST", handler: lambda, payloadFormatVersion: "2.0" },
            v2simple: {
              type: "REQUEST",
              handler: simple,
              enableSimpleResponses: true,
              // A simple answer is per route: the route key belongs in the cache key.
              identitySources: ["$request.header.Authorization", "$context.routeKey"],
            },
            jwt: { type: "JWT", verifier: verifier() },
          },
          routes: [
            {
              routeKey: "GET /v1/pets",
              auth: { authorizer: "v1" },
              handler: echo,
              payloadFormatVersion: "1.0",
            },
            { routeKey: "GET /v2/pets", auth: { authorizer: "v2iam" }, handler: echo },
            { routeKey: "GET /simple/pets", auth: { authorizer: "v2simple" }, handler: echo },
            {
              routeKey: "GET /jwt/pets",
              auth: { authorizer: "jwt", scopes: ["pets/read"] },
              handler: echo,
            },
            {
              routeKey: "GET /jwt/admin",
              auth: { authorizer: "jwt", scopes: ["admin"] },
              handler: echo,
            },
            { routeKey: "GET /iam", auth: "AWS_IAM", handler: echo },
          ],
        },
        {
          type: "WEBSOCKET",
          name: "ws",
          basePath: "/ws",
          authorizers: { connect: { type: "REQUEST", handler: lambda } },
          connect: { auth: { authorizer: "connect" } },
        },
      ],
    };
    gw = await startLocalGateway(config);
  });

  afterAll(async () => {
    await gw.close();
    await issuer.close();
  });

  const bearer = () => ({ authorization: `Bearer ${token}` });

  it("NONE: the integration runs with a REST proxy event", async () => {
    const response = await fetch(`${gw.apiUrls["rest"]}/open?a=1&a=2`);
    expect(response.status).toBe(200);
    const event = (await response.json()) as RestProxyEvent;
    expect(event.resource).toBe("/open");
    expect(event.multiValueQueryStringParameters).toEqual({ a: ["1", "2"] });
    expect(event.requestContext.authorizer).toBeNull();
    expect(event.requestContext.stage).toBe("dev");
  });

  it("AWS_IAM (REST): signRequest is accepted, the caller reaches requestContext.identity", async () => {
    const signed = await signRequest(
      {
        method: "POST",
        url: `${gw.apiUrls["rest"]}/iam`,
        body: '{"x":1}',
        headers: { "content-type": "application/json" },
      },
      { credentials, region: "us-east-1", service: "execute-api" },
    );
    const response = await fetch(signed.url, {
      method: "POST",
      headers: signed.headers,
      body: '{"x":1}',
    });
    expect(response.status).toBe(200);
    const event = (await response.json()) as RestProxyEvent;
    expect(event.body).toBe('{"x":1}');
    expect(event.requestContext.identity.userArn).toBe("arn:aws:iam::123456789012:user/alice");
  });

  it("AWS_IAM (REST): unsigned -> 403 Missing Authentication Token; bad secret -> 403", async () => {
    const unsigned = await fetch(`${gw.apiUrls["rest"]}/iam`, { method: "POST" });
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
    expect(await unsigned.json()).toEqual({ message: "Missing Authentication Token" });
    const wrong = createSignedFetch({
      credentials: { ...credentials, secretAccessKey: "wrong-secret-wrong-secret-wrong-secret00" },
      region: "us-east-1",
      service: "execute-api",
    });
    const bad = await wrong(`${gw.apiUrls["rest"]}/iam`, { method: "POST" });
    expect(bad.status).toBe(403);
    expect(bad.headers.get("x-amzn-errortype")).toBe("InvalidSignatureException");
  });

  it("AWS_IAM (HTTP API): createSignedFetch gets requestContext.authorizer.iam", async () => {
    const signedFetch = createSignedFetch({
      credentials,
      region: "us-east-1",
      service: "execute-api",
    });
    const response = await signedFetch(`${gw.apiUrls["http"]}/iam`);
    expect(response.status).toBe(200);
    const event = (await response.json()) as HttpApiV2ProxyEvent;
    expect(event.requestContext.authorizer?.iam?.userArn).toBe(
      "arn:aws:iam::123456789012:user/alice",
    );
    const unsigned = await fetch(`${gw.apiUrls["http"]}/iam`);
    expect(unsigned.status).toBe(403);
    expect(await unsigned.json()).toEqual({ message: "Forbidden" });
  });

  it("TOKEN: a valid token passes, principalId reaches the integration; none -> 401", async () => {
    const response = await fetch(`${gw.apiUrls["rest"]}/pets`, { headers: bearer() });
    expect(response.status).toBe(200);
    const event = (await response.json()) as RestProxyEvent;
    expect(event.requestContext.authorizer?.["principalId"]).toBe("user-1");
    const missing = await fetch(`${gw.apiUrls["rest"]}/pets`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ message: "Unauthorized" });
    expect(missing.headers.get("x-amzn-errortype")).toBe("UnauthorizedException");
  });

  it("TOKEN: a bad token -> 401 from the authorizer", async () => {
    const response = await fetch(`${gw.apiUrls["rest"]}/pets`, {
      headers: { authorization: "Bearer nope" },
    });
    expect(response.status).toBe(401);
  });

  it("REQUEST (REST): path parameters and authorizer context reach the integration", async () => {
    const response = await fetch(`${gw.apiUrls["rest"]}/pets/42`, { headers: bearer() });
    expect(response.status).toBe(200);
    const event = (await response.json()) as RestProxyEvent;
    expect(event.pathParameters).toEqual({ id: "42" });
    expect(event.resource).toBe("/pets/{id}");
    expect(event.requestContext.authorizer?.["principalId"]).toBe("user-1");
  });

  it("HTTP API payload 1.0 authorizer and integration", async () => {
    const response = await fetch(`${gw.apiUrls["http"]}/v1/pets`, { headers: bearer() });
    expect(response.status).toBe(200);
    const event = (await response.json()) as RestProxyEvent;
    expect(event.version).toBe("1.0");
    expect(event.requestContext.authorizer?.["principalId"]).toBe("user-1");
  });

  it("HTTP API payload 2.0 IAM-policy authorizer", async () => {
    const response = await fetch(`${gw.apiUrls["http"]}/v2/pets`, { headers: bearer() });
    expect(response.status).toBe(200);
    const event = (await response.json()) as HttpApiV2ProxyEvent;
    expect(event.routeKey).toBe("GET /v2/pets");
    expect(event.requestContext.authorizer?.lambda).toBeDefined();
    const missing = await fetch(`${gw.apiUrls["http"]}/v2/pets`);
    expect(missing.status).toBe(401);
    expect(gw.stats().authorizers["v2iam"]?.invocations).toBe(1);
  });

  it("HTTP API payload 2.0 simple-response authorizer", async () => {
    const response = await fetch(`${gw.apiUrls["http"]}/simple/pets`, { headers: bearer() });
    expect(response.status).toBe(200);
    const event = (await response.json()) as HttpApiV2ProxyEvent;
    expect(event.requestContext.authorizer).toHaveProperty("lambda");
  });

  it("JWT: claims and scopes reach the integration; a missing scope -> 403 Forbidden", async () => {
    const response = await fetch(`${gw.apiUrls["http"]}/jwt/pets`, { headers: bearer() });
    expect(response.status).toBe(200);
    const event = (await response.json()) as HttpApiV2ProxyEvent;
    expect(event.requestContext.authorizer?.jwt?.claims["sub"]).toBe("user-1");
    expect(event.requestContext.authorizer?.jwt?.scopes).toEqual(["pets/read"]);
    const admin = await fetch(`${gw.apiUrls["http"]}/jwt/admin`, { headers: bearer() });
    expect(admin.status).toBe(403);
    expect(await admin.json()).toEqual({ message: "Forbidden" });
    const invalid = await fetch(`${gw.apiUrls["http"]}/jwt/pets`, {
      headers: { authorization: "Bearer x.y.z" },
    });
    expect(invalid.status).toBe(401);
    expect(await invalid.json()).toEqual({ message: "Unauthorized" });
  });

  it("WebSocket $connect: 101 with a token, 401 without; a plain GET gets 200", async () => {
    expect(await upgrade(gw.apiUrls["ws"]?.replace("ws:", "http:") ?? "", bearer())).toBe(101);
    expect(await upgrade(gw.apiUrls["ws"]?.replace("ws:", "http:") ?? "")).toBe(401);
    const plain = await fetch((gw.apiUrls["ws"] ?? "").replace("ws:", "http:"), {
      headers: bearer(),
    });
    expect(plain.status).toBe(200);
  });

  it("unknown routes: REST 403 Missing Authentication Token, HTTP API 404", async () => {
    const rest = await fetch(`${gw.apiUrls["rest"]}/nowhere`);
    expect(rest.status).toBe(403);
    expect(await rest.json()).toEqual({ message: "Missing Authentication Token" });
    const http = await fetch(`${gw.apiUrls["http"]}/nowhere`);
    expect(http.status).toBe(404);
    expect(await http.json()).toEqual({ message: "Not Found" });
  });
});
