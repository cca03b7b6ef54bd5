/**
 * Test helpers for the handler tests: a counting fake verifier. Events come from
 * `@gatehouse/testing`; real tokens from its test issuer.
 * @internal
 */
import { authorizerError } from "../errors.js";
import type { JwtClaims, TokenVerifier, VerifiedToken } from "../verifier/token-verifier.js";

/** A {@link TokenVerifier} that accepts the tokens it was given, and counts calls. */
export interface FakeVerifier extends TokenVerifier {
  calls: number;
}

/** Epoch seconds of the fake clock used with {@link fakeVerifier}. */
export const FAKE_NOW_SECONDS = 1_750_000_000;

/**
 * A verifier accepting exactly the tokens in `tokens` (token -> claims); anything else throws
 * `invalid_signature`. `"jwks-down"` throws `jwks_unavailable`.
 */
export function fakeVerifier(
  tokens: Record<string, Partial<JwtClaims>>,
  options: { cacheUntil?: number } = {},
): FakeVerifier {
  const verifier: FakeVerifier = {
    calls: 0,
    issuers: ["https://issuer.example"],
    async hydrate() {},
    async verify(token: string): Promise<VerifiedToken> {
      verifier.calls += 1;
      if (token === "jwks-down") throw authorizerError("jwks_unavailable", "keys unavailable");
      const claims = Object.hasOwn(tokens, token) ? tokens[token] : undefined;
      if (claims === undefined) throw authorizerError("invalid_signature", "bad signature");
      const full: JwtClaims = {
        iss: "https://issuer.example",
        exp: FAKE_NOW_SECONDS + 3600,
        ...claims,
      } as JwtClaims;
      return {
        header: { alg: "RS256" },
        claims: full,
        issuer: full.iss,
        cacheUntil: options.cacheUntil ?? full.exp,
        scopes: typeof full.scope === "string" ? full.scope.split(" ").filter(Boolean) : [],
        groups: full["cognito:groups"] ?? [],
      };
    },
  };
  return verifier;
}

// Temporary stand-ins for @gatehouse/testing's event factories (same names and options).
import type {
  HttpApiV1AuthorizerEvent,
  HttpApiV2AuthorizerEvent,
  RestRequestAuthorizerEvent,
  RestTokenAuthorizerEvent,
  WebSocketConnectAuthorizerEvent,
} from "@gatehouse/policy";

const ARN_PREFIX = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod";

type Query = Record<string, string | string[]>;

function single(query: Query | undefined): Record<string, string> | null {
  if (query === undefined) return null;
  return Object.fromEntries(
    Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? (v.at(-1) ?? "") : v]),
  );
}
function multi(query: Query | undefined): Record<string, string[]> | null {
  if (query === undefined) return null;
  return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
}

export function restTokenEvent(o: { token: string; methodArn?: string }): RestTokenAuthorizerEvent {
  return { type: "TOKEN", authorizationToken: o.token, methodArn: o.methodArn ?? `${ARN_PREFIX}/GET/pets` };
}

interface RequestOptions {
  method?: string;
  path?: string;
  resource?: string;
  headers?: Record<string, string>;
  query?: Query;
  methodArn?: string;
}

export function restRequestEvent(o: RequestOptions = {}): RestRequestAuthorizerEvent {
  const method = o.method ?? "GET";
  const path = o.path ?? "/pets";
  const headers = o.headers ?? {};
  return {
    type: "REQUEST",
    methodArn: o.methodArn ?? `${ARN_PREFIX}/${method}${path}`,
    resource: o.resource ?? path,
    path,
    httpMethod: method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: single(o.query),
    multiValueQueryStringParameters: multi(o.query),
    pathParameters: null,
    stageVariables: null,
    requestContext: {
      accountId: "123456789012",
      apiId: "a1b2c3d4e5",
      stage: "prod",
      requestId: "r-1",
      resourceId: "x1",
      resourcePath: o.resource ?? path,
      httpMethod: method,
      path: `/prod${path}`,
      identity: { sourceIp: "198.51.100.7" },
    },
  };
}

export function httpApiV1Event(o: RequestOptions & { identitySource?: string } = {}): HttpApiV1AuthorizerEvent {
  const { version: _v, ...rest } = restRequestEvent(o);
  const identity = o.identitySource ?? Object.values(o.headers ?? {})[0] ?? "";
  return { ...rest, version: "1.0", identitySource: identity, authorizationToken: identity };
}

export function httpApiV2Event(
  o: {
    routeKey?: string;
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    query?: Query;
    cookies?: string[];
    identitySource?: string[] | null;
    routeArn?: string;
  } = {},
): HttpApiV2AuthorizerEvent {
  const method = o.method ?? "GET";
  const path = o.path ?? "/pets";
  const headers = Object.fromEntries(Object.entries(o.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const event: HttpApiV2AuthorizerEvent = {
    version: "2.0",
    type: "REQUEST",
    routeArn: o.routeArn ?? `${ARN_PREFIX}/${method}${path}`,
    routeKey: o.routeKey ?? `${method} ${path}`,
    rawPath: path,
    rawQueryString: "",
    headers,
    requestContext: {
      accountId: "123456789012",
      apiId: "a1b2c3d4e5",
      domainName: "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com",
      domainPrefix: "a1b2c3d4e5",
      http: { method, path, protocol: "HTTP/1.1", sourceIp: "198.51.100.7", userAgent: "test" },
      requestId: "r-1",
      routeKey: o.routeKey ?? `${method} ${path}`,
      stage: "prod",
      time: "17/Jun/2024:15:52:39 +0000",
      timeEpoch: 1718639559080,
    },
  };
  if (o.query !== undefined) {
    event.queryStringParameters = Object.fromEntries(
      Object.entries(o.query).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]),
    );
  }
  if (o.cookies !== undefined) event.cookies = o.cookies;
  if (o.identitySource !== undefined) event.identitySource = o.identitySource;
  return event;
}

export function webSocketConnectEvent(
  o: { headers?: Record<string, string>; query?: Query; methodArn?: string } = {},
): WebSocketConnectAuthorizerEvent {
  const headers = o.headers ?? {};
  return {
    type: "REQUEST",
    methodArn: o.methodArn ?? `${ARN_PREFIX}/$connect`,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: single(o.query),
    multiValueQueryStringParameters: multi(o.query),
    stageVariables: {},
    requestContext: {
      routeKey: "$connect",
      eventType: "CONNECT",
      messageDirection: "IN",
      connectionId: "c-1",
      connectedAt: 1674162806344,
      apiId: "a1b2c3d4e5",
      stage: "prod",
      requestId: "r-1",
      domainName: "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com",
      identity: { sourceIp: "198.51.100.7" },
    },
  };
}
