import type { AuditProbe } from "./access-audit.js";
import {
  type ParsedRoute,
  parseRoute,
  ROUTE_METHODS,
  routeIdentity,
  selectRoute,
} from "./internal/select-route.js";

/** A route to probe: its template, and optional concrete samples (`/pets/1/x`, `GET /pets/1`). */
export interface AuditProbeRoute {
  route: string;
  samplePaths?: readonly string[] | undefined;
}

/** What {@link planAuditProbes} returns. */
export interface AuditProbePlan {
  /** Route by route, in the order of the routes given. */
  probes: AuditProbe[];
  /** A route no generated sample reaches (shadowed), a sample routed elsewhere or nowhere. */
  warnings: string[];
}

const PARAMETER_SAMPLES = ["1", "2", "sample", "x-9"] as const;
const GREEDY_SAMPLES = ["a/b", "1/2", "sample/x", "x-9/y-9"] as const;
const DEFAULT_SAMPLES = ["/unrouted", "/gatehouse-audit/unrouted"] as const;

function generatedPath(route: ParsedRoute, attempt: number): string | undefined {
  if (route.segments === null) return DEFAULT_SAMPLES[attempt];
  const parameter = PARAMETER_SAMPLES[attempt];
  const greedy = GREEDY_SAMPLES[attempt];
  if (parameter === undefined || greedy === undefined) return undefined;
  const parts = route.segments.map((segment) =>
    segment.kind === "literal" ? segment.value : segment.kind === "param" ? parameter : greedy,
  );
  return `/${parts.join("/")}`;
}

function methodsOf(route: ParsedRoute): readonly string[] {
  return route.method === "ANY" || route.method === "$default" ? ROUTE_METHODS : [route.method];
}

function readSample(sample: unknown, where: string): { method?: string; path: string } {
  if (typeof sample !== "string") throw new TypeError(`${where} must be a string`);
  const match = /^(?:([A-Z]+) )?(\/\S*)$/.exec(sample);
  if (match === null) {
    throw new TypeError(`${where}: "${sample}" is not a path (/pets/1) or METHOD /path`);
  }
  const [, method, path] = match;
  if (method !== undefined && !ROUTE_METHODS.includes(method)) {
    throw new TypeError(`${where}: ${method} is not one of ${ROUTE_METHODS.join(", ")}`);
  }
  return method === undefined ? { path: path as string } : { method, path: path as string };
}

/**
 * Plans the concrete requests an access audit sends: for each route, a path with a sample value
 * per `{param}` and a two-segment value for `{proxy+}` (`GET /pets/{id}` -> `GET /pets/1`), with
 * each method an `ANY` route receives, plus the route's `samplePaths`. Every request is attributed
 * to the route API Gateway would send it to (literal over `{param}` over `{proxy+}`, exact method
 * over `ANY`; REST picks the resource first), so what the audit reports is what routing does.
 *
 * @param routes - The API's routes (templates, or objects with `samplePaths`).
 * @param apiType - `"rest"` or `"http"`.
 * @returns The probes, route by route, and warnings.
 * @throws PolicyError `invalid_route_template` for a template that is not a route template.
 * @throws TypeError for a malformed sample, a duplicate route, or `*` as a route.
 * @example
 * ```ts
 * planAuditProbes(["GET /pets/{id}", "ANY /files/{proxy+}"], "http").probes;
 * // [{ route: "GET /pets/{id}", method: "GET", path: "/pets/1" },
 * //  { route: "ANY /files/{proxy+}", method: "GET", path: "/files/a/b" }, ... one per method]
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html
 */
export function planAuditProbes(
  routes: readonly (string | AuditProbeRoute)[],
  apiType: "rest" | "http",
): AuditProbePlan {
  if (!Array.isArray(routes)) throw new TypeError("planAuditProbes: routes must be an array");
  if (apiType !== "rest" && apiType !== "http") {
    throw new TypeError('planAuditProbes: apiType must be "rest" or "http"');
  }
  const entries = routes.map((entry, index) => {
    const where = `routes[${index}]`;
    const { route, samplePaths } =
      typeof entry === "string" ? { route: entry, samplePaths: undefined } : (entry ?? {});
    if (typeof route !== "string") throw new TypeError(`${where}.route must be a string`);
    if (samplePaths !== undefined && !Array.isArray(samplePaths)) {
      throw new TypeError(`${where}.samplePaths must be an array of paths`);
    }
    return { parsed: parseRoute(route, apiType, where), samplePaths: samplePaths ?? [], where };
  });
  const parsed = entries.map((entry) => entry.parsed);
  const seen = new Set<string>();
  for (const route of parsed) {
    const key = routeIdentity(route);
    if (seen.has(key))
      throw new TypeError(`planAuditProbes: the route ${route.template} is listed twice`);
    seen.add(key);
  }

  const byRoute = new Map<ParsedRoute, AuditProbe[]>(parsed.map((route) => [route, []]));
  const keys = new Set<string>();
  const add = (route: ParsedRoute, method: string, path: string) => {
    const key = `${method} ${path}`;
    if (keys.has(key)) return;
    keys.add(key);
    byRoute.get(route)?.push({ route: route.template, method, path });
  };
  const warnings: string[] = [];

  for (const { parsed: route, samplePaths, where } of entries) {
    for (const method of methodsOf(route)) {
      // The first sample value that API Gateway routes back to this route.
      let found = false;
      for (let attempt = 0; !found; attempt++) {
        const path = generatedPath(route, attempt);
        if (path === undefined) break;
        if (selectRoute(parsed, method, path, apiType) === route) {
          add(route, method, path);
          found = true;
        }
      }
    }
    samplePaths.forEach((sample: unknown, index: number) => {
      const read = readSample(sample, `${where}.samplePaths[${index}]`);
      const methods = read.method === undefined ? methodsOf(route) : [read.method];
      for (const method of methods) {
        const target = selectRoute(parsed, method, read.path, apiType);
        if (target === undefined) {
          warnings.push(`${route.template}: the sample ${method} ${read.path} matches no route`);
          continue;
        }
        if (target !== route) {
          warnings.push(
            `${route.template}: the sample ${method} ${read.path} is routed to ${target.template}`,
          );
        }
        add(target, method, read.path);
      }
    });
  }
  for (const route of parsed) {
    if (byRoute.get(route)?.length === 0) {
      warnings.push(
        `${route.template}: no generated request reaches this route (other routes take them); add samplePaths`,
      );
    }
  }
  return { probes: parsed.flatMap((route) => byRoute.get(route) ?? []), warnings };
}
