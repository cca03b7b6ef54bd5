/**
 * API Gateway's route selection over a table, for `RouteTable.routeOf`.
 * @internal
 * @packageDocumentation
 */
import { compareRanks, matchesPath, type TableRoute } from "./table-route.js";

/**
 * @internal The template API Gateway routes `method` and `path` (its segments) to: the most
 * specific path, then the route's own method over `ANY`; REST picks the resource first, HTTP APIs
 * fall back to `$default`.
 */
export function selectRoute(
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
