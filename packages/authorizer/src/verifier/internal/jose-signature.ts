import { authorizerError } from "../../errors.js";
import { assertKeyFitsAlg } from "./assert-key-fits-alg.js";
import { checkAudience } from "./check-audience.js";
import type { JoseSignatureCheck } from "./jose-signature-check.js";
import { type Jose, loadJose } from "./load-jose.js";

/**
 * @internal The PS* and HS* path on jose: the key from the JWKS cache (it must suit the algorithm) or
 * the shared secret, `compactVerify` restricted to the token's allowlisted algorithm, then `aud`.
 */
export const joseSignatureCheck: JoseSignatureCheck = ({ cache, jwksKey, secret, audience }) => {
  const importedKeys = new WeakMap<object, Promise<Parameters<Jose["compactVerify"]>[1]>>();
  return async (token, decoded) => {
    const jose = await loadJose();
    const alg = decoded.header.alg;
    let key: Parameters<Jose["compactVerify"]>[1];
    if (secret !== undefined) {
      key = secret;
    } else {
      const jwk = await cache.getJwk(jwksKey, decoded);
      assertKeyFitsAlg(jwk, alg);
      let imported = importedKeys.get(jwk);
      if (imported === undefined) {
        imported = jose.importJWK({ ...jwk, alg }, alg).catch((error: unknown) => {
          importedKeys.delete(jwk);
          throw authorizerError("jwks_invalid", "JWK cannot be imported", { cause: error });
        });
        importedKeys.set(jwk, imported);
      }
      key = await imported;
    }
    await jose.compactVerify(token, key, { algorithms: [alg] });
    checkAudience(decoded.claims.aud, audience);
  };
};
