/**
 * A JWS algorithm a verifier can be allowed to accept. RS*, ES* and EdDSA are verified by
 * aws-jwt-verify; PS* (which aws-jwt-verify 5 does not support) and HS* (only with a
 * `sharedSecret`) by jose. `none` is never accepted.
 */
export type JwtAlgorithm =
  | "RS256"
  | "RS384"
  | "RS512"
  | "PS256"
  | "PS384"
  | "PS512"
  | "ES256"
  | "ES384"
  | "ES512"
  | "EdDSA"
  | "HS256"
  | "HS384"
  | "HS512";

/** Every {@link JwtAlgorithm}, for validating configuration. */
export const JWT_ALGORITHMS: readonly JwtAlgorithm[] = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
  "HS256",
  "HS384",
  "HS512",
];
