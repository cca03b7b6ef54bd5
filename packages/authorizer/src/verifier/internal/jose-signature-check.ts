import type { JwksCache } from "../../jwks/jwks-cache.js";
import type { DecodedJwt } from "./decode-jwt.js";

/**
 * @internal The PS* and HS* signature check of a `jwtVerifier`: made once per verifier, then called
 * with each token whose (allowlisted) algorithm aws-jwt-verify does not verify. Supplied only by
 * the `@gatehouse/authorizer/jose` entry, so that the main entry never references jose.
 */
export type JoseSignatureCheck = (setup: {
  cache: JwksCache;
  /** The key set's id in `cache` (unused with a `secret`). */
  jwksKey: string;
  /** The HMAC secret, for HS*. */
  secret: Uint8Array | undefined;
  audience: string | string[] | null;
}) => (token: string, decoded: DecodedJwt) => Promise<void>;
