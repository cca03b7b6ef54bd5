/**
 * Checks an `ApiAccessDescription` once, before any probe: `TypeError` for misuse (unknown
 * authorizer, duplicate caller, a grant naming no route), `PolicyError` for bad values (route
 * templates, target fields, policies).
 * @internal
 * @packageDocumentation
 */

import { formatExecuteApiArn } from "../../arn/format-execute-api-arn.js";
import { type ApiType, routeTemplateToArn } from "../../arn/route-template.js";
import { type CompiledPolicy, compilePolicy } from "../../evaluate/compile-policy.js";
import type {
  CognitoResourcePolicyMode,
  EndpointType,
  JwtResourcePolicyMode,
} from "../../gateway/api-gateway-access.js";
import type {
  AuditAuthorizerFunction,
  AuditCaller,
  AuditRouteRequirement,
  AuditTarget,
} from "../api-access-description.js";
import { checkCallerCertificate, readAuditMutualTls } from "./audit-mutual-tls.js";
import type { TableEntry } from "./satisfied-templates.js";
import { type ParsedRoute, parseRoute, routeIdentity } from "./select-route.js";
import { templateCovers } from "./template-covers.js";

const FN = "auditApiAccess";
const ENDPOINT_TYPES: readonly string[] = ["REGIONAL", "EDGE", "PRIVATE"];
const CALLER_KINDS: readonly string[] = ["anonymous", "token", "iam"];
const DEFAULT_TTL = 300;
const DEFAULT_TIMEOUT_MS = 10_000;

/** @internal An authorizer, checked. */
export type ReadAuthorizer =
  | {
      kind: "table";
      name: string;
      table: Readonly<Record<string, AuditRouteRequirement>>;
      /** The table's templates valid for the API type, with their requirements. */
      entries: readonly TableEntry[];
      ttlSeconds: number;
    }
  | { kind: "function"; name: string; authorize: AuditAuthorizerFunction; ttlSeconds: number }
  | {
      kind: "cognito";
      name: string;
      /** `JWT`: a REST (or HTTP) API JWT authorizer: a missing scope is 403, not 401. */
      authType: "COGNITO_USER_POOLS" | "JWT";
    };

/** @internal A route, checked. */
export interface ReadRoute {
  parsed: ParsedRoute;
  samplePaths: readonly string[];
  auth:
    | { kind: "NONE" }
    | { kind: "AWS_IAM" }
    | { kind: "authorizer"; authorizer: ReadAuthorizer; scopes: readonly string[] };
}

/** @internal The description, checked and with its defaults. */
export interface ReadDescription {
  name: string;
  target: AuditTarget;
  stageArn: string;
  apiType: "rest" | "http";
  endpointType: EndpointType;
  resourcePolicy: CompiledPolicy | undefined;
  cognitoResourcePolicy: CognitoResourcePolicyMode;
  jwtResourcePolicy: JwtResourcePolicyMode;
  routes: readonly ReadRoute[];
  authorizers: ReadonlyMap<string, ReadAuthorizer>;
  callers: readonly AuditCaller[];
  now: Date | undefined;
  timeoutMs: number;
  mutualTls: { disableExecuteApiEndpoint: boolean } | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, where: string): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string" || item === "")) {
    throw new TypeError(`${FN}: ${where} must be an array of non-empty strings`);
  }
  return value as string[];
}

function readTtl(value: unknown, where: string): number {
  if (value === undefined) return DEFAULT_TTL;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 3600) {
    throw new TypeError(`${FN}: ${where} must be an integer from 0 to 3600`);
  }
  return value;
}

const REQUIREMENT_KEYS: readonly string[] = ["scopes", "groups"];
const OTHER_API_TYPES: Record<"rest" | "http", readonly ApiType[]> = {
  rest: ["http", "websocket"],
  http: ["rest", "websocket"],
};

