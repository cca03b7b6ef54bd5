/**
 * The configuration of a local gateway: the APIs it serves, their routes, authorizers, resource
 * policies and IAM callers. Plain data plus functions, so it can live in code or in a `.mjs`
 * config file (see {@link loadGatewayConfig}).
 * @packageDocumentation
 */
import type {
  ApiKeyCheckOrder,
  ApiKeyConfig,
  ApiKeySource,
  CognitoResourcePolicyMode,
  EndpointType,
  HttpApiV1AuthorizerEvent,
  HttpApiV2AuthorizerEvent,
  JwtResourcePolicyMode,
  PolicyDocument,
  RestRequestAuthorizerEvent,
  RestTokenAuthorizerEvent,
  UsagePlanConfig,
  WebSocketConnectAuthorizerEvent,
} from "@gatehouse/policy";
import type { GatewayDecisionReason } from "./gateway-decision-reason.js";
import type {
  HttpApiV2ProxyEvent,
  ProxyResult,
  RestProxyEvent,
  WebSocketConnectProxyEvent,
} from "./proxy-event.js";
import type { RestJwtAuthorizerConfig } from "./rest-jwt-authorizer-config.js";
import type { LocalGatewayTlsConfig } from "./tls-config.js";

/**
 * A Lambda authorizer run in-process: receives the exact event API Gateway would send and
 * returns (or resolves to) the response; throwing `new Error("Unauthorized")` means 401, any other
 * throw or a malformed response 500, as in AWS.
 */
export type AuthorizerHandler<E> = (event: E) => unknown;

/** An integration (the route's Lambda proxy integration) run in-process. */
export type IntegrationHandler<E> = (
  event: E,
) => ProxyResult | unknown | Promise<ProxyResult | unknown>;

/**
 * Authorizer result caching, as API Gateway does it: the cache key is the identity-source values;
 * a cached response is reused for every route of the stage until it expires.
 */
export interface AuthorizerCacheOptions {
  /**
   * Time to live of a cached authorizer result, in seconds; 0 disables caching. At most 3600.
   * @default 300
   */
  resultTtlInSeconds?: number;
}

/**
 * A REST API `TOKEN` authorizer. The identity source is one header; a request without it, or
 * whose value does not match `identityValidationExpression`, gets 401 without invoking `handler`.
 */
export interface TokenAuthorizerConfig extends AuthorizerCacheOptions {
  type: "TOKEN";
  handler: AuthorizerHandler<RestTokenAuthorizerEvent>;
  /**
   * The header carrying the token, written as API Gateway does.
   * @default "method.request.header.Authorization"
   */
  identitySource?: string;
  /** A regular expression the whole token must match (API Gateway's token validation). */
  identityValidationExpression?: string;
}

/**
 * A Lambda `REQUEST` authorizer: REST, HTTP API (payload 1.0 or 2.0) or WebSocket `$connect`,
 * following the API it is attached to.
 *
 * Identity sources, by API type:
 * - REST / WebSocket: `method.request.header.X` (WebSocket also `route.request.header.X`),
 *   `method.request.querystring.X` / `route.request.querystring.X`, `stageVariables.X`, `context.X`;
 * - HTTP API: `$request.header.X`, `$request.querystring.X`, `$context.X` (e.g.
 *   `$context.routeKey` to cache per route), `$stageVariables.X`.
 *
 * When caching is on (REST, WebSocket) or always (HTTP API), a request missing any identity source
 * gets 401 without invoking `handler`.
 */
export interface RequestAuthorizerConfig extends AuthorizerCacheOptions {
  type: "REQUEST";
  handler: AuthorizerHandler<
    | RestRequestAuthorizerEvent
    | HttpApiV1AuthorizerEvent
    | HttpApiV2AuthorizerEvent
    | WebSocketConnectAuthorizerEvent
  >;
  /**
   * The identity sources, the cache key. An empty list with caching on is a configuration error
   * (API Gateway requires one), as is caching with none.
   * @default ["method.request.header.Authorization"] (REST, WebSocket) or ["$request.header.Authorization"] (HTTP API)
   */
  identitySources?: readonly string[];
  /**
   * HTTP API only: the authorizer payload format.
   * @default "2.0"
   */
  payloadFormatVersion?: "1.0" | "2.0";
  /**
   * HTTP API payload 2.0 only: the handler returns `{ isAuthorized, context? }` instead of an IAM
   * policy.
   * @default false
   */
  enableSimpleResponses?: boolean;
}

