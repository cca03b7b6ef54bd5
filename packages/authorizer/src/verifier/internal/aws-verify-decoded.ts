import { JwtParseError } from "aws-jwt-verify/error";
import type { DecomposedJwt } from "aws-jwt-verify/jwt";
import type { JwtPayload } from "aws-jwt-verify/jwt-model";
import { KEY_NOT_CACHED } from "./checked-jwks-cache.js";
import type { DecodedJwt } from "./decode-jwt.js";

/** What an aws-jwt-verify 5 verifier is, including the protected steps of its `verify`. */
interface AwsVerifier {
  verify(token: string): Promise<unknown>;
  getIssuerConfig?: (issuer?: string) => { jwksUri: string } & Record<string, unknown>;
  verifyDecomposedJwt?: (
    decomposed: DecomposedJwt,
    jwksUri: string,
    properties: Record<string, unknown>,
  ) => Promise<unknown>;
  verifyDecomposedJwtSync?: (
    decomposed: DecomposedJwt,
    jwksUri: string,
    properties: Record<string, unknown>,
  ) => unknown;
}

/**
 * @internal aws-jwt-verify's `verify(token)` on the token we already decoded, so it is not split
 * and parsed a second time. `verify` is `getVerifyParameters` (decompose, then the issuer's
 * configuration) and `verifyDecomposedJwt` (key, signature, claims): this calls the same two
 * protected steps with our decoding, which checks everything `decomposeUnverifiedJwt` checks and
 * more, except that it lets an empty signature through for `alg: none` (refused here exactly as
 * aws-jwt-verify refuses it). `after` runs on success with the payload and the properties used,
 * as `CognitoJwtVerifier.verify` runs its Cognito checks. Falls back to `verify(token)` if the
 * steps are missing (another aws-jwt-verify version).
 *
 * When the key is already in a fresh cached key set (every token but the first few after a cold
 * start or a key rotation), the step is aws-jwt-verify's synchronous twin `verifyDecomposedJwtSync`
 * (what its `verifySync` runs: the same JWK checks, signature and claim checks, with no promise
 * per step), and nothing is returned; otherwise the asynchronous step, and a promise.
 * The cache must be a {@link checkedJwksCache}: its `getCachedJwk` says "not cached" with
 * {@link KEY_NOT_CACHED}.
 */
export function awsVerifyDecoded(
  verifier: unknown,
  token: string,
  decoded: DecodedJwt,
  after?: (payload: JwtPayload, properties: Record<string, unknown>) => void,
): Promise<void> | undefined {
  const aws = verifier as AwsVerifier;
  const { getIssuerConfig, verifyDecomposedJwt, verifyDecomposedJwtSync } = aws;
  if (typeof getIssuerConfig !== "function" || typeof verifyDecomposedJwt !== "function") {
    return aws.verify(token).then(() => undefined);
  }
  if (decoded.signatureB64 === "") {
    // decomposeUnverifiedJwt's own refusal of a JWS without a signature.
    throw new JwtParseError(
      "JWT string does not consist of exactly 3 parts (header, payload, signature)",
    );
  }
  const payload = decoded.claims as JwtPayload;
  const config = getIssuerConfig.call(aws, decoded.claims.iss);
  const properties: Record<string, unknown> = { ...config };
  const decomposed: DecomposedJwt = {
    header: decoded.header as DecomposedJwt["header"],
    headerB64: decoded.headerB64,
    payload,
    payloadB64: decoded.payloadB64,
    signatureB64: decoded.signatureB64,
  };
  if (typeof verifyDecomposedJwtSync === "function") {
    let cached = true;
    try {
      verifyDecomposedJwtSync.call(aws, decomposed, config.jwksUri, properties);
    } catch (error) {
      if (error !== KEY_NOT_CACHED) throw error;
      cached = false;
    }
    if (cached) {
      after?.(payload, properties);
      return undefined;
    }
  }
  return verifyDecomposedJwt.call(aws, decomposed, config.jwksUri, properties).then(() => {
    after?.(payload, properties);
  });
}
