import {
  composeResourcePolicy,
  ipDenylist,
  type PolicyDocument,
  type PolicyStatement,
} from "@gatehouse/policy";
import { afterEach, describe, expect, it } from "vitest";
import type { GatewayDecisionRecord, LocalGatewayConfig } from "../config/gateway-config.js";
import { type LocalGateway, startLocalGateway } from "./start-local-gateway.js";

const ok = () => ({ statusCode: 200, body: "ok" });

describe("resource policy, two-phase rule", () => {
  let gw: LocalGateway | undefined;
  let calls = 0;
  afterEach(async () => {
    await gw?.close();
    gw = undefined;
    calls = 0;
  });

  function config(): LocalGatewayConfig {
    return {
      trustForwardedFor: true,
      apis: [
        {
          type: "REST",
          name: "rest",
          resourcePolicy: composeResourcePolicy([ipDenylist({ cidrs: ["203.0.113.0/24"] })], {
            authTypes: { "GET /pets": "LAMBDA", "GET /open": "NONE" },
          }),
          authorizers: {
            auth: {
              type: "TOKEN",
              handler: (event) => {
                calls++;
                return {
                  principalId: "u",
                  policyDocument: {
                    Version: "2012-10-17",
                    Statement: [
                      { Action: "execute-api:Invoke", Effect: "Allow", Resource: event.methodArn },
                    ],
                  },
                };
              },
            },
          },
          routes: [
            { method: "GET", resource: "/pets", auth: { authorizer: "auth" }, handler: ok },
            { method: "GET", resource: "/open", auth: "NONE", handler: ok },
          ],
        },
      ],
    };
  }

  it("an IP denylist blocks before the authorizer runs", async () => {
    gw = await startLocalGateway(config());
    const response = await fetch(`${gw.apiUrls["rest"]}/pets`, {
      headers: { authorization: "Bearer t", "x-forwarded-for": "203.0.113.9" },
    });
    expect(response.status).toBe(403);
    const { message } = (await response.json()) as { message: string };
    expect(message).toMatch(
      /^User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5\/dev\/GET\/pets with an explicit deny$/,
    );
    expect(response.headers.get("x-amzn-errortype")).toBe("AccessDeniedException");
    expect(calls).toBe(0);
    expect(gw.stats().authorizers["auth"]).toEqual({ invocations: 0, cacheHits: 0 });
  });

  it("a denied IP with a cached identity: the record says the cache was not read", async () => {
    const records: GatewayDecisionRecord[] = [];
    gw = await startLocalGateway({ ...config(), onDecision: (record) => records.push(record) });
    const get = (ip: string) =>
      fetch(`${gw?.apiUrls["rest"]}/pets`, {
        headers: { authorization: "Bearer t", "x-forwarded-for": ip },
      });
    expect((await get("198.51.100.7")).status).toBe(200);
    expect((await get("203.0.113.9")).status).toBe(403);
    expect(records.at(-1)).toMatchObject({
      reason: "resource_policy_explicit_deny",
      authorizerFromCache: false,
    });
    expect(gw.stats().authorizers["auth"]).toEqual({ invocations: 1, cacheHits: 0 });
    // The cached answer is still there for the next allowed caller.
    expect((await get("198.51.100.7")).status).toBe(200);
    expect(records.at(-1)).toMatchObject({ reason: "allowed", authorizerFromCache: true });
  });

  it("other IPs reach the authorizer", async () => {
    gw = await startLocalGateway(config());
    const response = await fetch(`${gw.apiUrls["rest"]}/pets`, {
      headers: { authorization: "Bearer t", "x-forwarded-for": "198.51.100.7" },
    });
    expect(response.status).toBe(200);
    expect(calls).toBe(1);
  });

  it("without trustForwardedFor the socket address (loopback) is the source IP", async () => {
    gw = await startLocalGateway({ ...config(), trustForwardedFor: false });
    const response = await fetch(`${gw.apiUrls["rest"]}/open`, {
      headers: { "x-forwarded-for": "203.0.113.9" },
    });
    expect(response.status).toBe(200);
  });

  it("NONE methods are refused by the denylist too", async () => {
    gw = await startLocalGateway(config());
    const response = await fetch(`${gw.apiUrls["rest"]}/open`, {
      headers: { "x-forwarded-for": "203.0.113.9" },
    });
    expect(response.status).toBe(403);
  });
});

