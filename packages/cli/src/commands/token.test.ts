import { createTestIssuer, type TestIssuer } from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCaptured, stdinOf } from "../internal/capture-io.js";

let issuer: TestIssuer;

beforeAll(async () => {
  issuer = await createTestIssuer({ kind: "cognito", region: "eu-west-1" });
});

afterAll(() => issuer.close());

const signatureOf = (token: string) => token.split(".")[2] as string;

describe("gatehouse token decode", () => {
  it("prints header and claims, never the signature", async () => {
    const token = await issuer.mintAccessToken({ scope: "pets/read" });
    const result = await runCaptured(["token", "decode", token]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"token_use": "access"');
    expect(result.stdout).toContain(`"kid": "${issuer.currentKid}"`);
    expect(result.stdout).toContain("exp: ");
    expect(result.stdout + result.stderr).not.toContain(signatureOf(token));
  });

  it("--json gives { header, claims } only", async () => {
    const token = await issuer.mintIdToken();
    const result = await runCaptured(["token", "decode", "-", "--json"], {
      stdin: stdinOf(`Bearer ${token}\n`),
    });
    const parsed = JSON.parse(result.stdout) as Record<string, Record<string, unknown>>;
    expect(Object.keys(parsed)).toEqual(["header", "claims"]);
    expect(parsed["claims"]?.["aud"]).toBe(issuer.clientId);
    expect(result.stdout).not.toContain(signatureOf(token));
  });

  it("exits 2 for something that is not a JWT, without echoing it", async () => {
    const result = await runCaptured(["token", "decode", "not-a-token-secret-value"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("not a JWT");
    expect(result.stderr).not.toContain("secret-value");
  });
});

describe("gatehouse token verify", () => {
  const cognitoArgs = () => [
    "--user-pool-id",
    issuer.userPoolId,
    "--client-id",
    issuer.clientId,
    "--token-use",
    "access",
    "--jwks-uri",
    issuer.jwksUri,
  ];

  it("exits 0 for a valid Cognito access token and shows scopes", async () => {
    const token = await issuer.mintAccessToken({ scope: "pets/read pets/write" });
    const result = await runCaptured(["token", "verify", token, ...cognitoArgs()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("valid");
    expect(result.stdout).toContain("scopes: pets/read pets/write");
    expect(result.stdout).not.toContain(signatureOf(token));
  });

  it.each([
    ["an expired token", () => issuer.mintAccessToken({}, { expiresIn: -60 }), "token_expired"],
    [
      "a forged signature",
      () => issuer.mintAccessToken({}, { signWith: "other", header: { kid: issuer.currentKid } }),
      "invalid_signature",
    ],
  ])("exits 1 with the code for %s", async (_, mint, code) => {
    const result = await runCaptured(["token", "verify", await mint(), ...cognitoArgs(), "--json"]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ valid: false, code });
  });

  it("verifies an OIDC token with --issuer --jwks-uri --audience --algorithms", async () => {
    const token = await issuer.mintToken({ aud: "api://pets", sub: "u1" });
    const args = [
      "token",
      "verify",
      token,
      "--issuer",
      issuer.issuer,
      "--jwks-uri",
      issuer.jwksUri,
      "--algorithms",
      "RS256",
    ];
    expect((await runCaptured([...args, "--audience", "api://pets"])).code).toBe(0);
    expect((await runCaptured([...args, "--audience", "api://other"])).code).toBe(1);
  });

  it("refuses to run without the required checks (exit 2)", async () => {
    const token = await issuer.mintToken({ aud: "api://pets" });
    const noAlg = await runCaptured([
      "token",
      "verify",
      token,
      "--issuer",
      issuer.issuer,
      "--jwks-uri",
      issuer.jwksUri,
      "--audience",
      "x",
    ]);
    expect(noAlg.code).toBe(2);
    expect(noAlg.stderr).toContain("--algorithms is required");
    const noAud = await runCaptured([
      "token",
      "verify",
      token,
      "--issuer",
      issuer.issuer,
      "--jwks-uri",
      issuer.jwksUri,
      "--algorithms",
      "RS256",
    ]);
    expect(noAud.code).toBe(2);
    expect(noAud.stderr).toContain("--any-audience");
  });

  it("exits 3 when the keys cannot be fetched", async () => {
    const token = await issuer.mintAccessToken();
    issuer.setFault("status-500");
    try {
      const result = await runCaptured(["token", "verify", token, ...cognitoArgs()]);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain("keys unavailable");
    } finally {
      issuer.setFault("none");
    }
  });
});
