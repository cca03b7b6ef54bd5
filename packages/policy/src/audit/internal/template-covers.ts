/**
 * Whether a route-table template names a route: every request API Gateway sends to the route is
 * one the template describes (segment by segment, not as an IAM pattern: `*` crossing `/` is the
 * over-match the audit is looking for).
 * @internal
 * @packageDocumentation
 */
import type { ParsedRoute } from "./select-route.js";

/**
 * @internal `ANY` covers every method; a `{param}` covers one segment of any kind but a greedy one;
 * a `{proxy+}` covers the rest of the path (one segment or more); a literal covers only itself.
 * `$default` covers only `$default`.
 */
export function templateCovers(template: ParsedRoute, route: ParsedRoute): boolean {
  if (template.segments === null || route.segments === null) {
    return template.segments === null && route.segments === null;
  }
  if (template.method !== "ANY" && template.method !== route.method) return false;
  const outer = template.segments;
  const inner = route.segments;
  for (let index = 0; index < outer.length; index++) {
    const segment = outer[index];
    const other = inner[index];
    if (segment === undefined) return false;
    if (segment.kind === "greedy") return other !== undefined;
    if (other === undefined || other.kind === "greedy") return false;
    if (segment.kind === "literal" && (other.kind !== "literal" || other.value !== segment.value)) {
      return false;
    }
  }
  return outer.length === inner.length;
}
