/**
 * The routes of a table, parsed, with what route selection and the policy need of each: rank,
 * shape (the route without parameter names), path pattern, and one entry per concrete verb.
 * @internal
 * @packageDocumentation
 */
import { HTTP_VERBS } from "../../arn/arn-fields.js";
import type { ParsedRouteTemplate, RouteSegment } from "../../arn/internal/parse-route-template.js";
import type { MatchSegment, PathPattern } from "./find-witness.js";

/** @internal One verb of one route: a line of the Allow or Deny statement. */
export interface RouteEntry {
  route: TableRoute;
  /** The concrete verb, or `*` for `$default` (every verb). */
  verb: string;
  /** The template handed to the response builders: the route with this verb (`GET /pets/{id}`). */
  template: string;
  /** The ARN tail's `/`-separated tokens (`["GET", "pets", "*"]`). */
  tokens: readonly string[];
  /** Indexes of `tokens` that stand for one path segment but match more (`{param}`). */
  singleStars: readonly number[];
}

/** @internal */
export interface TableRoute {
  index: number;
  template: string;
  parsed: ParsedRouteTemplate;
  /** `GET`... or `ANY` for routes; `*` for `$default` and the stage. */
  method: string;
  /** The route without parameter names: `GET /pets/{}`, `ANY /files/{+}`, `$default`, `*`. */
  shape: string;
  /** The path without parameter names (`/pets/{}`): REST's resource. */
  pathShape: string;
  /** Literal 0, parameter 1, greedy 2: lower sorts as more specific. */
  rank: readonly number[];
  pattern: PathPattern;
  entries: RouteEntry[];
}

function shapeOfSegment(segment: RouteSegment): string {
  return segment.kind === "literal" ? segment.value : segment.kind === "param" ? "{}" : "{+}";
}

/** @internal The shape of a parsed template (see {@link TableRoute.shape}). */
export function shapeOf(parsed: ParsedRouteTemplate): { shape: string; pathShape: string } {
  switch (parsed.kind) {
    case "stage":
      return { shape: "*", pathShape: "*" };
    case "default":
      return { shape: "$default", pathShape: "$default" };
    case "websocket":
      return { shape: parsed.routeKey, pathShape: parsed.routeKey };
    case "route": {
      const pathShape = `/${parsed.segments.map(shapeOfSegment).join("/")}`;
      return { shape: `${parsed.method} ${pathShape}`, pathShape };
    }
  }
}

function rankOf(segments: readonly RouteSegment[]): number[] {
  const rank: number[] = [];
  for (const segment of segments) {
    if (segment.kind === "greedy") {
      rank.push(2);
      break;
    }
    rank.push(segment.kind === "literal" ? 0 : 1);
  }
  return rank;
}

/**
 * @internal Negative when `a` is more specific than `b`: segment by segment, literal before
 * parameter before greedy; on a common prefix the longer wins.
 */
export function compareRanks(a: readonly number[], b: readonly number[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const diff = (a[i] as number) - (b[i] as number);
    if (diff !== 0) return diff;
  }
  return b.length - a.length;
}

/** @internal The path pattern of a route's segments. */
export function pathPatternOf(segments: readonly RouteSegment[]): PathPattern {
  if (segments.length === 0) return { kind: "segments", segments: [{ kind: "root" }] };
  return {
    kind: "segments",
    segments: segments.map(
      (segment): MatchSegment =>
        segment.kind === "literal"
          ? { kind: "literal", value: segment.value }
          : { kind: segment.kind },
    ),
  };
}

/** @internal The template string of a route path with `verb`. */
export function templateWith(verb: string, segments: readonly RouteSegment[]): string {
  const path = segments
    .map((segment) =>
      segment.kind === "literal"
        ? segment.value
        : segment.kind === "param"
          ? `{${segment.name}}`
          : `{${segment.name}+}`,
    )
    .join("/");
  return `${verb} /${path}`;
}

/** @internal The ARN tail tokens of a route path with `verb` (`*` for `ANY`). */
export function tokensWith(verb: string, segments: readonly RouteSegment[]): string[] {
  if (segments.length === 0) return [verb === "ANY" ? "*" : verb, ""];
  return [
    verb === "ANY" ? "*" : verb,
    ...segments.map((segment) => (segment.kind === "literal" ? segment.value : "*")),
  ];
}

/** @internal The token indexes that stand for one segment: `{param}`, and the verb of `ANY`. */
export function singleStarsOf(verb: string, segments: readonly RouteSegment[]): number[] {
  const out: number[] = verb === "ANY" ? [0] : [];
  segments.forEach((segment, i) => {
    if (segment.kind === "param") out.push(i + 1);
  });
  return out;
}

/** @internal Parses the table's routes and expands `ANY` into the verbs routed to it. */
export function buildTableRoutes(
  templates: readonly string[],
  parsed: readonly ParsedRouteTemplate[],
): TableRoute[] {
  const routes: TableRoute[] = parsed.map((entry, index) => {
    const { shape, pathShape } = shapeOf(entry);
    const segments = entry.kind === "route" ? entry.segments : [];
    return {
      index,
      template: templates[index] as string,
      parsed: entry,
      method: entry.kind === "route" ? entry.method : "*",
      shape,
      pathShape,
      rank: entry.kind === "route" ? rankOf(segments) : [],
      pattern: entry.kind === "default" ? { kind: "fallback" } : pathPatternOf(segments),
      entries: [],
    };
  });
  const methodsByPath = new Map<string, Set<string>>();
  for (const route of routes) {
    if (route.parsed.kind !== "route") continue;
    let methods = methodsByPath.get(route.pathShape);
    if (methods === undefined) {
      methods = new Set();
      methodsByPath.set(route.pathShape, methods);
    }
    methods.add(route.method);
  }
  for (const route of routes) {
    const { parsed: entry } = route;
    if (entry.kind === "default") {
      route.entries.push({
        route,
        verb: "*",
        template: route.template,
        tokens: ["*"],
        singleStars: [],
      });
    } else if (entry.kind === "websocket") {
      route.entries.push({
        route,
        verb: "*",
        template: route.template,
        tokens: [entry.routeKey],
        singleStars: [],
      });
    } else if (entry.kind === "route") {
      // A verb with its own route on the same path goes there, never to ANY.
      const siblings = methodsByPath.get(route.pathShape) as Set<string>;
      const verbs =
        entry.method === "ANY" ? HTTP_VERBS.filter((verb) => !siblings.has(verb)) : [entry.method];
      for (const verb of verbs) {
        route.entries.push({
          route,
          verb,
          template: templateWith(verb, entry.segments),
          tokens: tokensWith(verb, entry.segments),
          singleStars: singleStarsOf(verb, entry.segments),
        });
      }
    }
  }
  return routes;
}

/**
 * @internal Whether a route's segments match a concrete path's segments (`/` is `[]`), as API
 * Gateway matches them: a parameter takes one non-empty segment, a greedy parameter the rest.
 */
export function matchesPath(segments: readonly RouteSegment[], path: readonly string[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as RouteSegment;
    if (segment.kind === "greedy") return path.length > i;
    const value = path[i];
    if (value === undefined) return false;
    if (segment.kind === "literal" ? segment.value !== value : value === "") return false;
  }
  return path.length === segments.length;
}
