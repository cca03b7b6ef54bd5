import {
  buildRestAuthorizerResponse,
  evaluateApiGatewayAccess,
  type IamAuthorizerResponse,
  wouldCachedPolicyAllow,
} from "@gatehouse/policy";
import { httpApiV2Event, restRequestEvent } from "@gatehouse/testing";
import { describe, expect, it } from "vitest";
import { createAuthorizer } from "./create-authorizer.js";
import { FAKE_NOW_SECONDS, fakeVerifier } from "./test-support.js";

const now = () => FAKE_NOW_SECONDS * 1000;
const STAGE = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod";
const ROUTE_A = `${STAGE}/GET/pets`;
const ROUTE_B = `${STAGE}/POST/orders/42/items`;
const ROUTE_C = `${STAGE}/DELETE/admin/users/7`;

const routes = {
  "GET /pets": { scopes: ["pets/read"] },
  "POST /orders/{id}/items": { scopes: ["orders/write"] },
  "ANY /admin/{proxy+}": { groups: ["admin"] },
};

function setup() {
  return createAuthorizer({
    verifier: fakeVerifier({ "tok.alice": { sub: "alice", scope: "pets/read orders/write" } }),
    now,
    routes,
  });
}

describe("cache safety with the gateway model", () => {
  it("the response to request A, reused from API Gateway's cache, still allows route B", async () => {
    const handler = setup();
    const event = restRequestEvent({
      method: "GET",
      path: "/pets",
      headers: { Authorization: "Bearer tok.alice" },
    });
    const cachedResponse = (await handler(event)) as IamAuthorizerResponse;
    const verdict = wouldCachedPolicyAllow({
      cachedResponse,
      cachedMethodArn: ROUTE_A,
      methodArn: ROUTE_B,
      endpointType: "REGIONAL",
    });
    expect(verdict.allowed).toBe(true);
  });

  it("the reused response still refuses a route the identity may not call (403)", async () => {
    const handler = setup();
    const event = restRequestEvent({
      method: "GET",
      path: "/pets",
      headers: { Authorization: "Bearer tok.alice" },
    });
    const cachedResponse = (await handler(event)) as IamAuthorizerResponse;
    const verdict = wouldCachedPolicyAllow({
      cachedResponse,
      cachedMethodArn: ROUTE_A,
      methodArn: ROUTE_C,
      endpointType: "REGIONAL",
    });
    expect({ allowed: verdict.allowed, status: verdict.status }).toEqual({
      allowed: false,
      status: 403,
    });
  });

  it("a naive Resource: methodArn response would not allow route B (the bug this prevents)", () => {
    const naive = buildRestAuthorizerResponse({
      methodArn: ROUTE_A,
      principalId: "alice",
      allow: { requestOnly: true, authorizerTtlSeconds: 0 },
    });
    const verdict = wouldCachedPolicyAllow({
      cachedResponse: naive,
      cachedMethodArn: ROUTE_A,
      methodArn: ROUTE_B,
      endpointType: "REGIONAL",
    });
    expect(verdict.allowed).toBe(false);
  });

  it("the first request for route B with a fresh invocation is allowed too", async () => {
    const handler = setup();
    const result = evaluateApiGatewayAccess({
      methodArn: ROUTE_B,
      endpointType: "REGIONAL",
      authType: "LAMBDA",
      authorizer: async ({ methodArn }) =>
        handler(
          restRequestEvent({
            method: "POST",
            path: "/orders/42/items",
            resource: "/orders/{id}/items",
            methodArn,
            headers: { Authorization: "Bearer tok.alice" },
          }),
        ),
    });
    expect((await result).status).toBe(200);
  });

  it("an HTTP API 2.0 IAM response for one route covers the identity's other routes", async () => {
    const handler = setup();
    const cachedResponse = (await handler(
      httpApiV2Event({
        stage: "prod",
        method: "GET",
        path: "/pets",
        headers: { authorization: "Bearer tok.alice" },
      }),
    )) as IamAuthorizerResponse;
    const verdict = wouldCachedPolicyAllow({
      cachedResponse,
      cachedMethodArn: ROUTE_A,
      methodArn: ROUTE_B,
      endpointType: "REGIONAL",
    });
    expect(verdict.allowed).toBe(true);
  });
});
