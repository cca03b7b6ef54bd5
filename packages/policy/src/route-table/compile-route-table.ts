import { HTTP_VERBS } from "../arn/arn-fields.js";
import type { ApiType } from "../arn/route-template.js";
import { indexTable } from "./internal/compiled-table.js";
import { computeGrant } from "./internal/compute-grant.js";
import { policyBound } from "./internal/policy-bound.js";
import { coverTable } from "./internal/route-reach.js";
import { selectRoute } from "./internal/select-route.js";
import { analyseTable } from "./internal/table-warnings.js";
import type {
  RoutePolicyBound,
  RouteTable,
  RouteTableGrant,
  RouteTableOptions,
  RouteTableStage,
} from "./route-table.js";

const API_TYPES: readonly string[] = ["rest", "http", "websocket"];

/** Grants remembered per table (an identity's set is usually one of a few). */
const GRANTS_LIMIT = 256;

/**
 * Compiles an API's route table once: API Gateway's route selection over it, the exact grant for
 * any set of routes an identity satisfies, the places where IAM globbing cannot be exact, and the
 * largest policy the table can produce.
 *
 * The grant allows exactly the satisfied routes for every concrete request API Gateway routes to
 * them, while API Gateway reuses the policy for every route of the stage: `ANY` is expanded into
 * the verbs routed to it (IAM's `*` verb would also match `GET/other/path`), and every route the
 * identity does not satisfy but an allowed pattern covers (`GET /pets/{id}` is `.../GET/pets/*`,
 * which matches `GET /pets/42/medical-records`) gets an explicit Deny. Where such a Deny also
 * matches requests of a satisfied route, the table reports it in `warnings`: those requests are
 * refused (403), never granted.
 *
 * Route selection follows API Gateway: the most specific path wins (literal segments over
 * `{param}` over `{proxy+}`), then the route's own method over `ANY`; REST picks the resource
 * first (a resource without the method answers 403 `Missing Authentication Token`); HTTP APIs
 * fall back to `$default`. Paths are assumed to have no empty segments (`/pets//1`).
 *
 * @param templates - The API's routes that use the authorizer (`GET /pets/{id}`, `ANY /admin/{proxy+}`,
 *   `$default`, `*` for every route, REST resource paths, WebSocket route keys). List them all: a
 *   route missing from the table gets no Deny.
 * @param apiType - `"rest"`, `"http"` or `"websocket"`.
 * @param options - {@link RouteTableOptions}.
 * @returns The compiled {@link RouteTable}.
 * @throws PolicyError `invalid_route_template` for a template that does not parse, or two
 *   templates for the same route (`GET /pets/{id}` and `GET /pets/{petId}`).
 * @throws TypeError for arguments of the wrong type.
 * @example
 * ```ts
 * const table = compileRouteTable(
 *   ["GET /pets/{id}", "GET /pets/{id}/medical-records", "ANY /reports", "GET /admin/reports"],
 *   "http",
 * );
 * const grant = table.grant(["GET /pets/{id}", "ANY /reports"]);
 * // grant.allow: ["GET /pets/{id}", "GET /reports", "POST /reports", ..., "OPTIONS /reports"]
 * // grant.deny:  ["GET /pets/{id}/medical-records"]
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html
 */
export function compileRouteTable(
  templates: readonly string[],
  apiType: ApiType,
  options: RouteTableOptions = {},
): RouteTable {
  if (!Array.isArray(templates)) {
    throw new TypeError("compileRouteTable: templates must be an array of route templates");
  }
  if (!API_TYPES.includes(apiType)) {
    throw new TypeError('compileRouteTable: apiType must be "rest", "http" or "websocket"');
  }
  if (typeof options !== "object" || options === null) {
    throw new TypeError("compileRouteTable: options must be an object");
  }
  const { implies: impliesOption } = options;
  if (impliesOption !== undefined && typeof impliesOption !== "function") {
    throw new TypeError("compileRouteTable: options.implies must be a function");
  }

  const compiled = coverTable(indexTable(templates, apiType, impliesOption));
  const { warnings, deeperTriggers } = analyseTable(compiled);
  const { given, routes } = compiled;
  const grants = new Map<string, RouteTableGrant>();

  const table: RouteTable = {
    apiType,
    templates: given,
    exact: warnings.length === 0,
    warnings,
    routeOf(method: string, path: string): string | undefined {
      if (typeof method !== "string" || typeof path !== "string") {
        throw new TypeError("routeOf: method and path must be strings");
      }
      if (apiType === "websocket") {
        throw new TypeError(
          "routeOf: WebSocket messages are routed by the route selection expression, not by method and path",
        );
      }
      if (!HTTP_VERBS.includes(method) || !path.startsWith("/")) return undefined;
      return selectRoute(routes, apiType, method, path === "/" ? [] : path.slice(1).split("/"));
    },
    grant(list: readonly string[]): RouteTableGrant {
      if (!Array.isArray(list)) {
        throw new TypeError("grant: templates must be an array of route templates");
      }
      const key = list.join("\u0000");
      let grant = grants.get(key);
      if (grant === undefined) {
        grant = computeGrant(compiled, list);
        if (grants.size >= GRANTS_LIMIT) grants.clear();
        grants.set(key, grant);
      }
      return grant;
    },
    policyBound(stage: RouteTableStage): RoutePolicyBound {
      return policyBound(compiled, deeperTriggers, stage);
    },
  };
  return table;
}
