/**
 * Validates one API: its identifiers (API id, stage, name, base path), authorizers, routes and
 * the fields that belong to its type (REST resource policy and endpoint, WebSocket `$connect`).
 * @internal
 * @packageDocumentation
 */
import {
  type CognitoResourcePolicyMode,
  type CompiledPolicy,
  compilePolicy,
  type EndpointType,
  type JwtResourcePolicyMode,
  type PolicyDocument,
  parseApiId,
  parseStageName,
  partitionDnsSuffix,
} from "@gatehouse/policy";
import type { IntegrationHandler } from "../gateway-config.js";
import type { WebSocketConnectProxyEvent } from "../proxy-event.js";
import type { ApiType } from "./api-type.js";
import {
  checked,
  checkPolicy,
  invalid,
  kindOf,
  oneOf,
  optionalString,
  requireFunction,
  requireObject,
} from "./config-fields.js";
import {
  resolveApiKeyCheck,
  resolveApiKeyRequired,
  resolveApiKeySource,
} from "./resolve-api-keys.js";
import { resolveAuthorizer } from "./resolve-authorizer.js";
import { resolveAuth } from "./resolve-route-auth.js";
import { resolveRoutes } from "./resolve-routes.js";
import type { ResolvedApi } from "./resolved-api.js";
import type { ResolvedAuthorizer } from "./resolved-authorizer.js";
import type { GatewayIdentity } from "./resolved-gateway.js";

const ENDPOINT_TYPES: readonly string[] = ["REGIONAL", "EDGE", "PRIVATE"];
const COGNITO_MODES: readonly string[] = ["must-allow", "silent-allows"];

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

/** @internal Checks `apis[index]`; names, mount points and authorizer names are unique across the gateway (`seen`). */
export function resolveApi(
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
  const apiKeySource = resolveApiKeySource(api["apiKeySource"], type, `${path}.apiKeySource`);
  const base = {
    name,
    type,
    apiId,
    stage,
    domainName: `${apiId}.execute-api.${gateway.region}.${partitionDnsSuffix(gateway.partition)}`,
    prefix,
    stageVariables: resolveStageVariables(api["stageVariables"], `${path}.stageVariables`),
    apiKeySource,
    apiKeyCheck: resolveApiKeyCheck(api["apiKeyCheck"], type, apiKeySource, `${path}.apiKeyCheck`),
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
      jwtResourcePolicy: "must-allow",
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
          apiKeyRequired: resolveApiKeyRequired(
            connect["apiKeyRequired"],
            type,
            `${path}.connect.apiKeyRequired`,
          ),
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
      "jwtResourcePolicy",
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
  const jwtResourcePolicy = oneOf<JwtResourcePolicyMode>(
    api["jwtResourcePolicy"],
    COGNITO_MODES,
    "must-allow",
    `${path}.jwtResourcePolicy`,
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
    jwtResourcePolicy,
    sourceVpc,
    sourceVpce,
    routes,
    connectHandler: undefined,
  };
}
