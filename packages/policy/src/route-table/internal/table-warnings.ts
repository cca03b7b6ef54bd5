/**
 * The cold-start exactness analysis: every Deny some identity gets that also refuses requests of a
 * route it satisfies, as `inexact_deny` warnings.
 * @internal
 * @packageDocumentation
 */
import type { RouteConflict, RouteTableWarning } from "../route-table.js";
import type { CompiledTable, DenyUnit } from "./compiled-table.js";
import { deeperUnits, entryGlob, victimsOf } from "./deny-units.js";
import type { RouteEntry, TableRoute } from "./table-route.js";

/** @internal What the analysis finds. */
export interface TableAnalysis {
  warnings: RouteTableWarning[];
  /** Entries whose Allow reaches `$default`'s requests without implying `$default`. */
  deeperTriggers: RouteEntry[];
}

/** @internal The table's warnings and the entries that need deeper-path Denies. */
export function analyseTable(table: CompiledTable): TableAnalysis {
  const { routes, defaultRoute, defaultEntry, entries, coveredBy, units, implies } = table;
  const warnings: RouteTableWarning[] = [];
  const report = (route: TableRoute, allowedBy: TableRoute[], deny: DenyUnit[]): void => {
    const refuses = new Map<TableRoute, RouteConflict>();
    for (const unit of deny) {
      for (const victim of victimsOf(table, unit)) {
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
      deeperTriggers.flatMap((entry) => deeperUnits(table, entryGlob(entry))),
    );
  }
  return { warnings, deeperTriggers };
}

function quoteList(routes: readonly TableRoute[]): string {
  const names = routes.slice(0, 3).map((route) => `"${route.template}"`);
  return routes.length > 3 ? `${names.join(", ")} and ${routes.length - 3} more` : names.join(", ");
}
