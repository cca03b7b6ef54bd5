import { HTTP_VERBS } from "../arn/arn-fields.js";
import {
  type ParsedRouteTemplate,
  parseRouteTemplate,
  type RouteSegment,
} from "../arn/internal/parse-route-template.js";
import { type ApiType, routeTemplateToArn } from "../arn/route-template.js";
import { PolicyError } from "../errors.js";
import { findWitness, formatRequest, mayMeet, type PathPattern } from "./internal/find-witness.js";
import {
  buildTableRoutes,
  compareRanks,
  matchesPath,
  type RouteEntry,
  shapeOf,
  singleStarsOf,
  type TableRoute,
  tokensWith,
} from "./internal/table-route.js";
import type {
  RouteConflict,
  RoutePolicyBound,
  RouteTable,
  RouteTableGrant,
  RouteTableOptions,
  RouteTableStage,
  RouteTableWarning,
} from "./route-table.js";

const API_TYPES: readonly string[] = ["rest", "http", "websocket"];

/** Grants remembered per table (an identity's set is usually one of a few). */
const GRANTS_LIMIT = 256;

/** A Deny line and the route it keeps the identity off. */
interface DenyUnit {
  /** The route template for the builders (concrete verb). */
  template: string;
  tokens: readonly string[];
  /** The table route the Deny stands for: a route the identity does not satisfy. */
  route: TableRoute;
  /** Requests of other routes this Deny also matches, computed on first use. */
  victims?: readonly { route: TableRoute; request: string }[];
}

/** An allowed pattern from outside the table. */
interface OutsideGlob {
  template: string;
  parsed: ParsedRouteTemplate;
  tokens: readonly string[];
  singleStars: readonly number[];
}