/** What a {@link JwtAuthorizerConfig.verifier} returns for a valid token. */
export interface VerifiedJwt {
  /** The token's claims; they reach the integration as `jwt.claims` / `claims`. */
  claims: Record<string, unknown>;
  /** OAuth scopes (`scope` split on spaces); read from `claims.scope` / `claims.scp` when absent. */
  scopes?: readonly string[];
}

/**
 * Verifies a JWT (signature, `iss`, `aud` / `client_id`, `exp`, `nbf`) and throws for any bad
 * token. `jwtVerifier(...)` and `cognitoVerifier(...)` of `@gatehouse/authorizer` have this shape.
 */
export interface JwtVerifierLike {
  verify(token: string): Promise<VerifiedJwt>;
}

/**
 * An HTTP API `JWT` authorizer (or a REST `COGNITO_USER_POOLS` authorizer with
 * `type: "COGNITO_USER_POOLS"`): the token is read from the identity source (a `Bearer ` prefix is
 * stripped), verified by `verifier`, and the route's `scopes` (if any) must intersect the token's
 * scopes. Missing or invalid token -> 401; missing scope -> 403. Not cached (AWS caches JWKS, not
 * decisions).
 */
export interface JwtAuthorizerConfig {
  type: "JWT" | "COGNITO_USER_POOLS";
  /** The verifier holding issuer, audience and JWKS; required, there is no unverified mode. */
  verifier: JwtVerifierLike;
  /**
   * Where the token is.
   * @default "$request.header.Authorization" (HTTP API) or "method.request.header.Authorization" (REST)
   */
  identitySource?: string;
}

/** One authorizer of an API, referenced by name from its routes. */
export type AuthorizerConfig =
  | TokenAuthorizerConfig
  | RequestAuthorizerConfig
  | JwtAuthorizerConfig
  | RestJwtAuthorizerConfig;

/**
 * A route's authorization: `"NONE"`, `"AWS_IAM"` (SigV4 verified against
 * {@link LocalGatewayConfig.credentials}), or one of the API's authorizers by name, with the
 * OAuth scopes a JWT / Cognito authorizer requires (any of them).
 */
export type RouteAuth =
  | "NONE"
  | "AWS_IAM"
  | { authorizer: string; scopes?: readonly string[] | undefined };

interface ApiConfigBase {
  /**
   * The API's name in stats and logs.
   * @default the apiId
   */
  name?: string;
  /**
   * The API id in ARNs and events.
   * @default "a1b2c3d4e5" for the first API, then "a1b2c3d4e6", ...
   */
  apiId?: string;
  /**
   * A local prefix the API is mounted under (e.g. `/orders-api`), to serve several APIs on one
   * port. Not part of any ARN or event path.
   * @default ""
   */
  basePath?: string;
  /** The API's authorizers by name; names are unique across the gateway (they key the stats). */
  authorizers?: Readonly<Record<string, AuthorizerConfig>>;
  /** The stage's variables (events' `stageVariables`, identity sources `stageVariables.X`). @default {} */
  stageVariables?: Readonly<Record<string, string>>;
  /**
   * Whether the deployed API turns off its default `execute-api` endpoint
   * (`DisableExecuteApiEndpoint`). The local gateway serves one listener either way; `gatehouse
   * audit` warns (`mtls_default_endpoint_enabled`) when an API behind mutual TLS (`tls.truststore`)
   * keeps it, since clients can call that endpoint without a certificate.
   * @default false
   */
  disableExecuteApiEndpoint?: boolean;
}