describe("resource policy, compiled once at start", () => {
  let gw: LocalGateway | undefined;
  afterEach(async () => {
    await gw?.close();
    gw = undefined;
  });

  const allowAll: PolicyStatement = {
    Effect: "Allow",
    Principal: "*",
    Action: "execute-api:Invoke",
    Resource: "execute-api:/*",
  };

  function withPolicy(resourcePolicy: PolicyDocument): LocalGatewayConfig {
    return {
      trustForwardedFor: true,
      apis: [
        {
          type: "REST",
          name: "rest",
          resourcePolicy,
          routes: [{ method: "GET", resource: "/open", auth: "NONE", handler: ok }],
        },
      ],
    };
  }

  it("does not read the config's policy object again: a change after start is not seen", async () => {
    const resourcePolicy: PolicyDocument = { Version: "2012-10-17", Statement: [allowAll] };
    gw = await startLocalGateway(withPolicy(resourcePolicy));
    const get = () =>
      fetch(`${gw?.apiUrls["rest"]}/open`, { headers: { "x-forwarded-for": "198.51.100.7" } });
    expect((await get()).status).toBe(200);
    // As in AWS, where a changed policy takes effect only after a redeploy (here: a restart).
    (resourcePolicy.Statement as PolicyStatement[]).push({ ...allowAll, Effect: "Deny" });
    expect((await get()).status).toBe(200);
    await gw.close();
    gw = await startLocalGateway(withPolicy(resourcePolicy));
    expect((await get()).status).toBe(403);
  });

  it("refuses to start with a malformed policy, with the path of the bad field", async () => {
    await expect(
      startLocalGateway(withPolicy({ Statement: [{ ...allowAll, Effect: "Alow" as "Allow" }] })),
    ).rejects.toThrowCode("invalid_config", {
      name: "LocalGatewayError",
      path: "apis[0].resourcePolicy.Statement[0].Effect",
    });
  });

  it("refuses to start with a short resource that does not expand (not a 500 per request)", async () => {
    await expect(
      startLocalGateway(
        withPolicy({
          Statement: [{ ...allowAll, Resource: ["execute-api:/*", "execute-api:nope"] }],
        }),
      ),
    ).rejects.toThrowCode("invalid_config", {
      name: "LocalGatewayError",
      path: "apis[0].resourcePolicy.Statement[0].Resource[1]",
    });
  });
});

describe("source address spellings (X-Forwarded-For)", () => {
  let gw: LocalGateway | undefined;
  let seenIps: unknown[] = [];
  const records: GatewayDecisionRecord[] = [];
  afterEach(async () => {
    await gw?.close();
    gw = undefined;
    seenIps = [];
    records.length = 0;
  });

  function start(): Promise<LocalGateway> {
    return startLocalGateway({
      trustForwardedFor: true,
      onDecision: (record) => records.push(record),
      apis: [
        {
          type: "REST",
          name: "rest",
          resourcePolicy: composeResourcePolicy([ipDenylist({ cidrs: ["203.0.113.0/24"] })], {
            authTypes: { "GET /pets": "LAMBDA", "GET /open": "NONE" },
          }),
          authorizers: {
            auth: {
              type: "REQUEST",
              identitySources: ["method.request.header.Authorization"],
              resultTtlInSeconds: 0,
              handler: (event) => {
                seenIps.push(
                  "identity" in event.requestContext
                    ? (event.requestContext.identity as { sourceIp?: string }).sourceIp
                    : undefined,
                );
                return {
                  principalId: "u",
                  policyDocument: {
                    Version: "2012-10-17",
                    Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: "*" }],
                  },
                };
              },
            },
          },
          routes: [
            { method: "GET", resource: "/pets", auth: { authorizer: "auth" }, handler: ok },
            { method: "GET", resource: "/open", auth: "NONE", handler: ok },
          ],
        },
      ],
    });
  }

  const get = (path: string, forwardedFor: string) =>
    fetch(`${gw?.apiUrls["rest"]}${path}`, {
      headers: { authorization: "Bearer t", "x-forwarded-for": forwardedFor },
    });

  it.each([
    "203.0.113.9",
    "::ffff:203.0.113.9",
    "::FFFF:203.0.113.9",
    "::ffff:cb00:7109",
    "0:0:0:0:0:ffff:203.0.113.9",
    " 203.0.113.9 , 10.0.0.1",
  ])("the denylist denies the listed address written %j, before the authorizer", async (ip) => {
    gw = await start();
    for (const path of ["/pets", "/open"]) {
      const response = await get(path, ip);
      expect(response.status).toBe(403);
      expect(records.at(-1)?.reason).toBe("resource_policy_explicit_deny");
    }
    expect(seenIps).toEqual([]);
  });

  it.each([
    "203.0.113.09",
    "0203.0.113.9",
    "203.0.113.9:443",
    "[::ffff:203.0.113.9]:443",
    "::203.0.113.9",
    "64:ff9b::203.0.113.9",
    "fe80::1%eth0",
    "unknown",
    "not-an-ip",
  ])("an unusable address %j is refused (403), never evaluated as another caller", async (ip) => {
    gw = await start();
    for (const path of ["/pets", "/open"]) {
      const response = await get(path, ip);
      expect(response.status).toBe(403);
      expect(records.at(-1)?.reason).toBe("invalid_source_ip");
    }
    expect(seenIps).toEqual([]);
  });

  it("events carry the normalised address", async () => {
    gw = await start();
    expect((await get("/pets", "::ffff:198.51.100.7")).status).toBe(200);
    expect((await get("/pets", "2001:DB8:0:0::7")).status).toBe(200);
    expect(seenIps).toEqual(["198.51.100.7", "2001:db8::7"]);
  });
});
