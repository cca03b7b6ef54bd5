import type {
  AllowedRoutes,
  ApiType,
  AuthorizerEvent,
  HttpApiV1AuthorizerEvent,
  HttpApiV2AuthorizerEvent,
  IamAuthorizerResponse,
  RestRequestAuthorizerEvent,
  RestTokenAuthorizerEvent,
  RouteTableWarning,
  SimpleAuthorizerResponse,
} from "@gatehouse/policy";
import type { AuthorizerErrorCode } from "../errors.js";
import type { DecisionInput } from "../request/decision-input.js";
import type { RequestInputs } from "../request/request-inputs.js";
import type { JwtClaims, TokenVerifier, VerifiedToken } from "../verifier/token-verifier.js";

/**
 * Which of the five authorizer events API Gateway sent, recognised by AWS's own fields
 * (`type`, `version`, `requestContext.eventType`).
 */
export type EventShape =
  | "rest-token"
  | "rest-request"
  | "http-v1"
  | "http-v2"
  | "websocket-connect";

/**
 * Whether a `Bearer ` prefix (scheme case-insensitive) must be present: `"required"` refuses a
 * bare value (`malformed_token`), `"optional"` strips the prefix when present.
 */
export type BearerMode = "required" | "optional";

/**
 * Where the token is read from. Several sources are tried in order; the first one **present**
 * is used (a present but malformed value is refused, never skipped in favour of the next source).
 * A source that does not exist in an event shape is skipped (a REST TOKEN event only has
 * `authorizationToken`).
 *
 * - `authorizationToken`: the REST TOKEN event's identity-source value. HTTP API 1.0 events carry
 *   `authorizationToken` too, but as **all** identity sources joined with commas: it is used only
 *   when it holds a single value (no comma); otherwise read the `header` instead.
 * - `header`: a request header, name matched case-insensitively across `headers` and
 *   `multiValueHeaders`; two different values are refused.
 * - `query`: a query-string parameter (case-sensitive name); two different values are refused
 *   (HTTP API 2.0 joins repeated keys with commas, which is refused as malformed).
 * - `cookie`: a cookie, from HTTP API 2.0 `cookies` and from `Cookie` headers; a name that appears
 *   twice with different values is refused (cookie tossing).
 * - `webSocketProtocol`: the `Sec-WebSocket-Protocol` entry that starts with `prefix`
 *   (default `"bearer."`), for browser WebSocket clients, which cannot set headers:
 *   `new WebSocket(url, ["gatehouse", "bearer." + token])`. The `$connect` backend must answer
 *   with one of the offered protocols (`Sec-WebSocket-Protocol: gatehouse`), or browsers close the
 *   connection.
 *
 * For a REST TOKEN event the token is always `authorizationToken`; its `bearer` mode comes from
 * the first `authorizationToken` or `header` source (default `"required"`).
 */
export type TokenSource =
  | { from: "authorizationToken" /** @default "required" */; bearer?: BearerMode }
  | {
      from: "header";
      /** Header name, matched case-insensitively. */
      name: string;
      /** @default "required" */
      bearer?: BearerMode;
    }
  | { from: "query" /** Parameter name, case-sensitive. */; name: string }
  | { from: "cookie" /** Cookie name, case-sensitive. */; name: string }
  | {
      from: "webSocketProtocol";
      /** The prefix that marks the token entry. @default "bearer." */
      prefix?: string;
    };

/**
 * What an identity needs to call a route. Every listed condition must hold; `{}` means any valid
 * token.
 */
export interface RouteRequirement<C extends JwtClaims = JwtClaims> {
  /** OAuth scopes, **all** required (from the token's `scope`). */
  scopes?: readonly string[];
  /** Groups, **any one** suffices (Cognito `cognito:groups`). Must not be empty. */
  groups?: readonly string[];
  /**
   * A predicate on the verified claims; only a returned `true` passes. It must depend on the
   * identity only (it is evaluated once per token, for every route of the table). A throw is an
   * internal error (fail closed).
   */
  claims?: (claims: C, verified: VerifiedToken<C>) => boolean;
}

/**
 * The request an `authorize` hook sees. Decisions are cached (by API Gateway and by this
 * package) and reused for every route of the stage, so decide on the identity; a decision that
 * read request data (`sourceIp`, `header(...)`, `route`, `event`, ...) is cached by this package
 * only when the hook declares those reads as `cacheInputs` (see {@link AuthorizeHook}), and is
 * right under API Gateway's cache only when they are identity sources of the authorizer (or its
 * TTL is 0). Answer `{ requestOnly: true, authorizerTtlSeconds: 0 }` for per-request decisions.
 */
