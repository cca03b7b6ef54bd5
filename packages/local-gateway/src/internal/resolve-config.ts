/**
 * Validates a {@link LocalGatewayConfig} once, at start, and resolves its defaults. Every field is
 * checked here, with a `LocalGatewayError` `invalid_config` whose `path` names it
 * (`apis[0].routes[2].resource`) and whose message starts with that path; identifiers (region,
 * account, API id, stage, methods, principal ARNs) are checked by the same `@gatehouse/policy`
 * functions the request path uses, so a config that starts never fails a request on them.
 * @internal
 * @packageDocumentation
 */
import {
  type CognitoResourcePolicyMode,
  type CompiledPolicy,
  compilePolicy,
  type EndpointType,
  isPolicyError,
  type Partition,
  type PolicyDocument,
  parseAccountId,
  parseApiId,
  parseCallerPrincipalArn,
  parsePolicyDocument,
  parseRegion,
  parseRouteMethod,
  parseStageName,
  partitionDnsSuffix,
  partitionOfRegion,
} from "@gatehouse/policy";
import type { SigV4VerifierOptions } from "@gatehouse/testing";
import type {
  ApiConfig,
  AuthorizerConfig,
  GatewayDecisionRecord,
  IamCredentialResolver,
  IntegrationHandler,
  JwtVerifierLike,
  LocalGatewayConfig,
} from "../config/gateway-config.js";
import type { WebSocketConnectProxyEvent } from "../config/proxy-event.js";
import { LocalGatewayError } from "../errors.js";
import { type CredentialSource, type KnownCredential, verifierKeys } from "./iam-credentials.js";
import { compilePattern, type RoutePattern } from "./route-pattern.js";

/** @internal */
export type ApiType = ApiConfig["type"];

/** @internal Where an identity-source value comes from. */
export type IdentitySource =
  | { kind: "header"; name: string; text: string }
  | { kind: "query"; name: string; text: string }
  | { kind: "stageVariable"; name: string; text: string }
  | { kind: "context"; name: string; text: string };

/** @internal */
export type ResolvedAuthorizer =
  | {
      kind: "lambda";
      name: string;
      type: "TOKEN" | "REQUEST";
      handler: (event: never) => unknown;
      ttlSeconds: number;
      identitySources: readonly IdentitySource[];
      validation: RegExp | undefined;
      payloadFormatVersion: "1.0" | "2.0";
      simpleResponses: boolean;
    }
  | {
      kind: "jwt";
      name: string;
      type: "JWT" | "COGNITO_USER_POOLS";
      verifier: JwtVerifierLike;
      identitySource: IdentitySource;
    };

/** @internal */
export type ResolvedAuth =
  | { kind: "NONE" }
  | { kind: "AWS_IAM" }
  | { kind: "authorizer"; authorizer: ResolvedAuthorizer; scopes: readonly string[] };

/** @internal */
export interface ResolvedRoute {
  /** `GET /pets/{id}`, `$default`, `$connect`. */
  routeKey: string;
  /** Upper-case verb or `ANY`. */
  method: string;
  /** `null` for `$default` and `$connect`. */
  pattern: RoutePattern | null;
  auth: ResolvedAuth;
  handler: IntegrationHandler<never> | undefined;
  payloadFormatVersion: "1.0" | "2.0";
}

/** @internal */
export interface ResolvedApi {
  name: string;
  type: ApiType;
  apiId: string;
  stage: string;
  /** `{apiId}.execute-api.{region}.amazonaws.com`: `requestContext.domainName` of its events. */
  domainName: string;
  /** Local mount point: basePath plus `/{stage}` (unless HTTP `$default`). */
  prefix: string;
  endpointType: EndpointType;
  /** Compiled once at start (a change to the config object afterwards is not seen). */
  resourcePolicy: CompiledPolicy | null;
  cognitoResourcePolicy: CognitoResourcePolicyMode;
  sourceVpc: string | undefined;
  sourceVpce: string | undefined;
  stageVariables: Readonly<Record<string, string>>;
  routes: readonly ResolvedRoute[];
  connectHandler: IntegrationHandler<WebSocketConnectProxyEvent> | undefined;
}

