/**
 * Validates a {@link LocalGatewayConfig} once, at start, and resolves its defaults.
 * @internal
 * @packageDocumentation
 */
import {
  type CognitoResourcePolicyMode,
  type CompiledPolicy,
  compilePolicy,
  type EndpointType,
  isPolicyError,
  type PolicyDocument,
  parsePolicyDocument,
} from "@gatehouse/policy";
import type { SigV4VerifierOptions } from "@gatehouse/sigv4";
import type {
  ApiConfig,
  AuthorizerConfig,
  GatewayDecisionRecord,
  IamCredentialConfig,
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
  partition: "aws" | "aws-cn" | "aws-us-gov";
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

function invalid(message: string, path: string, expected?: string): LocalGatewayError {
  return new LocalGatewayError("invalid_config", message, {
    path,
    ...(expected !== undefined ? { expected } : {}),
  });
}

function requireFunction(value: unknown, path: string): void {
  if (typeof value !== "function") throw new TypeError(`${path} must be a function`);
}

const REST_SOURCE =
  /^(?:method|route)\.request\.(header|querystring)\.([^.\s][^\s]*)$|^(stageVariables|context)\.([^\s]+)$/;
const HTTP_SOURCE =
  /^\$request\.(header|querystring)\.([^\s]+)$|^\$(stageVariables|context)\.([^\s]+)$/;

/** @internal Parses `method.request.header.Authorization`, `$request.querystring.token`, `$context.routeKey`... */
export function parseIdentitySource(text: string, apiType: ApiType, path: string): IdentitySource {
  const match = (apiType === "HTTP" ? HTTP_SOURCE : REST_SOURCE).exec(text);
  if (match === null) {
    throw invalid(
      `Identity source "${text}" is not valid for a ${apiType} API`,
      path,
      apiType === "HTTP"
        ? "$request.header.X, $request.querystring.X, $context.X or $stageVariables.X"
        : "method.request.header.X, method.request.querystring.X, stageVariables.X or context.X",
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

function resolveTtl(value: number | undefined, path: string): number {
  if (value === undefined) return DEFAULT_TTL;
  if (!Number.isInteger(value) || value < 0 || value > MAX_TTL) {
    throw invalid(`resultTtlInSeconds must be an integer from 0 to ${MAX_TTL}`, path, "0..3600");
  }
  return value;
}

function resolveAuthorizer(
  name: string,
  config: AuthorizerConfig,
  apiType: ApiType,
  path: string,
): ResolvedAuthorizer {
  if (typeof config !== "object" || config === null)
    throw new TypeError(`${path} must be an object`);
  const defaultSource =
    apiType === "HTTP" ? "$request.header.Authorization" : "method.request.header.Authorization";
  switch (config.type) {
    case "TOKEN": {
      if (apiType !== "REST")
        throw invalid("TOKEN authorizers exist only on REST APIs", `${path}.type`);
      requireFunction(config.handler, `${path}.handler`);
      const source = parseIdentitySource(
        config.identitySource ?? defaultSource,
        apiType,
        `${path}.identitySource`,
      );
      if (source.kind !== "header") {
        throw invalid("A TOKEN authorizer's identity source is a header", `${path}.identitySource`);
      }
      let validation: RegExp | undefined;
      if (config.identityValidationExpression !== undefined) {
        try {
          validation = new RegExp(`^(?:${config.identityValidationExpression})$`);
        } catch (cause) {
          throw new LocalGatewayError(
            "invalid_config",
            "identityValidationExpression does not compile",
            {
              path: `${path}.identityValidationExpression`,
              cause,
            },
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
      requireFunction(config.handler, `${path}.handler`);
      const ttlSeconds = resolveTtl(config.resultTtlInSeconds, `${path}.resultTtlInSeconds`);
      const identitySources = (config.identitySources ?? [defaultSource]).map((text, index) =>
        parseIdentitySource(text, apiType, `${path}.identitySources[${index}]`),
      );
      if (ttlSeconds > 0 && identitySources.length === 0) {
        throw invalid(
          "Authorizer caching needs at least one identity source (or resultTtlInSeconds: 0)",
          `${path}.identitySources`,
        );
      }
      const payloadFormatVersion = config.payloadFormatVersion ?? "2.0";
      if (apiType !== "HTTP" && config.payloadFormatVersion !== undefined) {
        throw invalid(
          "payloadFormatVersion applies to HTTP APIs only",
          `${path}.payloadFormatVersion`,
        );
      }
      const simpleResponses = config.enableSimpleResponses === true;
      if (simpleResponses && (apiType !== "HTTP" || payloadFormatVersion !== "2.0")) {
        throw invalid(
          "enableSimpleResponses needs an HTTP API and payload format 2.0",
          `${path}.enableSimpleResponses`,
        );
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
          "JWT authorizers exist only on HTTP APIs (REST: COGNITO_USER_POOLS)",
          `${path}.type`,
        );
      }
      if (config.type === "COGNITO_USER_POOLS" && apiType !== "REST") {
        throw invalid(
          "COGNITO_USER_POOLS authorizers exist only on REST APIs (HTTP: JWT)",
          `${path}.type`,
        );
      }
      if (typeof config.verifier?.verify !== "function") {
        throw new TypeError(`${path}.verifier must have a verify(token) method`);
      }
      const source = parseIdentitySource(
        config.identitySource ?? defaultSource,
        apiType,
        `${path}.identitySource`,
      );
      if (source.kind !== "header") {
        throw invalid("A JWT authorizer reads its token from a header", `${path}.identitySource`);
      }
      return {
        kind: "jwt",
        name,
        type: config.type,
        verifier: config.verifier,
        identitySource: source,
      };
    }
    default:
      throw invalid(
        `Unknown authorizer type ${String((config as { type?: unknown }).type)}`,
        `${path}.type`,
        "TOKEN, REQUEST, JWT or COGNITO_USER_POOLS",
      );
  }
}

function resolveAuth(
  auth: unknown,
  authorizers: ReadonlyMap<string, ResolvedAuthorizer>,
  apiType: ApiType,
  path: string,
): ResolvedAuth {
  if (auth === "NONE" || auth === "AWS_IAM") return { kind: auth };
  if (
    typeof auth !== "object" ||
    auth === null ||
    typeof (auth as { authorizer?: unknown }).authorizer !== "string"
  ) {
    throw new TypeError(`${path} must be "NONE", "AWS_IAM" or { authorizer: name }`);
  }
  const { authorizer: name, scopes } = auth as { authorizer: string; scopes?: readonly string[] };
  const authorizer = authorizers.get(name);
  if (authorizer === undefined) throw invalid(`Unknown authorizer "${name}"`, `${path}.authorizer`);
  if (apiType === "WEBSOCKET" && authorizer.kind !== "lambda") {
    throw invalid("WebSocket $connect supports REQUEST authorizers only", `${path}.authorizer`);
  }
  if (scopes !== undefined && authorizer.kind !== "jwt") {
    throw invalid("scopes apply to JWT / COGNITO_USER_POOLS authorizers only", `${path}.scopes`);
  }
  return { kind: "authorizer", authorizer, scopes: scopes ?? [] };
}

function resolvePrefix(
  basePath: string | undefined,
  stage: string,
  apiType: ApiType,
  path: string,
) {
  const base = basePath ?? "";
  if (base !== "" && (!base.startsWith("/") || base.endsWith("/"))) {
    throw invalid(
      "basePath must start with / and not end with /",
      `${path}.basePath`,
      "/orders-api",
    );
  }
  if (!/^[A-Za-z0-9_$-]+$/.test(stage))
    throw invalid(`Invalid stage name ${stage}`, `${path}.stage`);
  return apiType === "HTTP" && stage === "$default" ? base : `${base}/${stage}`;
}

function checkPolicy(policy: unknown, path: string): void {
  try {
    parsePolicyDocument(policy, path);
  } catch (cause) {
    if (!isPolicyError(cause)) throw cause;
    throw new LocalGatewayError("invalid_config", `Invalid policy: ${cause.message}`, {
      path: cause.path ?? path,
      cause,
    });
  }
}

function partitionOf(region: string): "aws" | "aws-cn" | "aws-us-gov" {
  return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
}

/** Checks one IAM caller (at start for a list, per answer for a resolver). */
function resolveCredential(credential: IamCredentialConfig, path: string): KnownCredential {
  if (typeof credential !== "object" || credential === null)
    throw new TypeError(`${path} must be an object`);
  if (
    typeof credential.accessKeyId !== "string" ||
    credential.accessKeyId === "" ||
    typeof credential.secretAccessKey !== "string" ||
    credential.secretAccessKey === ""
  ) {
    throw new TypeError(`${path} needs non-empty accessKeyId and secretAccessKey strings`);
  }
  if (
    credential.sessionToken !== undefined &&
    (typeof credential.sessionToken !== "string" || credential.sessionToken === "")
  ) {
    throw new TypeError(`${path}.sessionToken must be a non-empty string`);
  }
  const accountId = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):.+$/.exec(
    credential.principalArn ?? "",
  )?.[1];
  if (accountId === undefined) {
    throw invalid(
      "principalArn must be an IAM or STS principal ARN",
      `${path}.principalArn`,
      "arn:aws:iam::123456789012:user/alice",
    );
  }
  if (credential.policy === undefined) {
    throw new TypeError(`${path}.policy is required (null for no identity policy)`);
  }
  const policies: readonly PolicyDocument[] =
    credential.policy === null
      ? []
      : Array.isArray(credential.policy)
        ? credential.policy
        : [credential.policy as PolicyDocument];
  for (const [index, policy] of policies.entries()) checkPolicy(policy, `${path}.policy[${index}]`);
  return {
    identity: {
      accessKeyId: credential.accessKeyId,
      principalArn: credential.principalArn,
      accountId,
      orgId: credential.orgId,
      policy: credential.policy,
    },
    key: {
      accessKeyId: credential.accessKeyId,
      secretAccessKey: credential.secretAccessKey,
      ...(credential.sessionToken !== undefined ? { sessionToken: credential.sessionToken } : {}),
    },
  };
}

function resolveCredentials(credentials: LocalGatewayConfig["credentials"]): CredentialSource {
  if (typeof credentials === "function") {
    return {
      kind: "resolver",
      resolve: credentials,
      check: (answer, accessKeyId) => {
        const known = resolveCredential(answer as IamCredentialConfig, "credentials(accessKeyId)");
        if (known.identity.accessKeyId !== accessKeyId) {
          throw invalid(
            "The credentials resolver answered a credential with another accessKeyId",
            "credentials(accessKeyId).accessKeyId",
          );
        }
        return known;
      },
    };
  }
  if (credentials !== undefined && !Array.isArray(credentials)) {
    throw new TypeError(
      "config.credentials must be an array of credentials or a function (accessKeyId) => credential",
    );
  }
  const byAccessKeyId = new Map<string, KnownCredential>();
  for (const [index, credential] of (credentials ?? []).entries()) {
    const known = resolveCredential(credential, `credentials[${index}]`);
    if (byAccessKeyId.has(known.identity.accessKeyId))
      throw invalid("Duplicate accessKeyId", `credentials[${index}].accessKeyId`);
    byAccessKeyId.set(known.identity.accessKeyId, known);
  }
  return { kind: "list", byAccessKeyId, keys: verifierKeys(byAccessKeyId) };
}

/** @internal */
export function resolveConfig(config: LocalGatewayConfig): ResolvedGateway {
  if (typeof config !== "object" || config === null)
    throw new TypeError("config must be an object");
  if (!Array.isArray(config.apis) || config.apis.length === 0) {
    throw new TypeError("config.apis must be a non-empty array");
  }
  const region = config.region ?? "us-east-1";
  const accountId = config.accountId ?? "123456789012";
  if (!/^\d{12}$/.test(accountId)) throw invalid("accountId must be 12 digits", "accountId");
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) throw invalid(`Invalid region ${region}`, "region");
  const allAuthorizerNames = new Set<string>();
  const names = new Set<string>();
  const prefixes = new Set<string>();
  const apis = (config.apis as readonly ApiConfig[]).map((api, index): ResolvedApi => {
    const path = `apis[${index}]`;
    if (typeof api !== "object" || api === null) throw new TypeError(`${path} must be an object`);
    if (api.type !== "REST" && api.type !== "HTTP" && api.type !== "WEBSOCKET") {
      throw invalid(
        `Unknown API type ${String((api as { type?: unknown }).type)}`,
        `${path}.type`,
        "REST, HTTP or WEBSOCKET",
      );
    }
    const apiId =
      api.apiId ?? (index === 0 ? "a1b2c3d4e5" : `localapi${String(index).padStart(2, "0")}`);
    if (!/^[a-z0-9]{1,32}$/.test(apiId))
      throw invalid("apiId must be lower-case letters and digits", `${path}.apiId`);
    const name = api.name ?? apiId;
    if (names.has(name)) throw invalid(`Duplicate API name ${name}`, `${path}.name`);
    names.add(name);
    const stage = api.stage ?? (api.type === "HTTP" ? "$default" : "dev");
    const prefix = resolvePrefix(api.basePath, stage, api.type, path);
    if (prefixes.has(prefix))
      throw invalid(`Two APIs are mounted at "${prefix || "/"}"; set basePath`, `${path}.basePath`);
    prefixes.add(prefix);
    const authorizers = new Map<string, ResolvedAuthorizer>();
    for (const [authorizerName, authorizer] of Object.entries(api.authorizers ?? {})) {
      if (allAuthorizerNames.has(authorizerName)) {
        throw invalid(
          `Authorizer names must be unique across the gateway: ${authorizerName}`,
          `${path}.authorizers.${authorizerName}`,
        );
      }
      allAuthorizerNames.add(authorizerName);
      authorizers.set(
        authorizerName,
        resolveAuthorizer(
          authorizerName,
          authorizer,
          api.type,
          `${path}.authorizers.${authorizerName}`,
        ),
      );
    }
    const base = {
      name,
      type: api.type,
      apiId,
      stage,
      domainName: `${apiId}.execute-api.${region}.${region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com"}`,
      prefix,
      stageVariables: api.stageVariables ?? {},
    };
    if (api.type === "WEBSOCKET") {
      if (typeof api.connect !== "object" || api.connect === null)
        throw new TypeError(`${path}.connect must be an object`);
      if (api.connect.handler !== undefined)
        requireFunction(api.connect.handler, `${path}.connect.handler`);
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
            auth: resolveAuth(api.connect.auth, authorizers, api.type, `${path}.connect.auth`),
            handler: undefined,
            payloadFormatVersion: "1.0",
          },
        ],
        connectHandler: api.connect.handler,
      };
    }
    if (!Array.isArray(api.routes)) throw new TypeError(`${path}.routes must be an array`);
    const seen = new Set<string>();
    const routes = api.routes.map((route, routeIndex): ResolvedRoute => {
      const routePath = `${path}.routes[${routeIndex}]`;
      requireFunction(route.handler, `${routePath}.handler`);
      let method: string;
      let pattern: RoutePattern | null;
      let routeKey: string;
      let payloadFormatVersion: "1.0" | "2.0" = "1.0";
      if (api.type === "REST") {
        const restRoute = route as { method: string; resource: string };
        method = String(restRoute.method).toUpperCase();
        pattern = compilePattern(restRoute.resource, `${routePath}.resource`);
        routeKey = `${method} ${restRoute.resource}`;
      } else {
        const httpRoute = route as { routeKey: string; payloadFormatVersion?: "1.0" | "2.0" };
        payloadFormatVersion = httpRoute.payloadFormatVersion ?? "2.0";
        routeKey = httpRoute.routeKey;
        if (routeKey === "$default") {
          method = "ANY";
          pattern = null;
        } else {
          const match = /^([A-Za-z]+) (\/\S*)$/.exec(routeKey ?? "");
          if (match === null)
            throw invalid(
              `Invalid route key ${routeKey}`,
              `${routePath}.routeKey`,
              "GET /pets/{id} or $default",
            );
          method = (match[1] as string).toUpperCase();
          pattern = compilePattern(match[2] as string, `${routePath}.routeKey`);
          routeKey = `${method} ${match[2]}`;
        }
      }
      if (!/^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY)$/.test(method)) {
        throw invalid(`Unsupported method ${method}`, routePath);
      }
      if (seen.has(routeKey)) throw invalid(`Duplicate route ${routeKey}`, routePath);
      seen.add(routeKey);
      return {
        routeKey,
        method,
        pattern,
        auth: resolveAuth(route.auth, authorizers, api.type, `${routePath}.auth`),
        handler: route.handler as IntegrationHandler<never>,
        payloadFormatVersion,
      };
    });
    const rest = api.type === "REST" ? api : undefined;
    let resourcePolicy: CompiledPolicy | null = null;
    if (rest?.resourcePolicy !== undefined && rest.resourcePolicy !== null) {
      checkPolicy(rest.resourcePolicy, `${path}.resourcePolicy`);
      // Once per API, not per request; checked above, so this does not throw.
      resourcePolicy = compilePolicy(rest.resourcePolicy);
    }
    const endpointType = rest?.endpointType ?? "REGIONAL";
    return {
      ...base,
      endpointType,
      resourcePolicy,
      cognitoResourcePolicy: rest?.cognitoResourcePolicy ?? "must-allow",
      sourceVpc: rest?.sourceVpc,
      sourceVpce: rest?.sourceVpce,
      routes,
      connectHandler: undefined,
    };
  });
  const credentials = resolveCredentials(config.credentials);
  const now = config.now ?? (() => new Date());
  if (typeof now !== "function") throw new TypeError("config.now must be a function");
  const port = config.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new TypeError("config.port must be 0..65535");
  const maxBodyBytes = config.maxBodyBytes ?? 10 * 1024 * 1024;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 0)
    throw new TypeError("config.maxBodyBytes must be a non-negative integer");
  if (config.onDecision !== undefined) requireFunction(config.onDecision, "config.onDecision");
  return {
    port,
    region,
    accountId,
    partition: partitionOf(region),
    apis,
    authorizerNames: [...allAuthorizerNames],
    credentials,
    verifierOptions: { region, service: "execute-api", now },
    trustForwardedFor: config.trustForwardedFor === true,
    now,
    maxBodyBytes,
    onDecision: config.onDecision,
  };
}
