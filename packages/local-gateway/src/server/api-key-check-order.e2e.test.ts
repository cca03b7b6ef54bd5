import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  AuthorizerHandler,
  GatewayDecisionRecord,
  LocalGatewayConfig,
  RestApiConfig,
} from "../config/gateway-config.js";
import { type LocalGateway, startLocalGateway } from "./start-local-gateway.js";
import { connectWebSocket } from "./test-support.js";

// apiKeyCheck: "before-authorization" vs the default, on real loopback HTTP and an injected clock.

const KEY_A = "partnerAkey0123456789abcd";
const KEY_OFF = "disabledKey0123456789abcd";
const T0 = Date.parse("2026-12-05T10:00:00Z");
const ok = () => ({ statusCode: 200, body: "ok" });

describe("apiKeyCheck through the local gateway", () => {
  let gw: LocalGateway;
  const records: GatewayDecisionRecord[] = [];
  const calls = { count: 0 };
  // Allows the token "allow"; anything else is "Unauthorized" (401).
  const authorizer: AuthorizerHandler<{ methodArn: string; authorizationToken?: string }> = (
    event,
  ) => {
    calls.count++;
    const token =
      event.authorizationToken ??
      (event as { headers?: Record<string, string> }).headers?.["authorization"];
    if (token !== "allow") throw new Error("Unauthorized");
    return {
      principalId: "user-1",
      policyDocument: {
        Version: "2012-10-17",
        Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: event.methodArn }],
      },
    };
  };
  const restApi = (name: string, apiId: string, extra: Partial<RestApiConfig>): RestApiConfig => ({
    type: "REST",
    name,
    apiId,
    basePath: `/${name}`,
    authorizers: {
      [`token-${name}`]: { type: "TOKEN", handler: authorizer as never, resultTtlInSeconds: 0 },
    },
    routes: [
      {
        method: "GET",
        resource: "/pets",
        auth: { authorizer: `token-${name}` },
        handler: ok,
        apiKeyRequired: true,
      },
      { method: "GET", resource: "/open", auth: { authorizer: `token-${name}` }, handler: ok },
    ],
    ...extra,
  });

  beforeAll(async () => {
    const config: LocalGatewayConfig = {
      now: () => new Date(T0),
      onDecision: (record) => records.push(record),
      apis: [
        restApi("first", "keyfirst01", { apiKeyCheck: "before-authorization" }),
        restApi("after", "keyafter01", {}),
        restApi("denied", "keydenied1", {
          apiKeyCheck: "before-authorization",
          resourcePolicy: {
            Version: "2012-10-17",
            Statement: [
              {
                Effect: "Deny",
                Principal: "*",
                Action: "execute-api:Invoke",
                Resource: "execute-api:/*",
              },
            ],
          },
        }),
        {
          type: "WEBSOCKET",
          name: "ws",
          apiId: "socketkey1",
          basePath: "/ws",
          apiKeyCheck: "before-authorization",
          authorizers: {
            connect: { type: "REQUEST", handler: authorizer as never, resultTtlInSeconds: 0 },
          },
          connect: { auth: { authorizer: "connect" }, apiKeyRequired: true },
        },
      ],
      apiKeys: [
        { id: "a", value: KEY_A },
        { id: "off", value: KEY_OFF, enabled: false },
      ],
      usagePlans: [
        {
          id: "basic",
          apiStages: [
            { apiId: "keyfirst01", stage: "dev" },
            { apiId: "keyafter01", stage: "dev" },
            { apiId: "keydenied1", stage: "dev" },
            { apiId: "socketkey1", stage: "dev" },
          ],
          apiKeys: ["a", "off"],
        },
      ],
    };
    gw = await startLocalGateway(config);
  });
  afterAll(async () => {
    await gw?.close();
  });

  const get = async (api: string, path: string, headers: Record<string, string>) => {
    const before = calls.count;
    const response = await fetch(`${gw.apiUrls[api]}${path}`, { headers });
    return {
      status: response.status,
      body: await response.text(),
      errorType: response.headers.get("x-amzn-errortype"),
      authorizerCalls: calls.count - before,
      reason: records.at(-1)?.reason,
    };
  };
  const forbidden = {
    status: 403,
    body: '{"message":"Forbidden"}',
    errorType: "ForbiddenException",
    authorizerCalls: 0,
    reason: "invalid_api_key",
  };

  it.each([
    ["no key", { authorization: "allow" }],
    ["no key and a token the authorizer refuses", { authorization: "nope" }],
    ["an unknown key", { authorization: "allow", "x-api-key": "unknownKey0123456789abcd" }],
    ["a disabled key", { authorization: "nope", "x-api-key": KEY_OFF }],
  ])(
    "before-authorization: refuses %s with 403 INVALID_API_KEY, without invoking the authorizer",
    async (_name, headers) => {
      expect(await get("first", "/pets", headers)).toEqual(forbidden);
      expect(records.at(-1)?.authorizer).toBeUndefined();
    },
  );

  it("before-authorization: a bad key is refused before the resource policy's explicit Deny", async () => {
    expect(await get("denied", "/pets", { authorization: "allow" })).toEqual(forbidden);
    expect(
      await get("denied", "/pets", { authorization: "allow", "x-api-key": KEY_A }),
    ).toMatchObject({
      status: 403,
      authorizerCalls: 0,
      reason: "resource_policy_explicit_deny",
    });
  });

  it("before-authorization: a good key goes on to the authorizer, which decides", async () => {
    expect(
      await get("first", "/pets", { authorization: "nope", "x-api-key": KEY_A }),
    ).toMatchObject({
      status: 401,
      authorizerCalls: 1,
    });
    expect(
      await get("first", "/pets", { authorization: "allow", "x-api-key": KEY_A }),
    ).toMatchObject({
      status: 200,
      body: "ok",
      authorizerCalls: 1,
      reason: "allowed",
    });
    // Methods without apiKeyRequired are not checked at all.
    expect(await get("first", "/open", { authorization: "allow" })).toMatchObject({ status: 200 });
  });

  it("after-authorization (the default): the authorizer runs first and its refusal wins", async () => {
    expect(await get("after", "/pets", { authorization: "nope" })).toMatchObject({
      status: 401,
      authorizerCalls: 1,
    });
    expect(await get("after", "/pets", { authorization: "allow" })).toEqual({
      ...forbidden,
      authorizerCalls: 1,
    });
  });

  it("both orders let the same requests through", async () => {
    const cases: Record<string, string>[] = [
      {},
      { authorization: "allow" },
      { authorization: "nope", "x-api-key": KEY_A },
      { authorization: "allow", "x-api-key": KEY_A },
      { authorization: "allow", "x-api-key": KEY_OFF },
    ];
    for (const headers of cases) {
      const first = await get("first", "/pets", headers);
      const after = await get("after", "/pets", headers);
      expect(first.status === 200, JSON.stringify(headers)).toBe(after.status === 200);
    }
  });

  it("before-authorization at WebSocket $connect: no key, no authorizer call", async () => {
    const before = calls.count;
    const url = gw.apiUrls["ws"] as string;
    expect((await connectWebSocket(url, { authorization: "allow" })).status).toBe(403);
    expect(records.at(-1)).toMatchObject({ route: "$connect", reason: "invalid_api_key" });
    expect(calls.count).toBe(before);
    expect(
      (await connectWebSocket(url, { authorization: "allow", "x-api-key": KEY_A })).status,
    ).toBe(101);
    expect(calls.count).toBe(before + 1);
  });
});