/** @internal */
export interface ResolvedGateway {
  port: number;
  region: string;
  accountId: string;
  partition: Partition;
  apis: readonly ResolvedApi[];
  authorizerNames: readonly string[];
  credentials: CredentialSource;
  /** The verifier's settings; its keys come from `credentials`, per request. */
  verifierOptions: Omit<SigV4VerifierOptions, "credentials">;
  trustForwardedFor: boolean;
  now: () => Date;
  maxBodyBytes: number;
  onDecision: ((record: GatewayDecisionRecord) => void) | undefined;
}

const DEFAULT_TTL = 300;
const MAX_TTL = 3600;
const ENDPOINT_TYPES: readonly string[] = ["REGIONAL", "EDGE", "PRIVATE"];
const COGNITO_MODES: readonly string[] = ["must-allow", "silent-allows"];
const PAYLOAD_VERSIONS: readonly string[] = ["1.0", "2.0"];

/** What a value is, for messages: never the value itself (it may be a secret). */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** A config error whose message starts with the field's path. */
function invalid(path: string, message: string, expected?: string): LocalGatewayError {
  return new LocalGatewayError("invalid_config", `${path} ${message}`, {
    path,
    ...(expected !== undefined ? { expected } : {}),
  });
}

/** A `PolicyError` from an identifier or policy check, as a config error at `path`. */
function fromPolicyError(cause: unknown, path: string): unknown {
  if (!isPolicyError(cause)) return cause;
  const where = cause.path?.startsWith(path) === true ? cause.path : path;
  return new LocalGatewayError("invalid_config", `${where}: ${cause.message}`, {
    path: where,
    ...(cause.expected !== undefined ? { expected: cause.expected } : {}),
    cause,
  });
}

/** Runs a `@gatehouse/policy` check, turning its `PolicyError` into `invalid_config` at `path`. */
function checked<T>(path: string, check: (path: string) => T): T {
  try {
    return check(path);
  } catch (cause) {
    throw fromPolicyError(cause, path);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function requireObject(value: unknown, path: string, what: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw invalid(path, `must be ${what}, got ${kindOf(value)}`, what);
  return value;
}

function requireFunction(value: unknown, path: string, what: string): void {
  if (typeof value !== "function") {
    throw invalid(path, `must be a function (${what}), got ${kindOf(value)}`, "a function");
  }
}

function optionalString(value: unknown, path: string): string | undefined {
  if (value !== undefined && typeof value !== "string") {
    throw invalid(path, `must be a string, got ${kindOf(value)}`, "a string");
  }
  return value;
}

function oneOf<T extends string>(
  value: unknown,
  allowed: readonly string[],
  fallback: T,
  path: string,
): T {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !allowed.includes(value)) {
    throw invalid(
      path,
      `must be ${allowed.map((item) => JSON.stringify(item)).join(", ")}, got ${typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : kindOf(value)}`,
      allowed.join(", "),
    );
  }
  return value as T;
}

function optionalBoolean(value: unknown, path: string): boolean {
  if (value !== undefined && typeof value !== "boolean") {
    throw invalid(path, `must be true or false, got ${kindOf(value)}`, "a boolean");
  }
  return value === true;
}

function stringList(value: unknown, path: string): string[] {
  if (!Array.isArray(value))
    throw invalid(path, `must be an array of strings, got ${kindOf(value)}`);
  return value.map((item, index) => {
    if (typeof item !== "string") {
      throw invalid(`${path}[${index}]`, `must be a string, got ${kindOf(item)}`, "a string");
    }
    return item;
  });
}

const REST_SOURCE =
  /^(?:method|route)\.request\.(header|querystring)\.([^.\s][^\s]*)$|^(stageVariables|context)\.([^\s]+)$/;
const HTTP_SOURCE =
  /^\$request\.(header|querystring)\.([^\s]+)$|^\$(stageVariables|context)\.([^\s]+)$/;

/** @internal Parses `method.request.header.Authorization`, `$request.querystring.token`, `$context.routeKey`... */
export function parseIdentitySource(text: unknown, apiType: ApiType, path: string): IdentitySource {
  const expected =
    apiType === "HTTP"
      ? "$request.header.X, $request.querystring.X, $context.X or $stageVariables.X"
      : "method.request.header.X, method.request.querystring.X, stageVariables.X or context.X";
  const match =
    typeof text === "string" ? (apiType === "HTTP" ? HTTP_SOURCE : REST_SOURCE).exec(text) : null;
  if (typeof text !== "string" || match === null) {
    throw invalid(
      path,
      typeof text === "string"
        ? `${JSON.stringify(text.slice(0, 80))} is not an identity source of a ${apiType} API (${expected})`
        : `must be a string, got ${kindOf(text)}`,
      expected,
    );
  }
  const [, where, name, other, otherName] = match;
  if (where !== undefined && name !== undefined) {
    return { kind: where === "header" ? "header" : "query", name, text };
  }
  return {
    kind: other === "stageVariables" ? "stageVariable" : "context",
    name: otherName as string,
    text,
  };
}

function resolveTtl(value: unknown, path: string): number {
  if (value === undefined) return DEFAULT_TTL;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_TTL) {
    throw invalid(
      path,
      `must be an integer from 0 to ${MAX_TTL} (seconds; 0 turns caching off)`,
      "0..3600",
    );
  }
  return value;
}

