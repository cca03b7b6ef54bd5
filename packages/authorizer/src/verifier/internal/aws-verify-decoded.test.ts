import { createTestIssuer, type TestIssuer } from "@gatehouse/testing";
import { JwtVerifier } from "aws-jwt-verify";
import { JwtInvalidSignatureError, KidNotFoundInJwksError } from "aws-jwt-verify/error";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isAuthorizerError } from "../../errors.js";
import { JwksCache } from "../../jwks/jwks-cache.js";
import { awsVerifyDecoded } from "./aws-verify-decoded.js";
import { checkedJwksCache, KEY_NOT_CACHED } from "./checked-jwks-cache.js";

let issuer: TestIssuer;
beforeEach(async () => {
  issuer = await createTestIssuer({});
});
afterEach(() => issuer.close());

/** An aws-jwt-verify verifier on a Gatehouse cache, as jwtVerifier builds it. */
function setup(seed: boolean) {
  const cache = new JwksCache();
  cache.setSource(issuer.jwksUri, issuer.jwksUri);
  if (seed) cache.addJwks(issuer.jwksUri, issuer.jwks() as never);
  const aws = JwtVerifier.create(
    {
      issuer: issuer.issuer,
      audience: null,
      jwksUri: issuer.jwksUri,
      graceSeconds: Number.POSITIVE_INFINITY,
    },
    { jwksCache: checkedJwksCache(cache) },
  );
  return { cache, aws };
}

describe("awsVerifyDecoded", () => {
  it("calls only aws-jwt-verify's public verify and verifySync", async () => {
    const { aws } = setup(false);
    const used = new Set<string | symbol>();
    const watched = new Proxy(aws, {
      get(target, name, receiver) {
        used.add(name);
        const value = Reflect.get(target, name, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const token = await issuer.mintToken({});
    await awsVerifyDecoded(watched, token); // not cached: verifySync, then verify
    expect(awsVerifyDecoded(watched, token)).toBeUndefined(); // cached: verifySync
    expect([...used].sort()).toEqual(["verify", "verifySync"]);
  });

  it("verifies synchronously (no promise, no request) when the key is cached", async () => {
    const { aws } = setup(true);
    const token = await issuer.mintToken({});
    expect(awsVerifyDecoded(aws, token)).toBeUndefined();
    expect(issuer.jwksRequests).toBe(0);
  });

  it("takes the asynchronous path, with its fetch, when the key is not cached", async () => {
    const { aws } = setup(false);
    const token = await issuer.mintToken({});
    const pending = awsVerifyDecoded(aws, token);
    expect(pending).toBeInstanceOf(Promise);
    await pending;
    expect(issuer.jwksRequests).toBe(1);
    // Now cached: synchronous.
    expect(awsVerifyDecoded(aws, token)).toBeUndefined();
  });

  it("refuses a bad signature on the synchronous path with aws-jwt-verify's own error", async () => {
    const { aws } = setup(true);
    const [h, p, s] = (await issuer.mintToken({})).split(".") as [string, string, string];
    const forged = `${h}.${p}.${s.startsWith("A") ? `B${s.slice(1)}` : `A${s.slice(1)}`}`;
    expect(() => awsVerifyDecoded(aws, forged)).toThrow(JwtInvalidSignatureError);
  });

  it("never lets the not-cached signal escape: an unknown kid fails on the asynchronous path", async () => {
    const { aws } = setup(true);
    const [, p, s] = (await issuer.mintToken({})).split(".") as [string, string, string];
    const header = Buffer.from(JSON.stringify({ alg: "RS256", kid: "nope" })).toString("base64url");
    const token = `${header}.${p}.${s}`;
    const pending = awsVerifyDecoded(aws, token);
    expect(pending).toBeInstanceOf(Promise);
    const error = await pending?.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).not.toBe(KEY_NOT_CACHED);
    expect(isAuthorizerError(error) || error instanceof KidNotFoundInJwksError).toBe(true);
  });
});