function readTable(
  routes: unknown,
  apiType: "rest" | "http",
  target: AuditTarget,
  where: string,
): TableEntry[] {
  if (!isRecord(routes)) {
    throw new TypeError(`${FN}: ${where} must be an object of route template -> requirements`);
  }
  const entries: TableEntry[] = [];
  for (const [template, requirement] of Object.entries(routes)) {
    const path = `${where}["${template}"]`;
    let valid = true;
    try {
      routeTemplateToArn(template, target, apiType, path);
    } catch (error) {
      // As createAuthorizer: a template of another API type is kept out, an invalid one refused.
      const elsewhere = OTHER_API_TYPES[apiType].some((other) => {
        try {
          routeTemplateToArn(template, target, other, path);
          return true;
        } catch {
          return false;
        }
      });
      if (!elsewhere) throw error;
      valid = false;
    }
    if (!isRecord(requirement)) {
      throw new TypeError(`${FN}: ${path} must be an object ({} for any valid token)`);
    }
    for (const key of Object.keys(requirement)) {
      if (!REQUIREMENT_KEYS.includes(key)) {
        throw new TypeError(
          `${FN}: ${path}: unknown requirement "${key}" (expected scopes, groups; a claims predicate is code: describe that authorizer with authorize)`,
        );
      }
    }
    const scopes = stringList(requirement["scopes"], `${path}.scopes`);
    const groups =
      requirement["groups"] === undefined
        ? undefined
        : stringList(requirement["groups"], `${path}.groups`);
    if (groups !== undefined && groups.length === 0) {
      throw new TypeError(`${FN}: ${path}.groups is empty: no identity could ever match it`);
    }
    if (valid) entries.push({ template, scopes, groups });
  }
  return entries;
}

function readAuthorizers(
  input: unknown,
  apiType: "rest" | "http",
  target: AuditTarget,
): Map<string, ReadAuthorizer> {
  const out = new Map<string, ReadAuthorizer>();
  if (input === undefined) return out;
  if (!isRecord(input))
    throw new TypeError(`${FN}: authorizers must be an object of name -> authorizer`);
  for (const [name, value] of Object.entries(input)) {
    const where = `authorizers.${name}`;
    if (!isRecord(value)) throw new TypeError(`${FN}: ${where} must be an object`);
    if (value["type"] === "COGNITO_USER_POOLS" || value["type"] === "JWT") {
      out.set(name, { kind: "cognito", name, authType: value["type"] });
      continue;
    }
    if (value["type"] !== "LAMBDA") {
      throw new TypeError(`${FN}: ${where}.type must be "LAMBDA", "COGNITO_USER_POOLS" or "JWT"`);
    }
    const ttlSeconds = readTtl(value["resultTtlInSeconds"], `${where}.resultTtlInSeconds`);
    const { routes, authorize } = value;
    if ((routes === undefined) === (authorize === undefined)) {
      throw new TypeError(
        `${FN}: ${where} needs either routes (a route table) or authorize (a function), not both`,
      );
    }
    if (authorize !== undefined) {
      if (typeof authorize !== "function") {
        throw new TypeError(`${FN}: ${where}.authorize must be a function`);
      }
      out.set(name, {
        kind: "function",
        name,
        authorize: authorize as AuditAuthorizerFunction,
        ttlSeconds,
      });
      continue;
    }
    out.set(name, {
      kind: "table",
      name,
      table: routes as Readonly<Record<string, AuditRouteRequirement>>,
      entries: readTable(routes, apiType, target, `${where}.routes`),
      ttlSeconds,
    });
  }
  return out;
}

