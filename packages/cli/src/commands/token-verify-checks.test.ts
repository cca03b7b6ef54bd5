// `token verify` shows what the verifier expected beside what the token says (never the
// signature), refuses contradictory options, and names its flags in errors.
import { decodeJwtUnverified } from "@gatehouse/authorizer";
import { createTestIssuer, type TestIssuer } from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCaptured } from "../internal/capture-io.js";

let issuer: TestIssuer;

beforeAll(async () => {
  issuer = await createTestIssuer({ kind: "cognito", region: "eu-west-1" });
});

afterAll(() => issuer.close());

const signatureOf = (token: string) => token.split(".")[2] as string;
const isoOf = (token: string, claim: string) =>
  new Date((decodeJwtUnverified(token).claims[claim] as number) * 1000).toISOString();

/** The table row of `claim`, cells split on runs of 2+ spaces. */
function row(stdout: string, claim: string): string[] {
  const line = stdout.split("\n").find((text) => text.startsWith(`${claim} `));
  if (line === undefined) throw new Error(`no ${claim} row in:\n${stdout}`);
  return line.split(/ {2,}/);
}

interface Check {
  claim: string;
  expected: string;
  found: string;
  failed: boolean;
}

describe("gatehouse token verify: expected and found", () => {
  const oidc = (audience: string, iss = issuer.issuer) => [
    "--issuer",
    iss,
    "--jwks-uri",
    issuer.jwksUri,
    "--algorithms",
    "RS256",
    "--audience",
    audience,
  ];

  it("shows the token's iss, aud, alg, kid and times beside the expected values", async () => {
    // Reproduction: `invalid invalid_issuer: JWT iss is not the configured issuer` said neither.
    const token = await issuer.mintToken({ aud: "api://pets", sub: "u1" });
    const result = await runCaptured([
      "token",
      "verify",
      token,
      ...oidc("api://pets", "https://login.example.com/"),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("invalid invalid_issuer");
    expect(row(result.stdout, "iss")).toEqual([
      "iss",
      "https://login.example.com/",
      issuer.issuer,
      "<- invalid_issuer",
    ]);
    expect(row(result.stdout, "aud").slice(1, 3)).toEqual(["api://pets", "api://pets"]);
    expect(row(result.stdout, "alg").slice(1, 3)).toEqual(["RS256", "RS256"]);
    expect(row(result.stdout, "kid").slice(1, 3)).toEqual([
      `a key of ${issuer.jwksUri}`,
      issuer.currentKid,
    ]);
    expect(row(result.stdout, "exp")[2]).toContain(isoOf(token, "exp"));
    expect(row(result.stdout, "iat")[2]).toContain(isoOf(token, "iat"));
    expect(result.stdout + result.stderr).not.toContain(signatureOf(token));
    expect(result.stdout).not.toContain(token);
  });

  it("marks the audience row for a wrong audience", async () => {
    const token = await issuer.mintToken({ aud: "api://orders" });
    const result = await runCaptured(["token", "verify", token, ...oidc("api://pets")]);
    expect(result.code).toBe(1);
    expect(row(result.stdout, "aud")).toEqual([
      "aud",
      "api://pets",
      "api://orders",
      "<- invalid_audience",
    ]);
  });

  it("--json lists the checks; a Cognito access token is checked on client_id and token_use", async () => {
    const token = await issuer.mintAccessToken({}, { expiresIn: -60 });
    const result = await runCaptured([
      "token",
      "verify",
      token,
      "--user-pool-id",
      issuer.userPoolId,
      "--client-id",
      issuer.clientId,
      "--token-use",
      "access",
      "--jwks-uri",
      issuer.jwksUri,
      "--json",
    ]);
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout) as { code: string; claim: string; checks: Check[] };
    expect(parsed).toMatchObject({ code: "token_expired", claim: "exp" });
    const byClaim = Object.fromEntries(parsed.checks.map((check) => [check.claim, check]));
    expect(Object.keys(byClaim)).toEqual(
      expect.arrayContaining(["iss", "client_id", "token_use", "alg", "kid", "exp"]),
    );
    expect(byClaim["iss"]).toMatchObject({
      expected: `https://cognito-idp.eu-west-1.amazonaws.com/${issuer.userPoolId}`,
      found: issuer.issuer,
      failed: false,
    });
    expect(byClaim["client_id"]).toMatchObject({
      expected: issuer.clientId,
      found: issuer.clientId,
    });
    expect(byClaim["token_use"]).toMatchObject({ expected: "access", found: "access" });
    expect(byClaim["exp"]?.failed).toBe(true);
    expect(byClaim["exp"]?.found).toContain(isoOf(token, "exp"));
    expect(result.stdout).not.toContain(signatureOf(token));
  });

  it("prints the table for a valid token too", async () => {
    const token = await issuer.mintIdToken();
    const result = await runCaptured([
      "token",
      "verify",
      token,
      "--user-pool-id",
      issuer.userPoolId,
      "--client-id",
      issuer.clientId,
      "--token-use",
      "id",
      "--jwks-uri",
      issuer.jwksUri,
    ]);
    expect(result.code).toBe(0);
    expect(row(result.stdout, "aud")).toEqual(["aud", issuer.clientId, issuer.clientId, "ok"]);
    expect(row(result.stdout, "token_use")).toEqual(["token_use", "id", "id", "ok"]);
    expect(result.stdout).not.toContain(signatureOf(token));
  });
});

describe("gatehouse token verify: options", () => {
  it("exits 2 for something that is not a JWT, as the docs say", async () => {
    const result = await runCaptured([
      "token",
      "verify",
      "not-a-token-secret-value",
      "--user-pool-id",
      issuer.userPoolId,
      "--any-client",
      "--token-use",
      "access",
      "--jwks-uri",
      issuer.jwksUri,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("not a JWT");
    expect(result.stderr).not.toContain("secret-value");
  });

  it("refuses contradictory options (exit 2)", async () => {
    const token = await issuer.mintAccessToken();
    const cases: Array<[string[], string]> = [
      [
        ["--user-pool-id", issuer.userPoolId, "--issuer", issuer.issuer, "--any-client"],
        "--user-pool-id cannot be combined with --issuer",
      ],
      [
        [
          "--issuer",
          issuer.issuer,
          "--jwks-uri",
          issuer.jwksUri,
          "--algorithms",
          "RS256",
          "--client-id",
          "x",
        ],
        "--client-id needs --user-pool-id",
      ],
      [
        [
          "--issuer",
          issuer.issuer,
          "--jwks-uri",
          issuer.jwksUri,
          "--algorithms",
          "RS256",
          "--audience",
          "a",
          "--any-audience",
        ],
        "--audience cannot be combined with --any-audience",
      ],
    ];
    for (const [args, message] of cases) {
      const result = await runCaptured(["token", "verify", token, ...args]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain(message);
    }
  });

  it("names the flag, not the verifier's option, in a configuration error", async () => {
    const token = await issuer.mintAccessToken();
    const pool = await runCaptured([
      "token",
      "verify",
      token,
      "--user-pool-id",
      "not-a-pool",
      "--any-client",
      "--token-use",
      "access",
    ]);
    expect(pool.code).toBe(2);
    expect(pool.stderr).toContain("--user-pool-id must look like");
    expect(pool.stderr).not.toContain("userPoolId");
    const jwks = await runCaptured([
      "token",
      "verify",
      token,
      "--issuer",
      issuer.issuer,
      "--jwks-uri",
      "http://keys.example.com/jwks.json",
      "--algorithms",
      "RS256",
      "--any-audience",
    ]);
    expect(jwks.code).toBe(2);
    expect(jwks.stderr).toContain("--jwks-uri must use https");
    expect(jwks.stderr).not.toContain("jwksUri");
  });
});

describe("gatehouse token decode: not a JWT, from the decoder's code", () => {
  it("says an encrypted JWT is one (5 segments)", async () => {
    const result = await runCaptured(["token", "decode", "a.b.c.d.e"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("encrypted JWT (JWE, 5 segments)");
  });

  it("gives the decoder's code and reason for a segment that is not JSON", async () => {
    const notJson = Buffer.from("{not json").toString("base64url");
    const result = await runCaptured(["token", "decode", `${notJson}.${notJson}.c2ln`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("not a JWT (malformed_token): JWT header is not JSON");
    expect(result.stderr).not.toContain(notJson);
  });
});
