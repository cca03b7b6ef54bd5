import { createHash, generateKeyPairSync, type KeyObject } from "node:crypto";
import type { TestAlg, TestJwk } from "../test-issuer.js";

/**
 * A key pair with its public JWK and RFC 7638 thumbprint as `kid`.
 * @internal
 */
export interface SigningKey {
  kid: string;
  alg: TestAlg;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Public JWK without `alg`, `use` or `kid`. */
  publicJwk: JsonWebKey;
}

const EC_CURVES: Partial<Record<TestAlg, string>> = {
  ES256: "P-256",
  ES384: "P-384",
  ES512: "P-521",
};

/** @internal */
export function generateSigningKey(alg: TestAlg): SigningKey {
  const curve = EC_CURVES[alg];
  const { privateKey, publicKey } =
    alg === "EdDSA"
      ? generateKeyPairSync("ed25519")
      : curve !== undefined
        ? generateKeyPairSync("ec", { namedCurve: curve })
        : generateKeyPairSync("rsa", { modulusLength: 2048 });
  const publicJwk = publicKey.export({ format: "jwk" }) as JsonWebKey;
  return { kid: thumbprint(publicJwk), alg, privateKey, publicKey, publicJwk };
}

/** RFC 7638 JWK thumbprint (SHA-256, base64url). */
function thumbprint(jwk: JsonWebKey): string {
  const members =
    jwk.kty === "RSA"
      ? { e: jwk.e, kty: jwk.kty, n: jwk.n }
      : jwk.kty === "EC"
        ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }
        : { crv: jwk.crv, kty: jwk.kty, x: jwk.x };
  return createHash("sha256").update(JSON.stringify(members)).digest("base64url");
}

/**
 * The JWK a JWKS publishes for `key`.
 * @internal
 */
export function publishedJwk(key: SigningKey, includeAlg: boolean): TestJwk {
  return {
    ...key.publicJwk,
    kid: key.kid,
    ...(includeAlg ? { alg: key.alg } : {}),
    use: "sig",
  };
}