/** A REST API resource and method with a Lambda proxy integration. */
export interface RestRouteConfig {
  /** HTTP verb or `ANY`. */
  method: string;
  /** Resource template: `/pets`, `/pets/{id}`, `/{proxy+}`, `/`. */
  resource: string;
  auth: RouteAuth;
  handler: IntegrationHandler<RestProxyEvent>;
  /**
   * The method requires an API key (API Gateway's `apiKeyRequired`): after authorization allows,
   * the key (from the API's `apiKeySource`) must be in a usage plan of this stage (else 403
   * `INVALID_API_KEY`), within its throttling (429 `THROTTLED`) and quota (429 `QUOTA_EXCEEDED`).
   * @default false
   */
  apiKeyRequired?: boolean;
}

/** A REST API: served at `{basePath}/{stage}/...`. */
export interface RestApiConfig extends ApiConfigBase {
  type: "REST";
  /** @default "dev" */
  stage?: string;
  /** @default "REGIONAL" */
  endpointType?: EndpointType;
  /**
   * The resource policy (short `execute-api:/*` or full resources), evaluated with the two-phase
   * rule before Lambda authorizers; `null` or absent for none. Compiled once at start: later
   * changes to the object are not seen (restart, as AWS needs a redeploy), and a malformed policy
   * fails the start with `invalid_config`.
   */
  resourcePolicy?: PolicyDocument | null;
  /**
   * How a Cognito-authorized method reads a resource policy that is silent for the caller.
   * @default "must-allow"
   */
  cognitoResourcePolicy?: CognitoResourcePolicyMode;
  /**
   * How a method with a REST `JWT` authorizer reads a resource policy that is silent for the
   * caller (AWS does not document it; `"must-allow"` is the conservative reading).
   * @default "must-allow"
   */
  jwtResourcePolicy?: JwtResourcePolicyMode;
  /** PRIVATE APIs: the caller's VPC id (`aws:SourceVpc`); the client IP becomes `aws:VpcSourceIp`. */
  sourceVpc?: string;
  /** PRIVATE APIs: the VPC endpoint id (`aws:SourceVpce`). */
  sourceVpce?: string;
  /**
   * Where methods with `apiKeyRequired` read the key: the `x-api-key` header, or the Lambda
   * authorizer's `usageIdentifierKey`.
   * @default "HEADER"
   */
  apiKeySource?: ApiKeySource;
  /**
   * When methods with `apiKeyRequired` check the key, relative to authorization (resource
   * policy, authorizer): AWS does not document it for the `HEADER` source.
   * `"after-authorization"` checks it once authorization allowed; `"before-authorization"` refuses
   * a missing, unknown or disabled `x-api-key` (403 `INVALID_API_KEY`) before the resource policy
   * and the authorizer run. Throttling and quota come after authorization either way.
   * `"before-authorization"` with `apiKeySource: "AUTHORIZER"` is refused at start
   * (`api_key_check_needs_header_source`).
   * @default "after-authorization"
   */
  apiKeyCheck?: ApiKeyCheckOrder;
  routes: readonly RestRouteConfig[];
}

/** An HTTP API route with a Lambda proxy integration. */
export interface HttpRouteConfig {
  /** `GET /pets/{id}`, `ANY /pets/{proxy+}`, `$default`. */
  routeKey: string;
  auth: RouteAuth;
  handler: IntegrationHandler<HttpApiV2ProxyEvent | RestProxyEvent>;
  /**
   * The integration's payload format: 2.0 events (`HttpApiV2ProxyEvent`) or 1.0 (REST-like).
   * @default "2.0"
   */
  payloadFormatVersion?: "1.0" | "2.0";
}

/** An HTTP API (no resource policies): served at `{basePath}/` for `$default`, else `{basePath}/{stage}/`. */
export interface HttpApiConfig extends ApiConfigBase {
  type: "HTTP";
  /** @default "$default" */
  stage?: string;
  routes: readonly HttpRouteConfig[];
}

