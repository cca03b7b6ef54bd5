import { createTestIssuer, type TestIssuer } from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CognitoVerifierOptions, cognitoVerifier } from "./cognito-verifier.js";

const T0 = Date.UTC(2030, 0, 1);
const now = () => T0;

let pool: TestIssuer;
let replica: TestIssuer;
let otherPool: TestIssuer;

beforeAll(async () => {
  pool = await createTestIssuer({ kind: "cognito", now });
  replica = await createTestIssuer({
    kind: "cognito",
    now,
    issuer: `https://issuer-cognito-idp.eu-west-1.amazonaws.com/${pool.userPoolId}`,
  });
  otherPool = await createTestIssuer({
    kind: "cognito",
    region: "us-east-1",
    userPoolId: "us-east-1_Other",
    clientId: "otherclient",
    now,
  });
});
afterAll(async () => {
  await pool.close();
  await replica.close();
  await otherPool.close();
});

function verifierFor(
  overrides: Partial<CognitoVerifierOptions> & { tokenUse?: "id" | "access" | null } = {},
) {
  return cognitoVerifier({
    userPoolId: pool.userPoolId,
    clientId: pool.clientId,
    tokenUse: "access",
    jwksUri: pool.jwksUri,
    now,
    ...overrides,
  } as CognitoVerifierOptions);
}

describe("cognitoVerifier", () => {
  it("verifies an access token and exposes scopes and groups", async () => {
    const token = await pool.mintAccessToken({
      scope: "orders/read orders/write",
      "cognito:groups": ["admins"],
    });
    const verified = await verifierFor().verify(token);
    expect(verified.scopes).toEqual(["orders/read", "orders/write"]);
    expect(verified.groups).toEqual(["admins"]);
    expect(verified.issuer).toBe(pool.issuer);
  });

  it("verifies an ID token", async () => {
    const verified = await verifierFor({ tokenUse: "id" }).verify(await pool.mintIdToken());
    expect(verified.claims.token_use).toBe("id");
  });

  it("verifies a client-credentials token", async () => {
    const verified = await verifierFor().verify(await pool.mintClientCredentialsToken());
    expect(verified.scopes).toEqual(["resource-server/read"]);
    expect(Object.hasOwn(verified.claims, "username")).toBe(false);
  });

  it("accepts the multi-Region replication issuer", async () => {
    const verifier = verifierFor({ jwksUri: replica.jwksUri });
    const verified = await verifier.verify(await replica.mintAccessToken());
    expect(verified.issuer).toBe(
      `https://issuer-cognito-idp.eu-west-1.amazonaws.com/${pool.userPoolId}`,
    );
  });

  it("rejects an ID token where an access token is expected", async () => {
    await expect(verifierFor().verify(await pool.mintIdToken())).rejects.toThrowCode(
      "invalid_token_use",
    );
  });

  it("accepts both token uses with an explicit null", async () => {
    const verifier = verifierFor({ tokenUse: null });
    await expect(verifier.verify(await pool.mintIdToken())).resolves.toBeDefined();
    await expect(verifier.verify(await pool.mintAccessToken())).resolves.toBeDefined();
  });

  it("rejects another app client (access token client_id)", async () => {
    const verifier = verifierFor({ clientId: "someone-else" });
    await expect(verifier.verify(await pool.mintAccessToken())).rejects.toThrowCode(
      "invalid_audience",
    );
  });

  it("rejects another app client (ID token aud)", async () => {
    const verifier = verifierFor({ clientId: ["a", "b"], tokenUse: "id" });
    await expect(verifier.verify(await pool.mintIdToken())).rejects.toThrowCode("invalid_audience");
  });

  it("rejects a token without a required group (access_denied)", async () => {
    const verifier = verifierFor({ groups: "admins" });
    const token = await pool.mintAccessToken({ "cognito:groups": ["users"] });
    await expect(verifier.verify(token)).rejects.toThrowCode("access_denied");
  });

  it("rejects a token without a required scope (insufficient_scope)", async () => {
    const verifier = verifierFor({ scope: "orders/write" });
    const token = await pool.mintAccessToken({ scope: "orders/read" });
    await expect(verifier.verify(token)).rejects.toThrowCode("insufficient_scope");
  });

  it("rejects another user pool's issuer without fetching", async () => {
    const before = otherPool.jwksRequests + pool.jwksRequests;
    const token = await otherPool.mintAccessToken();
    await expect(verifierFor().verify(token)).rejects.toThrowCode("invalid_issuer");
    expect(otherPool.jwksRequests + pool.jwksRequests).toBe(before);
  });

  it("verifies tokens of several pools", async () => {
    const verifier = cognitoVerifier({
      pools: [
        {
          userPoolId: pool.userPoolId,
          clientId: pool.clientId,
          tokenUse: "access",
          jwksUri: pool.jwksUri,
        },
        {
          userPoolId: otherPool.userPoolId,
          clientId: "otherclient",
          tokenUse: "id",
          jwksUri: otherPool.jwksUri,
        },
      ],
      now,
    });
    await expect(verifier.verify(await pool.mintAccessToken())).resolves.toBeDefined();
    await expect(verifier.verify(await otherPool.mintIdToken())).resolves.toBeDefined();
    await expect(verifier.verify(await otherPool.mintAccessToken())).rejects.toThrowCode(
      "invalid_token_use",
    );
  });

  it("verifies from pre-seeded keys without a request", async () => {
    const verifier = verifierFor({ jwks: pool.jwks() });
    const before = pool.jwksRequests;
    await verifier.hydrate();
    await verifier.verify(await pool.mintAccessToken());
    expect(pool.jwksRequests).toBe(before);
  });

  it("rejects an expired token against the injected clock", async () => {
    const token = await pool.mintAccessToken({}, { expiresIn: 60 });
    const verifier = verifierFor({ now: () => T0 + 120_000 });
    await expect(verifier.verify(token)).rejects.toThrowCode("token_expired");
  });

  it("requires clientId (null to opt out)", () => {
    expect(() =>
      cognitoVerifier({ userPoolId: pool.userPoolId, tokenUse: "access" } as never),
    ).toThrow(TypeError);
  });

  it("requires tokenUse (null to opt out)", () => {
    expect(() => cognitoVerifier({ userPoolId: pool.userPoolId, clientId: null } as never)).toThrow(
      TypeError,
    );
  });

  it("rejects a malformed user pool id", () => {
    expect(() =>
      cognitoVerifier({ userPoolId: "not-a-pool", clientId: null, tokenUse: null }),
    ).toThrow(TypeError);
  });

  it("bounds cacheUntil by iat + maxTokenAgeSeconds", async () => {
    const token = await pool.mintAccessToken({});
    const verified = await verifierFor({ maxTokenAgeSeconds: 300 }).verify(token);
    expect(verified.cacheUntil).toBe(T0 / 1000 + 300);
  });
});
