import { createPublicKey, type KeyObject, verify } from "node:crypto";
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  jwtVerify,
} from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestIssuer } from "./create-test-issuer.js";
import type { TestAlg, TestIssuer } from "./test-issuer.js";

const NOW_MS = Date.UTC(2025, 0, 15, 12, 0, 0);
const NOW_S = NOW_MS / 1000;
const ALGS: TestAlg[] = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
];

const issuers: TestIssuer[] = [];
async function start(options: Parameters<typeof createTestIssuer>[0] = {}): Promise<TestIssuer> {
  const issuer = await createTestIssuer({ now: () => NOW_MS, ...options });
  issuers.push(issuer);
  return issuer;
}
afterAll(async () => {
  await Promise.all(issuers.map((issuer) => issuer.close()));
});

function verifyAt(issuer: TestIssuer, token: string) {
  return jwtVerify(
    token,
    createLocalJWKSet(issuer.jwks() as Parameters<typeof createLocalJWKSet>[0]),
    {
      currentDate: new Date(NOW_MS),
    },
  );
}

describe("createTestIssuer: keys and JWKS", () => {
  it.each(ALGS)("mints %s tokens that jose verifies against the served JWKS", async (alg) => {
    const issuer = await start({ alg });
    const token = await issuer.mintToken({ sub: "user-1" });
    const { payload, protectedHeader } = await jwtVerify(
      token,
      createRemoteJWKSet(new URL(issuer.jwksUri)),
      {
        issuer: issuer.issuer,
        algorithms: [alg],
        currentDate: new Date(NOW_MS),
      },
    );
    expect(protectedHeader).toEqual({ alg, typ: "JWT", kid: issuer.currentKid });
    expect(payload).toEqual({ iss: issuer.issuer, iat: NOW_S, exp: NOW_S + 3600, sub: "user-1" });
  });

  it.each([
    ["RS256", { kty: "RSA" }],
    ["ES256", { kty: "EC", crv: "P-256" }],
    ["ES384", { kty: "EC", crv: "P-384" }],
    ["ES512", { kty: "EC", crv: "P-521" }],
    ["EdDSA", { kty: "OKP", crv: "Ed25519" }],
  ] as const)("publishes a %s key with kid, alg and use", async (alg, shape) => {
    const issuer = await start({ alg });
    const [key] = issuer.jwks().keys;
    expect(key).toMatchObject({ ...shape, alg, use: "sig", kid: issuer.currentKid });
    expect(key).not.toHaveProperty("d");
  });

  it("uses a 2048-bit RSA modulus", async () => {
    const issuer = await start({ alg: "RS256" });
    expect(currentPublicKey(issuer).asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it("leaves alg out of the JWKS when jwksIncludesAlg is false (Entra ID style)", async () => {
    const issuer = await start({ jwksIncludesAlg: false });
    expect(issuer.jwks().keys[0]).not.toHaveProperty("alg");
  });

  it("serves the JWKS over HTTP on 127.0.0.1", async () => {
    const issuer = await start();
    expect(issuer.jwksUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\.well-known\/jwks\.json$/);
    const response = await fetch(issuer.jwksUri);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(issuer.jwks());
  });

  it("serves an OpenID discovery document pointing at the JWKS", async () => {
    const issuer = await start();
    const response = await fetch(`${issuer.url}/.well-known/openid-configuration`);
    expect(await response.json()).toMatchObject({
      issuer: issuer.issuer,
      jwks_uri: issuer.jwksUri,
    });
  });

  it("counts JWKS requests", async () => {
    const issuer = await start();
    await fetch(issuer.jwksUri);
    await fetch(`${issuer.url}/.well-known/openid-configuration`);
    await fetch(issuer.jwksUri);
    expect(issuer.jwksRequests).toBe(2);
  });

  it("answers 404 for other paths", async () => {
    const issuer = await start();
    expect((await fetch(`${issuer.url}/keys`)).status).toBe(404);
  });

  it("defaults the oidc issuer to the server URL", async () => {
    const issuer = await start({ kind: "oidc" });
    expect(issuer.issuer).toBe(issuer.url);
  });

  it("defaults the cognito issuer to the user-pool URL while serving keys locally", async () => {
    const issuer = await start({
      kind: "cognito",
      region: "us-east-2",
      userPoolId: "us-east-2_AbCdEfGhI",
    });
    expect(issuer.issuer).toBe("https://cognito-idp.us-east-2.amazonaws.com/us-east-2_AbCdEfGhI");
    expect(issuer.jwksUri.startsWith("http://127.0.0.1:")).toBe(true);
  });

  it("rejects an unsupported algorithm", async () => {
    await expect(createTestIssuer({ alg: "HS256" as TestAlg })).rejects.toThrow(TypeError);
  });
});

describe("createTestIssuer: Cognito-shaped tokens", () => {
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await start({
      kind: "cognito",
      user: { sub: "sub-1", username: "jane", email: "jane@example.com" },
    });
  });

  it("mints an ID token with exactly the Cognito ID-token claims", async () => {
    const { payload, protectedHeader } = await verifyAt(issuer, await issuer.mintIdToken());
    expect(Object.keys(payload).sort()).toEqual(
      [
        "aud",
        "auth_time",
        "cognito:username",
        "email",
        "email_verified",
        "event_id",
        "exp",
        "iat",
        "iss",
        "jti",
        "origin_jti",
        "sub",
        "token_use",
      ].sort(),
    );
    expect(payload).toMatchObject({
      sub: "sub-1",
      aud: issuer.clientId,
      "cognito:username": "jane",
      email: "jane@example.com",
      email_verified: true,
      token_use: "id",
      iss: issuer.issuer,
      auth_time: NOW_S,
      iat: NOW_S,
      exp: NOW_S + 3600,
    });
    expect(protectedHeader).toEqual({ alg: "RS256", kid: issuer.currentKid });
  });

  it("adds cognito:groups to an ID token when given", async () => {
    const payload = decodeJwt(await issuer.mintIdToken({ "cognito:groups": ["admin", "ops"] }));
    expect(payload["cognito:groups"]).toEqual(["admin", "ops"]);
  });

  it("mints an access token with client_id, scope and username and no aud", async () => {
    const { payload } = await verifyAt(issuer, await issuer.mintAccessToken());
    expect(Object.keys(payload).sort()).toEqual(
      [
        "auth_time",
        "client_id",
        "event_id",
        "exp",
        "iat",
        "iss",
        "jti",
        "origin_jti",
        "scope",
        "sub",
        "token_use",
        "username",
      ].sort(),
    );
    expect(payload).toMatchObject({
      token_use: "access",
      client_id: issuer.clientId,
      username: "jane",
      sub: "sub-1",
    });
  });

  it("mints a client-credentials token without username and with a resource-server scope", async () => {
    const { payload } = await verifyAt(issuer, await issuer.mintClientCredentialsToken());
    expect(payload).not.toHaveProperty("username");
    expect(payload).not.toHaveProperty("aud");
    expect(payload).toMatchObject({
      sub: issuer.clientId,
      client_id: issuer.clientId,
      token_use: "access",
      scope: "resource-server/read",
    });
  });

  it("lets claims override and remove defaults", async () => {
    const payload = decodeJwt(
      await issuer.mintAccessToken({ scope: "orders/write", username: undefined }),
    );
    expect(payload).toHaveProperty("scope", "orders/write");
    expect(payload).not.toHaveProperty("username");
  });

  it("gives each token its own jti", async () => {
    const first = decodeJwt(await issuer.mintIdToken());
    const second = decodeJwt(await issuer.mintIdToken());
    expect(first.jti).not.toBe(second.jti);
  });
});

describe("createTestIssuer: mintToken options", () => {
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await start();
  });

  it("sets exp from expiresIn", async () => {
    const payload = decodeJwt(await issuer.mintToken({}, { expiresIn: -60 }));
    expect(payload.exp).toBe(NOW_S - 60);
  });

  it("writes forged header parameters as given", async () => {
    const header = {
      jku: "https://evil.example/jwks.json",
      x5u: "https://evil.example/cert",
      jwk: { kty: "oct" },
    };
    const token = await issuer.mintToken({}, { header });
    expect(decodeProtectedHeader(token)).toMatchObject(header);
  });

  it("signs a token with a crit header that jose would refuse", async () => {
    const token = await issuer.mintToken({}, { header: { crit: ["exp"] } });
    expect(decodeProtectedHeader(token).crit).toEqual(["exp"]);
    await expect(verifyAt(issuer, token)).rejects.toThrow(/crit|Extension/);
  });

  it("removes a header parameter set to undefined", async () => {
    const token = await issuer.mintToken({}, { header: { kid: undefined, typ: undefined } });
    expect(decodeProtectedHeader(token)).toEqual({ alg: "RS256" });
  });

  it("signs with the real algorithm when the header claims another one", async () => {
    const token = await issuer.mintToken({}, { header: { alg: "RS512" } });
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const key = currentPublicKey(issuer);
    expect(
      verify(
        "sha256",
        Buffer.from(`${header}.${payload}`),
        key,
        Buffer.from(signature, "base64url"),
      ),
    ).toBe(true);
  });

  it("mints an unsigned token with alg none", async () => {
    const token = await issuer.mintToken({}, { alg: "none" });
    expect(token.endsWith(".")).toBe(true);
    expect(decodeProtectedHeader(token).alg).toBe("none");
  });

  it("signs HS256 with the public key PEM as secret (algorithm confusion)", async () => {
    const token = await issuer.mintToken({}, { alg: "HS256" });
    const pem = currentPublicKey(issuer).export({ type: "spki", format: "pem" }).toString();
    const { protectedHeader } = await jwtVerify(token, new TextEncoder().encode(pem), {
      currentDate: new Date(NOW_MS),
    });
    expect(protectedHeader).toMatchObject({ alg: "HS256", kid: issuer.currentKid });
  });

  it("signs with a key outside the JWKS for signWith other", async () => {
    const token = await issuer.mintToken({}, { signWith: "other" });
    expect(issuer.jwks().keys.map((key) => key.kid)).not.toContain(
      decodeProtectedHeader(token).kid,
    );
    await expect(verifyAt(issuer, token)).rejects.toThrow();
  });

  it("fails signature verification for signWith other under the current kid", async () => {
    const token = await issuer.mintToken(
      {},
      { signWith: "other", header: { kid: issuer.currentKid } },
    );
    await expect(verifyAt(issuer, token)).rejects.toThrow(/signature/);
  });

  it("refuses signWith previous before any rotation", async () => {
    const fresh = await start();
    await expect(fresh.mintToken({}, { signWith: "previous" })).rejects.toThrow(/rotateKeys/);
  });
});

