import { JwtParseError } from "aws-jwt-verify/error";
import type { JwksCache as AwsJwksCache, Jwk } from "aws-jwt-verify/jwk";
import type { DecomposedJwt } from "aws-jwt-verify/jwt";
import type { JwtPayload } from "aws-jwt-verify/jwt-model";
import { KEY_NOT_CACHED } from "./checked-jwks-cache.js";
import type { DecodedJwt } from "./decode-jwt.js";
import { assertJwsSignature } from "./jws-signature.js";

/** @internal What aws-jwt-verify's verifier would check for one issuer. */
export interface AwsIssuerChecks {
  /** The issuer's key cache, as a {@link checkedJwksCache}. */
  jwksCache: AwsJwksCache;
  /** The issuer's JWKS URI, the key the cache knows its key set by. */
  jwksUri: string;
  /**
   * The claim checks aws-jwt-verify's verifier runs for this issuer, with its public
   * `validateJwtFields` (and, for a user pool, `validateCognitoJwtFields`). Throws their errors.
   */
  claims(payload: JwtPayload): void;
}

/** The key's checks, the signature, then the issuer's claim checks. */
function verifyWith(jwk: Jwk, decoded: DecodedJwt, checks: AwsIssuerChecks): void {
  assertJwsSignature(
    decoded.header.alg,
    `${decoded.headerB64}.${decoded.payloadB64}`,
    decoded.signatureB64,
    jwk,
  );
  checks.claims(decoded.claims as JwtPayload);
}

/**
 * @internal Verifies a token Gatehouse has already decoded and screened (`decodeJwt`,
 * `checkHeader`, the issuer) with aws-jwt-verify's checks, through its public API only: the key
 * from the {@link checkedJwksCache} (aws-jwt-verify's `JwksCache` interface), the signature
 * ({@link assertJwsSignature}: aws-jwt-verify's public JWK check, then `node:crypto`), then
 * `checks.claims` (its public `validateJwtFields`, and `validateCognitoJwtFields` for a user
 * pool). That is what its verifiers' `verify` does after parsing the token; their public methods
 * take only the token string and parse it again (about a sixth of an RS256 verification), and
 * keep key objects by `kid` across key-set refreshes: that is why this step is owned here.
 *
 * When the key is in a fresh cached key set (every token but the first few after a cold start or
 * a key rotation), all of it runs synchronously and nothing is returned. Otherwise (the cache
 * answers {@link KEY_NOT_CACHED}) the key comes from the cache's `getJwk`, with the fetch its
 * lifecycle allows, and a promise is returned.
 *
 * A JWS without a signature (`alg: none`) is refused as aws-jwt-verify's `decomposeUnverifiedJwt`
 * refuses it. Errors are aws-jwt-verify's own (and the cache's); callers map them
 * (`mapVerifyError`).
 */
export function awsVerifyDecoded(
  decoded: DecodedJwt,
  checks: AwsIssuerChecks,
): Promise<void> | undefined {
  if (decoded.signatureB64 === "") {
    throw new JwtParseError(
      "JWT string does not consist of exactly 3 parts (header, payload, signature)",
    );
  }
  const decomposed: DecomposedJwt = {
    header: decoded.header as DecomposedJwt["header"],
    headerB64: decoded.headerB64,
    payload: decoded.claims as JwtPayload,
    payloadB64: decoded.payloadB64,
    signatureB64: decoded.signatureB64,
  };
  let jwk: Jwk;
  try {
    jwk = checks.jwksCache.getCachedJwk(checks.jwksUri, decomposed);
  } catch (error) {
    if (error !== KEY_NOT_CACHED) throw error;
    return checks.jwksCache
      .getJwk(checks.jwksUri, decomposed)
      .then((fetched) => verifyWith(fetched, decoded, checks));
  }
  verifyWith(jwk, decoded, checks);
  return undefined;
}
