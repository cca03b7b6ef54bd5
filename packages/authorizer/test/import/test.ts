// Type-checked against the packed @gatehouse/authorizer (nodenext, strict) by scripts/check-packages.mjs.
import {
  type AuthorizerErrorCode,
  createAuthorizer,
  createHttpApiAuthorizer,
  createRestRequestAuthorizer,
  jwtVerifier,
  type TokenVerifier,
  type VerifiedToken,
} from "@gatehouse/authorizer";
import { joseJwtVerifier } from "@gatehouse/authorizer/jose";
import { gatehouseAuthorizer } from "@gatehouse/authorizer/middy";
import type {
  APIGatewayRequestAuthorizerEventV2,
  APIGatewayRequestAuthorizerHandler,
  APIGatewayRequestSimpleAuthorizerHandlerV2,
} from "aws-lambda";

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
// The handlers fit @types/aws-lambda (an optional peer), in both directions.
const restRequest: APIGatewayRequestAuthorizerHandler = createRestRequestAuthorizer({ verifier });
const httpSimple: APIGatewayRequestSimpleAuthorizerHandlerV2 = createHttpApiAuthorizer({
  verifier,
  http: { simpleResponses: true },
});
const takesV2 = (event: APIGatewayRequestAuthorizerEventV2) => handler(event);
export const used = [
  handler,
  code,
  gatehouseAuthorizer,
  psVerifier,
  restRequest,
  httpSimple,
  takesV2,
];

// @ts-expect-error: the algorithm allowlist is required.
jwtVerifier({ issuer: "https://issuer.example.com/", audience: null, jwksUri: "https://x/jwks" });
