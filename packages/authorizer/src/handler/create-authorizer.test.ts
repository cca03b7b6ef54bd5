import { evaluatePolicy, type IamAuthorizerResponse } from "@gatehouse/policy";
import {
  httpApiV1Event,
  httpApiV2Event,
  restRequestEvent,
  restTokenEvent,
  webSocketConnectEvent,
} from "@gatehouse/testing";
import { describe, expect, it } from "vitest";
import type { AuthorizerResponse } from "./authorizer-options.js";
import { createAuthorizer } from "./create-authorizer.js";
import { createHttpApiAuthorizer } from "./create-http-api-authorizer.js";
import { createRestRequestAuthorizer } from "./create-rest-request-authorizer.js";
import { createRestTokenAuthorizer } from "./create-rest-token-authorizer.js";
import { createWebSocketAuthorizer } from "./create-web-socket-authorizer.js";
import { FAKE_NOW_SECONDS, fakeVerifier } from "./test-support.js";

const now = () => FAKE_NOW_SECONDS * 1000;
const STAGE = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod";
const verifier = () =>
  fakeVerifier({
    "tok.alice": {
      sub: "alice",
      scope: "pets/read pets/write",
      "cognito:groups": ["staff"],
      token_use: "access",
      client_id: "app",
    },
    "tok.bob": { sub: "bob" },
    "tok.nosub": { client_id: "m2m" },
  });

function iam(response: AuthorizerResponse): IamAuthorizerResponse<Record<string, unknown>> {
  if (!("policyDocument" in response)) throw new Error("expected an IAM response");
  return response;
}

function allows(response: AuthorizerResponse, arn: string): boolean {
  return (
    evaluatePolicy(iam(response).policyDocument, { action: "execute-api:Invoke", resource: arn })
      .decision === "allow"
  );
}

describe("createAuthorizer: event shapes", () => {
  const handler = createAuthorizer({ verifier: verifier(), now });

  it("allows a REST TOKEN event with a Bearer token for the whole stage", async () => {
    const response = iam(await handler(restTokenEvent({ token: "Bearer tok.alice" })));
    expect(response.principalId).toBe("alice");
    expect(response.policyDocument.Statement).toEqual([
      { Action: "execute-api:Invoke", Effect: "Allow", Resource: [`${STAGE}/*`] },
    ]);
  });

  it("allows a REST REQUEST event from the Authorization header", async () => {
    const event = restRequestEvent({ headers: { Authorization: "Bearer tok.alice" } });
    expect(allows(await handler(event), event.methodArn)).toBe(true);
  });

  it("allows an HTTP API 1.0 event from the Authorization header", async () => {
    const event = httpApiV1Event({ headers: { authorization: "Bearer tok.alice" } });
    expect(allows(await handler(event), event.methodArn)).toBe(true);
  });

  it("allows an HTTP API 2.0 event with an IAM response", async () => {
    const event = httpApiV2Event({ headers: { authorization: "Bearer tok.alice" } });
    expect(allows(await handler(event), event.routeArn)).toBe(true);
  });

  it("allows a WebSocket $connect event (the stage policy covers $connect)", async () => {
    const event = webSocketConnectEvent({ headers: { Authorization: "Bearer tok.alice" } });
    expect(allows(await handler(event), event.methodArn)).toBe(true);
  });

  it("passes the default context: sub, scope, groups, token_use, client_id as strings", async () => {
    const response = iam(await handler(restTokenEvent({ token: "Bearer tok.alice" })));
    expect(response.context).toEqual({
      sub: "alice",
      scope: "pets/read pets/write",
      groups: "staff",
      token_use: "access",
      client_id: "app",
    });
  });

  it("throws Unauthorized for an event of no known shape", async () => {
    await expect(handler({ type: "SOMETHING" } as never)).rejects.toEqual(
      new Error("Unauthorized"),
    );
  });
});

