import { generateKeyPairSync, sign } from "node:crypto";
import { createTestIssuer, type TestAlg, type TestIssuer } from "@gatehouse/testing";
import { CognitoJwtVerifier, JwtVerifier } from "aws-jwt-verify";
import { validateCognitoJwtFields } from "aws-jwt-verify/cognito-verifier";
import { JwtInvalidSignatureError } from "aws-jwt-verify/error";
import { validateJwtFields } from "aws-jwt-verify/jwt";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isAuthorizerError } from "../../errors.js";
import { JwksCache } from "../../jwks/jwks-cache.js";
import { type AwsIssuerChecks, awsVerifyDecoded } from "./aws-verify-decoded.js";
import { checkedJwksCache, KEY_NOT_CACHED } from "./checked-jwks-cache.js";
import { decodeJwt } from "./decode-jwt.js";

// aws-jwt-verify's verifiers serve as the reference: our step must answer what their public
// verifySync (key cached) and verify (key fetched) answer for the same options and cache.

const GRACE = Number.POSITIVE_INFINITY;

/** Our checks and aws-jwt-verify's JwtVerifier for one issuer, on one Gatehouse cache. */
function setup(issuer: { issuer: string; jwksUri: string; jwks(): unknown }, seed: boolean) {
  const cache = new JwksCache();
  cache.setSource(issuer.jwksUri, issuer.jwksUri);
  if (seed) cache.addJwks(issuer.jwksUri, issuer.jwks() as never);
  const jwksCache = checkedJwksCache(cache);
  const checks: AwsIssuerChecks = {
    jwksCache,
    jwksUri: issuer.jwksUri,
    claims: (payload) =>
      validateJwtFields(payload, { issuer: issuer.issuer, audience: "api", graceSeconds: GRACE }),
  };
  const reference = JwtVerifier.create(
    { issuer: issuer.issuer, audience: "api", jwksUri: issuer.jwksUri, graceSeconds: GRACE },
    { jwksCache },
  );
  return { checks, reference };
}

const ours = (checks: AwsIssuerChecks, token: string) =>
  awsVerifyDecoded(decodeJwt(token, 8192), checks);

/** What a verification did: "ok", "not cached", or the name of the error class it threw. */
function outcome(run: () => unknown): string {
  try {
    const result = run();
    if (result instanceof Promise) {
      result.catch(() => undefined); // only the path taken matters here
      return "not cached";
    }
    return "ok";
  } catch (error) {
    return named(error);
  }
}

function named(error: unknown): string {
  if (error === KEY_NOT_CACHED) return "not cached";
  return isAuthorizerError(error) ? `gatehouse:${error.code}` : (error as Error).constructor.name;
}

