/**
 * Picks the API a request is for (by mount prefix) and its route, as API Gateway does: the most
 * specific resource / route path first (literal over `{param}` over `{proxy+}`), then the exact
 * method over `ANY`; HTTP APIs fall back to `$default`.
 * @internal
 * @packageDocumentation
 */
import type { ResolvedApi } from "../../config/internal/resolved-api.js";
import type { ResolvedRoute } from "../../config/internal/resolved-route.js";
import { compareRanks, matchPattern, splitPath } from "./route-pattern.js";

/** @internal The API whose prefix is the longest one `path` starts with, and the path below it. */
export function matchApi(
  apis: readonly ResolvedApi[],
  path: string,
): { api: ResolvedApi; path: string } | undefined {
  let best: ResolvedApi | undefined;
  for (const api of apis) {
    const { prefix } = api;
    if (prefix === "" || path === prefix || path.startsWith(`${prefix}/`)) {
      if (best === undefined || prefix.length > best.prefix.length) best = api;
    }
  }
  if (best === undefined) return undefined;
  return { api: best, path: path.slice(best.prefix.length) || "/" };
}

const API_GATEWAY_METHODS: ReadonlySet<string> = new Set([
  "GET",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "HEAD",
  "OPTIONS",
]);

/** @internal */
export function matchRoute(
  api: ResolvedApi,
  method: string,
  path: string,
): ResolvedRoute | undefined {
  // API Gateway serves these verbs only (`ANY` is all seven); others match no route.
  if (!API_GATEWAY_METHODS.has(method)) return undefined;
  const segments = splitPath(path);
  if (api.type === "REST") {
    // REST picks the resource first; a resource without the method is "Missing Authentication Token".
    let bestRank: number[] | undefined;
    let bestTemplate: string | undefined;
    for (const route of api.routes) {
      if (route.pattern === null) continue;
      const rank = matchPattern(route.pattern, segments);
      if (rank !== undefined && (bestRank === undefined || compareRanks(rank, bestRank) < 0)) {
        bestRank = rank;
        bestTemplate = route.pattern.template;
      }
    }
    if (bestTemplate === undefined) return undefined;
    const candidates = api.routes.filter((route) => route.pattern?.template === bestTemplate);
    return (
      candidates.find((route) => route.method === method) ??
      candidates.find((route) => route.method === "ANY")
    );
  }
  let best: { route: ResolvedRoute; rank: number[] } | undefined;
  for (const route of api.routes) {
    if (route.pattern === null) continue;
    if (route.method !== method && route.method !== "ANY") continue;
    const rank = matchPattern(route.pattern, segments);
    if (rank === undefined) continue;
    const order = best === undefined ? -1 : compareRanks(rank, best.rank);
    if (order < 0 || (order === 0 && best?.route.method === "ANY" && route.method !== "ANY")) {
      best = { route, rank };
    }
  }
  return best?.route ?? api.routes.find((route) => route.routeKey === "$default");
}