/**
 * A WebSocket API's `$connect` route, at `{basePath}/{stage}`. An HTTP `GET` with
 * `Upgrade: websocket` is authorized and, when allowed, answered `101 Switching Protocols`; a plain
 * `GET` is authorized the same way and answered `200`. No message loop: frames after the handshake
 * are ignored, a close frame is answered.
 */
export interface WebSocketApiConfig extends ApiConfigBase {
  type: "WEBSOCKET";
  /** @default "dev" */
  stage?: string;
  /**
   * Where `$connect` reads the API key when it requires one: the `x-api-key` header, or the
   * Lambda authorizer's `usageIdentifierKey` (WebSocket's API key selection expressions
   * `$request.header.x-api-key` / `$context.authorizer.usageIdentifierKey`).
   * @default "HEADER"
   */
  apiKeySource?: ApiKeySource;
  /**
   * When `$connect` checks its API key, relative to authorization; as on REST APIs
   * ({@link RestApiConfig.apiKeyCheck}).
   * @default "after-authorization"
   */
  apiKeyCheck?: ApiKeyCheckOrder;
  connect: {
    auth: RouteAuth;
    /** `$connect` requires an API key, checked once per connection. @default false */
    apiKeyRequired?: boolean;
    /** The `$connect` integration; a non-2xx `statusCode` refuses the connection. @default accept */
    handler?: IntegrationHandler<WebSocketConnectProxyEvent>;
  };
}

/** One API served by the gateway. */
export type ApiConfig = RestApiConfig | HttpApiConfig | WebSocketApiConfig;

/** An IAM principal whose SigV4-signed requests `AWS_IAM` routes accept. */
export interface IamCredentialConfig {
  accessKeyId: string;
  /** Never logged nor echoed. */
  secretAccessKey: string;
  /** Required in `X-Amz-Security-Token` when set; refused when unset. */
  sessionToken?: string;
  /** The signing principal, e.g. `arn:aws:iam::123456789012:user/alice`; its account decides Table A/B. */
  principalArn: string;
  /** `aws:PrincipalOrgID`. */
  orgId?: string;
  /**
   * The caller's identity policy (statements without `Principal`); `null` means none (silent:
   * only a resource policy naming the caller can allow). Required so that "no policy" is explicit.
   */
  policy: PolicyDocument | readonly PolicyDocument[] | null;
  /**
   * The caller's principal id, API Gateway's `caller` / `user` (REST, payload 1.0, WebSocket) and
   * `callerId` / `userId` (payload 2.0), and `aws:userid` in policies: `AROA...:{session}` for a role
   * session, `AIDA...` for a user.
   * @default the resource part of `principalArn` (`assumed-role/app/session`, `user/alice`); `aws:userid` is then unset
   */
  callerId?: string;
  /**
   * A session policy of the caller's session (an identity-pool guest in the enhanced flow gets
   * AWS's scope-down policy): the caller may do only what `policy` **and** this policy allow, and
   * it limits a same-account resource policy's Allow too. `null` or absent: none.
   */
  sessionPolicy?: PolicyDocument | null;
  /**
   * Credentials from a Cognito identity pool: the identity they were issued to. Requires
   * `principalArn` to be the role session (`arn:aws:sts::{account}:assumed-role/{role}/{session}`).
   * Policies see `cognito-identity.amazonaws.com:sub` / `:aud` / `:amr` (directly and as
   * `${cognito-identity.amazonaws.com:sub}`), `aws:PrincipalTag/{key}`, `aws:PrincipalType`
   * (`AssumedRole`) and `aws:FederatedProvider`; the integration sees the `cognito*` fields of
   * `requestContext.identity` (payload 2.0: `authorizer.iam.cognitoIdentity`).
   */
  cognito?: IamCognitoIdentity;
}

/**
 * The Cognito identity behind identity-pool credentials, as API Gateway reports it for an
 * `AWS_IAM` request signed with them.
 *
 * @example
 * ```ts
 * const cognito: IamCognitoIdentity = {
 *   identityPoolId: "us-east-1:0d0f8b1c-0000-4000-8000-000000000001",
 *   identityId: "us-east-1:1111aaaa-2222-3333-4444-555566667777",
 *   authenticationType: "authenticated",
 *   authenticationProvider:
 *     "cognito-idp.us-east-1.amazonaws.com/us-east-1_X,cognito-idp.us-east-1.amazonaws.com/us-east-1_X:CognitoSignIn:sub",
 *   principalTags: { tenant: "acme" },
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#context-variable-reference
 */
