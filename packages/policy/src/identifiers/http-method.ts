import { type IdentifierProblem, identifierError, quote } from "./internal/identifier-error.js";

/** An HTTP method API Gateway routes and writes in method ARNs (always upper case there). */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";

/** A route's method: an {@link HttpMethod}, or `ANY` (every method; never in a request ARN). */
export type RouteMethod = HttpMethod | "ANY";

/**
 * The methods API Gateway routes, in the order its console lists them.
 *
 * @example
 * ```ts
 * HTTP_METHODS.includes("PATCH"); // true
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/api/API_PutMethod.html
 */
export const HTTP_METHODS: readonly HttpMethod[] = Object.freeze([
  "GET",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "HEAD",
  "OPTIONS",
]);

/** @internal Why `value` is not a method (`ANY` allowed when `any`), or `undefined`. */
export function httpMethodProblem(value: unknown, any: boolean): IdentifierProblem | undefined {
  if (typeof value === "string") {
    if ((HTTP_METHODS as readonly string[]).includes(value) || (any && value === "ANY")) {
      return undefined;
    }
  }
  const listed = `${HTTP_METHODS.join(", ")}${any ? " or ANY" : ""}`;
  const upper = typeof value === "string" ? value.toUpperCase() : "";
  const hint =
    (HTTP_METHODS as readonly string[]).includes(upper) || (any && upper === "ANY")
      ? ` (write ${upper}: methods are upper case)`
      : !any && upper === "ANY"
        ? " (ANY names a route, never a request)"
        : "";
  return {
    message: `${quote(value)} is not an HTTP method API Gateway routes${hint}`,
    expected: `${listed}, in upper case`,
  };
}

/**
 * Whether `value` is an {@link HttpMethod} (upper case, as API Gateway writes it).
 *
 * @param value - Anything.
 * @example
 * ```ts
 * isHttpMethod("DELETE"); // true
 * isHttpMethod("get"); // false
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/api/API_PutMethod.html
 */
export function isHttpMethod(value: unknown): value is HttpMethod {
  return httpMethodProblem(value, false) === undefined;
}

/**
 * Checks the method of a request (what a method ARN carries): an {@link HttpMethod}.
 *
 * @param value - The method, e.g. `GET`.
 * @param path - Where the value sits in the caller's input, reported as the error `path`.
 * @returns `value`, typed.
 * @throws PolicyError `invalid_http_method` for anything else, lower case (`get`) and `ANY` included.
 * @example
 * ```ts
 * parseHttpMethod("POST"); // "POST"
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/api/API_PutMethod.html
 */
export function parseHttpMethod(value: unknown, path = "method"): HttpMethod {
  const problem = httpMethodProblem(value, false);
  if (problem !== undefined) throw identifierError("invalid_http_method", problem, path, value);
  return value as HttpMethod;
}

/**
 * Checks the method of a route (a REST method, an HTTP API route key's verb): an
 * {@link HttpMethod} or `ANY`.
 *
 * @param value - The method, e.g. `ANY`.
 * @param path - Where the value sits in the caller's input, reported as the error `path`.
 * @returns `value`, typed.
 * @throws PolicyError `invalid_http_method` for anything else (lower case included).
 * @example
 * ```ts
 * parseRouteMethod("ANY"); // "ANY"
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html
 */
export function parseRouteMethod(value: unknown, path = "method"): RouteMethod {
  const problem = httpMethodProblem(value, true);
  if (problem !== undefined) throw identifierError("invalid_http_method", problem, path, value);
  return value as RouteMethod;
}
