import { createAuthorizer, jwtVerifier } from "@gatehouse/authorizer";
import { type ApiAuthTypes, composeResourcePolicy, ipDenylist } from "@gatehouse/policy";
import { createTestIssuer, type TestIssuer } from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GatewayDecisionRecord, RestApiConfig } from "../config/gateway-config.js";
import { type LocalGateway, startLocalGateway } from "./start-local-gateway.js";

// Table A next to a Lambda authorizer, end to end: the authorizer's route table refuses
// DELETE /pets/{id} to a read-only token (its policy is silent on it); an `Allow *` in the resource
// policy would turn that silence into a 200.

const ok = () => ({ statusCode: 200, body: "ok" });
const AUTH_TYPES: ApiAuthTypes = {
  "GET /pets": "LAMBDA",
  "GET /pets/{id}": "LAMBDA",
  "DELETE /pets/{id}": "LAMBDA",
  "OPTIONS /pets": "NONE",
  "OPTIONS /pets/{id}": "NONE",
};

describe("resource policy next to a Lambda authorizer (Table A)", () => {
  let issuer: TestIssuer;
  let gw: LocalGateway;
  let reader: string;
  let writer: string;
  const records: GatewayDecisionRecord[] = [];

  function api(name: string, authTypes: ApiAuthTypes | null): RestApiConfig {
    const handler = createAuthorizer({
      verifier: jwtVerifier({
        issuer: issuer.issuer,
        audience: "api",
        jwksUri: issuer.jwksUri,
        algorithms: ["RS256"],
      }),
      routes: {
        "GET /pets": { scopes: ["pets/read"] },
        "GET /pets/{id}": { scopes: ["pets/read"] },
        "DELETE /pets/{id}": { scopes: ["pets/write"] },
      },
    });
    const auth = { authorizer: `jwt-${name}` };
    return {
      type: "REST",
      name,
      apiId: name === "scoped" ? "scoped0001" : "legacy0001",
      basePath: `/${name}`,
      resourcePolicy: composeResourcePolicy([ipDenylist({ cidrs: ["203.0.113.0/24"] })], {
        authTypes,
      }),
      authorizers: { [`jwt-${name}`]: { type: "TOKEN", handler, resultTtlInSeconds: 0 } },
      routes: [
        { method: "GET", resource: "/pets", auth, handler: ok },
        { method: "GET", resource: "/pets/{id}", auth, handler: ok },
        { method: "DELETE", resource: "/pets/{id}", auth, handler: ok },
        // CORS preflights: one OPTIONS method per resource, as API Gateway's console adds them.
        { method: "OPTIONS", resource: "/pets", auth: "NONE", handler: ok },
        { method: "OPTIONS", resource: "/pets/{id}", auth: "NONE", handler: ok },
      ],
    };
  }

  beforeAll(async () => {
    issuer = await createTestIssuer();
    reader = await issuer.mintToken({ sub: "reader", aud: "api", scope: "pets/read" });
    writer = await issuer.mintToken({ sub: "writer", aud: "api", scope: "pets/read pets/write" });
    gw = await startLocalGateway({
      trustForwardedFor: true,
      onDecision: (record) => records.push(record),
      apis: [api("scoped", AUTH_TYPES), api("legacy", null)],
    });
  });
  afterAll(async () => {
    await gw?.close();
    await issuer?.close();
  });

  const call = (
    apiName: string,
    method: string,
    path: string,
    token?: string,
    ip = "198.51.100.7",
  ) =>
    fetch(`${gw.apiUrls[apiName]}${path}`, {
      method,
      headers: {
        "x-forwarded-for": ip,
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
    });

  it("refuses DELETE /pets/42 to a read-only token (403, the authorizer's implicit deny)", async () => {
    const response = await call("scoped", "DELETE", "/pets/42", reader);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toBe(
      "User is not authorized to access this resource",
    );
    expect(records.at(-1)).toMatchObject({ reason: "authorizer_implicit_deny" });
  });

  it("lets the read-only token GET and the writer DELETE", async () => {
    expect((await call("scoped", "GET", "/pets/42", reader)).status).toBe(200);
    expect((await call("scoped", "DELETE", "/pets/42", writer)).status).toBe(200);
  });

  it("keeps the CORS preflight (NONE) open, except from a denied network", async () => {
    expect((await call("scoped", "OPTIONS", "/pets/42")).status).toBe(200);
    expect((await call("scoped", "OPTIONS", "/pets")).status).toBe(200);
    expect((await call("scoped", "OPTIONS", "/pets/42", undefined, "203.0.113.9")).status).toBe(
      403,
    );
  });

  it("the AWS example shape (authTypes: null) lets the read-only token DELETE: the bug", async () => {
    const response = await call("legacy", "DELETE", "/pets/42", reader);
    expect(response.status).toBe(200);
    expect(records.at(-1)).toMatchObject({ reason: "allowed" });
  });
});
