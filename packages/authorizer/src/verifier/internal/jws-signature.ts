import { createPublicKey, type KeyObject, verify } from "node:crypto";
import { JwtInvalidSignatureAlgorithmError, JwtInvalidSignatureError } from "aws-jwt-verify/error";
import { assertIsSignatureJwk, type Jwk } from "aws-jwt-verify/jwk";

/** The digest of each algorithm aws-jwt-verify 5 supports (`null`: EdDSA hashes internally). */
const DIGESTS: Readonly<Record<string, string | null>> = {
  RS256: "sha256",
  RS384: "sha384",
  RS512: "sha512",
  ES256: "sha256",
  ES384: "sha384",
  ES512: "sha512",
  EdDSA: null,
};

/**
 * Public keys by JWK object. A cached key set hands out the same JWK objects until it is replaced,
 * so a refreshed key set (a rotated key, even under the same `kid`) gets new key objects and a
 * dropped one is collected with its JWKs.
 */
const keyObjects = new WeakMap<object, KeyObject>();

function keyObjectOf(jwk: Jwk): KeyObject {
  let key = keyObjects.get(jwk);
  if (key === undefined) {
    key = createPublicKey({ key: jwk as never, format: "jwk" });
    keyObjects.set(jwk, key);
  }
  return key;
}

/**
 * @internal Checks a JWS signature as aws-jwt-verify 5 does after selecting the key
 * (`validateJwtHeaderAndJwk`, then the signature over `header.payload`): the JWK must be a
 * signature key (its public `assertIsSignatureJwk`), a key naming an `alg` must name the token's,
 * the algorithm must be one aws-jwt-verify supports, and the signature must verify (RSASSA-PKCS1
 * v1.5, ECDSA with the `r || s` encoding of JWS, or EdDSA). Throws aws-jwt-verify's own errors
 * (`JwtInvalidSignatureAlgorithmError`, `JwtInvalidSignatureError`, its JWK errors), so callers map
 * them as before. The key object of each JWK is made once.
 */
export function assertJwsSignature(
  alg: string,
  signingInput: string,
  signatureB64: string,
  jwk: Jwk,
): void {
  assertIsSignatureJwk(jwk);
  if (jwk.alg !== undefined && jwk.alg !== alg) {
    throw new JwtInvalidSignatureAlgorithmError(
      "JWT signature algorithm does not match the JWK",
      alg,
      String(jwk.alg),
    );
  }
  const digest = DIGESTS[alg];
  if (digest === undefined || !Object.hasOwn(DIGESTS, alg)) {
    throw new JwtInvalidSignatureAlgorithmError(
      "JWT signature algorithm not supported",
      alg,
      Object.keys(DIGESTS),
    );
  }
  const key = keyObjectOf(jwk);
  const data = Buffer.from(signingInput, "latin1");
  const signature = Buffer.from(signatureB64, "base64url");
  const valid =
    digest === null
      ? verify(null, data, key, signature)
      : verify(
          digest,
          data,
          alg.startsWith("ES") ? { key, dsaEncoding: "ieee-p1363" } : key,
          signature,
        );
  if (!valid) throw new JwtInvalidSignatureError("Invalid signature");
}