describe("createAuthorizer: outcomes", () => {
  it("throws exactly Error('Unauthorized') for a missing token", async () => {
    const handler = createAuthorizer({ verifier: verifier(), now });
    const call = handler(restRequestEvent());
    await expect(call).rejects.toThrow(/^Unauthorized$/);
    await expect(call).rejects.toSatisfy(
      (error: unknown) => Object.getPrototypeOf(error) === Error.prototype,
    );
  });

  it("throws Unauthorized for a token the verifier rejects", async () => {
    const handler = createAuthorizer({ verifier: verifier(), now });
    await expect(handler(restTokenEvent({ token: "Bearer tok.mallory" }))).rejects.toThrow(
      /^Unauthorized$/,
    );
  });

  it("answers a Deny of the stage for an invalid token with onInvalidToken: deny", async () => {
    const handler = createAuthorizer({ verifier: verifier(), now, onInvalidToken: "deny" });
    const response = iam(await handler(restTokenEvent({ token: "Bearer tok.mallory" })));
    expect(response.policyDocument.Statement).toEqual([
      { Action: "execute-api:Invoke", Effect: "Deny", Resource: [`${STAGE}/*`] },
    ]);
  });

  it("answers isAuthorized false for an invalid token with simple responses and onInvalidToken: deny", async () => {
    const handler = createAuthorizer({
      verifier: verifier(),
      now,
      onInvalidToken: "deny",
      http: { simpleResponses: true },
    });
    expect(await handler(httpApiV2Event({ headers: { authorization: "Bearer nope" } }))).toEqual({
      isAuthorized: false,
    });
  });

  it("throws Unauthorized when the keys are unavailable", async () => {
    const handler = createAuthorizer({ verifier: verifier(), now });
    await expect(handler(restTokenEvent({ token: "Bearer jwks-down" }))).rejects.toThrow(
      /^Unauthorized$/,
    );
  });

  it("answers a Deny of the stage on an internal error with onInternalError: deny", async () => {
    const handler = createAuthorizer({ verifier: verifier(), now, onInternalError: "deny" });
    const response = iam(await handler(restTokenEvent({ token: "Bearer jwks-down" })));
    expect(response.policyDocument.Statement[0]?.Effect).toBe("Deny");
  });

  it("throws Unauthorized (not the hook's error) when the authorize hook throws", async () => {
    const handler = createAuthorizer({
      verifier: verifier(),
      now,
      authorize: () => {
        throw new Error("database down");
      },
    });
    await expect(handler(restTokenEvent({ token: "Bearer tok.alice" }))).rejects.toThrow(
      /^Unauthorized$/,
    );
  });

  it("throws Unauthorized when a builder refuses the context (nested value on REST)", async () => {
    const handler = createAuthorizer({
      verifier: verifier(),
      now,
      context: () => ({ roles: ["a"] }),
    });
    await expect(handler(restTokenEvent({ token: "Bearer tok.alice" }))).rejects.toThrow(
      /^Unauthorized$/,
    );
  });

  it("stores a nested context value as JSON text with nestedContext: json-string", async () => {
    const handler = createAuthorizer({
      verifier: verifier(),
      now,
      context: () => ({ roles: ["a"] }),
      nestedContext: "json-string",
    });
    const response = iam(await handler(restTokenEvent({ token: "Bearer tok.alice" })));
    expect(response.context).toEqual({ roles: '["a"]' });
  });

  it("passes a nested context to HTTP API 2.0 as is", async () => {
    const handler = createAuthorizer({
      verifier: verifier(),
      now,
      context: () => ({ roles: ["a"] }),
    });
    const response = iam(
      await handler(httpApiV2Event({ headers: { authorization: "Bearer tok.alice" } })),
    );
    expect(response.context).toEqual({ roles: ["a"] });
  });

  it("throws Unauthorized when the principal claim is missing", async () => {
    const handler = createAuthorizer({ verifier: verifier(), now });
    await expect(handler(restTokenEvent({ token: "Bearer tok.nosub" }))).rejects.toThrow(
      /^Unauthorized$/,
    );
  });

  it("takes the principalId from another claim", async () => {
    const handler = createAuthorizer({ verifier: verifier(), now, principalId: "client_id" });
    expect(iam(await handler(restTokenEvent({ token: "Bearer tok.nosub" }))).principalId).toBe(
      "m2m",
    );
  });

  it("takes the principalId from a function", async () => {
    const handler = createAuthorizer({
      verifier: verifier(),
      now,
      principalId: (v) => `user:${v.claims.sub}`,
    });
    expect(iam(await handler(restTokenEvent({ token: "Bearer tok.bob" }))).principalId).toBe(
      "user:bob",
    );
  });

  it("leaves the context out with context: false", async () => {
    const handler = createAuthorizer({ verifier: verifier(), now, context: false });
    expect(iam(await handler(restTokenEvent({ token: "Bearer tok.bob" }))).context).toBeUndefined();
  });
});

