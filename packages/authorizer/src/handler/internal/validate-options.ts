import type { ApiType } from "@gatehouse/policy";
import {
  type CompiledInputs,
  compileDecisionInputs,
  mergeInputs,
  NO_INPUTS,
  REQUEST_ONLY_FLAGS,
} from "../../request/internal/decision-inputs.js";
import type { JwtClaims } from "../../verifier/token-verifier.js";
import type {
  AuthorizeFunction,
  AuthorizerOptions,
  EventShape,
  TokenSource,
} from "../authorizer-options.js";
import { type CompiledRoute, compileRoutes } from "./route-rules.js";
import { prepareRouteTables, type RouteTables } from "./route-tables.js";

/**
 * The options of a handler factory, validated and with their defaults.
 * @internal
 */
export interface ResolvedOptions<C extends JwtClaims = JwtClaims> {
  options: AuthorizerOptions<C>;
  sources: readonly TokenSource[];
  routes: CompiledRoute<C>[] | undefined;
  /** The route table of each API type, compiled and checked (empty tables without `routes`). */
  tables: RouteTables;
  simpleResponses: boolean;
  nestedContext: "reject" | "json-string";
  onInvalidToken: "unauthorized" | "deny";
  onInternalError: "unauthorized" | "deny";
  methodArn: "emulators" | "strict";
  cache: { maxEntries: number; ttlSeconds: number } | false;
  now: () => number;
  /** The `authorize` hook's function, from either form. */
  authorize: AuthorizeFunction<C> | undefined;
  /** The request inputs decisions may depend on: the hook's and the verifier's, merged. */
  cacheInputs: CompiledInputs;
}

const KNOWN = [
  "verifier",
  "token",
  "routes",
  "authorize",
  "principalId",
  "context",
  "nestedContext",
  "onInvalidToken",
  "onInternalError",
  "methodArn",
  "http",
  "cache",
  "hooks",
  "now",
];

const API_TYPES: Record<EventShape, ApiType> = {
  "rest-token": "rest",
  "rest-request": "rest",
  "http-v1": "http",
  "http-v2": "http",
  "websocket-connect": "websocket",
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  name: string,
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) {
    throw new TypeError(`${name} must be ${allowed.map((entry) => `"${entry}"`).join(" or ")}`);
  }
  return value as T;
}

function checkName(value: unknown, where: string): void {
  if (typeof value !== "string" || value === "" || /[\s;,=]/.test(value)) {
    throw new TypeError(`${where}.name must be a non-empty name without spaces, ";", "," or "="`);
  }
}

function validateSource(source: unknown, where: string): TokenSource {
  if (!isObject(source))
    throw new TypeError(
      `${where} must be an object like { from: "header", name: "authorization" }`,
    );
  const allowedKeys: Record<string, readonly string[]> = {
    authorizationToken: ["from", "bearer"],
    header: ["from", "name", "bearer"],
    query: ["from", "name"],
    cookie: ["from", "name"],
    webSocketProtocol: ["from", "prefix"],
  };
  const { from, name, bearer, prefix } = source;
  const keys = typeof from === "string" ? allowedKeys[from] : undefined;
  if (keys === undefined) {
    throw new TypeError(
      `${where}.from must be "authorizationToken", "header", "query", "cookie" or "webSocketProtocol"`,
    );
  }
  for (const key of Object.keys(source)) {
    if (!keys.includes(key))
      throw new TypeError(`${where}: unknown property "${key}" for from "${from}"`);
  }
  if (keys.includes("name")) checkName(name, where);
  if (keys.includes("bearer"))
    oneOf(bearer, ["required", "optional"], `${where}.bearer`, "required");
  if (from === "webSocketProtocol" && prefix !== undefined) {
    if (typeof prefix !== "string" || prefix === "" || /[\s,]/.test(prefix)) {
      throw new TypeError(`${where}.prefix must be a non-empty string without spaces or commas`);
    }
  }
  return source as TokenSource;
}

/** REST TOKEN events always read `authorizationToken` (Bearer required by this header source). */
function defaultSources(): TokenSource[] {
  return [{ from: "header", name: "authorization", bearer: "required" }];
}

function positiveInteger(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    throw new TypeError(`${name} must be a positive integer`);
  }
  return value;
}

