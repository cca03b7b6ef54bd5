import { jwtVerifier } from "@gatehouse/authorizer";
import type { JwtResourcePolicyMode, PolicyDocument, PolicyStatement } from "@gatehouse/policy";
import { createTestIssuer, type TestIssuer } from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GatewayDecisionRecord, RestApiConfig } from "../config/gateway-config.js";
import type { RestProxyEvent } from "../config/proxy-event.js";
import type { RestJwtAuthorizerConfig } from "../config/rest-jwt-authorizer-config.js";
import { type LocalGateway, startLocalGateway } from "./start-local-gateway.js";

const ISSUER_A = "https://idp-a.example.com/";
const ISSUER_B = "https://idp-b.example.com";
const ARN = "arn:aws:execute-api:us-east-1:123456789012";
const invoke = { Action: "execute-api:Invoke", Principal: "*" } as const;
const allowAll: PolicyStatement = { ...invoke, Effect: "Allow", Resource: "execute-api:/*" };
const silent: PolicyStatement = { ...allowAll, Resource: "execute-api:/*/GET/elsewhere" };
const denyOrders: PolicyStatement = {
  ...invoke,
  Effect: "Deny",
  Resource: "execute-api:/*/GET/orders",
};
const policy = (...Statement: PolicyStatement[]): PolicyDocument => ({
  Version: "2012-10-17",
  Statement,
});