function resolveAuthorizer(
  name: string,
  value: unknown,
  apiType: ApiType,
  path: string,
): ResolvedAuthorizer {
  const config = requireObject(value, path, "an authorizer object") as unknown as AuthorizerConfig &
    Record<string, unknown>;
  const defaultSource =
    apiType === "HTTP" ? "$request.header.Authorization" : "method.request.header.Authorization";
  switch (config.type) {
    case "TOKEN": {
      if (apiType !== "REST") {
        throw invalid(`${path}.type`, "TOKEN authorizers exist only on REST APIs (use REQUEST)");
      }
      requireFunction(config.handler, `${path}.handler`, "the authorizer's Lambda handler");
      const source = parseIdentitySource(
        config.identitySource ?? defaultSource,
        apiType,
        `${path}.identitySource`,
      );
      if (source.kind !== "header") {
        throw invalid(
          `${path}.identitySource`,
          "must be a header: a TOKEN authorizer reads one header",
        );
      }
      const expression = optionalString(
        config.identityValidationExpression,
        `${path}.identityValidationExpression`,
      );
      let validation: RegExp | undefined;
      if (expression !== undefined) {
        try {
          validation = new RegExp(`^(?:${expression})$`);
        } catch (cause) {
          throw new LocalGatewayError(
            "invalid_config",
            `${path}.identityValidationExpression does not compile as a regular expression: ${(cause as Error).message}`,
            { path: `${path}.identityValidationExpression`, cause },
          );
        }
      }
      return {
        kind: "lambda",
        name,
        type: "TOKEN",
        handler: config.handler as (event: never) => unknown,
        ttlSeconds: resolveTtl(config.resultTtlInSeconds, `${path}.resultTtlInSeconds`),
        identitySources: [source],
        validation,
        payloadFormatVersion: "1.0",
        simpleResponses: false,
      };
    }
    case "REQUEST": {
      requireFunction(config.handler, `${path}.handler`, "the authorizer's Lambda handler");
      const ttlSeconds = resolveTtl(config.resultTtlInSeconds, `${path}.resultTtlInSeconds`);
      const texts =
        config.identitySources === undefined
          ? [defaultSource]
          : stringList(config.identitySources, `${path}.identitySources`);
      const identitySources = texts.map((text, index) =>
        parseIdentitySource(text, apiType, `${path}.identitySources[${index}]`),
      );
      if (ttlSeconds > 0 && identitySources.length === 0) {
        throw invalid(
          `${path}.identitySources`,
          "is empty, but caching needs at least one identity source (or set resultTtlInSeconds: 0)",
        );
      }
      if (apiType !== "HTTP" && config.payloadFormatVersion !== undefined) {
        throw invalid(`${path}.payloadFormatVersion`, "applies to HTTP APIs only");
      }
      const payloadFormatVersion = oneOf<"1.0" | "2.0">(
        config.payloadFormatVersion,
        PAYLOAD_VERSIONS,
        "2.0",
        `${path}.payloadFormatVersion`,
      );
      const simpleResponses = optionalBoolean(
        config.enableSimpleResponses,
        `${path}.enableSimpleResponses`,
      );
      if (simpleResponses && (apiType !== "HTTP" || payloadFormatVersion !== "2.0")) {
        throw invalid(`${path}.enableSimpleResponses`, "needs an HTTP API and payload format 2.0");
      }
      return {
        kind: "lambda",
        name,
        type: "REQUEST",
        handler: config.handler as (event: never) => unknown,
        ttlSeconds,
        identitySources,
        validation: undefined,
        payloadFormatVersion: apiType === "HTTP" ? payloadFormatVersion : "1.0",
        simpleResponses,
      };
    }
    case "JWT":
    case "COGNITO_USER_POOLS": {
      if (config.type === "JWT" && apiType !== "HTTP") {
        throw invalid(
          `${path}.type`,
          "JWT authorizers exist only on HTTP APIs (REST: COGNITO_USER_POOLS)",
        );
      }
      if (config.type === "COGNITO_USER_POOLS" && apiType !== "REST") {
        throw invalid(
          `${path}.type`,
          "COGNITO_USER_POOLS authorizers exist only on REST APIs (HTTP: JWT)",
        );
      }
      // A class instance is fine (jwtVerifier returns one): only the method matters.
      const verifier = config.verifier as unknown;
      if (
        typeof verifier !== "object" ||
        verifier === null ||
        typeof (verifier as { verify?: unknown }).verify !== "function"
      ) {
        throw invalid(
          `${path}.verifier`,
          `must be an object with a verify(token) method (jwtVerifier(...) or cognitoVerifier(...) of @gatehouse/authorizer), got ${kindOf(verifier)}`,
        );
      }
      const source = parseIdentitySource(
        config.identitySource ?? defaultSource,
        apiType,
        `${path}.identitySource`,
      );
      if (source.kind !== "header") {
        throw invalid(
          `${path}.identitySource`,
          "must be a header: a JWT authorizer reads its token from one",
        );
      }
      return {
        kind: "jwt",
        name,
        type: config.type,
        verifier: config.verifier,
        identitySource: source,
      };
    }
    default: {
      const type: unknown = (config as { type?: unknown }).type;
      throw invalid(
        `${path}.type`,
        `must be "TOKEN", "REQUEST", "JWT" or "COGNITO_USER_POOLS", got ${typeof type === "string" ? JSON.stringify(type.slice(0, 40)) : kindOf(type)}`,
        "TOKEN, REQUEST, JWT or COGNITO_USER_POOLS",
      );
    }
  }
}

