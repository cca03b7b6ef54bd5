import { routeSegment } from "./route-segment.js";

/**
 * A tagged template that builds a route template from fixed text and values, each value checked
 * by {@link routeSegment} to be literal text within one path segment. Data can therefore never
 * widen the route: a tenant id `acme/*`, `{id}`, `*`, `..`, `a b` or `""` is refused instead of
 * turning `GET /tenants/${tenant}/orders` into a pattern that covers other tenants.
 *
 * Only the values are checked; the fixed text is yours (it may hold `{param}`s). Compile the
 * result as any other template (`routeTemplateToArn`, `AllowedRoutes`).
 *
 * @param strings - The template's fixed parts.
 * @param values - The interpolated values: strings or safe integers.
 * @returns The route template, e.g. `GET /tenants/acme/orders`.
 * @throws PolicyError `invalid_route_value` with the `path` `value[i]` of the offending value.
 * @example
 * ```ts
 * const tenant = "acme";
 * routeTemplate`GET /tenants/${tenant}/orders/{id}`; // "GET /tenants/acme/orders/{id}"
 * routeTemplate`GET /tenants/${"acme/*"}/orders`; // throws PolicyError invalid_route_value
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html
 */
export function routeTemplate(
  strings: TemplateStringsArray,
  ...values: readonly unknown[]
): string {
  if (!Array.isArray(strings) || strings.length !== values.length + 1) {
    throw new TypeError(
      "routeTemplate is a tagged template: write routeTemplate`GET /tenants/...`",
    );
  }
  let out = strings[0] as string;
  for (let i = 0; i < values.length; i++) {
    out += routeSegment(values[i], `value[${i}]`) + (strings[i + 1] as string);
  }
  return out;
}
