/**
 * Which requests of which route a glob matches, under API Gateway's route selection: the rivals
 * that would take a request before a route, a sample request, the entries a glob can reach, and
 * the table's coverage (which allowed entry covers requests of which other route's entry).
 * @internal
 * @packageDocumentation
 */
import { HTTP_VERBS } from "../../arn/arn-fields.js";
import type { CompiledTable, DenyUnit, TableIndex } from "./compiled-table.js";
import { findWitness, formatRequest, mayMeet, type PathPattern } from "./find-witness.js";
import { compareRanks, type RouteEntry } from "./table-route.js";

/** Route selection: who would take a request with `verb` before `entry`'s route. */
function rivalsOf(table: TableIndex, entry: RouteEntry, verb: string): PathPattern[] {
  const key = `${entry.route.index} ${verb}`;
  let rivals = table.rivalsMemo.get(key);
  if (rivals !== undefined) return rivals;
  const target = entry.route;
  rivals = [];
  for (const route of table.routes) {
    if (route === target || route.parsed.kind !== "route") continue;
    if (target.parsed.kind === "default") {
      if (route.method === verb || route.method === "ANY") rivals.push(route.pattern);
      continue;
    }
    if (table.apiType === "rest") {
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
  table.rivalsMemo.set(key, rivals);
  return rivals;
}

/** @internal A request the glob matches that API Gateway routes to `entry` (its route and verb). */
export function sample(
  table: TableIndex,
  tokens: readonly string[],
  entry: RouteEntry,
): string | undefined {
  if (table.apiType === "websocket") {
    return tokens.length === 1 && (tokens[0] === "*" || tokens[0] === entry.template)
      ? entry.template
      : undefined;
  }
  const verbs = entry.verb === "*" ? HTTP_VERBS : [entry.verb];
  for (const verb of verbs) {
    if (!mayMeet(tokens, verb, entry.route.pattern)) continue;
    const symbols = findWitness(tokens, verb, entry.route.pattern, rivalsOf(table, entry, verb));
    if (symbols !== undefined) return formatRequest(verb, symbols, table.fresh);
  }
  return undefined;
}

/** @internal The entries whose requests a glob may match, in table order (a superset). */
export function reachable(table: TableIndex, tokens: readonly string[]): readonly RouteEntry[] {
  const verb = tokens[0];
  if (verb === undefined) return [];
  if (verb === "*" || table.apiType === "websocket") return table.entries;
  const out: RouteEntry[] = [...(table.byVerb.get("*")?.open ?? [])];
  const index = table.byVerb.get(verb);
  if (index !== undefined) {
    const first = tokens[1];
    if (first === undefined || first === "*") {
      for (const list of index.literal.values()) out.push(...list);
    } else {
      out.push(...(index.literal.get(first) ?? []));
    }
    out.push(...index.open);
  }
  return out.sort(table.byOrder);
}

/**
 * @internal Completes the table with its coverage: which allowed entry covers requests of which
 * other route's entry, and the Deny line of every entry but `$default`'s.
 */
export function coverTable(table: TableIndex): CompiledTable {
  const { entries, defaultEntry } = table;
  const coveredBy = new Map<RouteEntry, RouteEntry[]>(entries.map((entry) => [entry, []]));
  for (const entry of entries) {
    for (const target of reachable(table, entry.tokens)) {
      if (target.route === entry.route) continue;
      if (sample(table, entry.tokens, target) !== undefined) coveredBy.get(target)?.push(entry);
    }
  }
  for (const list of coveredBy.values()) list.sort(table.byOrder);

  const units = new Map<RouteEntry, DenyUnit>(
    entries
      .filter((entry) => entry !== defaultEntry)
      .map((entry) => [
        entry,
        { template: entry.template, tokens: entry.tokens, route: entry.route },
      ]),
  );
  return {
    ...table,
    coveredBy,
    units,
    deeperMemo: new Map(),
    wholeStage: {
      allow: ["*"],
      deny: [],
      outside: [],
      refused: [],
      allowsRouteKey: () => true,
    },
  };
}