function resolveAuth(
  auth: unknown,
  authorizers: ReadonlyMap<string, ResolvedAuthorizer>,
  apiType: ApiType,
  path: string,
): ResolvedAuth {
  if (auth === "NONE" || auth === "AWS_IAM") return { kind: auth };
  if (!isPlainObject(auth) || typeof auth["authorizer"] !== "string") {
    throw invalid(
      path,
      `must be "NONE", "AWS_IAM" or { authorizer: "<name>" }, got ${typeof auth === "string" ? JSON.stringify(auth.slice(0, 40)) : kindOf(auth)}`,
      '"NONE", "AWS_IAM" or { authorizer: name, scopes?: string[] }',
    );
  }
  const name = auth["authorizer"];
  const authorizer = authorizers.get(name);
  if (authorizer === undefined) {
    const known = [...authorizers.keys()];
    throw invalid(
      `${path}.authorizer`,
      `names no authorizer of this API: "${name.slice(0, 60)}" (${known.length === 0 ? "the API has none" : `it has ${known.map((item) => JSON.stringify(item)).join(", ")}`})`,
    );
  }
  if (apiType === "WEBSOCKET" && authorizer.kind !== "lambda") {
    throw invalid(
      `${path}.authorizer`,
      "must name a REQUEST authorizer: WebSocket $connect supports no other",
    );
  }
  const scopes = auth["scopes"] === undefined ? [] : stringList(auth["scopes"], `${path}.scopes`);
  if (auth["scopes"] !== undefined && authorizer.kind !== "jwt") {
    throw invalid(`${path}.scopes`, "apply to JWT / COGNITO_USER_POOLS authorizers only");
  }
  return { kind: "authorizer", authorizer, scopes };
}

