/**
 * The grant of one set of satisfied templates: the Allow lines (`ANY` expanded, templates from
 * outside the table kept), the Deny lines that keep the identity off the routes it does not
 * satisfy, and the requests of satisfied routes those Denies refuse.
 * @internal
 * @packageDocumentation
 */
import {
  type ParsedRouteTemplate,
  parseRouteTemplate,
} from "../../arn/internal/parse-route-template.js";
import type { ApiType } from "../../arn/route-template.js";
import type { RouteConflict, RouteTableGrant } from "../route-table.js";
import { type CompiledTable, type DenyUnit, invalidTemplate } from "./compiled-table.js";
import { deeperUnits, entryGlob, victimsOf } from "./deny-units.js";
import { sample } from "./route-reach.js";
import { shapeOf, singleStarsOf, type TableRoute, tokensWith } from "./table-route.js";

/** An allowed pattern from outside the table. */
interface OutsideGlob {
  template: string;
  parsed: ParsedRouteTemplate;
  tokens: readonly string[];
  singleStars: readonly number[];
}

function outsideGlob(apiType: ApiType, template: string, index: number): OutsideGlob {
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

/**
 * @internal The grant for an identity that satisfies `list` (checked to be an array).
 * @throws PolicyError `invalid_route_template` for a template that does not parse.
 */
export function computeGrant(table: CompiledTable, list: readonly string[]): RouteTableGrant {
  const { apiType, byTemplate, byShape, stageRoute, defaultRoute, defaultEntry, entries } = table;
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
      glob = outsideGlob(apiType, template, index);
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
    return { ...table.wholeStage, outside: others.map((glob) => glob.template) };
  }

  const allowed = entries.filter((entry) => satisfied.has(entry.route));
  const allowedSet = new Set(allowed);
  const deny: DenyUnit[] = [];
  for (const entry of entries) {
    if (satisfied.has(entry.route) || entry === defaultEntry) continue;
    const by = table.coveredBy.get(entry) ?? [];
    if (
      by.some((other) => allowedSet.has(other)) ||
      outside.some((glob) => sample(table, glob.tokens, entry) !== undefined)
    ) {
      deny.push(table.units.get(entry) as DenyUnit);
    }
  }
  if (defaultEntry !== undefined && defaultRoute !== undefined && !satisfied.has(defaultRoute)) {
    const reaching = table.coveredBy.get(defaultEntry) ?? [];
    for (const entry of allowed) {
      if (reaching.includes(entry)) deny.push(...deeperUnits(table, entryGlob(entry)));
    }
    for (const glob of outside) {
      if (glob.parsed.kind !== "route" || sample(table, glob.tokens, defaultEntry) === undefined)
        continue;
      deny.push(
        ...deeperUnits(table, {
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
    for (const victim of victimsOf(table, unit)) {
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

function tryParse(template: string, apiType: ApiType): ParsedRouteTemplate | undefined {
  try {
    return parseRouteTemplate(template, apiType, (message) => new Error(message));
  } catch {
    return undefined;
  }
}
