import { evaluatePolicy, type IamAuthorizerResponse } from "@gatehouse/policy";
import {
  createTestIssuer,
  httpApiV1Event,
  httpApiV2Event,
  restRequestEvent,
  restTokenEvent,
  type TestIssuer,
  webSocketConnectEvent,
} from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cognitoVerifier } from "../verifier/cognito-verifier.js";
import { jwtVerifier } from "../verifier/jwt-verifier.js";
import type { AuthorizerResponse, DecisionLog } from "./authorizer-options.js";
import { createAuthorizer } from "./create-authorizer.js";

const routes = {
  "GET /pets": { scopes: ["pets/read"] },
  "POST /pets": { scopes: ["pets/write"] },
  "ANY /admin/{proxy+}": { groups: ["admin"] },
  $connect: {},
};

function allows(response: AuthorizerResponse, arn: string): boolean {
  const { policyDocument } = response as IamAuthorizerResponse<Record<string, unknown>>;
  return (
    evaluatePolicy(policyDocument, { action: "execute-api:Invoke", resource: arn }).decision ===
    "allow"
  );
}

describe("with real tokens from an OIDC test issuer (jwtVerifier)", () => {
  let issuer: TestIssuer;
  let token: string;
  beforeAll(async () => {
    issuer = await createTestIssuer({ alg: "ES256" });
    token = await issuer.mintToken({ sub: "user-1", aud: "api", scope: "pets/read" });
  });
  afterAll(() => issuer.close());

  function setup() {
    const logs: DecisionLog[] = [];
    const verifier = jwtVerifier({
      issuer: issuer.issuer,
      audience: "api",
      jwksUri: issuer.jwksUri,
      algorithms: ["ES256"],
    });
    const handler = createAuthorizer({
      verifier,
      routes,
      hooks: { onDecision: (log) => logs.push(log) },
    });
    return { handler, logs };
  }

  it("allows a REST TOKEN event", async () => {
    const event = restTokenEvent({ token: `Bearer ${token}` });
    expect(allows(await setup().handler(event), event.methodArn)).toBe(true);
  });

  it("allows a REST REQUEST event", async () => {
    const event = restRequestEvent({ headers: { Authorization: `Bearer ${token}` } });
    expect(allows(await setup().handler(event), event.methodArn)).toBe(true);
  });

  it("allows an HTTP API 1.0 event", async () => {
    const event = httpApiV1Event({ headers: { Authorization: `Bearer ${token}` } });
    expect(allows(await setup().handler(event), event.methodArn)).toBe(true);
  });

  it("allows an HTTP API 2.0 event", async () => {
    const event = httpApiV2Event({ headers: { authorization: `Bearer ${token}` } });
    expect(allows(await setup().handler(event), event.routeArn)).toBe(true);
  });

  it("allows a WebSocket $connect event", async () => {
    const event = webSocketConnectEvent({ headers: { Authorization: `Bearer ${token}` } });
    expect(allows(await setup().handler(event), event.methodArn)).toBe(true);
  });

  it("refuses a route outside the token's scopes with a 403 policy", async () => {
    const event = restRequestEvent({
      method: "POST",
      path: "/pets",
      headers: { Authorization: `Bearer ${token}` },
    });
    const { handler, logs } = setup();
    expect(allows(await handler(event), event.methodArn)).toBe(false);
    expect(logs[0]).toMatchObject({ outcome: "deny", code: "access_denied" });
  });

  it("throws Unauthorized for a token signed by a key outside the JWKS", async () => {
    const forged = await issuer.mintToken({ sub: "user-1", aud: "api" }, { signWith: "other" });
    await expect(setup().handler(restTokenEvent({ token: `Bearer ${forged}` }))).rejects.toThrow(
      /^Unauthorized$/,
    );
  });

  it("throws Unauthorized for an expired token", async () => {
    const expired = await issuer.mintToken({ sub: "user-1", aud: "api" }, { expiresIn: -120 });
    const { handler, logs } = setup();
    await expect(handler(restTokenEvent({ token: `Bearer ${expired}` }))).rejects.toThrow(
      /^Unauthorized$/,
    );
    expect(logs[0]).toMatchObject({ outcome: "unauthorized", code: "token_expired" });
  });

  it("throws Unauthorized for alg none", async () => {
    const unsigned = await issuer.mintToken({ sub: "user-1", aud: "api" }, { alg: "none" });
    await expect(setup().handler(restTokenEvent({ token: `Bearer ${unsigned}` }))).rejects.toThrow(
      /^Unauthorized$/,
    );
  });

  it("verifies a repeated token once (the JWKS is fetched once, the signature checked once)", async () => {
    let calls = 0;
    const inner = jwtVerifier({
      issuer: issuer.issuer,
      audience: "api",
      jwksUri: issuer.jwksUri,
      algorithms: ["ES256"],
    });
    const counting = {
      ...inner,
      issuers: inner.issuers,
      hydrate: () => inner.hydrate(),
      verify: (t: string) => {
        calls += 1;
        return inner.verify(t);
      },
    };
    const handler = createAuthorizer({ verifier: counting, routes });
    await handler(restTokenEvent({ token: `Bearer ${token}` }));
    await handler(restTokenEvent({ token: `Bearer ${token}` }));
    expect(calls).toBe(1);
  });

  it("never logs the real token", async () => {
    const { handler, logs } = setup();
    await handler(restTokenEvent({ token: `Bearer ${token}` }));
    await handler(restTokenEvent({ token: `Bearer ${token}x` })).catch(() => undefined);
    expect(JSON.stringify(logs)).not.toContain(token.split(".")[2]);
  });
});

