/**
 * @gatehouse/authorizer/jose: `jwtVerifier` with PS256/384/512 and HS256/384/512 on jose.
 */

// @section jose
export type { JwtVerifierOptions } from "./verifier/jwt-verifier.js";
export { jwtVerifier } from "./verifier/jose-jwt-verifier.js";
