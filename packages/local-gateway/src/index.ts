/**
 * @gatehouse/local-gateway: API Gateway's authorization layer on 127.0.0.1.
 */

// @section errors
export type {
  LocalGatewayErrorCode,
  LocalGatewayErrorOptions,
} from "./errors.js";
export { isLocalGatewayError, LocalGatewayError } from "./errors.js";

// @section config
export type {
  ApiConfig,
  AuthorizerCacheOptions,
  AuthorizerConfig,
  AuthorizerHandler,
  GatewayDecisionRecord,
  HttpApiConfig,
  HttpRouteConfig,
  IamCognitoIdentity,
  IamCredentialConfig,
  IamCredentialResolver,
  IntegrationHandler,
  JwtAuthorizerConfig,
  JwtVerifierLike,
  LocalGatewayConfig,
  RequestAuthorizerConfig,
  RestApiConfig,
  RestRouteConfig,
  RouteAuth,
  TokenAuthorizerConfig,
  VerifiedJwt,
  WebSocketApiConfig,
} from "./config/gateway-config.js";
export type { GatewayDecisionReason } from "./config/gateway-decision-reason.js";
export type { LocalGatewayTlsConfig } from "./config/tls-config.js";
export type {
  RestJwtAdditionalClaim,
  RestJwtAlgorithm,
  RestJwtAuthorizerConfig,
  RestJwtIssuerConfig,
} from "./config/rest-jwt-authorizer-config.js";
export { loadGatewayConfig } from "./config/load-gateway-config.js";
export type {
  HttpApiV2CognitoIdentity,
  HttpApiV2ProxyAuthorizer,
  HttpApiV2ProxyEvent,
  ProxyResult,
  RestProxyAuthorizerContext,
  RestProxyEvent,
  WebSocketConnectProxyEvent,
} from "./config/proxy-event.js";

// @section server
export type { AuthorizerStats, GatewayStats } from "./server/gateway-stats.js";
export type { LocalGateway } from "./server/start-local-gateway.js";
export { startLocalGateway } from "./server/start-local-gateway.js";