export interface IamCognitoIdentity {
  /** `cognitoIdentityPoolId`, `{region}:{uuid}` (`cognito-identity.amazonaws.com:aud`). */
  identityPoolId: string;
  /** `cognitoIdentityId`, `{region}:{uuid}` (`cognito-identity.amazonaws.com:sub`). */
  identityId: string;
  /** `cognitoAuthenticationType`: a signed-in identity or a guest. */
  authenticationType: "authenticated" | "unauthenticated";
  /**
   * `cognitoAuthenticationProvider`: the identity's logins, `{provider},{provider}:CognitoSignIn:{sub}`
   * for a user pool, comma-joined; `null` for a guest. Its comma-separated parts follow
   * `authenticated` in `cognito-identity.amazonaws.com:amr` and in payload 2.0's `amr`.
   */
  authenticationProvider: string | null;
  /** The session's principal tags (`aws:PrincipalTag/{key}`). @default {} */
  principalTags?: Readonly<Record<string, string>>;
}

/**
 * Looks up the IAM caller of an access key id when a signed request arrives, so the gateway accepts
 * credentials issued after it started (by the loopback identity-pool server, a test's STS stub...).
 * Called once per signed request for each access key id it names (never for unsigned requests),
 * with the id as received; `undefined` means unknown (403 `UnrecognizedClientException`). A
 * resolver that throws, or answers an invalid credential or one with another `accessKeyId`, fails
 * the request closed (500).
 *
 * @param accessKeyId - the access key id of the request's credential scope.
 * @returns the caller, `undefined` when unknown, or a promise of either.
 * Credentials of the loopback identity pool (`startCognitoIdentityServer` of `@gatehouse/testing`)
 * map field by field: `principalArn: assumedRoleArn`, `callerId: assumedRoleId`,
 * `policy: permissionPolicies`, `sessionPolicy`, and `cognito` from `identityId`,
 * `identityPoolId`, `authenticationType`, `authenticationProvider`, `principalTags`.
 *
 * @example
 * ```ts
 * const credentials: IamCredentialResolver = (accessKeyId) => {
 *   const issued = identityServer.credentialsFor(accessKeyId);
 *   if (issued === undefined || issued.expiration.getTime() <= Date.now()) return undefined;
 *   return {
 *     accessKeyId: issued.accessKeyId,
 *     secretAccessKey: issued.secretAccessKey,
 *     sessionToken: issued.sessionToken,
 *     principalArn: issued.assumedRoleArn,
 *     callerId: issued.assumedRoleId,
 *     policy: issued.permissionPolicies,
 *     sessionPolicy: issued.sessionPolicy ?? null,
 *     cognito: {
 *       identityPoolId: issued.identityPoolId,
 *       identityId: issued.identityId,
 *       authenticationType: issued.authenticationType,
 *       authenticationProvider: issued.authenticationProvider,
 *       principalTags: issued.principalTags,
 *     },
 *   };
 * };
 * ```
 */
export type IamCredentialResolver = (
  accessKeyId: string,
) => IamCredentialConfig | undefined | Promise<IamCredentialConfig | undefined>;

/** One decision of the gateway, for logs and tests. Carries codes, never tokens or signatures. */
export interface GatewayDecisionRecord {
  api: string;
  method: string;
  /** The request path as received (query string dropped). */
  path: string;
  /** The matched route (`GET /pets/{id}`, `$connect`), or `null` when none matched. */
  route: string | null;
  status: number;
  /** Why: `allowed`, `missing_identity_source`, `authorizer_explicit_deny`, ... */
  reason: GatewayDecisionReason;
  /** The route's authorizer (Lambda, JWT or Cognito), when it has one. */
  authorizer?: string;
  /** Methods with `apiKeyRequired`: the id of the request's API key once known (never its value). */
  apiKeyId?: string;
  /** Methods with `apiKeyRequired`: the usage plan that metered the request. */
  usagePlanId?: string;
  /**
   * Set with `authorizer`: `true` only when the authorizer's answer was read from its result
   * cache. `false` when it was invoked, and when the request was decided before it (a resource
   * policy's explicit Deny, checked first: the authorizer is neither invoked nor its cache read).
   */
  authorizerFromCache?: boolean;
}