export interface AuthorizerRequest extends RequestInputs {
  shape: EventShape;
  /** The API type the route templates are compiled for. */
  apiType: "rest" | "http" | "websocket";
  /** The API stage (from the ARN). */
  stage: string;
  /** What the `routes` table grants this identity (`"stage"` when there is no table). */
  allowedRoutes: readonly string[] | "stage";
}

/** An `authorize` hook: decides after the route rules; sync or async. A throw is an internal error. */
export type AuthorizeFunction<C extends JwtClaims = JwtClaims> = (
  verified: VerifiedToken<C>,
  request: AuthorizerRequest,
) => AuthorizeResult | Promise<AuthorizeResult>;

/**
 * An `authorize` hook with the request data its decisions depend on. The declared inputs join
 * the decision cache key, so a cached decision is reused only for requests whose inputs are
 * equal; a decision that read anything else (or `request.event`) is not cached. A plain function
 * is the same hook with nothing declared: its decisions are cached only when they read no
 * request data at all.
 *
 * @example
 * ```ts
 * declare const officeIps: Set<string>;
 * const authorize: AuthorizeHook = {
 *   cacheInputs: ["sourceIp"],
 *   decide: (verified, request) => ({ allow: officeIps.has(request.sourceIp ?? "") }),
 * };
 * ```
 */
export interface AuthorizeHook<C extends JwtClaims = JwtClaims> {
  decide: AuthorizeFunction<C>;
  /**
   * What `decide` reads of the request (validated at cold start). Also add each one to the
   * authorizer's identity sources, or set its TTL to 0: API Gateway caches on those only.
   */
  cacheInputs: readonly DecisionInput[];
}

/** What an `authorize` hook answers. */
export interface AuthorizeResult {
  /**
   * - `false`: nothing (the caller gets 403 on every route);
   * - `true`: what the `routes` table grants ({@link AuthorizerRequest.allowedRoutes});
   * - route templates: exactly these (the identity's **full** set: it is cached for every route);
   * - `"stage"`: every route of the stage;
   * - `{ requestOnly: true, authorizerTtlSeconds: 0 }`: only this request (API Gateway caching
   *   must be off; this package then does not remember the decision either).
   */
  allow: boolean | AllowedRoutes;
  /** Merged over the default context. */
  context?: Record<string, unknown>;
  /** Replaces the default principal id. */
  principalId?: string;
  /** The API key for usage plans (REST and WebSocket only). */
  usageIdentifierKey?: string;
}

/** The outcome a decision log reports. */
export type DecisionOutcome = "allow" | "deny" | "unauthorized" | "error";

/** One structured log line per invocation: reason codes only, never the token. */
export interface DecisionLog {
  /**
   * `allow`: the policy covers this request; `deny`: valid token, not this route (403);
   * `unauthorized`: missing or invalid token; `error`: internal failure (keys unavailable, a hook
   * threw, a response could not be built, an unknown event).
   */
  outcome: DecisionOutcome;
  /** Why, for every outcome but `allow`. */
  code?: AuthorizerErrorCode;
  eventShape: EventShape | "unknown";
  route: string | null;
  principalId?: string;
  /** Milliseconds spent in the handler. */
  durationMs: number;
  /** Whether the decision came from this package's decision cache (no signature check). */
  cached: boolean;
}

/** Stable codes of {@link AuthorizerWarning}. */
export type AuthorizerWarningCode =
  /**
   * At construction: IAM globbing cannot express the route table exactly. A Deny that keeps an
   * identity off one route also matches requests of another route that identity may call: those
   * requests get 403 (never the reverse). `detail` names the routes and a sample request.
   */
  | "inexact_route_table"
  /**
   * At construction: the largest policy the table can produce leaves less than 1 KB of API
   * Gateway's 8 KB for `principalId` and `context` on a long stage ARN (`aws-us-gov`,
   * `us-gov-west-1`, a 20-character stage), or has a Resource ARN near 512 characters there.
   */
  | "policy_near_size_limit"
  /**
   * At run time, once per template: the `authorize` hook allowed a template that is not in the
   * `routes` table. It is allowed as it is (its ARN pattern may cover deeper paths); table routes
   * it covers that the identity does not satisfy still get a Deny.
   */
  | "route_outside_table"
  /**
   * At construction: decisions depend on declared request inputs, which API Gateway's authorizer
   * cache does not see unless they are identity sources (or the API's TTL is 0).
   */
  | "cache_inputs_need_identity_sources"
  /**
   * At run time, the first time each: a decision read request data no `cacheInputs` declare, so
   * such decisions are not cached.
   */
  | "undeclared_cache_input"
  /**
   * At run time, once: the event's `methodArn` (`routeArn`) has placeholder account or API ids
   * (`random-account-id`, `random-api-id`), as serverless-offline sends. API Gateway never does.
   * The policy is built for the ARN as sent; with `methodArn: "strict"` the request is refused.
   */
  | "method_arn_placeholder_ids"
  /**
   * At run time, once: the event's ARN carries a route template (`/pets/{id}`) where API Gateway
   * writes the request path, as serverless-offline sends. Route rules read it as a path.
   */
  | "method_arn_route_template";