function resolvePrefix(basePath: unknown, stage: string, apiType: ApiType, path: string) {
  const base = optionalString(basePath, `${path}.basePath`) ?? "";
  if (base !== "" && (!base.startsWith("/") || base.endsWith("/") || /[\s?#]/.test(base))) {
    throw invalid(
      `${path}.basePath`,
      "must start with / and not end with / (no spaces, ? or #), e.g. /orders-api",
      "/orders-api",
    );
  }
  return apiType === "HTTP" && stage === "$default" ? base : `${base}/${stage}`;
}

function checkPolicy(policy: unknown, path: string): void {
  try {
    parsePolicyDocument(policy, path);
  } catch (cause) {
    if (!isPolicyError(cause)) throw cause;
    const where = cause.path ?? path;
    throw new LocalGatewayError("invalid_config", `${where}: invalid policy: ${cause.message}`, {
      path: where,
      cause,
    });
  }
}

interface GatewayIdentity {
  region: string;
  accountId: string;
  partition: Partition;
}

/** Checks one IAM caller (at start for a list, per answer for a resolver). */
function resolveCredential(
  value: unknown,
  gateway: GatewayIdentity,
  path: string,
): KnownCredential {
  const { partition, region } = gateway;
  const credential = requireObject(value, path, "a credential object") as Record<string, unknown>;
  const { accessKeyId, secretAccessKey, sessionToken, principalArn, orgId, policy } = credential;
  for (const [name, field] of [
    ["accessKeyId", accessKeyId],
    ["secretAccessKey", secretAccessKey],
  ] as const) {
    if (typeof field !== "string" || field === "") {
      throw invalid(
        `${path}.${name}`,
        `must be a non-empty string, got ${field === "" ? "an empty string" : kindOf(field)}`,
      );
    }
  }
  if (sessionToken !== undefined && (typeof sessionToken !== "string" || sessionToken === "")) {
    throw invalid(`${path}.sessionToken`, "must be a non-empty string when set");
  }
  const principal = checked(`${path}.principalArn`, (at) =>
    parseCallerPrincipalArn(principalArn, at),
  );
  if (principal.partition !== partition) {
    throw invalid(
      `${path}.principalArn`,
      `is in partition ${principal.partition}, but the gateway's region ${region} is in ${partition}: a principal cannot call an API of another partition (set region, or write arn:${partition}:...)`,
      `an ARN of partition ${partition}`,
    );
  }
  optionalString(orgId, `${path}.orgId`);
  if (policy === undefined) {
    throw invalid(`${path}.policy`, "is required: the caller's identity policy, or null for none");
  }
  if (policy !== null && typeof policy !== "object") {
    throw invalid(
      `${path}.policy`,
      `must be a policy document, an array of them, or null, got ${kindOf(policy)}`,
    );
  }
  const policies: readonly unknown[] =
    policy === null ? [] : Array.isArray(policy) ? policy : [policy];
  for (const [index, document] of policies.entries()) {
    checkPolicy(document, Array.isArray(policy) ? `${path}.policy[${index}]` : `${path}.policy`);
  }
  return {
    identity: {
      accessKeyId: accessKeyId as string,
      principalArn: principal.arn,
      accountId: principal.accountId,
      orgId: orgId as string | undefined,
      policy: policy as PolicyDocument | readonly PolicyDocument[] | null,
    },
    key: {
      accessKeyId: accessKeyId as string,
      secretAccessKey: secretAccessKey as string,
      ...(sessionToken !== undefined ? { sessionToken: sessionToken as string } : {}),
    },
  };
}

function resolveCredentials(credentials: unknown, gateway: GatewayIdentity): CredentialSource {
  if (typeof credentials === "function") {
    const resolve = credentials as IamCredentialResolver;
    return {
      kind: "resolver",
      resolve,
      check: (answer, accessKeyId) => {
        const known = resolveCredential(answer, gateway, "credentials(accessKeyId)");
        if (known.identity.accessKeyId !== accessKeyId) {
          throw invalid(
            "credentials(accessKeyId).accessKeyId",
            "is not the access key id the resolver was asked for",
          );
        }
        return known;
      },
    };
  }
  if (credentials !== undefined && !Array.isArray(credentials)) {
    throw invalid(
      "credentials",
      `must be an array of credentials or a function (accessKeyId) => credential, got ${kindOf(credentials)}`,
    );
  }
  const byAccessKeyId = new Map<string, KnownCredential>();
  for (const [index, credential] of ((credentials ?? []) as unknown[]).entries()) {
    const known = resolveCredential(credential, gateway, `credentials[${index}]`);
    if (byAccessKeyId.has(known.identity.accessKeyId)) {
      throw invalid(`credentials[${index}].accessKeyId`, "is listed twice");
    }
    byAccessKeyId.set(known.identity.accessKeyId, known);
  }
  return { kind: "list", byAccessKeyId, keys: verifierKeys(byAccessKeyId) };
}

function resolveStageVariables(value: unknown, path: string): Readonly<Record<string, string>> {
  if (value === undefined) return {};
  const variables = requireObject(value, path, "an object of string values");
  for (const [name, text] of Object.entries(variables)) {
    if (typeof text !== "string") {
      throw invalid(
        `${path}.${name}`,
        `must be a string (stage variables are strings), got ${kindOf(text)}`,
      );
    }
  }
  return variables as Record<string, string>;
}

interface RouteParts {
  routeKey: string;
  method: string;
  pattern: RoutePattern | null;
  payloadFormatVersion: "1.0" | "2.0";
}

function restRoute(route: Record<string, unknown>, path: string): RouteParts {
  const { method, resource } = route;
  if (typeof method !== "string") {
    throw invalid(
      `${path}.method`,
      `is required for REST routes (GET, POST, ... or ANY), got ${kindOf(method)}`,
    );
  }
  // Written in any case in a config; API Gateway's methods are upper case.
  const upper = checked(`${path}.method`, (at) => parseRouteMethod(method.toUpperCase(), at));
  if (typeof resource !== "string") {
    throw invalid(
      `${path}.resource`,
      resource === undefined
        ? "is required for REST routes (a resource path such as /pets/{id})"
        : `must be a resource path such as /pets/{id}, got ${kindOf(resource)}`,
      "/pets/{id}",
    );
  }
  return {
    routeKey: `${upper} ${resource}`,
    method: upper,
    pattern: compilePattern(resource, `${path}.resource`),
    payloadFormatVersion: "1.0",
  };
}

function httpRoute(route: Record<string, unknown>, path: string): RouteParts {
  const { routeKey } = route;
  const payloadFormatVersion = oneOf<"1.0" | "2.0">(
    route["payloadFormatVersion"],
    PAYLOAD_VERSIONS,
    "2.0",
    `${path}.payloadFormatVersion`,
  );
  if (routeKey === "$default") {
    return { routeKey, method: "ANY", pattern: null, payloadFormatVersion };
  }
  const match = typeof routeKey === "string" ? /^([A-Za-z]+) (\/\S*)$/.exec(routeKey) : null;
  if (match === null) {
    throw invalid(
      `${path}.routeKey`,
      routeKey === undefined
        ? "is required for HTTP API routes (e.g. GET /pets/{id} or $default)"
        : `must be "METHOD /path" or "$default", got ${typeof routeKey === "string" ? JSON.stringify(routeKey.slice(0, 80)) : kindOf(routeKey)}`,
      "GET /pets/{id} or $default",
    );
  }
  const method = checked(`${path}.routeKey`, (at) =>
    parseRouteMethod((match[1] as string).toUpperCase(), at),
  );
  return {
    routeKey: `${method} ${match[2]}`,
    method,
    pattern: compilePattern(match[2] as string, `${path}.routeKey`),
    payloadFormatVersion,
  };
}

function resolveRoutes(
  api: Record<string, unknown>,
  type: "REST" | "HTTP",
  authorizers: ReadonlyMap<string, ResolvedAuthorizer>,
  path: string,
): ResolvedRoute[] {
  if (!Array.isArray(api["routes"])) {
    throw invalid(`${path}.routes`, `must be an array of routes, got ${kindOf(api["routes"])}`);
  }
  const seen = new Set<string>();
  return (api["routes"] as unknown[]).map((value, routeIndex): ResolvedRoute => {
    const routePath = `${path}.routes[${routeIndex}]`;
    const route = requireObject(value, routePath, "a route object");
    const parts = type === "REST" ? restRoute(route, routePath) : httpRoute(route, routePath);
    requireFunction(
      route["handler"],
      `${routePath}.handler`,
      "the route's Lambda proxy integration",
    );
    if (seen.has(parts.routeKey)) throw invalid(routePath, `repeats the route ${parts.routeKey}`);
    seen.add(parts.routeKey);
    return {
      ...parts,
      auth: resolveAuth(route["auth"], authorizers, type, `${routePath}.auth`),
      handler: route["handler"] as IntegrationHandler<never>,
    };
  });
}

function resolveApi(
  value: unknown,
  index: number,
  gateway: GatewayIdentity,
  seen: { names: Set<string>; prefixes: Set<string>; authorizerNames: Set<string> },
): ResolvedApi {
  const path = `apis[${index}]`;
  const api = requireObject(value, path, "an API object");
  const given: unknown = api["type"];
  if (given !== "REST" && given !== "HTTP" && given !== "WEBSOCKET") {
    throw invalid(
      `${path}.type`,
      `must be "REST", "HTTP" or "WEBSOCKET", got ${typeof given === "string" ? JSON.stringify(given.slice(0, 40)) : kindOf(given)}`,
      "REST, HTTP or WEBSOCKET",
    );
  }
  const type: ApiType = given;
  const apiId =
    api["apiId"] === undefined
      ? index === 0
        ? "a1b2c3d4e5"
        : `localapi${String(index).padStart(2, "0")}`
      : checked(`${path}.apiId`, (at) => parseApiId(api["apiId"], at));
  const name = optionalString(api["name"], `${path}.name`) ?? apiId;
  if (name === "") throw invalid(`${path}.name`, "must not be empty");
  if (seen.names.has(name))
    throw invalid(`${path}.name`, `repeats the API name ${JSON.stringify(name)}`);
  seen.names.add(name);
  const stage =
    api["stage"] === undefined
      ? type === "HTTP"
        ? "$default"
        : "dev"
      : checked(`${path}.stage`, (at) => parseStageName(api["stage"], at));
  if (stage === "$default" && type !== "HTTP") {
    throw invalid(
      `${path}.stage`,
      "is $default, which only HTTP APIs have; name the stage (dev, prod...)",
    );
  }
  const prefix = resolvePrefix(api["basePath"], stage, type, path);
  if (seen.prefixes.has(prefix)) {
    throw invalid(
      `${path}.basePath`,
      `mounts a second API at "${prefix || "/"}"; give each API its own basePath`,
    );
  }
  seen.prefixes.add(prefix);
  const authorizers = new Map<string, ResolvedAuthorizer>();
  const authorizerConfigs =
    api["authorizers"] === undefined
      ? {}
      : requireObject(
          api["authorizers"],
          `${path}.authorizers`,
          "an object of authorizers by name",
        );
  for (const [authorizerName, authorizer] of Object.entries(authorizerConfigs)) {
    const authorizerPath = `${path}.authorizers.${authorizerName}`;
    if (seen.authorizerNames.has(authorizerName)) {
      throw invalid(
        authorizerPath,
        "repeats an authorizer name: names are unique across the gateway",
      );
    }
    seen.authorizerNames.add(authorizerName);
    authorizers.set(
      authorizerName,
      resolveAuthorizer(authorizerName, authorizer, type, authorizerPath),
    );
  }
  const base = {
    name,
    type,
    apiId,
    stage,
    domainName: `${apiId}.execute-api.${gateway.region}.${partitionDnsSuffix(gateway.partition)}`,
    prefix,
    stageVariables: resolveStageVariables(api["stageVariables"], `${path}.stageVariables`),
  };
  if (type === "WEBSOCKET") {
    const connect = requireObject(
      api["connect"],
      `${path}.connect`,
      "the $connect route ({ auth, handler? })",
    );
    if (connect["handler"] !== undefined) {
      requireFunction(connect["handler"], `${path}.connect.handler`, "the $connect integration");
    }
    return {
      ...base,
      endpointType: "REGIONAL",
      resourcePolicy: null,
      cognitoResourcePolicy: "must-allow",
      sourceVpc: undefined,
      sourceVpce: undefined,
      routes: [
        {
          routeKey: "$connect",
          method: "GET",
          pattern: null,
          auth: resolveAuth(connect["auth"], authorizers, type, `${path}.connect.auth`),
          handler: undefined,
          payloadFormatVersion: "1.0",
        },
      ],
      connectHandler: connect["handler"] as
        | IntegrationHandler<WebSocketConnectProxyEvent>
        | undefined,
    };
  }
  const routes = resolveRoutes(api, type, authorizers, path);
  if (type === "HTTP") {
    for (const name of [
      "resourcePolicy",
      "endpointType",
      "cognitoResourcePolicy",
      "sourceVpc",
      "sourceVpce",
    ]) {
      if (api[name] !== undefined) throw invalid(`${path}.${name}`, "applies to REST APIs only");
    }
  }
  const endpointType = oneOf<EndpointType>(
    api["endpointType"],
    ENDPOINT_TYPES,
    "REGIONAL",
    `${path}.endpointType`,
  );
  const cognitoResourcePolicy = oneOf<CognitoResourcePolicyMode>(
    api["cognitoResourcePolicy"],
    COGNITO_MODES,
    "must-allow",
    `${path}.cognitoResourcePolicy`,
  );
  const sourceVpc = optionalString(api["sourceVpc"], `${path}.sourceVpc`);
  const sourceVpce = optionalString(api["sourceVpce"], `${path}.sourceVpce`);
  for (const [name, given] of [
    ["sourceVpc", sourceVpc],
    ["sourceVpce", sourceVpce],
  ] as const) {
    if (given !== undefined && endpointType !== "PRIVATE") {
      throw invalid(
        `${path}.${name}`,
        `applies to PRIVATE APIs only (endpointType is ${endpointType})`,
      );
    }
  }
  let resourcePolicy: CompiledPolicy | null = null;
  const policy = api["resourcePolicy"];
  if (policy !== undefined && policy !== null) {
    checkPolicy(policy, `${path}.resourcePolicy`);
    // Once per API, not per request; checked above, so this does not throw.
    resourcePolicy = compilePolicy(policy as PolicyDocument);
  }
  return {
    ...base,
    endpointType,
    resourcePolicy,
    cognitoResourcePolicy,
    sourceVpc,
    sourceVpce,
    routes,
    connectHandler: undefined,
  };
}

/** @internal */
export function resolveConfig(input: LocalGatewayConfig): ResolvedGateway {
  const config = requireObject(input, "config", "a gateway config object ({ apis: [...] })");
  if (!Array.isArray(config["apis"]) || config["apis"].length === 0) {
    throw invalid(
      "apis",
      `must be a non-empty array of APIs, got ${Array.isArray(config["apis"]) ? "an empty array" : kindOf(config["apis"])}`,
    );
  }
  const region =
    config["region"] === undefined
      ? "us-east-1"
      : checked("region", (at) => parseRegion(config["region"], at));
  const partition = partitionOfRegion(region);
  const accountId =
    config["accountId"] === undefined
      ? "123456789012"
      : checked("accountId", (at) => parseAccountId(config["accountId"], at));
  const seen = {
    names: new Set<string>(),
    prefixes: new Set<string>(),
    authorizerNames: new Set<string>(),
  };
  const identity = { region, accountId, partition };
  const apis = (config["apis"] as unknown[]).map((api, index) =>
    resolveApi(api, index, identity, seen),
  );
  const credentials = resolveCredentials(config["credentials"], identity);
  const now = (config["now"] ?? (() => new Date())) as () => Date;
  requireFunction(now, "now", "the gateway's clock, () => Date");
  const port = config["port"] ?? 0;
  if (typeof port !== "number" || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw invalid("port", "must be an integer from 0 to 65535 (0 picks a free port)", "0..65535");
  }
  const maxBodyBytes = config["maxBodyBytes"] ?? 10 * 1024 * 1024;
  if (typeof maxBodyBytes !== "number" || !Number.isInteger(maxBodyBytes) || maxBodyBytes < 0) {
    throw invalid("maxBodyBytes", "must be a non-negative integer (bytes)");
  }
  if (config["onDecision"] !== undefined) {
    requireFunction(config["onDecision"], "onDecision", "called once per request with the outcome");
  }
  return {
    port,
    region,
    accountId,
    partition,
    apis,
    authorizerNames: [...seen.authorizerNames],
    credentials,
    verifierOptions: { region, service: "execute-api", now },
    trustForwardedFor: optionalBoolean(config["trustForwardedFor"], "trustForwardedFor"),
    now,
    maxBodyBytes,
    onDecision: config["onDecision"] as ((record: GatewayDecisionRecord) => void) | undefined,
  };
}