async function settled(run: () => Promise<unknown> | unknown): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (error) {
    return named(error);
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

describe("awsVerifyDecoded", () => {
  let issuer: TestIssuer;
  beforeEach(async () => {
    issuer = await createTestIssuer({});
  });
  afterEach(() => issuer.close());

  it("verifies synchronously (no promise, no request) when the key is cached", async () => {
    const { checks } = setup(issuer, true);
    expect(ours(checks, await issuer.mintToken({ aud: "api" }))).toBeUndefined();
    expect(issuer.jwksRequests).toBe(0);
  });

  it("fetches the key through the cache when it is not cached, then verifies synchronously", async () => {
    const { checks } = setup(issuer, false);
    const token = await issuer.mintToken({ aud: "api" });
    const pending = ours(checks, token);
    expect(pending).toBeInstanceOf(Promise);
    await pending;
    expect(issuer.jwksRequests).toBe(1);
    expect(ours(checks, token)).toBeUndefined();
  });

  it("refuses a bad signature on the synchronous path with aws-jwt-verify's own error", async () => {
    const { checks } = setup(issuer, true);
    const [h, p, s] = (await issuer.mintToken({ aud: "api" })).split(".") as [
      string,
      string,
      string,
    ];
    const forged = `${h}.${p}.${s.startsWith("A") ? `B${s.slice(1)}` : `A${s.slice(1)}`}`;
    expect(() => ours(checks, forged)).toThrow(JwtInvalidSignatureError);
  });

  it("refuses a JWS without a signature (alg none) before looking at any key", async () => {
    const { checks } = setup(issuer, true);
    const [h, p] = (await issuer.mintToken({ aud: "api" })).split(".") as [string, string];
    expect(() => ours(checks, `${h}.${p}.`)).toThrow(/exactly 3 parts/);
    expect(issuer.jwksRequests).toBe(0);
  });

  it("never lets the not-cached signal escape: an unknown kid fails on the asynchronous path", async () => {
    const { checks } = setup(issuer, true);
    const [, p, s] = (await issuer.mintToken({ aud: "api" })).split(".") as [
      string,
      string,
      string,
    ];
    const header = Buffer.from(JSON.stringify({ alg: "RS256", kid: "nope" })).toString("base64url");
    const error = await settled(() => ours(checks, `${header}.${p}.${s}`));
    expect(error).not.toBe("not cached");
    expect(error === "KidNotFoundInJwksError" || error.startsWith("gatehouse:")).toBe(true);
  });
});

describe("awsVerifyDecoded after a key rotation under the same kid", () => {
  const ISSUER = "https://idp.example.com/";
  const JWKS_URI = "https://idp.example.com/jwks.json";
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const keyPair = () => generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwkOf = (pair: ReturnType<typeof keyPair>) => ({
    ...pair.publicKey.export({ format: "jwk" }),
    kid: "k1",
    alg: "RS256",
    use: "sig",
  });
  const mint = (pair: ReturnType<typeof keyPair>) => {
    const input = `${b64({ alg: "RS256", kid: "k1" })}.${b64({ iss: ISSUER, aud: "api", exp: 4102444800 })}`;
    return `${input}.${sign("sha256", Buffer.from(input), pair.privateKey).toString("base64url")}`;
  };

  it("checks each token with the key now in the key set, never a key object kept from before", () => {
    const [first, second] = [keyPair(), keyPair()];
    const cache = new JwksCache();
    cache.setSource(JWKS_URI, JWKS_URI);
    const checks: AwsIssuerChecks = {
      jwksCache: checkedJwksCache(cache),
      jwksUri: JWKS_URI,
      claims: (payload) =>
        validateJwtFields(payload, { issuer: ISSUER, audience: "api", graceSeconds: GRACE }),
    };
    cache.addJwks(JWKS_URI, { keys: [jwkOf(first)] } as never);
    expect(ours(checks, mint(first))).toBeUndefined();
    // The issuer replaced its key and kept the kid.
    cache.addJwks(JWKS_URI, { keys: [jwkOf(second)] } as never);
    expect(() => ours(checks, mint(first))).toThrow(JwtInvalidSignatureError);
    expect(ours(checks, mint(second))).toBeUndefined();
  });
});

describe.each<TestAlg>(["RS256", "ES256", "ES384", "EdDSA"])(
  "agreement with aws-jwt-verify's JwtVerifier (%s)",
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

    const tampered = fc
      .tuple(fc.nat(6), fc.option(fc.tuple(fc.nat(2), fc.nat(10_000)), { nil: undefined }))
      .map(([index, tamper]) => {
        const parts = (tokens[index] as string).split(".");
        if (tamper !== undefined) parts[tamper[0]] = flip(parts[tamper[0]] as string, tamper[1]);
        return parts.join(".");
      })
      // Tokens our decoding refuses never reach this step (jwtVerifier decodes first).
      .filter((token) => {
        try {
          decodeJwt(token, 8192);
          return true;
        } catch {
          return false;
        }
      });

    it("answers as its verifySync for valid, foreign and tampered tokens (key cached)", () => {
      const { checks, reference } = setup(issuer, true);
      const seen = new Set<string>();
      fc.assert(
        fc.property(tampered, (token) => {
          const expected = outcome(() => reference.verifySync(token));
          expect(outcome(() => ours(checks, token))).toBe(expected);
          seen.add(expected);
        }),
        { numRuns: 400 },
      );
      // The run reached every kind of answer, not just one.
      expect([...seen]).toEqual(
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

    it("answers as its verify when the key must be fetched", async () => {
      await fc.assert(
        fc.asyncProperty(tampered, async (token) => {
          // Fresh caches each time: both sides start from nothing and fetch.
          const mine = setup(issuer, false);
          const theirs = setup(issuer, false);
          expect(await settled(() => ours(mine.checks, token))).toBe(
            await settled(() => theirs.reference.verify(token)),
          );
        }),
        { numRuns: 25 },
      );
    });
  },
);

describe("agreement with aws-jwt-verify's CognitoJwtVerifier", () => {
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
    const reference = CognitoJwtVerifier.create({ ...pool, graceSeconds: GRACE }, { jwksCache });
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
      outcome(() => ours(checks, token)),
      outcome(() => reference.verifySync(token)),
    ]);
    for (const [mine, expected] of outcomes) expect(mine).toBe(expected);
    expect(outcomes.map(([mine]) => mine)).toEqual([
      "ok",
      "CognitoJwtInvalidGroupError",
      "JwtInvalidScopeError",
      "CognitoJwtInvalidClientIdError",
      "CognitoJwtInvalidTokenUseError",
    ]);
  });
});