describe("createTestIssuer: key rotation", () => {
  it("publishes the new key first and keeps the previous one", async () => {
    const issuer = await start();
    const before = issuer.currentKid;
    issuer.rotateKeys();
    expect(issuer.currentKid).not.toBe(before);
    expect(issuer.jwks().keys.map((key) => key.kid)).toEqual([issuer.currentKid, before]);
  });

  it("drops the previous key when asked", async () => {
    const issuer = await start();
    issuer.rotateKeys({ keepPrevious: false });
    expect(issuer.jwks().keys.map((key) => key.kid)).toEqual([issuer.currentKid]);
  });

  it("drops the previous key by default with keepPreviousKey false", async () => {
    const issuer = await start({ keepPreviousKey: false });
    issuer.rotateKeys();
    expect(issuer.jwks().keys).toHaveLength(1);
  });

  it("signs with the pre-rotation key for signWith previous", async () => {
    const issuer = await start();
    const before = issuer.currentKid;
    issuer.rotateKeys();
    const token = await issuer.mintToken({}, { signWith: "previous" });
    expect(decodeProtectedHeader(token).kid).toBe(before);
    await expect(verifyAt(issuer, token)).resolves.toBeDefined();
  });
});

describe("createTestIssuer: JWKS faults", () => {
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await start();
  });

  it("answers 500 for status-500", async () => {
    issuer.setFault("status-500");
    expect((await fetch(issuer.jwksUri)).status).toBe(500);
  });

  it("answers invalid JSON for malformed", async () => {
    issuer.setFault("malformed");
    const body = await (await fetch(issuer.jwksUri)).text();
    expect(() => JSON.parse(body)).toThrow(SyntaxError);
  });

  it("answers a 2 MiB valid JSON key set for oversized", async () => {
    issuer.setFault("oversized");
    const response = await fetch(issuer.jwksUri);
    expect(Number(response.headers.get("content-length"))).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    const body = (await response.json()) as { keys: unknown[] };
    expect(body.keys[0]).toEqual(issuer.jwks().keys[0]);
  });

  it("streams the oversized body without Content-Length when chunked", async () => {
    issuer.setFault("oversized", { chunked: true, sizeBytes: 300_000 });
    const response = await fetch(issuer.jwksUri);
    expect(response.headers.get("content-length")).toBeNull();
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThanOrEqual(300_000);
  });

  it("answers an empty key set for empty", async () => {
    issuer.setFault("empty");
    expect(await (await fetch(issuer.jwksUri)).json()).toEqual({ keys: [] });
  });

  it("answers the key set after the delay for slow", async () => {
    issuer.setFault("slow", { delayMs: 20 });
    expect(await (await fetch(issuer.jwksUri)).json()).toEqual(issuer.jwks());
  });

  it("serves the key set again after setFault none", async () => {
    issuer.setFault("none");
    expect(await (await fetch(issuer.jwksUri)).json()).toEqual(issuer.jwks());
  });

  it("ends a pending slow answer on close", async () => {
    const slow = await createTestIssuer({ now: () => NOW_MS });
    slow.setFault("slow", { delayMs: 60_000 });
    const pending = fetch(slow.jwksUri).then(
      () => "answered",
      () => "failed",
    );
    await waitFor(() => slow.jwksRequests === 1);
    await slow.close();
    expect(await pending).toBe("failed");
  });
});

function currentPublicKey(issuer: TestIssuer): KeyObject {
  const [jwk] = issuer.jwks().keys;
  return createPublicKey({ key: { ...jwk }, format: "jwk" });
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