describe("REST API JWT authorizer (several issuers, additional claims)", () => {
  let idpA: TestIssuer;
  let idpB: TestIssuer;
  let gw: LocalGateway;
  const records: GatewayDecisionRecord[] = [];

  /** Each API at its own base path: [resource policy, jwtResourcePolicy, algorithms]. */
  const apis: Record<
    string,
    [
      PolicyDocument | null,
      JwtResourcePolicyMode | undefined,
      RestJwtAuthorizerConfig["defaultAlgorithms"],
    ]
  > = {
    open: [null, undefined, ["RS256", "ES256"]],
    rsaOnly: [null, undefined, ["RS256"]],
    silentDefault: [policy(silent), undefined, ["RS256", "ES256"]],
    silentAllows: [policy(silent), "silent-allows", ["RS256", "ES256"]],
    allow: [policy(allowAll), undefined, ["RS256", "ES256"]],
    deny: [policy(allowAll, denyOrders), "silent-allows", ["RS256", "ES256"]],
  };

  beforeAll(async () => {
    idpA = await createTestIssuer({ alg: "RS256", issuer: ISSUER_A });
    idpB = await createTestIssuer({ alg: "ES256", issuer: ISSUER_B });
    const authorizer = (algorithms: RestJwtAuthorizerConfig["defaultAlgorithms"]) =>
      ({
        type: "JWT",
        defaultAlgorithms: algorithms,
        issuers: [
          {
            issuer: ISSUER_A,
            audiences: ["orders-api"],
            additionalClaims: [
              {
                claimName: "tenant",
                format: "SINGLE_STRING",
                expectedValues: ["acme", "globex"],
                required: true,
              },
              { claimName: "department", format: "SINGLE_STRING", expectedValues: ["sales"] },
            ],
            // Signature, exp and nbf; the gateway checks audiences and claims itself.
            verifier: jwtVerifier({
              issuer: ISSUER_A,
              audience: null,
              jwksUri: idpA.jwksUri,
              algorithms: ["RS256"],
            }),
          },
          {
            issuer: ISSUER_B,
            audiences: ["orders-api", "partners"],
            verifier: jwtVerifier({
              issuer: ISSUER_B,
              audience: null,
              jwksUri: idpB.jwksUri,
              algorithms: ["ES256"],
            }),
          },
        ],
      }) satisfies RestJwtAuthorizerConfig;
    const handler = (event: RestProxyEvent) => ({ statusCode: 200, body: JSON.stringify(event) });
    gw = await startLocalGateway({
      onDecision: (record) => records.push(record),
      apis: Object.entries(apis).map(
        ([name, [resourcePolicy, mode, algorithms]], index): RestApiConfig => ({
          type: "REST",
          name,
          apiId: `restjwt${String(index).padStart(2, "0")}`,
          basePath: `/${name}`,
          resourcePolicy,
          ...(mode !== undefined ? { jwtResourcePolicy: mode } : {}),
          authorizers: { [`oidc-${name}`]: authorizer(algorithms) },
          routes: [
            {
              method: "GET",
              resource: "/orders",
              auth: { authorizer: `oidc-${name}`, scopes: ["orders:read", "orders/read"] },
              handler,
            },
            {
              method: "POST",
              resource: "/orders",
              auth: { authorizer: `oidc-${name}`, scopes: ["orders:write"] },
              handler,
            },
            { method: "GET", resource: "/profile", auth: { authorizer: `oidc-${name}` }, handler },
          ],
        }),
      ),
    });
  });

  afterAll(async () => {
    await gw.close();
    await idpA.close();
    await idpB.close();
  });

  const tokenA = (claims: Record<string, unknown> = {}, options = {}) =>
    idpA.mintToken(
      { sub: "user-a", aud: "orders-api", tenant: "acme", scope: "orders:read", ...claims },
      options,
    );
  const tokenB = (claims: Record<string, unknown> = {}) =>
    idpB.mintToken({ sub: "partner-b", aud: "partners", scp: ["orders/read"], ...claims });

  async function call(api: string, token: string | undefined, method = "GET", path = "/orders") {
    const response = await fetch(`${gw.apiUrls[api]}${path}`, {
      method,
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as Record<string, unknown>;
    const record = records.at(-1);
    return { status: response.status, body, reason: record?.reason, headers: response.headers };
  }

  it("a token of either issuer with a method scope -> 200; claims reach the integration", async () => {
    const a = await call("open", await tokenA());
    expect(a.status).toBe(200);
    const claims = (a.body as unknown as RestProxyEvent).requestContext.authorizer?.["claims"];
    expect(claims).toMatchObject({ iss: ISSUER_A, sub: "user-a", tenant: "acme" });
    const b = await call("open", await tokenB());
    expect(b.status).toBe(200);
    expect(
      (b.body as unknown as RestProxyEvent).requestContext.authorizer?.["claims"],
    ).toMatchObject({
      iss: ISSUER_B,
    });
  });

  it.each([
    ["no token", undefined, "missing_identity_source"],
    ["a required claim missing", { tenant: undefined }, "jwt_claim_mismatch"],
    ["a claim in another case (exact match)", { tenant: "ACME" }, "jwt_claim_mismatch"],
    ["a claim that is not a single string", { tenant: ["acme"] }, "jwt_claim_mismatch"],
    [
      "an optional claim present with an unexpected value",
      { department: "hr" },
      "jwt_claim_mismatch",
    ],
    ["an audience of the other issuer", { aud: "partners" }, "jwt_audience_mismatch"],
    [
      "the issuer without its trailing slash",
      { iss: "https://idp-a.example.com" },
      "jwt_unknown_issuer",
    ],
    [
      "an issuer the authorizer does not trust",
      { iss: "https://evil.example.com/" },
      "jwt_unknown_issuer",
    ],
  ] as const)("%s -> 401 Unauthorized", async (_label, claims, reason) => {
    const token = claims === undefined ? undefined : await tokenA({ ...claims });
    const result = await call("open", token);
    expect(result).toMatchObject({ status: 401, body: { message: "Unauthorized" }, reason });
    expect(result.headers.get("x-amzn-errortype")).toBe("UnauthorizedException");
  });

  it("an optional claim may be absent, and may hold an expected value", async () => {
    expect((await call("open", await tokenA({ department: undefined }))).status).toBe(200);
    expect((await call("open", await tokenA({ department: "sales" }))).status).toBe(200);
    expect((await call("open", await tokenA({ tenant: "globex" }))).status).toBe(200);
  });

  it.each([
    ["an expired token", { expiresIn: -60 }, "jwt_invalid"],
    ["a key not in the issuer's JWKS", { signWith: "other" }, "jwt_invalid"],
    [
      "HS256 signed with the public key (algorithm confusion)",
      { alg: "HS256" },
      "jwt_algorithm_not_allowed",
    ],
    ["an unsigned token", { alg: "none" }, "jwt_algorithm_not_allowed"],
  ] as const)("%s -> 401", async (_label, options, reason) => {
    const result = await call("open", await tokenA({}, options));
    expect(result).toMatchObject({ status: 401, body: { message: "Unauthorized" }, reason });
  });

  it("an algorithm outside defaultAlgorithms -> 401, though the issuer's verifier would accept it", async () => {
    const result = await call("rsaOnly", await tokenB());
    expect(result).toMatchObject({ status: 401, reason: "jwt_algorithm_not_allowed" });
    expect((await call("rsaOnly", await tokenA())).status).toBe(200);
  });

  it("a valid token without any of the method's scopes -> 403 Forbidden; a method without scopes admits it", async () => {
    const post = await call("open", await tokenA(), "POST");
    expect(post).toMatchObject({
      status: 403,
      body: { message: "Forbidden" },
      reason: "jwt_insufficient_scope",
    });
    expect((await call("open", await tokenA({ scope: "orders:write" }), "POST")).status).toBe(200);
    expect((await call("open", await tokenA({ scope: undefined }), "GET", "/profile")).status).toBe(
      200,
    );
  });

  it("resource policies: silent refuses by default, silent-allows admits, an explicit Deny wins", async () => {
    const token = await tokenA();
    const arnOf = (index: number) =>
      `${ARN}:restjwt${String(index).padStart(2, "0")}/dev/GET/orders`;
    expect(await call("silentDefault", token)).toMatchObject({
      status: 403,
      body: {
        message: `User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${arnOf(2)}`,
      },
      reason: "resource_policy_implicit_deny",
    });
    expect((await call("silentAllows", token)).status).toBe(200);
    expect((await call("allow", token)).status).toBe(200);
    expect(await call("deny", token)).toMatchObject({
      status: 403,
      body: {
        message: `User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${arnOf(5)} with an explicit deny`,
      },
      reason: "resource_policy_explicit_deny",
    });
  });

  it("a bad token is refused (401) before any resource policy, even an Allow-all", async () => {
    expect(await call("allow", await tokenA({ tenant: "initech" }))).toMatchObject({
      status: 401,
      reason: "jwt_claim_mismatch",
    });
  });

  it("never puts the token in a response or a decision record", async () => {
    const token = await tokenA({ tenant: "nope" });
    const result = await call("open", token);
    expect(JSON.stringify(result.body)).not.toContain(token.split(".")[2]);
    expect(JSON.stringify(records.at(-1))).not.toContain(token.split(".")[2]);
  });
});