describe("apiKeyCheck configuration errors", () => {
  const api = (extra: object) => ({
    type: "REST" as const,
    apiId: "abc1230001",
    routes: [{ method: "GET", resource: "/pets", auth: "NONE" as const, handler: ok }],
    ...extra,
  });

  it("refuses before-authorization with apiKeySource AUTHORIZER, with a code and a hint", async () => {
    await expect(
      startLocalGateway({
        apis: [api({ apiKeySource: "AUTHORIZER", apiKeyCheck: "before-authorization" })],
      }),
    ).rejects.toThrowCode("api_key_check_needs_header_source", {
      path: "apis[0].apiKeyCheck",
      hint: expect.stringMatching(/"after-authorization".*apiKeySource "HEADER"/),
    });
  });

  it("refuses an unknown order, and apiKeyCheck on an HTTP API, with invalid_config", async () => {
    await expect(
      startLocalGateway({ apis: [api({ apiKeyCheck: "first" })] as never }),
    ).rejects.toThrowCode("invalid_config", { path: "apis[0].apiKeyCheck" });
    await expect(
      startLocalGateway({
        apis: [{ type: "HTTP", apiKeyCheck: "after-authorization", routes: [] } as never],
      }),
    ).rejects.toThrowCode("invalid_config", { path: "apis[0].apiKeyCheck" });
  });

  it("accepts after-authorization with apiKeySource AUTHORIZER", async () => {
    const gw = await startLocalGateway({
      apis: [api({ apiKeySource: "AUTHORIZER", apiKeyCheck: "after-authorization" })],
    });
    await gw.close();
  });
});