describe("with real tokens from a Cognito-shaped test issuer (cognitoVerifier)", () => {
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await createTestIssuer({ kind: "cognito" });
  });
  afterAll(() => issuer.close());

  function verifier(extra: { groups?: string } = {}) {
    return cognitoVerifier({
      userPoolId: issuer.userPoolId,
      clientId: issuer.clientId,
      tokenUse: "access",
      jwksUri: issuer.jwksUri,
      ...extra,
    });
  }

  it("grants the admin routes to a member of cognito:groups admin", async () => {
    const token = await issuer.mintAccessToken({ "cognito:groups": ["admin"], scope: "pets/read" });
    const handler = createAuthorizer({ verifier: verifier(), routes });
    const event = restRequestEvent({
      method: "DELETE",
      path: "/admin/users/7",
      resource: "/admin/{proxy+}",
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(allows(await handler(event), event.methodArn)).toBe(true);
  });

  it("answers the access token's default context (token_use, client_id, scope)", async () => {
    const token = await issuer.mintAccessToken({ scope: "pets/read" });
    const handler = createAuthorizer({ verifier: verifier(), routes });
    const response = (await handler(
      restTokenEvent({ token: `Bearer ${token}` }),
    )) as IamAuthorizerResponse;
    expect(response.context).toMatchObject({
      token_use: "access",
      client_id: issuer.clientId,
      scope: "pets/read",
    });
  });

  it("throws Unauthorized for an ID token where access tokens are expected", async () => {
    const token = await issuer.mintIdToken();
    const handler = createAuthorizer({ verifier: verifier(), routes });
    await expect(handler(restTokenEvent({ token: `Bearer ${token}` }))).rejects.toThrow(
      /^Unauthorized$/,
    );
  });

  it("answers a Deny of the stage when the verifier's own group check refuses", async () => {
    const token = await issuer.mintAccessToken({ "cognito:groups": ["staff"] });
    const logs: DecisionLog[] = [];
    const handler = createAuthorizer({
      verifier: verifier({ groups: "admin" }),
      hooks: { onDecision: (log) => logs.push(log) },
    });
    const event = restTokenEvent({ token: `Bearer ${token}` });
    expect(allows(await handler(event), event.methodArn)).toBe(false);
    expect(logs[0]).toMatchObject({ outcome: "deny", code: "access_denied" });
  });

  it("throws Unauthorized when the JWKS endpoint fails", async () => {
    const token = await issuer.mintAccessToken();
    issuer.setFault("status-500");
    try {
      const logs: DecisionLog[] = [];
      const handler = createAuthorizer({
        verifier: verifier(),
        hooks: { onDecision: (log) => logs.push(log) },
      });
      await expect(handler(restTokenEvent({ token: `Bearer ${token}` }))).rejects.toThrow(
        /^Unauthorized$/,
      );
      expect(logs[0]).toMatchObject({ outcome: "error" });
    } finally {
      issuer.setFault("none");
    }
  });
});
