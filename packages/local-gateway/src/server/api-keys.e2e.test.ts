import { createAuthorizer, jwtVerifier } from "@gatehouse/authorizer";
import { createTestIssuer, type TestIssuer } from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GatewayDecisionRecord, LocalGatewayConfig } from "../config/gateway-config.js";
import type { RestProxyEvent } from "../config/proxy-event.js";
import { type LocalGateway, startLocalGateway } from "./start-local-gateway.js";
import { connectWebSocket } from "./test-support.js";

// API keys and usage plans end to end, on an injected clock: no real waits.

const KEY_A = "partnerAkey0123456789abcd";
const KEY_B = "partnerBkey0123456789abcd";
const KEY_OFF = "disabledKey0123456789abcd";
const T0 = Date.parse("2026-12-05T10:00:00Z");
const ok = () => ({ statusCode: 200, body: "ok" });

describe("API keys and usage plans through the local gateway", () => {
  let issuer: TestIssuer;
  let gw: LocalGateway;
  let clock = T0;
  let partnerToken: string;
  let keylessToken: string;
  const records: GatewayDecisionRecord[] = [];
  const events: RestProxyEvent[] = [];
  const recording = (event: RestProxyEvent) => {
    events.push(event);
    return ok();
  };

  beforeAll(async () => {
    issuer = await createTestIssuer();
    partnerToken = await issuer.mintToken({ sub: "partner-b", aud: "api" });
    keylessToken = await issuer.mintToken({ sub: "nobody", aud: "api" });
    const withKey = createAuthorizer({
      verifier: jwtVerifier({
        issuer: issuer.issuer,
        audience: "api",
        jwksUri: issuer.jwksUri,
        algorithms: ["RS256"],
      }),
      routes: { "GET /orders": {} },
      // The partner's key comes from the authorizer (API key source AUTHORIZER).
      authorize: (verified) =>
        verified.claims.sub === "partner-b"
          ? { allow: true, usageIdentifierKey: KEY_B }
          : { allow: true },
    });
    const config: LocalGatewayConfig = {
      now: () => new Date(clock),
      onDecision: (record) => records.push(record),
      apis: [
        {
          type: "REST",
          name: "header",
          apiId: "header0001",
          basePath: "/header",
          routes: [
            {
              method: "GET",
              resource: "/pets",
              auth: "NONE",
              handler: recording,
              apiKeyRequired: true,
            },
            { method: "POST", resource: "/pets", auth: "NONE", handler: ok, apiKeyRequired: true },
            { method: "GET", resource: "/open", auth: "NONE", handler: ok },
          ],
        },
        {
          type: "REST",
          name: "authorizer",
          apiId: "authz00001",
          basePath: "/authz",
          apiKeySource: "AUTHORIZER",
          authorizers: { jwt: { type: "TOKEN", handler: withKey, resultTtlInSeconds: 300 } },
          routes: [
            {
              method: "GET",
              resource: "/orders",
              auth: { authorizer: "jwt" },
              handler: ok,
              apiKeyRequired: true,
            },
          ],
        },
        {
          type: "WEBSOCKET",
          name: "ws",
          apiId: "socket0001",
          basePath: "/ws",
          connect: { auth: "NONE", apiKeyRequired: true },
        },
        {
          type: "WEBSOCKET",
          name: "ws-authz",
          apiId: "socketauth1",
          basePath: "/ws-authz",
          apiKeySource: "AUTHORIZER",
          authorizers: {
            connect: {
              type: "REQUEST",
              resultTtlInSeconds: 0,
              handler: (event) => {
                const { methodArn, headers } = event as {
                  methodArn: string;
                  headers?: Record<string, string>;
                };
                return {
                  principalId: "device",
                  policyDocument: {
                    Version: "2012-10-17",
                    Statement: [
                      { Action: "execute-api:Invoke", Effect: "Allow", Resource: methodArn },
                    ],
                  },
                  ...(headers?.["x-partner"] === "b" ? { usageIdentifierKey: KEY_B } : {}),
                };
              },
            },
          },
          connect: { auth: { authorizer: "connect" }, apiKeyRequired: true },
        },
      ],
      apiKeys: [
        { id: "a", value: KEY_A },
        { id: "b", value: KEY_B },
        { id: "off", value: KEY_OFF, enabled: false },
      ],
      usagePlans: [
        {
          id: "basic",
          apiStages: [
            {
              apiId: "header0001",
              stage: "dev",
              throttle: { "POST /pets": { rateLimit: 0.1, burstLimit: 1 } },
            },
            { apiId: "socket0001", stage: "dev" },
          ],
          throttle: { rateLimit: 1, burstLimit: 2 },
          quota: { limit: 4, period: "DAY" },
          apiKeys: ["a", "off"],
        },
        {
          id: "partners",
          apiStages: [
            { apiId: "authz00001", stage: "dev" },
            { apiId: "socketauth1", stage: "dev" },
          ],
          apiKeys: ["b"],
        },
      ],
    };
    gw = await startLocalGateway(config);
  });
  afterAll(async () => {
    await gw?.close();
    await issuer?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
    fetch(`${gw.apiUrls["header"]}${path}`, { method, headers });
  const answer = async (response: Response) => ({
    status: response.status,
    body: await response.text(),
    errorType: response.headers.get("x-amzn-errortype"),
  });

  it("refuses a missing, unknown or disabled key with 403 Forbidden (INVALID_API_KEY)", async () => {
    for (const headers of [
      {},
      { "x-api-key": "unknownKey0123456789abcd" },
      { "x-api-key": KEY_OFF },
    ]) {
      expect(await answer(await get("/pets", headers))).toEqual({
        status: 403,
        body: '{"message":"Forbidden"}',
        errorType: "ForbiddenException",
      });
      expect(records.at(-1)).toMatchObject({ reason: "invalid_api_key", status: 403 });
    }
    expect(records.at(-1)?.apiKeyId).toBe("off");
  });

  it("leaves methods without apiKeyRequired alone", async () => {
    expect((await get("/open")).status).toBe(200);
  });

  it("throttles the header key (rate 1/s, burst 2), then a day's quota of 4, on the injected clock", async () => {
    clock = T0;
    const key = { "X-Api-Key": KEY_A };
    expect((await get("/pets", key)).status).toBe(200);
    expect(records.at(-1)).toMatchObject({
      apiKeyId: "a",
      usagePlanId: "basic",
      reason: "allowed",
    });
    // The integration sees the key it was metered with, as API Gateway reports it.
    expect(events.at(-1)?.requestContext.identity).toMatchObject({ apiKey: KEY_A, apiKeyId: "a" });
    expect((await get("/pets", key)).status).toBe(200);
    expect(await answer(await get("/pets", key))).toEqual({
      status: 429,
      body: '{"message":"Too Many Requests"}',
      errorType: "TooManyRequestsException",
    });
    expect(records.at(-1)).toMatchObject({ reason: "throttled" });
    clock = T0 + 1000;
    expect((await get("/pets", key)).status).toBe(200);
    clock = T0 + 2000;
    expect((await get("/pets", key)).status).toBe(200);
    clock = T0 + 3000;
    expect(await answer(await get("/pets", key))).toEqual({
      status: 429,
      body: '{"message":"Limit Exceeded"}',
      errorType: "LimitExceededException",
    });
    expect(records.at(-1)).toMatchObject({ reason: "quota_exceeded" });
    // The next UTC day starts a new quota period.
    clock = Date.parse("2026-12-06T00:00:00Z");
    expect((await get("/pets", key)).status).toBe(200);
  });

  it("gives POST /pets its own bucket (per-method override: burst 1)", async () => {
    clock = Date.parse("2026-12-06T01:00:00Z");
    const key = { "x-api-key": KEY_A };
    expect((await get("/pets", key, "POST")).status).toBe(200);
    expect((await get("/pets", key, "POST")).status).toBe(429);
    expect((await get("/pets", key)).status).toBe(200);
  });

  it("reads the key from the authorizer's usageIdentifierKey (AUTHORIZER), also from its cache", async () => {
    clock = T0;
    const call = (token?: string, headers: Record<string, string> = {}) =>
      fetch(`${gw.apiUrls["authorizer"]}/orders`, {
        headers: {
          ...headers,
          ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        },
      });
    expect((await call(partnerToken)).status).toBe(200);
    expect(records.at(-1)).toMatchObject({ apiKeyId: "b", authorizerFromCache: false });
    expect((await call(partnerToken)).status).toBe(200);
    expect(records.at(-1)).toMatchObject({ apiKeyId: "b", authorizerFromCache: true });
    // An x-api-key header does not count when the source is AUTHORIZER.
    expect((await call(keylessToken, { "x-api-key": KEY_B })).status).toBe(403);
    expect(records.at(-1)).toMatchObject({ reason: "invalid_api_key" });
    // The authorizer runs first: a missing token is its 401, not the key's 403.
    expect((await call()).status).toBe(401);
  });

  it("applies the key at WebSocket $connect", async () => {
    clock = Date.parse("2026-12-07T00:00:00Z");
    expect((await connectWebSocket(gw.apiUrls["ws"] as string)).status).toBe(403);
    expect(
      (await connectWebSocket(gw.apiUrls["ws"] as string, { "x-api-key": KEY_A })).status,
    ).toBe(101);
    // AUTHORIZER source at $connect: the key is the authorizer's usageIdentifierKey.
    const authz = gw.apiUrls["ws-authz"] as string;
    expect((await connectWebSocket(authz, { "x-partner": "b" })).status).toBe(101);
    expect(records.at(-1)).toMatchObject({ route: "$connect", apiKeyId: "b", reason: "allowed" });
    expect((await connectWebSocket(authz, { "x-api-key": KEY_B })).status).toBe(403);
    expect(records.at(-1)).toMatchObject({ reason: "invalid_api_key" });
  });
});

describe("API key configuration errors", () => {
  const api = (extra: object) => ({
    type: "REST" as const,
    apiId: "abc1230001",
    routes: [{ method: "GET", resource: "/pets", auth: "NONE" as const, handler: ok }],
    ...extra,
  });
  // [what, config, path]
  const table: [string, Partial<LocalGatewayConfig>, string][] = [
    ["a short key", { apiKeys: [{ id: "k", value: "short" }] }, "apiKeys[0].value"],
    [
      "a plan on a stage the gateway does not serve",
      {
        apiKeys: [],
        usagePlans: [{ id: "p", apiStages: [{ apiId: "abc1230001", stage: "prod" }], apiKeys: [] }],
      },
      "usagePlans[0].apiStages[0]",
    ],
    [
      "a negative rate",
      {
        usagePlans: [
          {
            id: "p",
            apiStages: [{ apiId: "abc1230001", stage: "dev" }],
            throttle: { rateLimit: -1, burstLimit: 1 },
            apiKeys: [],
          },
        ],
      },
      "usagePlans[0].throttle.rateLimit",
    ],
  ];
  it.each(table)("refuses %s with invalid_config", async (_what, extra, path) => {
    await expect(startLocalGateway({ apis: [api({})], ...extra })).rejects.toThrowCode(
      "invalid_config",
      { path },
    );
  });

  it("refuses apiKeyRequired and apiKeySource on HTTP APIs", async () => {
    await expect(
      startLocalGateway({
        apis: [
          {
            type: "HTTP",
            routes: [
              { routeKey: "GET /pets", auth: "NONE", handler: ok, apiKeyRequired: true } as never,
            ],
          },
        ],
      }),
    ).rejects.toThrowCode("invalid_config", { path: "apis[0].routes[0].apiKeyRequired" });
    await expect(
      startLocalGateway({
        apis: [{ type: "HTTP", apiKeySource: "HEADER", routes: [] } as never],
      }),
    ).rejects.toThrowCode("invalid_config", { path: "apis[0].apiKeySource" });
  });
});
