import type { JwtAlgorithm } from "../jwt-algorithm.js";
import { JWT_ALGORITHMS } from "../jwt-algorithm.js";

/** @internal Algorithms aws-jwt-verify 5 verifies itself. */
export const AWS_JWT_VERIFY_ALGORITHMS: ReadonlySet<string> = new Set([
  "RS256",
  "RS384",
  "RS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
]);

/** @internal True for HS256/384/512. */
export function isHmacAlgorithm(alg: string): boolean {
  return alg === "HS256" || alg === "HS384" || alg === "HS512";
}

/** @internal Validates an `algorithms` option at construction (TypeError on misuse). */
export function parseAlgorithms(
  value: unknown,
  option: string,
  hmac: "only" | "never",
): ReadonlySet<JwtAlgorithm> {
  if (!Array.isArray(value) || value.length === 0) {
    throw new TypeError(`${option} must be a non-empty array of JWS algorithms`);
  }
  const set = new Set<JwtAlgorithm>();
  for (const alg of value) {
    if (typeof alg !== "string" || !(JWT_ALGORITHMS as readonly string[]).includes(alg)) {
      throw new TypeError(`${option}: unsupported algorithm ${JSON.stringify(alg)}`);
    }
    if (hmac === "only" && !isHmacAlgorithm(alg)) {
      throw new TypeError(`${option}: with a sharedSecret only HS256/HS384/HS512 are allowed`);
    }
    if (hmac === "never" && isHmacAlgorithm(alg)) {
      throw new TypeError(`${option}: ${alg} needs an explicit sharedSecret (and then only HS*)`);
    }
    set.add(alg as JwtAlgorithm);
  }
  return set;
}
