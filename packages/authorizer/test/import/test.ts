// Type-checked against the packed @gatehouse/authorizer (nodenext, strict) by scripts/check-packages.mjs.
import {
  type AuthorizerErrorCode,
  createAuthorizer,
  jwtVerifier,
  type TokenVerifier,
  type VerifiedToken,
} from "@gatehouse/authorizer";
import { jwtVerifier as joseJwtVerifier } from "@gatehouse/authorizer/jose";
import { gatehouseAuthorizer } from "@gatehouse/authorizer/middy";

const verifier: TokenVerifier = jwtVerifier({
  issuer: "https://issuer.example.com/",
  audience: null,
  algorithms: ["RS256", "ES256"],
  jwksUri: "https://issuer.example.com/.well-known/jwks.json",
});
const handler = createAuthorizer({
  verifier,
  routes: { "GET /pets/{id}": { scopes: ["pets/read"] } },
  principalId: (token: VerifiedToken) => token.claims.sub ?? "anonymous",
});
const code: AuthorizerErrorCode = "token_expired";
const psVerifier: TokenVerifier = joseJwtVerifier({
  issuer: "https://issuer.example.com/",
  audience: "api",
  algorithms: ["PS256", "RS256"],
  jwksUri: "https://issuer.example.com/.well-known/jwks.json",
});
export const used = [handler, code, gatehouseAuthorizer, psVerifier];

// @ts-expect-error: the algorithm allowlist is required.
jwtVerifier({ issuer: "https://issuer.example.com/", audience: null, jwksUri: "https://x/jwks" });
