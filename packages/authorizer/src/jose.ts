/**
 * @gatehouse/authorizer/jose: `jwtVerifier` with PS256/384/512 and HS256/384/512 on jose.
 */

export { jwtVerifier } from "./verifier/jose-jwt-verifier.js";
// @section jose
export type { JwtVerifierOptions } from "./verifier/jwt-verifier.js";
