import { joseSignatureCheck } from "./internal/jose-signature.js";
import { createJwtVerifier, type JwtVerifierOptions } from "./jwt-verifier.js";
import type { JwtClaims, TokenVerifier } from "./token-verifier.js";

/**
 * The main entry's `jwtVerifier` with jose for PS256/384/512 and HS256/384/512 (`sharedSecret`), from
 * `@gatehouse/authorizer/jose`; RS*, ES* and EdDSA stay on aws-jwt-verify exactly as with the
 * main entry's `jwtVerifier`, and the options are the same. Named apart from it, so that each
 * exported name of the package means one function. A separate entry because a bundler
 * cannot drop a dynamic `import("jose")`: only a Lambda that needs PS* or HS* carries jose.
 * jose 6 is ESM-only: it is loaded with a dynamic `import()` on the first PS* and HS* token, which
 * works from CommonJS with `require(esm)` off (Lambda).
 *
 * @param options See {@link JwtVerifierOptions}; misuse throws `TypeError` here, at cold start.
 * @returns A {@link TokenVerifier} whose `verify` throws only `AuthorizerError`.
 * @example
 * ```ts
 * import { joseJwtVerifier } from "@gatehouse/authorizer/jose";
 *
 * const verifier = joseJwtVerifier({
 *   issuer: "https://idp.example.com/",
 *   audience: "https://api.example.com",
 *   jwksUri: "https://idp.example.com/jwks.json",
 *   algorithms: ["PS256"],
 * });
 * ```
 */
export function joseJwtVerifier<C extends JwtClaims = JwtClaims>(
  options: JwtVerifierOptions,
): TokenVerifier<C> {
  return createJwtVerifier<C>(options, joseSignatureCheck);
}
