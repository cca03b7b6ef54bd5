/**
 * Route templates parsed once, for `routeTemplateToArn` and the route-table compiler alike.
 * @internal
 * @packageDocumentation
 */
import { HTTP_VERBS, hasControlCharacter } from "../arn-fields.js";

/** @internal One segment of a REST resource path / HTTP API route path. */
export type RouteSegment =
  | { kind: "literal"; value: string }
  | { kind: "param"; name: string }
  | { kind: "greedy"; name: string };

/** @internal A route template, validated and taken apart. */
export type ParsedRouteTemplate =
  /** `*`: every route of the stage (not a route API Gateway routes to). */
  | { kind: "stage" }
  /** HTTP API `$default`: the requests no other route matches. */
  | { kind: "default" }
  /** A WebSocket route key. */
  | { kind: "websocket"; routeKey: string }
  /** `METHOD /path` (REST, HTTP) or a bare REST resource path (`method` then `ANY`). */
  | {
      kind: "route";
      method: string;
      /** Written without a method (REST only). */
      bare: boolean;
      /** The path as written, from its leading `/`. */
      path: string;
      /** Empty for the root `/`. */
      segments: readonly RouteSegment[];
    };

/** @internal Makes the error for a template that does not parse. */
export type InvalidTemplate = (message: string, expected: string) => Error;

const WEBSOCKET_RESERVED: readonly string[] = ["$connect", "$disconnect", "$default"];
const PARAMETER = /^\{([A-Za-z0-9_.-]+)(\+?)\}$/;
const FORBIDDEN_LITERAL = /[{}*?\s]/;

/**
 * Parses a route template of `apiType`.
 * @throws whatever `invalid` returns, for a template that is not valid.
 * @internal
 */
export function parseRouteTemplate(
  template: string,
  apiType: "rest" | "http" | "websocket",
  invalid: InvalidTemplate,
): ParsedRouteTemplate {
  if (template === "") throw invalid("the route template is empty", "a route template");
  if (template === "*") return { kind: "stage" };
  if (apiType === "websocket") return parseWebSocket(template, invalid);
  if (template === "$default") {
    if (apiType === "rest") {
      throw invalid("REST APIs have no $default route", "METHOD /path or a resource path");
    }
    return { kind: "default" };
  }

  let method: string;
  let path: string;
  const bare = template.startsWith("/");
  if (bare) {
    if (apiType === "http") {
      throw invalid(
        "an HTTP API route key needs a method, e.g. GET /pets or ANY /pets",
        "METHOD /path or $default",
      );
    }
    method = "ANY";
    path = template;
  } else {
    const space = template.indexOf(" ");
    method = space === -1 ? template : template.slice(0, space);
    path = space === -1 ? "" : template.slice(space + 1);
    if (method !== "ANY" && !HTTP_VERBS.includes(method)) {
      const hint = HTTP_VERBS.includes(method.toUpperCase())
        ? ` (write ${method.toUpperCase()})`
        : "";
      throw invalid(
        `"${method}" is not an API Gateway method${hint}`,
        "GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY, in upper case",
      );
    }
    if (!path.startsWith("/")) {
      throw invalid(
        "the method must be followed by one space and a path starting with /",
        "METHOD /path",
      );
    }
  }

  const parts = path === "/" ? [] : path.slice(1).split("/");
  const segments = parts.map((segment, index): RouteSegment => {
    if (segment === "") {
      throw invalid(
        `empty path segment in "${path}"`,
        "/segment/segment without // or a trailing /",
      );
    }
    const parameter = PARAMETER.exec(segment);
    if (parameter === null) {
      if (FORBIDDEN_LITERAL.test(segment) || hasControlCharacter(segment)) {
        throw invalid(
          `path segment "${segment}" must be literal text or a whole {param}: braces must balance and enclose the segment, and wildcards or whitespace are not allowed`,
          "literal text, {param} or a final {proxy+}",
        );
      }
      return { kind: "literal", value: segment };
    }
    const name = parameter[1] as string;
    if (parameter[2] === "+") {
      if (index !== parts.length - 1) {
        throw invalid(`greedy parameter "${segment}" must be the last segment`, "{proxy+} last");
      }
      return { kind: "greedy", name };
    }
    return { kind: "param", name };
  });
  return { kind: "route", method, bare, path, segments };
}

function parseWebSocket(template: string, invalid: InvalidTemplate): ParsedRouteTemplate {
  if (template.startsWith("$") && !WEBSOCKET_RESERVED.includes(template)) {
    throw invalid(
      `"${template}" is not a WebSocket route key: only $connect, $disconnect and $default start with $`,
      "$connect, $disconnect, $default or a custom route key",
    );
  }
  if (FORBIDDEN_LITERAL.test(template.replaceAll(/[{}]/g, "")) || hasControlCharacter(template)) {
    throw invalid(
      "a WebSocket route key must not contain whitespace, control characters or wildcards",
      "$connect, $disconnect, $default or a custom route key",
    );
  }
  return { kind: "websocket", routeKey: template };
}
