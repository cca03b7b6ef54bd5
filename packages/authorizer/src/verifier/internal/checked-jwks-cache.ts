import type { JwksCache as AwsJwksCache } from "aws-jwt-verify/jwk";
import type { JwksCache } from "../../jwks/jwks-cache.js";
import { assertKeyFitsAlg } from "./assert-key-fits-alg.js";

/**
 * @internal Thrown by the checked cache's `getCachedJwk` when the token's key is not in a fresh
 * cached key set: the caller then takes aws-jwt-verify's asynchronous path, whose `getJwk` fetches
 * as the cache's lifecycle rules allow (and throws the same errors it always did).
 */
export const KEY_NOT_CACHED: unique symbol = Symbol("gatehouse.keyNotCached");

/**
 * @internal The cache as aws-jwt-verify sees it, with one more check on every key it hands out:
 * the key must suit the token's algorithm (see {@link assertKeyFitsAlg}). `getCachedJwk` (used by
 * aws-jwt-verify's synchronous `verifyDecomposedJwtSync`) throws {@link KEY_NOT_CACHED} instead of
 * a verification error when the key would need the asynchronous path.
 */
export function checkedJwksCache(cache: JwksCache): AwsJwksCache {
  return {
    async getJwk(jwksUri, decomposedJwt) {
      const jwk = await cache.getJwk(jwksUri, decomposedJwt);
      assertKeyFitsAlg(jwk, String(decomposedJwt.header.alg));
      return jwk;
    },
    getCachedJwk(jwksUri, decomposedJwt) {
      let jwk: ReturnType<JwksCache["getCachedJwk"]>;
      try {
        jwk = cache.getCachedJwk(jwksUri, decomposedJwt);
      } catch {
        throw KEY_NOT_CACHED;
      }
      assertKeyFitsAlg(jwk, String(decomposedJwt.header.alg));
      return jwk;
    },
    addJwks: (jwksUri, jwks) => cache.addJwks(jwksUri, jwks),
    getJwks: (jwksUri) => cache.getJwks(jwksUri),
  };
}
