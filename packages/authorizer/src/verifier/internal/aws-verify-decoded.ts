import { JwtParseError } from "aws-jwt-verify/error";
import type { JwksCache as AwsJwksCache, Jwk } from "aws-jwt-verify/jwk";
import type { DecomposedJwt } from "aws-jwt-verify/jwt";
import type { JwtPayload } from "aws-jwt-verify/jwt-model";
import { KEY_NOT_CACHED } from "./checked-jwks-cache.js";
import type { DecodedJwt } from "./decode-jwt.js";
import { assertJwsSignature } from "./jws-signature.js";

/**
 * @internal An aws-jwt-verify 5 verifier (`JwtVerifier`, `CognitoJwtVerifier`), of which only the
 * public `verify(token)` is called.
 */
export interface AwsVerifier {
  verify(token: string): Promise<unknown>;
}

/** @internal What aws-jwt-verify checks for one issuer, for the synchronous path. */
export interface AwsIssuerChecks {
  /** The checked cache the verifier was created with (see {@link checkedJwksCache}). */
  jwksCache: AwsJwksCache;
  /** The issuer's JWKS URI, the key the cache knows its key set by. */
  jwksUri: string;
  /**
   * The claim checks the verifier runs for this issuer, with aws-jwt-verify's public
   * `validateJwtFields` (and, for a user pool, `validateCognitoJwtFields`). Throws their errors.
   */
  claims(payload: JwtPayload): void;
}

/**
 * @internal Verifies a token Gatehouse has already decoded and screened (`decodeJwt`,
 * `checkHeader`, the issuer) with aws-jwt-verify's checks, through its public API only.
 *
 * When the key is in a fresh cached key set (every token but the first few after a cold start or
 * a key rotation), synchronously and with no second parse of the token: the JWK from the checked
 * cache, the signature ({@link assertJwsSignature}: aws-jwt-verify's JWK and algorithm checks and
 * its signature step, on `node:crypto`), then `checks.claims`; nothing is returned. aws-jwt-verify's
 * public API takes only the token string and parses it again (about a sixth of an RS256
 * verification): that is why this step is owned here. Otherwise (the cache answers
 * {@link KEY_NOT_CACHED}) the verifier's public `verify(token)` runs, with the fetch the cache's
 * lifecycle allows, and a promise is returned.
 *
 * A JWS without a signature (`alg: none`) is refused as aws-jwt-verify's `decomposeUnverifiedJwt`
 * refuses it. Errors are aws-jwt-verify's own; callers map them (`mapVerifyError`).
 */
export function awsVerifyDecoded(
  verifier: AwsVerifier,
  token: string,
  decoded: DecodedJwt,
  checks: AwsIssuerChecks,
): Promise<void> | undefined {
  if (decoded.signatureB64 === "") {
    throw new JwtParseError(
      "JWT string does not consist of exactly 3 parts (header, payload, signature)",
    );
  }
  const payload = decoded.claims as JwtPayload;
  const decomposed: DecomposedJwt = {
    header: decoded.header as DecomposedJwt["header"],
    headerB64: decoded.headerB64,
    payload,
    payloadB64: decoded.payloadB64,
    signatureB64: decoded.signatureB64,
  };
  let jwk: Jwk;
  try {
    jwk = checks.jwksCache.getCachedJwk(checks.jwksUri, decomposed);
  } catch (error) {
    if (error !== KEY_NOT_CACHED) throw error;
    return verifier.verify(token).then(() => undefined);
  }
  assertJwsSignature(
    decoded.header.alg,
    `${decoded.headerB64}.${decoded.payloadB64}`,
    decoded.signatureB64,
    jwk,
  );
  checks.claims(payload);
  return undefined;
}
