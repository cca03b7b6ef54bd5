import { authorizerError } from "../../errors.js";

const EC_CURVES: Record<string, string> = { ES256: "P-256", ES384: "P-384", ES512: "P-521" };

/** Modulus lengths by key object: the same cached JWK comes back for every token it signed. */
const modulusBytes = new WeakMap<object, { n: string; bytes: number }>();

/** The byte length of an RSA modulus (memoised per key object and `n`: a pure function of `n`). */
function modulusLength(jwk: object, n: string): number {
  const memo = modulusBytes.get(jwk);
  if (memo !== undefined && memo.n === n) return memo.bytes;
  const bytes = Buffer.from(n, "base64url").length;
  modulusBytes.set(jwk, { n, bytes });
  return bytes;
}

/**
 * @internal The selected JWK must suit the token's (already allowlisted) algorithm: RS and PS need
 * an RSA key of at least 2048 bits, ES256/384/512 an EC key on P-256/384/521, EdDSA an OKP key,
 * and a key that names its own `alg` must name this one. aws-jwt-verify alone would verify an
 * `ES256` header with an RSA key that has no `alg` (the Entra ID case) as RSA-SHA256.
 */
export function assertKeyFitsAlg(
  jwk: { kty?: unknown; alg?: unknown; use?: unknown; n?: unknown; crv?: unknown },
  alg: string,
): void {
  const mismatch = (): never => {
    throw authorizerError("unsupported_algorithm", "JWT alg does not match the selected key", {
      claim: "alg",
      actual: alg,
      expected: typeof jwk.alg === "string" ? jwk.alg : jwk.kty,
    });
  };
  if (typeof jwk.alg === "string" && jwk.alg !== alg) mismatch();
  if (jwk.use !== undefined && jwk.use !== "sig") mismatch();
  if (alg.startsWith("RS") || alg.startsWith("PS")) {
    if (jwk.kty !== "RSA" || typeof jwk.n !== "string") mismatch();
    if (modulusLength(jwk, jwk.n as string) < 256) {
      throw authorizerError("jwks_invalid", "RSA key is shorter than 2048 bits", { claim: "n" });
    }
    return;
  }
  if (alg.startsWith("ES")) {
    if (jwk.kty !== "EC" || jwk.crv !== EC_CURVES[alg]) mismatch();
    return;
  }
  if (alg === "EdDSA") {
    if (jwk.kty !== "OKP" || (jwk.crv !== "Ed25519" && jwk.crv !== "Ed448")) mismatch();
    return;
  }
  mismatch();
}
