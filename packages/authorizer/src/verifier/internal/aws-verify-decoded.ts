import { JwtParseError } from "aws-jwt-verify/error";
import type { DecomposedJwt } from "aws-jwt-verify/jwt";
import type { JwtPayload } from "aws-jwt-verify/jwt-model";
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
 */
export async function awsVerifyDecoded(
  verifier: unknown,
  token: string,
  decoded: DecodedJwt,
  after?: (payload: JwtPayload, properties: Record<string, unknown>) => void,
): Promise<void> {
  const aws = verifier as AwsVerifier;
  const { getIssuerConfig, verifyDecomposedJwt } = aws;
  if (typeof getIssuerConfig !== "function" || typeof verifyDecomposedJwt !== "function") {
    await aws.verify(token);
    return;
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
  await verifyDecomposedJwt.call(
    aws,
    {
      header: decoded.header as DecomposedJwt["header"],
      headerB64: decoded.headerB64,
      payload,
      payloadB64: decoded.payloadB64,
      signatureB64: decoded.signatureB64,
    },
    config.jwksUri,
    properties,
  );
  after?.(payload, properties);
}
