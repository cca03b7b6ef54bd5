/**
 * The compiled route table: the state `compileRouteTable` shares between route selection, grants,
 * the exactness analysis and the size bound, built once at cold start and passed explicitly to the
 * pure functions of this folder.
 * @internal
 * @packageDocumentation
 */
import { parseRouteTemplate } from "../../arn/internal/parse-route-template.js";
import type { ApiType } from "../../arn/route-template.js";
import { PolicyError } from "../../errors.js";
import type { RouteTableGrant } from "../route-table.js";
import type { PathPattern } from "./find-witness.js";
import { buildTableRoutes, type RouteEntry, type TableRoute } from "./table-route.js";

/** @internal A Deny line and the route it keeps the identity off. */
export interface DenyUnit {
  /** The route template for the builders (concrete verb). */
  template: string;
  tokens: readonly string[];
  /** The table route the Deny stands for: a route the identity does not satisfy. */
  route: TableRoute;
  /** Requests of other routes this Deny also matches, computed on first use. */
  victims?: readonly { route: TableRoute; request: string }[];
}

/** @internal Entries of one verb, by first path segment (`""` for the root) or open. */
export interface VerbIndex {
  literal: Map<string, RouteEntry[]>;
  open: RouteEntry[];
}

/** @internal The parsed table and its indexes, before the coverage analysis. */
export interface TableIndex {
  apiType: ApiType;
  /** The templates, as given. */
  given: string[];
  routes: readonly TableRoute[];
  byShape: Map<string, TableRoute>;
  byTemplate: Map<string, TableRoute>;
  stageRoute: TableRoute | undefined;
  defaultRoute: TableRoute | undefined;
  /** Every route's entries, in table order. */
  entries: readonly RouteEntry[];
  defaultEntry: RouteEntry | undefined;
  /** Whether every identity that satisfies `a` also satisfies `b` (`options.implies`). */
  implies: (a: TableRoute, b: TableRoute) => boolean;
  /** A segment value for samples that no literal of the table equals. */
  fresh: string;
  /** Sorts entries in table order. */
  byOrder: (a: RouteEntry, b: RouteEntry) => number;
  /** Entries by verb, then by first path segment: the only ones a glob can reach. */
  byVerb: Map<string, VerbIndex>;
  /** Memo of `rivalsOf`, by `"<route index> <verb>"`. */
  rivalsMemo: Map<string, PathPattern[]>;
}

/** @internal The table with its coverage: what every grant and the analysis read. */
export interface CompiledTable extends TableIndex {
  /** Which allowed entries cover requests of which other route's entry, in table order. */
  coveredBy: Map<RouteEntry, RouteEntry[]>;
  /** The Deny line of every entry but `$default`'s. */
  units: Map<RouteEntry, DenyUnit>;
  /** Memo of `deeperUnits`, by the glob's tokens. */
  deeperMemo: Map<string, DenyUnit[]>;
  /** The grant of an identity that satisfies the whole stage. */
  wholeStage: RouteTableGrant;
}

/** @internal The `invalid_route_template` error factory for `template` at `path`. */
export function invalidTemplate(template: string, path: string) {
  return (message: string, expected: string) =>
    new PolicyError("invalid_route_template", message, { path, expected, actual: template });
}

/**
 * @internal Parses the (type-checked) templates and indexes the table.
 * @throws PolicyError `invalid_route_template` for a template that does not parse or a route given
 *   twice.
 */
export function indexTable(
  templates: readonly string[],
  apiType: ApiType,
  impliesOption: ((a: string, b: string) => boolean) | undefined,
): TableIndex {
  const given = [...templates];
  const parsed = given.map((template, index) => {
    if (typeof template !== "string") {
      throw new TypeError(`compileRouteTable: templates[${index}] must be a route template string`);
    }
    return parseRouteTemplate(template, apiType, invalidTemplate(template, `templates[${index}]`));
  });
  const routes = buildTableRoutes(given, parsed);

  const byShape = new Map<string, TableRoute>();
  for (const route of routes) {
    const earlier = byShape.get(route.shape);
    if (earlier !== undefined) {
      throw new PolicyError(
        "invalid_route_template",
        `"${route.template}" is the same route as templates[${earlier.index}] "${earlier.template}"`,
        {
          path: `templates[${route.index}]`,
          expected: "each route once (parameter names do not make a route different)",
          actual: route.template,
        },
      );
    }
    byShape.set(route.shape, route);
  }
  const byTemplate = new Map(routes.map((route) => [route.template, route]));
  const stageRoute = routes.find((route) => route.parsed.kind === "stage");
  const defaultRoute = routes.find((route) => route.parsed.kind === "default");
  const entries = routes.flatMap((route) => route.entries);
  const defaultEntry = defaultRoute?.entries[0];
  const implies = (a: TableRoute, b: TableRoute): boolean =>
    a === b || (impliesOption !== undefined && impliesOption(a.template, b.template) === true);

  // A segment value for samples that no literal of the table equals.
  const literals = new Set(
    routes.flatMap((route) =>
      route.parsed.kind === "route"
        ? route.parsed.segments.flatMap((segment) =>
            segment.kind === "literal" ? [segment.value] : [],
          )
        : [],
    ),
  );
  let fresh = "x";
  for (let i = 0; literals.has(fresh); i++) fresh = `x${i}`;

  const order = new Map(entries.map((entry, i) => [entry, i]));
  const byOrder = (a: RouteEntry, b: RouteEntry) => (order.get(a) ?? 0) - (order.get(b) ?? 0);

  // Entries by verb, then by first path segment: the only ones a glob can reach.
  const byVerb = new Map<string, VerbIndex>();
  for (const entry of entries) {
    let index = byVerb.get(entry.verb);
    if (index === undefined) {
      index = { literal: new Map(), open: [] };
      byVerb.set(entry.verb, index);
    }
    const { pattern } = entry.route;
    const first = pattern.kind === "segments" ? pattern.segments[0] : undefined;
    if (first?.kind === "literal" || first?.kind === "root") {
      const key = first.kind === "literal" ? first.value : "";
      const list = index.literal.get(key);
      if (list === undefined) index.literal.set(key, [entry]);
      else list.push(entry);
    } else {
      index.open.push(entry);
    }
  }

  return {
    apiType,
    given,
    routes,
    byShape,
    byTemplate,
    stageRoute,
    defaultRoute,
    entries,
    defaultEntry,
    implies,
    fresh,
    byOrder,
    byVerb,
    rivalsMemo: new Map(),
  };
}