/** Something the handler cannot make exact or safe on its own, reported through `hooks.onWarning`. */
export interface AuthorizerWarning {
  code: AuthorizerWarningCode;
  /** One sentence, with what to do; never a token, a claim value or a request value. */
  message: string;
  /** Route-table warnings: the API type of the route table concerned. */
  apiType?: ApiType;
  /** The route template concerned, when there is one. */
  route?: string;
  /** For `inexact_route_table`: the route table's own analysis (routes, sample requests). */
  detail?: RouteTableWarning;
  /** Cache-input warnings: the inputs concerned, e.g. `["sourceIp", "header x-tenant"]`. */
  inputs?: readonly string[];
}

/** Observability hooks. A hook that throws is ignored. */
export interface AuthorizerHooks {
  onDecision?(log: DecisionLog): void;
  /**
   * Warnings about the route table and the decision cache's inputs: at construction (cold start,
   * synchronously, before the factory returns) and, for templates an `authorize` hook returns from
   * outside the table or request data read without a declaration, on first use.
   * @default one `console.warn` line per warning
   */
  onWarning?(warning: AuthorizerWarning): void;
}

/** The decision cache (per Lambda instance). */
export interface DecisionCacheOptions {
  /** Maximum remembered tokens. @default 1000 */
  maxEntries?: number;
  /**
   * Longest time a decision is remembered, in seconds; never beyond the token's `exp` or the
   * verifier's `cacheUntil` (key-set age, `iat + maxTokenAgeSeconds`). @default 300
   */
  ttlSeconds?: number;
}

/** Options of {@link createAuthorizer}. */
export interface AuthorizerOptions<C extends JwtClaims = JwtClaims> {
  /** Verifies the token: `jwtVerifier`, `cognitoVerifier` or `multiIssuerVerifier`. */
  verifier: TokenVerifier<C>;
  /**
   * Where the token is read. @default `authorizationToken` for REST TOKEN events and the
   * `Authorization` header otherwise, `Bearer ` required.
   */
  token?: TokenSource | readonly TokenSource[];
  /**
   * Every route that uses this authorizer (`"GET /pets/{id}"`, `"ANY /admin/{proxy+}"`,
   * `"$connect"`, `"$default"`, `"*"` for all) and what it requires. The table is compiled at
   * construction: the returned policy allows exactly the routes this identity satisfies, for
   * every request API Gateway routes to them, while API Gateway reuses it for the whole stage
   * (`ANY` expanded into verbs, explicit `Deny` statements for the routes it does not satisfy that
   * an allowed pattern covers). A table whose largest policy cannot fit API Gateway's 8 KB throws
   * a `TypeError`; where IAM globbing cannot be exact, `hooks.onWarning` says so. Without a
   * table, a valid token gets the whole stage.
   */
  routes?: Readonly<Record<string, RouteRequirement<C>>>;
  /**
   * Decides after the route rules; sync or async. A throw is an internal error. A function, or
   * `{ decide, cacheInputs }` to declare the request data its decisions depend on (see
   * {@link AuthorizeHook}).
   */
  authorize?: AuthorizeFunction<C> | AuthorizeHook<C>;
  /** The claim to use as `principalId`, or a function. @default "sub" */
  principalId?: string | ((verified: VerifiedToken<C>) => string);
  /**
   * The context passed to the backend, or `false` for none. @default `sub`, `scope`, `groups`
   * (comma-joined), `token_use`, `client_id`, whichever the token has, as strings.
   */
  context?: false | ((verified: VerifiedToken<C>) => Record<string, unknown>);
  /**
   * Object or array context values for REST, HTTP API 1.0 and WebSocket: refused (an internal
   * error) or stored as JSON text. @default "reject"
   */
  nestedContext?: "reject" | "json-string";
  /**
   * Missing or invalid token: throw `Error("Unauthorized")` (401) or answer a Deny of the whole
   * stage (403). @default "unauthorized"
   */
  onInvalidToken?: "unauthorized" | "deny";
  /**
   * Internal failure: throw `Error("Unauthorized")` (401) or answer a Deny of the whole stage
   * (403; API Gateway caches it for the TTL). Never an Allow. @default "unauthorized"
   */
  onInternalError?: "unauthorized" | "deny";
  /**
   * Event ARNs (`methodArn`, `routeArn`) unlike API Gateway's, as emulators send them:
   * placeholder account or API ids (`random-account-id`, `random-api-id`), a route template for
   * the path (`/pets/{id}`). `"emulators"` builds the policy for the ARN as sent (the token is
   * verified as always) and reports a `method_arn_*` warning once through `hooks.onWarning`;
   * `"strict"` refuses such events (`invalid_event`, 401) after the same warning. An ARN that is
   * not an execute-api ARN at all is refused either way. @default "emulators"
   */
  methodArn?: "emulators" | "strict";
  /** HTTP API payload 2.0 settings. */
  http?: {
    /**
     * Answer `{ isAuthorized }` for the current route (`enableSimpleResponses`), decided on the
     * event's exact `routeKey`. @default false
     */
    simpleResponses?: boolean;
    /**
     * How API Gateway caches this authorizer's simple responses, stated because the handler
     * cannot see it: `"per-route"` when `$context.routeKey` is one of the authorizer's identity
     * sources (the cache key then includes the route), `"off"` when its result TTL is 0. Required
     * with `simpleResponses` and a `routes` table or an `authorize` hook: a cached
     * `{ isAuthorized: true }` would otherwise open every route of the API to that identity.
     */
    authorizerCache?: "per-route" | "off";
  };
  /** The decision cache, or `false`. @default `{ maxEntries: 1000, ttlSeconds: 300 }` */
  cache?: DecisionCacheOptions | false;
  hooks?: AuthorizerHooks;
  /** The clock, epoch milliseconds (tests). @default Date.now */
  now?: () => number;
}

