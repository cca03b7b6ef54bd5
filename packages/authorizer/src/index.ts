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
export type { CommonVerifierOptions } from "./verifier/common-verifier-options.js";
export type { JwtAlgorithm } from "./verifier/jwt-algorithm.js";
export { JWT_ALGORITHMS } from "./verifier/jwt-algorithm.js";
export { jwtVerifier } from "./verifier/jwt-verifier.js";
export type { JwtVerifierOptions } from "./verifier/jwt-verifier.js";
export { cognitoVerifier } from "./verifier/cognito-verifier.js";
export type {
  CognitoPoolOptions,
  CognitoVerifierOptions,
} from "./verifier/cognito-verifier.js";
export { multiIssuerVerifier } from "./verifier/multi-issuer-verifier.js";
export type {
  DeclaredIssuerResolver,
  IssuerResolver,
  MultiIssuerVerifierOptions,
} from "./verifier/multi-issuer-verifier.js";
export { decodeJwtUnverified } from "./verifier/decode-jwt-unverified.js";
export type {
  DecodeJwtUnverifiedOptions,
  UnverifiedJwt,
} from "./verifier/decode-jwt-unverified.js";
// @section jwks
export { JwksCache } from "./jwks/jwks-cache.js";
export type { JwksCacheOptions, JwksWaitOptions, TokenParts } from "./jwks/jwks-cache.js";
export { assertJwksUrl } from "./jwks/assert-jwks-url.js";
export { loadJwks } from "./jwks/load-jwks.js";
export type { JwksInput } from "./jwks/load-jwks.js";
// @section request
export type { DecisionInput } from "./request/decision-input.js";
export type { RequestInputs } from "./request/request-inputs.js";
// @section handler
export type {
  AuthorizeFunction,
  AuthorizeHook,
  AuthorizeResult,
  AuthorizerHandler,
  AuthorizerHandlerEvent,
  AuthorizerHooks,
  AuthorizerOptions,
  AuthorizerRequest,
  AuthorizerResponse,
  AuthorizerWarning,
  AuthorizerWarningCode,
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
// @section client-certificate
export { clientCertificateCheck } from "./client-certificate/client-certificate-check.js";
export type {
  ClientCertificateCheck,
  ClientCertificateCheckOptions,
  ClientCertificateRefusal,
  ClientCertificateVerdict,
} from "./client-certificate/client-certificate-check.js";