function invalidTemplate(template: string, path: string) {
  return (message: string, expected: string) =>
    new PolicyError("invalid_route_template", message, { path, expected, actual: template });
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

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

  // --- Route selection: who would take a request before `entry`'s route. ---
  const rivalsMemo = new Map<string, PathPattern[]>();
  function rivalsOf(entry: RouteEntry, verb: string): PathPattern[] {
    const key = `${entry.route.index} ${verb}`;
    let rivals = rivalsMemo.get(key);
    if (rivals !== undefined) return rivals;
    const target = entry.route;
    rivals = [];
    for (const route of routes) {
      if (route === target || route.parsed.kind !== "route") continue;
      if (target.parsed.kind === "default") {
        if (route.method === verb || route.method === "ANY") rivals.push(route.pattern);
        continue;
      }
      if (apiType === "rest") {
        if (route.pathShape !== target.pathShape && compareRanks(route.rank, target.rank) < 0) {
          rivals.push(route.pattern);
        }
        continue;
      }
      if (route.method !== verb && route.method !== "ANY") continue;
      const order = compareRanks(route.rank, target.rank);
      if (order < 0 || (order === 0 && route.method !== "ANY" && target.method === "ANY")) {
        rivals.push(route.pattern);
      }
    }
    rivalsMemo.set(key, rivals);
    return rivals;
  }

  /** A request the glob matches that API Gateway routes to `entry` (its route and verb). */
  function sample(tokens: readonly string[], entry: RouteEntry): string | undefined {
    if (apiType === "websocket") {
      return tokens.length === 1 && (tokens[0] === "*" || tokens[0] === entry.template)
        ? entry.template
        : undefined;
    }
    const verbs = entry.verb === "*" ? HTTP_VERBS : [entry.verb];
    for (const verb of verbs) {
      if (!mayMeet(tokens, verb, entry.route.pattern)) continue;
      const symbols = findWitness(tokens, verb, entry.route.pattern, rivalsOf(entry, verb));
      if (symbols !== undefined) return formatRequest(verb, symbols, fresh);
    }
    return undefined;
  }

  const order = new Map(entries.map((entry, i) => [entry, i]));
  const byOrder = (a: RouteEntry, b: RouteEntry) => (order.get(a) ?? 0) - (order.get(b) ?? 0);

  // Entries by verb, then by first path segment: the only ones a glob can reach.
  const byVerb = new Map<string, { literal: Map<string, RouteEntry[]>; open: RouteEntry[] }>();
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
  /** The entries whose requests a glob may match, in table order (a superset). */
  function reachable(tokens: readonly string[]): RouteEntry[] {
    const verb = tokens[0];
    if (verb === undefined) return [];
    if (verb === "*" || apiType === "websocket") return entries;
    const out: RouteEntry[] = [...(byVerb.get("*")?.open ?? [])];
    const index = byVerb.get(verb);
    if (index !== undefined) {
      const first = tokens[1];
      if (first === undefined || first === "*") {
        for (const list of index.literal.values()) out.push(...list);
      } else {
        out.push(...(index.literal.get(first) ?? []));
      }
      out.push(...index.open);
    }
    return out.sort(byOrder);
  }

  // --- Which allowed entry covers requests of which other route's entry. ---
  const coveredBy = new Map<RouteEntry, RouteEntry[]>(entries.map((entry) => [entry, []]));
  for (const entry of entries) {
    for (const target of reachable(entry.tokens)) {
      if (target.route === entry.route) continue;
      if (sample(entry.tokens, target) !== undefined) coveredBy.get(target)?.push(entry);
    }
  }
  for (const list of coveredBy.values()) list.sort(byOrder);

  const units = new Map<RouteEntry, DenyUnit>(
    entries
      .filter((entry) => entry !== defaultEntry)
      .map((entry) => [
        entry,
        { template: entry.template, tokens: entry.tokens, route: entry.route },
      ]),
  );
  /**
   * The Denies of what an allowed pattern covers beyond its own route (deeper paths, the root),
   * for when `$default` is not granted: those requests may be routed to `$default`.
   */
  const deeperMemo = new Map<string, DenyUnit[]>();
  function deeperUnits(glob: {
    template: string;
    tokens: readonly string[];
    singleStars: readonly number[];
    segments: readonly RouteSegment[];
    method: string;
  }): DenyUnit[] {
    const key = glob.tokens.join("/");
    let out = deeperMemo.get(key);
    if (out !== undefined || defaultRoute === undefined) return out ?? [];
    out = glob.singleStars.map((star) => ({
      template: deeperTemplate(glob.method, glob.segments, star),
      tokens: [...glob.tokens.slice(0, star + 1), "*", ...glob.tokens.slice(star + 1)],
      route: defaultRoute,
    }));
    // `GET/*` (`GET /{id}`, `GET /{proxy+}`) also matches the root's `GET/`.
    if (glob.tokens.length === 2 && glob.tokens[1] === "*") {
      const verb = glob.tokens[0] as string;
      out.push({
        template: `${verb === "*" ? "ANY" : verb} /`,
        tokens: [verb, ""],
        route: defaultRoute,
      });
    }
    deeperMemo.set(key, out);
    return out;
  }
  const entryGlob = (entry: RouteEntry) => ({
    template: entry.template,
    tokens: entry.tokens,
    singleStars: entry.singleStars,
    segments: entry.route.parsed.kind === "route" ? entry.route.parsed.segments : [],
    method: entry.verb,
  });

  function victimsOf(unit: DenyUnit): readonly { route: TableRoute; request: string }[] {
    if (unit.victims !== undefined) return unit.victims;
    const victims: { route: TableRoute; request: string }[] = [];
    for (const entry of reachable(unit.tokens)) {
      if (entry.route === unit.route) continue;
      const request = sample(unit.tokens, entry);
      if (request !== undefined) victims.push({ route: entry.route, request });
    }
    unit.victims = victims;
    return victims;
  }

  // --- Cold-start analysis: a Deny some identity gets that refuses a route it satisfies. ---
  const warnings: RouteTableWarning[] = [];
  const report = (route: TableRoute, allowedBy: TableRoute[], deny: DenyUnit[]): void => {
    const refuses = new Map<TableRoute, RouteConflict>();
    for (const unit of deny) {
      for (const victim of victimsOf(unit)) {
        if (implies(victim.route, route) || refuses.has(victim.route)) continue;
        refuses.set(victim.route, {
          denied: route.template,
          route: victim.route.template,
          request: victim.request,
        });
      }
    }
    if (refuses.size === 0) return;
    const samples = [...refuses.values()];
    const first = samples[0] as RouteConflict;
    warnings.push({
      code: "inexact_deny",
      message:
        route === defaultRoute
          ? `$default is not granted to every identity, so the deeper paths that the Allow of ${quoteList(allowedBy)} covers get a Deny, which also refuses ${first.request} (routed to "${first.route}")${samples.length > 1 ? ` and requests of ${samples.length - 1} other route(s)` : ""}: IAM's * crosses "/", so no narrower Deny exists; an identity that may call those routes but not $default gets 403 there.`
          : `The Deny that keeps identities off "${route.template}" (needed because the Allow of ${quoteList(allowedBy)} covers it) also refuses ${first.request} (routed to "${first.route}")${samples.length > 1 ? ` and requests of ${samples.length - 1} other route(s)` : ""}: IAM's * crosses "/", so no narrower Deny exists; an identity that may call "${first.route}" but not "${route.template}" gets 403 there.`,
      route: route.template,
      allowedBy: allowedBy.map((by) => by.template),
      refuses: samples,
    });
  };
  for (const route of routes) {
    if (route === defaultRoute || route.entries.length === 0) continue;
    const allowedBy = new Set<TableRoute>();
    const deny: DenyUnit[] = [];
    for (const entry of route.entries) {
      const by = (coveredBy.get(entry) ?? []).filter((other) => !implies(other.route, route));
      if (by.length === 0) continue;
      for (const other of by) allowedBy.add(other.route);
      deny.push(units.get(entry) as DenyUnit);
    }
    if (deny.length > 0) report(route, [...allowedBy], deny);
  }
  const deeperTriggers =
    defaultEntry === undefined || defaultRoute === undefined
      ? []
      : entries.filter(
          (entry) =>
            entry !== defaultEntry &&
            !implies(entry.route, defaultRoute) &&
            (coveredBy.get(defaultEntry) ?? []).includes(entry),
        );
  if (defaultRoute !== undefined && deeperTriggers.length > 0) {
    report(
      defaultRoute,
      [...new Set(deeperTriggers.map((entry) => entry.route))],
      deeperTriggers.flatMap((entry) => deeperUnits(entryGlob(entry))),
    );
  }

  // --- Grants. ---
  const grants = new Map<string, RouteTableGrant>();
  const wholeStage: RouteTableGrant = {
    allow: ["*"],
    deny: [],
    outside: [],
    refused: [],
    allowsRouteKey: () => true,
  };

  function outsideGlob(template: string, index: number): OutsideGlob {
    const entry = parseRouteTemplate(
      template,
      apiType,
      invalidTemplate(template, `templates[${index}]`),
    );
    if (entry.kind === "route") {
      return {
        template,
        parsed: entry,
        tokens: tokensWith(entry.method, entry.segments),
        singleStars: singleStarsOf(entry.method, entry.segments),
      };
    }
    const tokens =
      entry.kind === "websocket" ? [entry.routeKey] : entry.kind === "default" ? ["*"] : ["*", "*"];
    return { template, parsed: entry, tokens, singleStars: [] };
  }

  function computeGrant(list: readonly string[]): RouteTableGrant {
    const satisfied = new Set<TableRoute>();
    const outside: OutsideGlob[] = [];
    const outsideShapes = new Set<string>();
    list.forEach((template, index) => {
      if (typeof template !== "string") {
        throw new TypeError(`grant: templates[${index}] must be a route template string`);
      }
      let route = byTemplate.get(template);
      let glob: OutsideGlob | undefined;
      if (route === undefined) {
        glob = outsideGlob(template, index);
        route = byShape.get(shapeOf(glob.parsed).shape);
      }
      if (route !== undefined) satisfied.add(route);
      else if (glob !== undefined && !outsideShapes.has(template)) {
        outsideShapes.add(template);
        outside.push(glob);
      }
    });
    if (
      (stageRoute !== undefined && satisfied.has(stageRoute)) ||
      outside.some((glob) => glob.parsed.kind === "stage")
    ) {
      // `*` is the whole stage by definition: not a route the table could be missing.
      const others = outside.filter((glob) => glob.parsed.kind !== "stage");
      return { ...wholeStage, outside: others.map((glob) => glob.template) };
    }

    const allowed = entries.filter((entry) => satisfied.has(entry.route));
    const allowedSet = new Set(allowed);
    const deny: DenyUnit[] = [];
    for (const entry of entries) {
      if (satisfied.has(entry.route) || entry === defaultEntry) continue;
      const by = coveredBy.get(entry) ?? [];
      if (
        by.some((other) => allowedSet.has(other)) ||
        outside.some((glob) => sample(glob.tokens, entry) !== undefined)
      ) {
        deny.push(units.get(entry) as DenyUnit);
      }
    }
    if (defaultEntry !== undefined && defaultRoute !== undefined && !satisfied.has(defaultRoute)) {
      const reaching = coveredBy.get(defaultEntry) ?? [];
      for (const entry of allowed) {
        if (reaching.includes(entry)) deny.push(...deeperUnits(entryGlob(entry)));
      }
      for (const glob of outside) {
        if (glob.parsed.kind !== "route" || sample(glob.tokens, defaultEntry) === undefined)
          continue;
        deny.push(
          ...deeperUnits({
            template: glob.template,
            tokens: glob.tokens,
            singleStars: glob.singleStars,
            segments: glob.parsed.segments,
            method: glob.parsed.method,
          }),
        );
      }
    }

    const refused: RouteConflict[] = [];
    const seen = new Set<string>();
    for (const unit of deny) {
      for (const victim of victimsOf(unit)) {
        if (!satisfied.has(victim.route)) continue;
        const key = `${unit.route.index} ${victim.route.index}`;
        if (seen.has(key)) continue;
        seen.add(key);
        refused.push({
          denied: unit.route.template,
          route: victim.route.template,
          request: victim.request,
        });
      }
    }

    const shapes = new Set<string>();
    for (const route of satisfied) shapes.add(route.shape);
    for (const glob of outside) shapes.add(shapeOf(glob.parsed).shape);
    return {
      allow: [
        ...new Set([
          ...allowed.map((entry) => entry.template),
          ...outside.map((glob) => glob.template),
        ]),
      ],
      deny: [...new Set(deny.map((unit) => unit.template))],
      outside: outside.map((glob) => glob.template),
      refused,
      allowsRouteKey(routeKey: string): boolean {
        if (typeof routeKey !== "string") return false;
        const parsedKey = tryParse(routeKey, apiType);
        return parsedKey !== undefined && shapes.has(shapeOf(parsedKey).shape);
      },
    };
  }

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
        grant = computeGrant(list);
        if (grants.size >= GRANTS_LIMIT) grants.clear();
        grants.set(key, grant);
      }
      return grant;
    },
    policyBound(stage: RouteTableStage): RoutePolicyBound {
      const whole = routeTemplateToArn("*", stage, apiType).pattern;
      const prefix = whole.slice(0, whole.length - (apiType === "websocket" ? 1 : 3));
      const tails = [
        ...entries.map((entry) => entry.tokens.join("/")),
        ...deeperTriggers.flatMap((entry) =>
          deeperUnits(entryGlob(entry)).map((unit) => unit.tokens.join("/")),
        ),
      ];
      // Each entry is in the Allow (satisfied) or at most in the Deny (not satisfied); deeper-path
      // Denies come on top. Two statements at most; a whole-stage grant or Deny is one ARN.
      let bytes = utf8Length(
        JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            { Action: "execute-api:Invoke", Effect: "Allow", Resource: [] },
            { Action: "execute-api:Invoke", Effect: "Deny", Resource: [] },
          ],
        }),
      );
      let longest = whole.length;
      for (const tail of tails) {
        const arn = prefix + tail;
        bytes += utf8Length(JSON.stringify(arn)) + 1;
        if (arn.length > longest) longest = arn.length;
      }
      return { bytes, resources: Math.max(tails.length, 1), longestResource: longest };
    },
  };
  return table;
}