/** The response a handler returns: an IAM policy, or a simple response (HTTP API 2.0). */
export type AuthorizerResponse =
  | IamAuthorizerResponse<Record<string, unknown>>
  | SimpleAuthorizerResponse;

/** The members of a REQUEST event that are string maps. */
type EventMapKey =
  | "headers"
  | "multiValueHeaders"
  | "queryStringParameters"
  | "multiValueQueryStringParameters"
  | "pathParameters"
  | "stageVariables";

/** A map whose values may be `undefined` (`@types/aws-lambda` declares them so); `null` stays. */
type WithUndefinedValues<M> =
  M extends Readonly<Record<string, infer V>> ? Readonly<Record<string, V | undefined>> : M;

/** `E` with maps that may hold `undefined` values and `version` typed as `V`. */
type LooseEvent<E, V = E[keyof E & "version"]> = {
  [K in keyof E]: K extends "version"
    ? V
    : K extends EventMapKey
      ? WithUndefinedValues<E[K]>
      : E[K];
};

/**
 * What a handler for the events `E` accepts: `E` itself, and the same event as
 * `@types/aws-lambda` types it. That package types HTTP API 2.0 `version` as `string`, gives its
 * maps `undefined` values, and has no type for HTTP API 1.0 and WebSocket `$connect` events
 * (users type them as `APIGatewayRequestAuthorizerEvent`, a REST REQUEST event). The wider input
 * is safe: a handler recognises the event at run time by `type`, `version`,
 * `requestContext.eventType` and the ARN, and refuses (fails closed) any event it does not handle.
 *
 * @example
 * ```ts
 * import type { HttpApiV2AuthorizerEvent } from "@gatehouse/policy";
 * import type { APIGatewayRequestAuthorizerEventV2 } from "aws-lambda";
 *
 * declare const event: APIGatewayRequestAuthorizerEventV2;
 * const input: AuthorizerHandlerEvent<HttpApiV2AuthorizerEvent> = event;
 * ```
 */
export type AuthorizerHandlerEvent<E extends AuthorizerEvent = AuthorizerEvent> =
  E extends RestTokenAuthorizerEvent
    ? E
    : E extends HttpApiV2AuthorizerEvent
      ? LooseEvent<E, string>
      : E extends HttpApiV1AuthorizerEvent
        ? LooseEvent<E> | LooseEvent<RestRequestAuthorizerEvent>
        : E extends RestRequestAuthorizerEvent
          ? LooseEvent<E>
          : LooseEvent<E> | LooseEvent<RestRequestAuthorizerEvent>;

/**
 * A Lambda authorizer handler for the events `E` (see `AuthorizerHandlerEvent`). Throws only
 * `Error("Unauthorized")`. The REST, WebSocket and HTTP API simple-response handlers are
 * assignable to the matching `@types/aws-lambda` handler types
 * (`APIGatewayRequestAuthorizerHandler`, ...).
 */
export type AuthorizerHandler<
  E extends AuthorizerEvent = AuthorizerEvent,
  R extends AuthorizerResponse = AuthorizerResponse,
> = (event: AuthorizerHandlerEvent<E>, context?: unknown) => Promise<R>;
