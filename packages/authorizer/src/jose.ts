/**
 * @gatehouse/authorizer/jose: `joseJwtVerifier`, the main entry's `jwtVerifier` with PS256/384/512 and HS256/384/512 on jose.
 */

export { joseJwtVerifier } from "./verifier/jose-jwt-verifier.js";
// @section jose
export type { JwtVerifierOptions } from "./verifier/jwt-verifier.js";