function readRoutes(
  input: unknown,
  apiType: "rest" | "http",
  authorizers: ReadonlyMap<string, ReadAuthorizer>,
): ReadRoute[] {
  if (!Array.isArray(input) || input.length === 0) {
    throw new TypeError(`${FN}: routes must be a non-empty array`);
  }
  return input.map((value: unknown, index): ReadRoute => {
    const where = `routes[${index}]`;
    if (!isRecord(value) || typeof value["route"] !== "string") {
      throw new TypeError(`${FN}: ${where} must be { route, auth }`);
    }
    const parsed = parseRoute(value["route"], apiType, `${where}.route`);
    const samplePaths = stringList(value["samplePaths"], `${where}.samplePaths`);
    const auth = value["auth"];
    if (auth === "NONE" || auth === "AWS_IAM") return { parsed, samplePaths, auth: { kind: auth } };
    if (!isRecord(auth) || typeof auth["authorizer"] !== "string") {
      throw new TypeError(`${FN}: ${where}.auth must be "NONE", "AWS_IAM" or { authorizer: name }`);
    }
    const authorizer = authorizers.get(auth["authorizer"]);
    if (authorizer === undefined) {
      throw new TypeError(
        `${FN}: ${where}.auth names the unknown authorizer "${auth["authorizer"]}" (known: ${[...authorizers.keys()].join(", ") || "none"})`,
      );
    }
    const scopes = stringList(auth["scopes"], `${where}.auth.scopes`);
    if (auth["scopes"] !== undefined && authorizer.kind !== "cognito") {
      throw new TypeError(
        `${FN}: ${where}.auth.scopes apply to COGNITO_USER_POOLS and JWT authorizers only`,
      );
    }
    return { parsed, samplePaths, auth: { kind: "authorizer", authorizer, scopes } };
  });
}

function readCallers(
  input: unknown,
  authorizers: ReadonlyMap<string, ReadAuthorizer>,
  routes: readonly ReadRoute[],
  apiType: "rest" | "http",
): AuditCaller[] {
  if (!Array.isArray(input) || input.length === 0) {
    throw new TypeError(`${FN}: callers must be a non-empty array`);
  }
  const names = new Set<string>();
  return input.map((value: unknown, index) => {
    const where = `callers[${index}]`;
    if (!isRecord(value)) throw new TypeError(`${FN}: ${where} must be an object`);
    const { kind, name } = value;
    if (typeof kind !== "string" || !CALLER_KINDS.includes(kind)) {
      throw new TypeError(`${FN}: ${where}.kind must be "anonymous", "token" or "iam"`);
    }
    if (typeof name !== "string" || name === "") {
      throw new TypeError(`${FN}: ${where}.name must be a non-empty string`);
    }
    if (names.has(name)) throw new TypeError(`${FN}: two callers are named "${name}"`);
    names.add(name);
    if (value["grants"] !== undefined) {
      stringList(value["grants"], `${where}.grants`).forEach((grant, grantIndex) => {
        if (grant === "*") return;
        const template = parseRoute(grant, apiType, `${where}.grants[${grantIndex}]`);
        if (!routes.some((route) => templateCovers(template, route.parsed))) {
          throw new TypeError(
            `${FN}: ${where}.grants names "${grant}", which covers no route of the API (grants are route templates: ${routes.map((route) => route.parsed.template).join(", ")})`,
          );
        }
      });
    }
    for (const key of ["sourceIp", "vpcSourceIp", "sourceVpc", "sourceVpce"]) {
      if (value[key] !== undefined && typeof value[key] !== "string") {
        throw new TypeError(`${FN}: ${where}.${key} must be a string`);
      }
    }
    checkCallerCertificate(value["clientCertificate"], where);
    if (kind === "token") {
      for (const key of ["scopes", "groups"]) stringList(value[key], `${where}.${key}`);
      if (value["claims"] !== undefined && !isRecord(value["claims"])) {
        throw new TypeError(`${FN}: ${where}.claims must be an object`);
      }
      for (const authorizer of stringList(value["authorizers"], `${where}.authorizers`)) {
        if (!authorizers.has(authorizer)) {
          throw new TypeError(
            `${FN}: ${where}.authorizers names the unknown authorizer "${authorizer}"`,
          );
        }
      }
    }
    if (kind === "iam") {
      if (typeof value["arn"] !== "string" || typeof value["accountId"] !== "string") {
        throw new TypeError(`${FN}: ${where} (iam) needs arn and accountId strings`);
      }
      if (value["policy"] === undefined) {
        throw new TypeError(
          `${FN}: ${where}.policy is required (null when no identity policy applies)`,
        );
      }
    }
    return value as unknown as AuditCaller;
  });
}

