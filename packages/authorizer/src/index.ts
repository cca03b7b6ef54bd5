/**
 * @gatehouse/authorizer: JWT-verifying Lambda authorizers for API Gateway.
 */

// @section errors
export {
  AccessDeniedError,
  AuthorizerError,
  authorizerError,
  EventError,
  familyOf,
  isAuthorizerError,
  JwksError,
  TokenError,
} from "./errors.js";
export type {
  AuthorizerErrorCode,
  AuthorizerErrorFamily,
  AuthorizerErrorOptions,
} from "./errors.js";
// @section verifier
export type {
  JwtClaims,
  JwtHeader,
  TokenVerifier,
  VerifiedToken,
  VerifyContext,
} from "./verifier/token-verifier.js";
// @section jwks
// @section handler
export type {
  AuthorizeResult,
  AuthorizerHandler,
  AuthorizerHooks,
  AuthorizerOptions,
  AuthorizerRequest,
  AuthorizerResponse,
  BearerMode,
  DecisionCacheOptions,
  DecisionLog,
  DecisionOutcome,
  EventShape,
  RouteRequirement,
  TokenSource,
} from "./handler/authorizer-options.js";
export { createAuthorizer } from "./handler/create-authorizer.js";
export type { HttpApiAuthorizerOptions } from "./handler/create-http-api-authorizer.js";
export { createHttpApiAuthorizer } from "./handler/create-http-api-authorizer.js";
export { createRestRequestAuthorizer } from "./handler/create-rest-request-authorizer.js";
export type { IamAuthorizerOptions } from "./handler/create-rest-token-authorizer.js";
export { createRestTokenAuthorizer } from "./handler/create-rest-token-authorizer.js";
export { createWebSocketAuthorizer } from "./handler/create-web-socket-authorizer.js";
