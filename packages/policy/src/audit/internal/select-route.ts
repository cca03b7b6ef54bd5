/**
 * Which route API Gateway sends a request to: the most specific path (per segment, literal over
 * `{param}` over `{proxy+}`), then the exact method over `ANY`; REST picks the resource first (a
 * resource without the method: no route), HTTP APIs fall back to `$default`.
 *
 * The selection itself is `compileRouteTable`'s `routeOf`; this file adapts it to parsed routes.
 * @internal
 * @packageDocumentation
 */
import { routeTemplateToArn } from "../../arn/route-template.js";
import { compileRouteTable } from "../../route-table/compile-route-table.js";
import type { RouteTable } from "../../route-table/route-table.js";

type Segment =
  | { kind: "literal"; value: string }
  | { kind: "param"; name: string }
  | { kind: "greedy"; name: string };

/** @internal A route template, parsed. */
export interface ParsedRoute {
  /** As written. */
  template: string;
  /** Upper-case verb, `ANY`, or `$default`. */
  method: string;
  /** `null` for `$default`. */
  segments: readonly Segment[] | null;
}

/** @internal The seven verbs API Gateway serves (`ANY` is all of them). */
export const ROUTE_METHODS: readonly string[] = [
  "GET",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "HEAD",
  "OPTIONS",
];

const VALIDATION_BASE = {
  partition: "aws",
  region: "us-east-1",
  accountId: "123456789012",
  apiId: "audit",
  stage: "audit",
} as const;

/**
 * @internal Parses a REST / HTTP route template after checking it the way every other template of
 * this package is checked (`PolicyError` `invalid_route_template` with `path`).
 */
export function parseRoute(template: string, apiType: "rest" | "http", path: string): ParsedRoute {
  routeTemplateToArn(template, VALIDATION_BASE, apiType, path);
  if (template === "$default") return { template, method: "$default", segments: null };
  if (template === "*") {
    throw new TypeError(
      `${path}: "*" is a policy pattern, not a route; write ANY /{proxy+} for a catch-all route`,
    );
  }
  const space = template.indexOf(" ");
  const method = template.startsWith("/") ? "ANY" : template.slice(0, space);
  const resource = template.startsWith("/") ? template : template.slice(space + 1);
  const parts = resource === "/" ? [] : resource.slice(1).split("/");
  const segments = parts.map((part): Segment => {
    const parameter = /^\{([A-Za-z0-9_.-]+)(\+?)\}$/.exec(part);
    if (parameter === null) return { kind: "literal", value: part };
    const name = parameter[1] as string;
    return parameter[2] === "+" ? { kind: "greedy", name } : { kind: "param", name };
  });
  return { template, method, segments };
}

/** @internal `/a/b` -> `["a", "b"]`; `/` -> `[]`. */
export function splitPath(path: string): string[] {
  return path === "/" || path === "" ? [] : path.slice(1).split("/");
}

/** Compiled once per route list: API Gateway's route selection is `compileRouteTable`'s. */
const compiled = new WeakMap<readonly ParsedRoute[], Map<"rest" | "http", RouteTable>>();

function tableOf(routes: readonly ParsedRoute[], apiType: "rest" | "http"): RouteTable {
  let byType = compiled.get(routes);
  if (byType === undefined) {
    byType = new Map();
    compiled.set(routes, byType);
  }
  let table = byType.get(apiType);
  if (table === undefined) {
    table = compileRouteTable(
      routes.map((route) => route.template),
      apiType,
    );
    byType.set(apiType, table);
  }
  return table;
}

/**
 * @internal The route a request is sent to, or `undefined` when none (REST: 403 `Missing
 * Authentication Token`; HTTP: 404): `compileRouteTable(...).routeOf`, the one model of API
 * Gateway's route selection.
 * @param routes - The API's routes, parsed with {@link parseRoute}.
 * @param method - The request's verb (upper case).
 * @param path - The request path, starting with `/`.
 * @param apiType - REST picks the resource first, HTTP the route among those with the method.
 */
export function selectRoute(
  routes: readonly ParsedRoute[],
  method: string,
  path: string,
  apiType: "rest" | "http",
): ParsedRoute | undefined {
  if (!ROUTE_METHODS.includes(method)) return undefined;
  const template = tableOf(routes, apiType).routeOf(method, path);
  return template === undefined ? undefined : routes.find((route) => route.template === template);
}

/** Two templates are the same REST resource when their segments are (parameter names aside). */
function resourceKey(segments: readonly Segment[]): string {
  return segments
    .map((segment) =>
      segment.kind === "literal" ? segment.value : segment.kind === "param" ? "{}" : "{+}",
    )
    .join("/");
}

/** @internal The same route whatever its parameter names, and `/x` = `ANY /x`. */
export function routeIdentity(route: ParsedRoute): string {
  if (route.segments === null) return "$default";
  return `${route.method} /${resourceKey(route.segments)}`;
}
