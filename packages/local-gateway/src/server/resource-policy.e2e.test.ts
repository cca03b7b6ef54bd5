import {
  composeResourcePolicy,
  ipDenylist,
  type PolicyDocument,
  type PolicyStatement,
} from "@gatehouse/policy";
import { afterEach, describe, expect, it } from "vitest";
import type { GatewayDecisionRecord, LocalGatewayConfig } from "../config/gateway-config.js";
import { isLocalGatewayError } from "../errors.js";
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
      reason: "resource-policy-explicit-deny",
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

  async function startError(config: LocalGatewayConfig): Promise<unknown> {
    try {
      gw = await startLocalGateway(config);
    } catch (error) {
      return error;
    }
    throw new Error("expected startLocalGateway to fail");
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
    const error = await startError(
      withPolicy({ Statement: [{ ...allowAll, Effect: "Alow" as "Allow" }] }),
    );
    expect(isLocalGatewayError(error) && [error.code, error.path]).toEqual([
      "invalid_config",
      "apis[0].resourcePolicy.Statement[0].Effect",
    ]);
  });

  it("refuses to start with a short resource that does not expand (not a 500 per request)", async () => {
    const error = await startError(
      withPolicy({
        Statement: [{ ...allowAll, Resource: ["execute-api:/*", "execute-api:nope"] }],
      }),
    );
    expect(isLocalGatewayError(error) && [error.code, error.path]).toEqual([
      "invalid_config",
      "apis[0].resourcePolicy.Statement[0].Resource[1]",
    ]);
  });
});
