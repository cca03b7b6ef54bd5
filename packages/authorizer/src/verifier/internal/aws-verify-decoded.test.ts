import { createTestIssuer, type TestAlg, type TestIssuer } from "@gatehouse/testing";
import { CognitoJwtVerifier, JwtVerifier } from "aws-jwt-verify";
import { validateCognitoJwtFields } from "aws-jwt-verify/cognito-verifier";
import { JwtInvalidSignatureError, KidNotFoundInJwksError } from "aws-jwt-verify/error";
import { validateJwtFields } from "aws-jwt-verify/jwt";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isAuthorizerError } from "../../errors.js";
import { JwksCache } from "../../jwks/jwks-cache.js";
import { type AwsIssuerChecks, awsVerifyDecoded } from "./aws-verify-decoded.js";
import { checkedJwksCache, KEY_NOT_CACHED } from "./checked-jwks-cache.js";
import { decodeJwt } from "./decode-jwt.js";

const GRACE = Number.POSITIVE_INFINITY;

/** An aws-jwt-verify verifier on a Gatehouse cache and its synchronous checks, as jwtVerifier builds them. */
function setup(issuer: TestIssuer, seed: boolean, audience: string | null = null) {
  const cache = new JwksCache();
  cache.setSource(issuer.jwksUri, issuer.jwksUri);
  if (seed) cache.addJwks(issuer.jwksUri, issuer.jwks() as never);
  const jwksCache = checkedJwksCache(cache);
  const aws = JwtVerifier.create(
    { issuer: issuer.issuer, audience, jwksUri: issuer.jwksUri, graceSeconds: GRACE },
    { jwksCache },
  );
  const checks: AwsIssuerChecks = {
    jwksCache,
    jwksUri: issuer.jwksUri,
    claims: (payload) =>
      validateJwtFields(payload, { issuer: issuer.issuer, audience, graceSeconds: GRACE }),
  };
  return { aws, checks };
}

const verify = (aws: ReturnType<typeof setup>, token: string) =>
  awsVerifyDecoded(aws.aws, token, decodeJwt(token, 8192), aws.checks);