/**
 * Validates a handler factory's options at construction (cold start).
 * @throws TypeError for misuse.
 * @internal
 */
export function validateOptions<C extends JwtClaims>(
  options: AuthorizerOptions<C>,
  shapes: readonly EventShape[],
  factory: string,
): ResolvedOptions<C> {
  if (!isObject(options)) throw new TypeError(`${factory}: options must be an object`);
  for (const key of Object.keys(options)) {
    if (!KNOWN.includes(key)) throw new TypeError(`${factory}: unknown option "${key}"`);
  }
  const record = options as unknown as Record<string, unknown>;
  const {
    verifier,
    token,
    routes: routesOption,
    principalId,
    context,
    http,
    cache: cacheOption,
    hooks,
    nestedContext,
    onInvalidToken,
    onInternalError,
    methodArn,
    now,
  } = record;
  if (!isObject(verifier) || typeof (verifier as { verify?: unknown }).verify !== "function") {
    throw new TypeError(
      `${factory}: verifier is required (jwtVerifier, cognitoVerifier or multiIssuerVerifier)`,
    );
  }

  let sources: TokenSource[];
  if (token === undefined) sources = defaultSources();
  else if (Array.isArray(token)) {
    if (token.length === 0) throw new TypeError(`${factory}: token must list at least one source`);
    sources = token.map((source, index) => validateSource(source, `token[${index}]`));
  } else sources = [validateSource(token, "token")];

  const apiTypes = [...new Set(shapes.map((shape) => API_TYPES[shape]))];
  const routes = routesOption === undefined ? undefined : compileRoutes<C>(routesOption, apiTypes);

  if (record["now"] !== undefined && typeof record["now"] !== "function") {
    throw new TypeError(`${factory}: now must be a function`);
  }
  const { authorize, hookInputs } = validateAuthorize<C>(record["authorize"], factory);
  const verifierInputs =
    (verifier as { cacheInputs?: unknown }).cacheInputs === undefined
      ? NO_INPUTS
      : compileDecisionInputs(
          (verifier as { cacheInputs?: unknown }).cacheInputs,
          `${factory}: verifier.cacheInputs`,
        );
  const cacheInputs = mergeInputs(hookInputs, verifierInputs);
  if (
    shapes.every((shape) => shape === "rest-token") &&
    ((cacheInputs.flags & REQUEST_ONLY_FLAGS) !== 0 ||
      cacheInputs.headers.length > 0 ||
      cacheInputs.queries.length > 0)
  ) {
    throw new TypeError(
      `${factory}: a TOKEN event carries no source IP, headers, query or stage variables: cacheInputs may only name "route" or "arn" (use createRestRequestAuthorizer for the others)`,
    );
  }
  if (
    principalId !== undefined &&
    typeof principalId !== "function" &&
    (typeof principalId !== "string" || principalId === "")
  ) {
    throw new TypeError(`${factory}: principalId must be a claim name or a function`);
  }
  if (context !== undefined && context !== false && typeof context !== "function") {
    throw new TypeError(`${factory}: context must be false or a function`);
  }

  let simpleResponses = false;
  if (http !== undefined) {
    if (!isObject(http)) throw new TypeError(`${factory}: http must be an object`);
    for (const key of Object.keys(http)) {
      if (key !== "simpleResponses" && key !== "authorizerCache")
        throw new TypeError(`${factory}: unknown option "http.${key}"`);
    }
    const { simpleResponses: simple, authorizerCache } = http;
    if (simple !== undefined && typeof simple !== "boolean") {
      throw new TypeError(`${factory}: http.simpleResponses must be a boolean`);
    }
    simpleResponses = simple === true;
    if (simpleResponses && !shapes.includes("http-v2")) {
      throw new TypeError(`${factory}: http.simpleResponses applies to HTTP API payload 2.0 only`);
    }
    oneOf(authorizerCache, ["per-route", "off"], `${factory}: http.authorizerCache`, "off");
    if (authorizerCache !== undefined && !simpleResponses) {
      throw new TypeError(
        `${factory}: http.authorizerCache describes simple responses; set http.simpleResponses: true or leave it out (IAM policies are right for every route)`,
      );
    }
    if (
      simpleResponses &&
      authorizerCache === undefined &&
      (routesOption !== undefined || record["authorize"] !== undefined)
    ) {
      throw new TypeError(
        `${factory}: with http.simpleResponses, a routes table or an authorize hook answers for the current route only, and API Gateway reuses a cached { isAuthorized } for every route of the identity unless $context.routeKey is one of the authorizer's identity sources. State how the authorizer caches: http.authorizerCache: "per-route" ($context.routeKey among the identity sources) or "off" (result TTL 0).`,
      );
    }
  }

  let cache: ResolvedOptions["cache"];
  if (cacheOption === false) cache = false;
  else if (cacheOption === undefined) cache = { maxEntries: 1000, ttlSeconds: 300 };
  else {
    if (!isObject(cacheOption)) throw new TypeError(`${factory}: cache must be false or an object`);
    for (const key of Object.keys(cacheOption)) {
      if (key !== "maxEntries" && key !== "ttlSeconds") {
        throw new TypeError(`${factory}: unknown option "cache.${key}"`);
      }
    }
    const { ttlSeconds: ttl, maxEntries } = cacheOption;
    if (ttl !== undefined && (typeof ttl !== "number" || !Number.isFinite(ttl) || ttl < 0)) {
      throw new TypeError(`${factory}: cache.ttlSeconds must be a number of seconds >= 0`);
    }
    cache = {
      maxEntries: positiveInteger(maxEntries, `${factory}: cache.maxEntries`, 1000),
      ttlSeconds: typeof ttl === "number" ? ttl : 300,
    };
  }

  if (hooks !== undefined) {
    if (!isObject(hooks)) throw new TypeError(`${factory}: hooks must be an object`);
    for (const key of Object.keys(hooks)) {
      if (key !== "onDecision" && key !== "onWarning") {
        throw new TypeError(`${factory}: unknown hook "${key}"`);
      }
      if (hooks[key] !== undefined && typeof hooks[key] !== "function") {
        throw new TypeError(`${factory}: hooks.${key} must be a function`);
      }
    }
  }
  const tables = prepareRouteTables(
    routes,
    apiTypes,
    factory,
    (hooks as AuthorizerOptions["hooks"])?.onWarning,
    hooks as object | undefined,
  );

  return {
    options,
    sources,
    routes,
    tables,
    simpleResponses,
    nestedContext: oneOf(
      nestedContext,
      ["reject", "json-string"],
      `${factory}: nestedContext`,
      "reject",
    ),
    onInvalidToken: oneOf(
      onInvalidToken,
      ["unauthorized", "deny"],
      `${factory}: onInvalidToken`,
      "unauthorized",
    ),
    onInternalError: oneOf(
      onInternalError,
      ["unauthorized", "deny"],
      `${factory}: onInternalError`,
      "unauthorized",
    ),
    methodArn: oneOf(methodArn, ["emulators", "strict"], `${factory}: methodArn`, "emulators"),
    cache,
    now: (now as (() => number) | undefined) ?? Date.now,
    authorize,
    cacheInputs,
  };
}

