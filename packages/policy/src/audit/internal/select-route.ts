/**
 * Which route API Gateway sends a request to: the most specific path (per segment, literal over
 * `{param}` over `{proxy+}`), then the exact method over `ANY`; REST picks the resource first (a
 * resource without the method: no route), HTTP APIs fall back to `$default`.
 *
 * TODO(routes): replace with the route-selection export of `@gatehouse/policy` the "routes" work
 * adds (`selectRoute` / its route-table model) when it lands; the audit calls only this function.
 * @internal
 * @packageDocumentation
 */
import { routeTemplateToArn } from "../../arn/route-template.js";

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

/** One number per template segment (0 literal, 1 parameter, 2 greedy), or `undefined`. */
function rank(segments: readonly Segment[], path: readonly string[]): number[] | undefined {
  const out: number[] = [];
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index] as Segment;
    if (segment.kind === "greedy") {
      if (path.length <= index || path.slice(index).some((part) => part === "")) return undefined;
      out.push(2);
      return out;
    }
    const value = path[index];
    if (value === undefined || value === "") return undefined;
    if (segment.kind === "literal") {
      if (segment.value !== value) return undefined;
      out.push(0);
    } else {
      out.push(1);
    }
  }
  return path.length === segments.length ? out : undefined;
}

/** Negative when `a` is more specific than `b`. */
function compareRanks(a: readonly number[], b: readonly number[]): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const diff = (a[index] as number) - (b[index] as number);
    if (diff !== 0) return diff;
  }
  return b.length - a.length;
}

/**
 * @internal The route a request is sent to, or `undefined` when none (REST: 403 `Missing
 * Authentication Token`; HTTP: 404).
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
  const parts = splitPath(path);
  if (apiType === "rest") {
    let best: { rank: number[]; key: string } | undefined;
    for (const route of routes) {
      if (route.segments === null) continue;
      const r = rank(route.segments, parts);
      if (r !== undefined && (best === undefined || compareRanks(r, best.rank) < 0)) {
        best = { rank: r, key: resourceKey(route.segments) };
      }
    }
    if (best === undefined) return undefined;
    const key = best.key;
    const same = routes.filter(
      (route) => route.segments !== null && resourceKey(route.segments) === key,
    );
    return (
      same.find((route) => route.method === method) ?? same.find((route) => route.method === "ANY")
    );
  }
  let best: { route: ParsedRoute; rank: number[] } | undefined;
  for (const route of routes) {
    if (route.segments === null) continue;
    if (route.method !== method && route.method !== "ANY") continue;
    const r = rank(route.segments, parts);
    if (r === undefined) continue;
    const order = best === undefined ? -1 : compareRanks(r, best.rank);
    if (order < 0 || (order === 0 && best?.route.method === "ANY" && route.method !== "ANY")) {
      best = { route, rank: r };
    }
  }
  return best?.route ?? routes.find((route) => route.method === "$default");
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