/** @internal Checks the description and resolves its defaults. */
export function readDescription(input: unknown): ReadDescription {
  if (!isRecord(input)) throw new TypeError(`${FN}: the description must be an object`);
  const { apiType, target } = input;
  if (apiType !== "rest" && apiType !== "http") {
    throw new TypeError(`${FN}: apiType must be "rest" or "http"`);
  }
  if (!isRecord(target)) {
    throw new TypeError(`${FN}: target must be { partition, region, accountId, apiId, stage }`);
  }
  const checkedTarget = target as unknown as AuditTarget;
  // Validates every field (PolicyError invalid_arn with the field's path).
  const rootArn = formatExecuteApiArn({ form: "full", ...checkedTarget, method: "GET", path: "/" });
  const stageArn = rootArn.slice(0, -"/GET/".length);
  const endpointType = input["endpointType"] ?? "REGIONAL";
  if (typeof endpointType !== "string" || !ENDPOINT_TYPES.includes(endpointType)) {
    throw new TypeError(`${FN}: endpointType must be one of ${ENDPOINT_TYPES.join(", ")}`);
  }
  if (apiType === "http" && endpointType !== "REGIONAL") {
    throw new TypeError(`${FN}: HTTP APIs are REGIONAL only`);
  }
  const policy = input["resourcePolicy"];
  if (apiType === "http" && policy !== undefined && policy !== null) {
    throw new TypeError(`${FN}: HTTP APIs have no resource policy`);
  }
  let resourcePolicy: CompiledPolicy | undefined;
  if (policy !== undefined && policy !== null) {
    const compiled = policy as { evaluate?: unknown };
    // A compiled policy is passed on as it is (the gateway model checks where it came from).
    resourcePolicy =
      typeof compiled.evaluate === "function"
        ? (policy as CompiledPolicy)
        : compilePolicy(policy as Parameters<typeof compilePolicy>[0]);
  }
  const mode = input["cognitoResourcePolicy"] ?? "must-allow";
  if (mode !== "must-allow" && mode !== "silent-allows") {
    throw new TypeError(`${FN}: cognitoResourcePolicy must be "must-allow" or "silent-allows"`);
  }
  const jwtMode = input["jwtResourcePolicy"] ?? "must-allow";
  if (jwtMode !== "must-allow" && jwtMode !== "silent-allows") {
    throw new TypeError(`${FN}: jwtResourcePolicy must be "must-allow" or "silent-allows"`);
  }
  const now = input["now"];
  if (now !== undefined && !(now instanceof Date && !Number.isNaN(now.getTime()))) {
    throw new TypeError(`${FN}: now must be a valid Date`);
  }
  const timeoutMs = input["authorizerTimeoutMs"] ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new TypeError(`${FN}: authorizerTimeoutMs must be a positive number of milliseconds`);
  }
  const name = input["name"] ?? checkedTarget.apiId;
  if (typeof name !== "string" || name === "") {
    throw new TypeError(`${FN}: name must be a non-empty string`);
  }
  const authorizers = readAuthorizers(input["authorizers"], apiType, checkedTarget);
  const routes = readRoutes(input["routes"], apiType, authorizers);
  const seen = new Set<string>();
  for (const route of routes) {
    const id = routeIdentity(route.parsed);
    if (seen.has(id))
      throw new TypeError(`${FN}: the route ${route.parsed.template} is listed twice`);
    seen.add(id);
  }
  const callers = readCallers(input["callers"], authorizers, routes, apiType);
  const mutualTls = readAuditMutualTls(input["mutualTls"], endpointType);
  return {
    name,
    target: checkedTarget,
    stageArn,
    apiType,
    endpointType: endpointType as EndpointType,
    resourcePolicy,
    cognitoResourcePolicy: mode,
    jwtResourcePolicy: jwtMode,
    routes,
    authorizers,
    callers,
    now: now as Date | undefined,
    timeoutMs,
    mutualTls,
  };
}