/** The `authorize` option: a function, or `{ decide, cacheInputs }`. */
function validateAuthorize<C extends JwtClaims>(
  value: unknown,
  factory: string,
): { authorize: AuthorizeFunction<C> | undefined; hookInputs: CompiledInputs } {
  if (value === undefined) return { authorize: undefined, hookInputs: NO_INPUTS };
  if (typeof value === "function") {
    return { authorize: value as AuthorizeFunction<C>, hookInputs: NO_INPUTS };
  }
  if (!isObject(value)) {
    throw new TypeError(`${factory}: authorize must be a function or { decide, cacheInputs }`);
  }
  for (const key of Object.keys(value)) {
    if (key !== "decide" && key !== "cacheInputs") {
      throw new TypeError(`${factory}: unknown option "authorize.${key}"`);
    }
  }
  if (typeof value["decide"] !== "function") {
    throw new TypeError(`${factory}: authorize.decide must be a function`);
  }
  if (value["cacheInputs"] === undefined) {
    throw new TypeError(
      `${factory}: authorize.cacheInputs is required with decide (the request data decide reads; [] for none)`,
    );
  }
  return {
    authorize: value["decide"] as AuthorizeFunction<C>,
    hookInputs: compileDecisionInputs(value["cacheInputs"], `${factory}: authorize.cacheInputs`),
  };
}
