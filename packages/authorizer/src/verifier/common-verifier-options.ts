import type { JwksCache, JwksCacheOptions } from "../jwks/jwks-cache.js";

/** Options shared by `cognitoVerifier` and `jwtVerifier`. */
export interface CommonVerifierOptions {
  /**
   * Seconds of clock skew allowed for `exp`, `nbf` and `iat` (and `maxTokenAgeSeconds`).
   * Lambda clocks are NTP-synchronised; raise it only for an issuer with a known skew.
   * @default 0 (as jose and aws-jwt-verify)
   */
  clockToleranceSeconds?: number;
  /**
   * The clock, in epoch milliseconds. Used for every time check (aws-jwt-verify's own `Date.now`
   * checks are switched off) and for the key-set lifecycle when this verifier creates its cache.
   * @default Date.now
   */
  now?: () => number;
  /**
   * Reject tokens whose `iat` is older than this many seconds (`token_too_old`); `iat` then
   * becomes required (`missing_claim`).
   * @default undefined (no age limit beyond `exp`)
   */
  maxTokenAgeSeconds?: number;
  /**
   * Expected `typ` header, e.g. `"at+jwt"` for RFC 9068 access tokens (compared
   * case-insensitively, `application/` prefix ignored). A token without `typ` then fails.
   * @default undefined (not checked)
   */
  typ?: string;
  /**
   * Claims that must be present (any value but `null`), e.g. `["sub", "email"]`.
   * `exp` is always required.
   * @default []
   */
  requiredClaims?: readonly string[];
  /**
   * Longest token accepted, in bytes (characters: a JWS is ASCII); longer -> `token_too_large`
   * before any parsing.
   * @default 8192
   */
  maxTokenBytes?: number;
  /**
   * The key-set cache: options for a cache of this verifier's own, or a {@link JwksCache} shared
   * by several verifiers.
   * @default a new JwksCache with its defaults (and this verifier's `now`)
   */
  jwksCache?: JwksCache | JwksCacheOptions;
}
