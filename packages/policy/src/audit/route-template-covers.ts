import { parseRoute } from "./internal/select-route.js";
import { templateCovers } from "./internal/template-covers.js";

/**
 * Whether a route template (a grant, a route-table entry) names a route of the API: every request
 * API Gateway sends to `route` is one `template` describes, read segment by segment: `ANY` covers
 * every method, `{param}` one segment, `{proxy+}` the rest of the path, a literal only itself, `*`
 * everything. Unlike an IAM pattern, `GET /pets/{id}` does not cover `GET /pets/{id}/toys`.
 *
 * @param template - The grant, e.g. `ANY /admin/{proxy+}`, or `*`.
 * @param route - The API's route, e.g. `GET /admin/users/{id}`.
 * @param apiType - `"rest"` (bare resource paths mean every method) or `"http"` (`$default`).
 * @returns `true` when `template` names `route`.
 * @throws PolicyError `invalid_route_template` for a template that is not one.
 * @example
 * ```ts
 * routeTemplateCovers("ANY /admin/{proxy+}", "GET /admin/users/{id}", "http"); // true
 * routeTemplateCovers("GET /pets/{id}", "GET /pets/{id}/toys", "http"); // false
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html
 */
export function routeTemplateCovers(
  template: string,
  route: string,
  apiType: "rest" | "http",
): boolean {
  const parsed = parseRoute(route, apiType, "route");
  if (template === "*") return true;
  return templateCovers(parseRoute(template, apiType, "template"), parsed);
}