describe("typed factories", () => {
  it("createRestTokenAuthorizer refuses a REQUEST event", async () => {
    const handler = createRestTokenAuthorizer({ verifier: verifier(), now });
    const event = restRequestEvent({ headers: { Authorization: "Bearer tok.alice" } });
    await expect(handler(event as never)).rejects.toThrow(/^Unauthorized$/);
  });

  it("createRestRequestAuthorizer handles a REST REQUEST event", async () => {
    const handler = createRestRequestAuthorizer({ verifier: verifier(), now });
    const event = restRequestEvent({ headers: { Authorization: "Bearer tok.alice" } });
    expect(allows(await handler(event), event.methodArn)).toBe(true);
  });

  it("createHttpApiAuthorizer with simple responses answers isAuthorized", async () => {
    const handler = createHttpApiAuthorizer({
      verifier: verifier(),
      now,
      context: false,
      http: { simpleResponses: true },
    });
    expect(await handler(httpApiV2Event({ headers: { authorization: "Bearer tok.bob" } }))).toEqual(
      { isAuthorized: true },
    );
  });

  it("createHttpApiAuthorizer with simple responses refuses a payload 1.0 event", async () => {
    const handler = createHttpApiAuthorizer({
      verifier: verifier(),
      now,
      http: { simpleResponses: true },
    });
    const event = httpApiV1Event({ headers: { authorization: "Bearer tok.bob" } });
    await expect(handler(event as never)).rejects.toThrow(/^Unauthorized$/);
  });

  it("createWebSocketAuthorizer refuses an HTTP API event", async () => {
    const handler = createWebSocketAuthorizer({ verifier: verifier(), now });
    const event = httpApiV2Event({ headers: { authorization: "Bearer tok.bob" } });
    await expect(handler(event as never)).rejects.toThrow(/^Unauthorized$/);
  });

  it("createWebSocketAuthorizer rejects HTTP route templates at construction", () => {
    expect(() =>
      createWebSocketAuthorizer({ verifier: verifier(), routes: { "GET /pets": {} } }),
    ).toThrow(TypeError);
  });
});

describe("option validation at construction", () => {
  const cases: [string, unknown][] = [
    ["no verifier", {}],
    ["an unknown option", { verifier: verifier(), tokn: [] }],
    ["an empty token list", { verifier: verifier(), token: [] }],
    ["an unknown token source", { verifier: verifier(), token: { from: "body" } }],
    ["a header source without a name", { verifier: verifier(), token: { from: "header" } }],
    [
      "a bad bearer mode",
      { verifier: verifier(), token: { from: "header", name: "x", bearer: "maybe" } },
    ],
    ["a bad route template", { verifier: verifier(), routes: { "get /pets": {} } }],
    ["an unknown requirement", { verifier: verifier(), routes: { "GET /pets": { role: "x" } } }],
    ["an empty groups list", { verifier: verifier(), routes: { "GET /pets": { groups: [] } } }],
    [
      "a non-function claims rule",
      { verifier: verifier(), routes: { "GET /pets": { claims: true } } },
    ],
    ["a bad onInvalidToken", { verifier: verifier(), onInvalidToken: "allow" }],
    ["a bad onInternalError", { verifier: verifier(), onInternalError: "allow" }],
    ["a bad cache size", { verifier: verifier(), cache: { maxEntries: 0 } }],
    ["a negative cache TTL", { verifier: verifier(), cache: { ttlSeconds: -1 } }],
    ["a non-function hook", { verifier: verifier(), hooks: { onDecision: "log" } }],
    ["a non-boolean simpleResponses", { verifier: verifier(), http: { simpleResponses: "yes" } }],
  ];
  for (const [name, options] of cases) {
    it(`throws TypeError for ${name}`, () => {
      expect(() => createAuthorizer(options as never)).toThrow(TypeError);
    });
  }

  it("throws TypeError for simple responses on a REST-only factory", () => {
    expect(() =>
      createRestTokenAuthorizer({ verifier: verifier(), http: { simpleResponses: true } } as never),
    ).toThrow(TypeError);
  });
});