function tryParse(template: string, apiType: ApiType): ParsedRouteTemplate | undefined {
  try {
    return parseRouteTemplate(template, apiType, (message) => new Error(message));
  } catch {
    return undefined;
  }
}

function quoteList(routes: readonly TableRoute[]): string {
  const names = routes.slice(0, 3).map((route) => `"${route.template}"`);
  return routes.length > 3 ? `${names.join(", ")} and ${routes.length - 3} more` : names.join(", ");
}

/** The template of the paths one segment deeper at `star` (a `{param}`, or `ANY`'s verb). */
function deeperTemplate(method: string, segments: readonly RouteSegment[], star: number): string {
  const parts = segments.map((segment) =>
    segment.kind === "literal"
      ? segment.value
      : segment.kind === "param"
        ? `{${segment.name}}`
        : `{${segment.name}+}`,
  );
  if (star === 0) return `ANY /{deeper}/${parts.join("/")}`;
  const segment = segments[star - 1] as RouteSegment;
  parts.splice(star, 0, `{${segment.kind === "literal" ? "deeper" : segment.name}_deeper}`);
  return `${method} /${parts.join("/")}`;
}

/** API Gateway's route selection over the table (see {@link compileRouteTable}). */
function selectRoute(
  routes: readonly TableRoute[],
  apiType: "rest" | "http",
  method: string,
  path: readonly string[],
): string | undefined {
  let best: TableRoute | undefined;
  for (const route of routes) {
    if (route.parsed.kind !== "route" || !matchesPath(route.parsed.segments, path)) continue;
    if (apiType === "http" && route.method !== method && route.method !== "ANY") continue;
    if (best === undefined) {
      best = route;
      continue;
    }
    const order = compareRanks(route.rank, best.rank);
    if (order < 0 || (order === 0 && best.method === "ANY" && route.method !== "ANY")) best = route;
  }
  if (apiType === "http") {
    return (best ?? routes.find((route) => route.parsed.kind === "default"))?.template;
  }
  if (best === undefined) return undefined;
  const resource = best.pathShape;
  const onResource = routes.filter(
    (route) => route.parsed.kind === "route" && route.pathShape === resource,
  );
  return (
    onResource.find((route) => route.method === method) ??
    onResource.find((route) => route.method === "ANY")
  )?.template;
}