/**
 * The whole local gateway.
 *
 * @example
 * ```ts
 * const config: LocalGatewayConfig = {
 *   apis: [{
 *     type: "HTTP",
 *     routes: [{ routeKey: "GET /pets/{id}", auth: "NONE", handler: (event) => ({ statusCode: 200, body: "ok" }) }],
 *   }],
 * };
 * const gw = await startLocalGateway(config);
 * ```
 */
export interface LocalGatewayConfig {
  apis: readonly ApiConfig[];
  /**
   * Port on 127.0.0.1; 0 picks a free one.
   * @default 0
   */
  port?: number;
  /** @default "us-east-1" */
  region?: string;
  /** The APIs' account (12 digits). @default "123456789012" */
  accountId?: string;
  /**
   * IAM callers for `AWS_IAM` routes: a fixed list, or a resolver asked per signed request (for
   * credentials issued after the gateway started). With none, `AWS_IAM` routes answer as API
   * Gateway does to strangers: 403 `Missing Authentication Token` unsigned, 403
   * `UnrecognizedClientException` signed.
   * @default []
   */
  credentials?: readonly IamCredentialConfig[] | IamCredentialResolver;
  /**
   * Take the client IP (`aws:SourceIp`, `sourceIp` in events) from the first `X-Forwarded-For`
   * entry instead of the socket, so tests can play any caller address. Off by default: the socket
   * address (always loopback) is used. The entry is read as `normalizeIpAddress` of
   * `@gatehouse/policy` reads it (`::ffff:192.0.2.1` is `192.0.2.1`, IPv6 lower-cased and
   * compressed); a refused entry (`010.0.0.1`, a port, a zone id, not an address) makes the
   * request a 403 with reason `invalid_source_ip`, never a request from some other address.
   * @default false
   */
  trustForwardedFor?: boolean;
  /**
   * The gateway's clock: authorizer cache expiry, SigV4 skew and `aws:CurrentTime`. Inject it to
   * test TTLs without waiting.
   * @default () => new Date()
   */
  now?: () => Date;
  /**
   * Largest request body accepted, in bytes (API Gateway's payload quota is 10 MB). Larger -> 413
   * `{"message":"Request Too Long"}` (the `REQUEST_TOO_LARGE` gateway response) with
   * `Connection: close`: a declared `Content-Length` over the limit is refused before a byte of
   * the body is read, a chunked body stops being read at the limit; nothing over it is buffered.
   * @default 10485760 (10 MiB)
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html
   */
  maxBodyBytes?: number;
  /** Called once per request with the outcome; never given tokens, secrets or signatures. */
  onDecision?: (record: GatewayDecisionRecord) => void;
  /**
   * API keys (values of 20 to 128 letters and digits, unique) for methods with `apiKeyRequired`.
   * Values are never logged.
   * @default []
   */
  apiKeys?: readonly ApiKeyConfig[];
  /**
   * Usage plans: the API stages they cover (by `apiId` and `stage` of REST and WebSocket APIs),
   * their throttling and quota per key (the gateway's `now` is their clock: no real waits in
   * tests), per-method overrides, and their keys (one plan per key and stage).
   * @default []
   */
  usagePlans?: readonly UsagePlanConfig[];
  /**
   * Serve HTTPS (`url` becomes `https://127.0.0.1:{port}`), with mutual TLS when
   * `tls.truststore` is set; see {@link LocalGatewayTlsConfig}.
   * @default undefined (plain HTTP)
   */
  tls?: LocalGatewayTlsConfig;
}
