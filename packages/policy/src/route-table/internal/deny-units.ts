/**
 * The Deny lines beyond the table's own routes and what a Deny also refuses: deeper-path Denies
 * for when `$default` is not granted, and the requests of other routes a Deny matches.
 * @internal
 * @packageDocumentation
 */
import type { RouteSegment } from "../../arn/internal/parse-route-template.js";
import type { CompiledTable, DenyUnit } from "./compiled-table.js";
import { reachable, sample } from "./route-reach.js";
import type { RouteEntry, TableRoute } from "./table-route.js";

/** @internal An allowed pattern, as the deeper-path Denies need it. */
export interface AllowedGlob {
  template: string;
  tokens: readonly string[];
  singleStars: readonly number[];
  segments: readonly RouteSegment[];
  method: string;
}

/**
 * @internal The Denies of what an allowed pattern covers beyond its own route (deeper paths, the
 * root), for when `$default` is not granted: those requests may be routed to `$default`.
 */
export function deeperUnits(table: CompiledTable, glob: AllowedGlob): DenyUnit[] {
  const { defaultRoute } = table;
  const key = glob.tokens.join("/");
  let out = table.deeperMemo.get(key);
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
  table.deeperMemo.set(key, out);
  return out;
}

/** @internal A table entry as an allowed pattern. */
export function entryGlob(entry: RouteEntry): AllowedGlob {
  return {
    template: entry.template,
    tokens: entry.tokens,
    singleStars: entry.singleStars,
    segments: entry.route.parsed.kind === "route" ? entry.route.parsed.segments : [],
    method: entry.verb,
  };
}

/** @internal The requests of other routes a Deny also matches, one per entry; memoised on it. */
export function victimsOf(
  table: CompiledTable,
  unit: DenyUnit,
): readonly { route: TableRoute; request: string }[] {
  if (unit.victims !== undefined) return unit.victims;
  const victims: { route: TableRoute; request: string }[] = [];
  for (const entry of reachable(table, unit.tokens)) {
    if (entry.route === unit.route) continue;
    const request = sample(table, unit.tokens, entry);
    if (request !== undefined) victims.push({ route: entry.route, request });
  }
  unit.victims = victims;
  return victims;
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
