import type { JwksCache as AwsJwksCache } from "aws-jwt-verify/jwk";
import type { JwksCache } from "../../jwks/jwks-cache.js";
import { assertKeyFitsAlg } from "./assert-key-fits-alg.js";

/**
 * @internal The cache as aws-jwt-verify sees it, with one more check on every key it hands out:
 * the key must suit the token's algorithm (see {@link assertKeyFitsAlg}).
 */
export function checkedJwksCache(cache: JwksCache): AwsJwksCache {
  return {
    async getJwk(jwksUri, decomposedJwt) {
      const jwk = await cache.getJwk(jwksUri, decomposedJwt);
      assertKeyFitsAlg(jwk, String(decomposedJwt.header.alg));
      return jwk;
    },
    getCachedJwk(jwksUri, decomposedJwt) {
      const jwk = cache.getCachedJwk(jwksUri, decomposedJwt);
      assertKeyFitsAlg(jwk, String(decomposedJwt.header.alg));
      return jwk;
    },
    addJwks: (jwksUri, jwks) => cache.addJwks(jwksUri, jwks),
    getJwks: (jwksUri) => cache.getJwks(jwksUri),
  };
}
