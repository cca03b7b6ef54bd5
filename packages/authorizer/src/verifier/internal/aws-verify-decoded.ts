import { KEY_NOT_CACHED } from "./checked-jwks-cache.js";

/**
 * @internal The public members of an aws-jwt-verify 5 verifier (`JwtVerifier`,
 * `CognitoJwtVerifier`) that Gatehouse calls.
 */
export interface AwsVerifier {
  verify(token: string): Promise<unknown>;
  verifySync(token: string): unknown;
}

/**
 * @internal The signature, key and claim checks of aws-jwt-verify on a token Gatehouse has already
 * decoded and screened (`decodeJwt`, `checkHeader`, the issuer), through the verifier's public
 * methods only. When the key is in a fresh cached key set (every token but the first few after a
 * cold start or a key rotation), `verifySync`: the same JWK, signature and claim checks as
 * `verify` (and, for a `CognitoJwtVerifier`, its Cognito claim checks), with no promise per step,
 * and nothing is returned. Otherwise `verifySync` stops at the key lookup with
 * {@link KEY_NOT_CACHED} (the cache must be a {@link checkedJwksCache}) and `verify` runs, with
 * the fetch the cache's lifecycle allows: a promise is returned.
 *
 * aws-jwt-verify parses the token again (its `decomposeUnverifiedJwt`): its public API takes the
 * token string only. Errors are aws-jwt-verify's own; callers map them (`mapVerifyError`).
 */
export function awsVerifyDecoded(verifier: AwsVerifier, token: string): Promise<void> | undefined {
  try {
    verifier.verifySync(token);
    return undefined;
  } catch (error) {
    if (error !== KEY_NOT_CACHED) throw error;
  }
  return verifier.verify(token).then(() => undefined);
}
