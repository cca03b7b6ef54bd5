import { createAuthorizer, jwtVerifier } from "@gatehouse/authorizer";
import { createTestIssuer, type TestIssuer } from "@gatehouse/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type {
  AuthorizerHandler,
  GatewayDecisionRecord,
  LocalGatewayConfig,
} from "../config/gateway-config.js";
import { type LocalGateway, startLocalGateway } from "./start-local-gateway.js";

const ok = () => ({ statusCode: 200, body: "ok" });

/** The authorizer from the bug reports: allows exactly `event.methodArn`. */
const naive: AuthorizerHandler<{ methodArn: string }> = (event) => ({
  principalId: "user",
  policyDocument: {
    Version: "2012-10-17",
    Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: event.methodArn }],
  },
});

function restApi(
  handler: AuthorizerHandler<never>,
  extra: object = {},
): LocalGatewayConfig["apis"][number] {
  return {
    type: "REST",
    name: "rest",
    authorizers: {
      auth: { type: "TOKEN", handler: handler as never, ...extra },
    },
    routes: [
      { method: "GET", resource: "/pets/{id}", auth: { authorizer: "auth" }, handler: ok },
      { method: "GET", resource: "/orders", auth: { authorizer: "auth" }, handler: ok },
    ],
  };
}

describe("authorizer result caching", () => {
  let issuer: TestIssuer;
  let token: string;
  let gw: LocalGateway | undefined;
  beforeAll(async () => {
    issuer = await createTestIssuer();
    token = await issuer.mintToken({ sub: "user-1", aud: "api" });
  });
  afterAll(() => issuer.close());
  afterEach(async () => {
    await gw?.close();
    gw = undefined;
  });

  const get = (path: string, authorization = `Bearer ${token}`) =>
    fetch(`${gw?.apiUrls["rest"]}${path}`, { headers: { authorization } });

  it("reproduces the cached-policy bug with a naive authorizer (Resource: event.methodArn)", async () => {
    gw = await startLocalGateway({ apis: [restApi(naive as AuthorizerHandler<never>)] });
    expect((await get("/pets/1")).status).toBe(200);
    const second = await get("/orders");
    expect(second.status).toBe(403);
    expect(await second.json()).toEqual({
      message: "User is not authorized to access this resource",
    });
    expect(gw.stats().authorizers["auth"]).toEqual({ invocations: 1, cacheHits: 1 });
  });

  it("does not with createAuthorizer defaults (a stage-wide policy)", async () => {
    const handler = createAuthorizer({
      verifier: jwtVerifier({
        issuer: issuer.issuer,
        audience: "api",
        jwksUri: issuer.jwksUri,
        algorithms: ["RS256"],
      }),
    });
    gw = await startLocalGateway({ apis: [restApi(handler as AuthorizerHandler<never>)] });
    expect((await get("/pets/1")).status).toBe(200);
    expect((await get("/orders")).status).toBe(200);
    expect(gw.stats().authorizers["auth"]).toEqual({ invocations: 1, cacheHits: 1 });
  });

  it("TTL 0 disables the cache: the naive authorizer works on every route", async () => {
    gw = await startLocalGateway({
      apis: [restApi(naive as AuthorizerHandler<never>, { resultTtlInSeconds: 0 })],
    });
    expect((await get("/pets/1")).status).toBe(200);
    expect((await get("/orders")).status).toBe(200);
    expect(gw.stats().authorizers["auth"]).toEqual({ invocations: 2, cacheHits: 0 });
  });

  it("entries expire after the TTL on the injected clock (default 300 s)", async () => {
    let now = Date.parse("2025-01-01T00:00:00Z");
    gw = await startLocalGateway({
      apis: [restApi(naive as AuthorizerHandler<never>)],
      now: () => new Date(now),
    });
    expect((await get("/pets/1")).status).toBe(200);
    now += 299_000;
    expect((await get("/orders")).status).toBe(403);
    now += 1_000;
    expect((await get("/orders")).status).toBe(200);
    expect(gw.stats().authorizers["auth"]).toEqual({ invocations: 2, cacheHits: 1 });
  });

  it("the cache key is the identity source: another token invokes the authorizer again", async () => {
    gw = await startLocalGateway({ apis: [restApi(naive as AuthorizerHandler<never>)] });
    await get("/pets/1");
    expect((await get("/orders", "Bearer other")).status).toBe(200);
    expect(gw.stats().authorizers["auth"]?.invocations).toBe(2);
  });

  it("a missing token or a validation-regex mismatch -> 401 without invoking the authorizer", async () => {
    gw = await startLocalGateway({
      apis: [
        restApi(naive as AuthorizerHandler<never>, {
          identityValidationExpression: "Bearer [A-Za-z0-9._-]+",
        }),
      ],
    });
    expect((await fetch(`${gw.apiUrls["rest"]}/orders`)).status).toBe(401);
    const mismatch = await get("/orders", "Basic dXNlcjpwYXNz");
    expect(mismatch.status).toBe(401);
    expect(await mismatch.json()).toEqual({ message: "Unauthorized" });
    expect(gw.stats().authorizers["auth"]?.invocations).toBe(0);
  });

  it("an authorizer throwing Unauthorized -> 401, anything else -> 500 {message:null}", async () => {
    gw = await startLocalGateway({
      apis: [
        restApi((event: { authorizationToken: string }) => {
          throw new Error(event.authorizationToken === "Bearer a" ? "Unauthorized" : "boom");
        }) as never,
      ],
    });
    expect((await get("/orders", "Bearer a")).status).toBe(401);
    const crashed = await get("/orders", "Bearer b");
    expect(crashed.status).toBe(500);
    expect(await crashed.json()).toEqual({ message: null });
    expect(crashed.headers.get("x-amzn-errortype")).toBe("AuthorizerConfigurationException");
  });

  it("a REST context with an object value -> 500", async () => {
    gw = await startLocalGateway({
      apis: [
        restApi(((event: { methodArn: string }) => ({
          ...(naive(event) as object),
          context: { nested: { a: 1 } },
        })) as never),
      ],
    });
    expect((await get("/orders")).status).toBe(500);
  });

  it("REQUEST authorizer with caching: a missing identity source -> 401 without invoking", async () => {
    let calls = 0;
    gw = await startLocalGateway({
      apis: [
        {
          type: "HTTP",
          name: "rest",
          authorizers: {
            auth: {
              type: "REQUEST",
              enableSimpleResponses: true,
              identitySources: ["$request.header.Authorization", "$context.routeKey"],
              handler: () => {
                calls++;
                return { isAuthorized: true };
              },
            },
          },
          routes: [
            { routeKey: "GET /a", auth: { authorizer: "auth" }, handler: ok },
            { routeKey: "GET /b", auth: { authorizer: "auth" }, handler: ok },
          ],
        },
      ],
    });
    expect((await fetch(`${gw.url}/a`)).status).toBe(401);
    expect(calls).toBe(0);
    // $context.routeKey in the identity sources caches per route.
    expect((await get("/a", "t")).status).toBe(200);
    expect((await get("/b", "t")).status).toBe(200);
    expect((await get("/a", "t")).status).toBe(200);
    expect(gw.stats().authorizers["auth"]).toEqual({ invocations: 2, cacheHits: 1 });
  });

  /** A REST REQUEST authorizer on two identity sources that counts its calls and allows the stage. */
  function restRequestApi(resultTtlInSeconds: number, calls: { headers: unknown }[]) {
    return {
      type: "REST" as const,
      name: "rest",
      authorizers: {
        auth: {
          type: "REQUEST" as const,
          resultTtlInSeconds,
          identitySources: [
            "method.request.header.Authorization",
            "method.request.querystring.tenant",
          ],
          handler: ((event: { methodArn: string; headers?: unknown }) => {
            calls.push({ headers: event.headers });
            return {
              principalId: "user",
              policyDocument: {
                Version: "2012-10-17",
                Statement: [
                  {
                    Action: "execute-api:Invoke",
                    Effect: "Allow",
                    Resource: event.methodArn.replace(/\/dev\/.*$/, "/dev/*"),
                  },
                ],
              },
            };
          }) as never,
        },
      },
      routes: [{ method: "GET", resource: "/orders", auth: { authorizer: "auth" }, handler: ok }],
    };
  }

  it("REST REQUEST authorizer with caching: a missing identity source -> 401 without invoking", async () => {
    const calls: { headers: unknown }[] = [];
    const records: GatewayDecisionRecord[] = [];
    gw = await startLocalGateway({
      apis: [restRequestApi(300, calls)],
      onDecision: (record) => records.push(record),
    });
    const noHeader = await fetch(`${gw.apiUrls["rest"]}/orders?tenant=acme`);
    expect(noHeader.status).toBe(401);
    expect(noHeader.headers.get("x-amzn-errortype")).toBe("UnauthorizedException");
    expect(await noHeader.json()).toEqual({ message: "Unauthorized" });
    // One of two sources missing is enough; an empty value counts as missing.
    expect((await get("/orders")).status).toBe(401);
    expect((await get("/orders?tenant=")).status).toBe(401);
    expect(calls).toHaveLength(0);
    expect(gw.stats().authorizers["auth"]).toEqual({ invocations: 0, cacheHits: 0 });
    expect(records.map((record) => record.reason)).toEqual([
      "missing_identity_source",
      "missing_identity_source",
      "missing_identity_source",
    ]);
    // With every source present the authorizer runs.
    expect((await get("/orders?tenant=acme")).status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it("REST REQUEST authorizer with caching off (TTL 0): a missing identity source still invokes it", async () => {
    // PLATFORM-FACTS §2: 401 without invoking only "with caching on, or HTTP API".
    const calls: { headers: unknown }[] = [];
    const records: GatewayDecisionRecord[] = [];
    gw = await startLocalGateway({
      apis: [restRequestApi(0, calls)],
      onDecision: (record) => records.push(record),
    });
    const response = await fetch(`${gw.apiUrls["rest"]}/orders`);
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.headers).not.toHaveProperty("Authorization");
    expect(calls[0]?.headers).not.toHaveProperty("authorization");
    expect(records.at(-1)).toMatchObject({
      reason: "allowed",
      authorizer: "auth",
      authorizerFromCache: false,
    });
    expect(gw.stats().authorizers["auth"]).toEqual({ invocations: 1, cacheHits: 0 });
  });
});
