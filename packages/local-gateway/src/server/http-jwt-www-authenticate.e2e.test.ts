import { cognitoVerifier, jwtVerifier } from "@gatehouse/authorizer";
import { createTestIssuer, type TestIssuer } from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalGateway, startLocalGateway } from "./start-local-gateway.js";

describe("HTTP API JWT 401s carry www-authenticate", () => {
  let issuer: TestIssuer;
  let pool: TestIssuer;
  let gw: LocalGateway;
  const echo = () => ({ statusCode: 200, body: "ok" });

  beforeAll(async () => {
    issuer = await createTestIssuer({ alg: "RS256" });
    pool = await createTestIssuer({ kind: "cognito", region: "us-east-1" });
    gw = await startLocalGateway({
      apis: [
        {
          type: "HTTP",
          name: "http",
          basePath: "/http",
          authorizers: {
            jwt: {
              type: "JWT",
              verifier: jwtVerifier({
                issuer: issuer.issuer,
                audience: "api",
                jwksUri: issuer.jwksUri,
                algorithms: ["RS256"],
              }),
            },
          },
          routes: [
            { routeKey: "GET /pets", auth: { authorizer: "jwt" }, handler: echo },
            {
              routeKey: "GET /admin",
              auth: { authorizer: "jwt", scopes: ["admin"] },
              handler: echo,
            },
          ],
        },
        {
          type: "REST",
          name: "rest",
          basePath: "/rest",
          authorizers: {
            pool: {
              type: "COGNITO_USER_POOLS",
              verifier: cognitoVerifier({
                userPoolId: pool.userPoolId,
                clientId: pool.clientId,
                tokenUse: "id",
                jwksUri: pool.jwksUri,
              }),
            },
          },
          routes: [
            { method: "GET", resource: "/pets", auth: { authorizer: "pool" }, handler: echo },
          ],
        },
      ],
    });
  });

  afterAll(async () => {
    await gw.close();
    await issuer.close();
    await pool.close();
  });

  const get = (api: string, path: string, authorization?: string) =>
    fetch(`${gw.apiUrls[api]}${path}`, {
      headers: authorization === undefined ? {} : { authorization },
    });
  const challenge = (description: string) =>
    `Bearer scope="" error="invalid_token" error_description="${description}"`;

  it.each([
    ["the wrong audience", { aud: "other" }, {}, "the token does not have a valid audience"],
    ["an expired token", { aud: "api" }, { expiresIn: -60 }, "the token has expired"],
    [
      "a key not in the JWKS",
      { aud: "api" },
      { signWith: "other" },
      "the token's signing key is not known",
    ],
  ] as const)("%s -> 401 with AWS's challenge", async (_label, claims, options, description) => {
    const token = await issuer.mintToken({ sub: "u", ...claims }, options);
    const response = await get("http", "/pets", `Bearer ${token}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: "Unauthorized" });
    const header = response.headers.get("www-authenticate");
    expect(header).toBe(challenge(description));
    // Never the token, nor any part of it.
    for (const part of token.split(".")) expect(header).not.toContain(part);
  });

  it("a missing or malformed token -> 401 with a challenge", async () => {
    const missing = await get("http", "/pets");
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe(challenge("the token is missing"));
    const malformed = await get("http", "/pets", "Bearer not-a-jwt");
    expect(malformed.status).toBe(401);
    expect(malformed.headers.get("www-authenticate")).toBe(challenge("the token is malformed"));
  });

  it("no challenge on a 200, a 403 for scopes, or a REST Cognito 401", async () => {
    const token = await issuer.mintToken({ sub: "u", aud: "api" });
    const ok = await get("http", "/pets", `Bearer ${token}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("www-authenticate")).toBeNull();
    const scoped = await get("http", "/admin", `Bearer ${token}`);
    expect(scoped.status).toBe(403);
    expect(scoped.headers.get("www-authenticate")).toBeNull();
    const rest = await get("rest", "/pets", "Bearer not-a-jwt");
    expect(rest.status).toBe(401);
    expect(rest.headers.get("www-authenticate")).toBeNull();
  });
});
