/**
 * Validates the routes of a REST API (method + resource) or an HTTP API (route key), each with its
 * integration and auth.
 * @internal
 * @packageDocumentation
 */
import { parseRouteMethod } from "@gatehouse/policy";
import { compilePattern, type RoutePattern } from "../../routing/internal/route-pattern.js";
import type { IntegrationHandler } from "../gateway-config.js";
import {
  checked,
  invalid,
  kindOf,
  oneOf,
  PAYLOAD_VERSIONS,
  requireFunction,
  requireObject,
} from "./config-fields.js";
import { resolveApiKeyRequired } from "./resolve-api-keys.js";
import { resolveAuth } from "./resolve-route-auth.js";
import type { ResolvedAuthorizer } from "./resolved-authorizer.js";
import type { ResolvedRoute } from "./resolved-route.js";

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

/** @internal Checks `api.routes` of a REST or HTTP API; route keys are unique per API. */
export function resolveRoutes(
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
      apiKeyRequired: resolveApiKeyRequired(
        route["apiKeyRequired"],
        type,
        `${routePath}.apiKeyRequired`,
      ),
    };
  });
}