describe("awsVerifyDecoded", () => {
  let issuer: TestIssuer;
  beforeEach(async () => {
    issuer = await createTestIssuer({});
  });
  afterEach(() => issuer.close());

  it("calls nothing of aws-jwt-verify's verifier but its public verify, and that on a cold key only", async () => {
    const verifier = setup(issuer, false);
    const used = new Set<string | symbol>();
    const watched = new Proxy(verifier.aws, {
      get(target, name, receiver) {
        used.add(name);
        const value = Reflect.get(target, name, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const token = await issuer.mintToken({});
    const decoded = decodeJwt(token, 8192);
    await awsVerifyDecoded(watched, token, decoded, verifier.checks); // cold: verify(token)
    expect([...used]).toEqual(["verify"]);
    used.clear();
    expect(awsVerifyDecoded(watched, token, decoded, verifier.checks)).toBeUndefined(); // cached
    expect([...used]).toEqual([]);
  });

  it("verifies synchronously (no promise, no request) when the key is cached", async () => {
    const verifier = setup(issuer, true);
    expect(verify(verifier, await issuer.mintToken({}))).toBeUndefined();
    expect(issuer.jwksRequests).toBe(0);
  });

  it("takes the asynchronous path, with its fetch, when the key is not cached", async () => {
    const verifier = setup(issuer, false);
    const token = await issuer.mintToken({});
    const pending = verify(verifier, token);
    expect(pending).toBeInstanceOf(Promise);
    await pending;
    expect(issuer.jwksRequests).toBe(1);
    // Now cached: synchronous.
    expect(verify(verifier, token)).toBeUndefined();
  });

  it("refuses a bad signature on the synchronous path with aws-jwt-verify's own error", async () => {
    const verifier = setup(issuer, true);
    const [h, p, s] = (await issuer.mintToken({})).split(".") as [string, string, string];
    const forged = `${h}.${p}.${s.startsWith("A") ? `B${s.slice(1)}` : `A${s.slice(1)}`}`;
    expect(() => verify(verifier, forged)).toThrow(JwtInvalidSignatureError);
  });

  it("refuses a JWS without a signature (alg none) before looking at any key", async () => {
    const verifier = setup(issuer, true);
    const [h, p] = (await issuer.mintToken({})).split(".") as [string, string, string];
    expect(() => verify(verifier, `${h}.${p}.`)).toThrow(/exactly 3 parts/);
  });

  it("never lets the not-cached signal escape: an unknown kid fails on the asynchronous path", async () => {
    const verifier = setup(issuer, true);
    const [, p, s] = (await issuer.mintToken({})).split(".") as [string, string, string];
    const header = Buffer.from(JSON.stringify({ alg: "RS256", kid: "nope" })).toString("base64url");
    const pending = verify(verifier, `${header}.${p}.${s}`);
    expect(pending).toBeInstanceOf(Promise);
    const error = await pending?.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).not.toBe(KEY_NOT_CACHED);
    expect(isAuthorizerError(error) || error instanceof KidNotFoundInJwksError).toBe(true);
  });
});

/**
 * What a verification did: "ok", "not cached" (our step returned the asynchronous path's promise,
 * or aws-jwt-verify's verifySync stopped at the cache), or the name of the error class thrown.
 */
function outcome(run: () => unknown): string {
  try {
    const result = run();
    if (result instanceof Promise) {
      result.catch(() => undefined); // the issuer may be gone: only the path taken matters
      return "not cached";
    }
    return "ok";
  } catch (error) {
    if (error === KEY_NOT_CACHED) return "not cached";
    return isAuthorizerError(error) ? `gatehouse:${error.code}` : (error as Error).constructor.name;
  }
}

/** Flips one base64url character of a segment: any bit of the token may be the one changed. */
function flip(segment: string, at: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const i = at % segment.length;
  const c = segment[i] as string;
  const replacement = alphabet[(alphabet.indexOf(c) + 1 + (at % 63)) % 64] as string;
  return segment.slice(0, i) + replacement + segment.slice(i + 1);
}

describe.each<TestAlg>(["RS256", "ES256", "ES384", "EdDSA"])(
  "agreement with aws-jwt-verify's public verifySync (%s)",
  (alg) => {
    let issuer: TestIssuer;
    let tokens: string[];
    beforeAll(async () => {
      issuer = await createTestIssuer({ alg });
      tokens = [
        await issuer.mintToken({ aud: "api" }),
        await issuer.mintToken({ aud: "other" }),
        await issuer.mintToken({ aud: ["x", "api"] }),
        await issuer.mintToken({ aud: "api", iss: "https://elsewhere.example.com" }),
        await issuer.mintToken({ aud: "api" }, { signWith: "other" }),
        await issuer.mintToken(
          { aud: "api" },
          { signWith: "other", header: { kid: issuer.currentKid } },
        ),
        await issuer.mintToken(
          { aud: "api" },
          { header: { alg: alg === "RS256" ? "RS384" : "RS256" } },
        ),
      ];
    });
    afterAll(() => issuer.close());

    it("gives the same outcome for valid, foreign and tampered tokens", () => {
      const ours = setup(issuer, true, "api");
      const theirs = setup(issuer, true, "api").aws;
      const seen = new Set<string>();
      fc.assert(
        fc.property(
          fc.nat(tokens.length - 1),
          fc.option(fc.tuple(fc.nat(2), fc.nat(10_000)), { nil: undefined }),
          (index, tamper) => {
            const parts = (tokens[index] as string).split(".");
            if (tamper !== undefined)
              parts[tamper[0]] = flip(parts[tamper[0]] as string, tamper[1]);
            const token = parts.join(".");
            let decoded: ReturnType<typeof decodeJwt>;
            try {
              decoded = decodeJwt(token, 8192);
            } catch {
              return; // refused before this step, as in jwtVerifier
            }
            const expected = outcome(() => theirs.verifySync(token));
            expect(outcome(() => awsVerifyDecoded(ours.aws, token, decoded, ours.checks))).toBe(
              expected,
            );
            seen.add(expected);
          },
        ),
        { numRuns: 400 },
      );
      // The run reached every kind of answer, not just one.
      expect([...seen].sort()).toEqual(
        expect.arrayContaining([
          "JwtInvalidAudienceError",
          "JwtInvalidIssuerError",
          "JwtInvalidSignatureError",
          "gatehouse:unsupported_algorithm",
          "not cached",
          "ok",
        ]),
      );
    });
  },
);

describe("agreement with CognitoJwtVerifier's public verifySync", () => {
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await createTestIssuer({ kind: "cognito" });
  });
  afterAll(() => issuer.close());

  it("runs the same Cognito checks: token_use, client id, groups, scope", async () => {
    // As cognitoVerifier registers it: the pool's own JWKS URI, fetched from the test issuer.
    const jwksUri = `${issuer.issuer}/.well-known/jwks.json`;
    const cache = new JwksCache();
    cache.setSource(jwksUri, issuer.jwksUri);
    cache.addJwks(jwksUri, issuer.jwks() as never);
    const jwksCache = checkedJwksCache(cache);
    const pool = {
      userPoolId: issuer.userPoolId,
      clientId: issuer.clientId,
      tokenUse: "access" as const,
      groups: ["admin"],
      scope: ["pets/read"],
    };
    const theirs = CognitoJwtVerifier.create({ ...pool, graceSeconds: GRACE }, { jwksCache });
    const checks: AwsIssuerChecks = {
      jwksCache,
      jwksUri,
      claims: (payload) => {
        validateJwtFields(payload, {
          issuer: issuer.issuer,
          audience: null,
          scope: pool.scope,
          graceSeconds: GRACE,
        });
        validateCognitoJwtFields(payload, pool);
      },
    };
    const cases = [
      await issuer.mintAccessToken({ "cognito:groups": ["admin"], scope: "pets/read" }),
      await issuer.mintAccessToken({ "cognito:groups": ["staff"], scope: "pets/read" }),
      await issuer.mintAccessToken({ "cognito:groups": ["admin"], scope: "pets/write" }),
      await issuer.mintAccessToken({
        "cognito:groups": ["admin"],
        scope: "pets/read",
        client_id: "someone-else",
      }),
      await issuer.mintIdToken({ "cognito:groups": ["admin"], scope: "pets/read" }),
    ];
    const outcomes = cases.map((token) => [
      outcome(() => awsVerifyDecoded(theirs, token, decodeJwt(token, 8192), checks)),
      outcome(() => theirs.verifySync(token)),
    ]);
    for (const [ours, expected] of outcomes) expect(ours).toBe(expected);
    expect(outcomes.map(([ours]) => ours)).toEqual([
      "ok",
      "CognitoJwtInvalidGroupError",
      "JwtInvalidScopeError",
      "CognitoJwtInvalidClientIdError",
      "CognitoJwtInvalidTokenUseError",
    ]);
  });
});
