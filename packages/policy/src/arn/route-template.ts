import { PolicyError } from "../errors.js";
import { checkApiTarget, checkStage, HTTP_VERBS, hasControlCharacter } from "./arn-fields.js";
import { MAX_RESOURCE_ARN_LENGTH } from "./arn-limits.js";
import type { Partition } from "./execute-api-arn.js";

/** The kind of API Gateway API a route template belongs to. */
export type ApiType = "rest" | "http" | "websocket";

/** The ARN pattern for a route template, and how exact it is. */
export interface RouteTemplateArn {
  /** Full ARN pattern, e.g. `arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/*`. */
  pattern: string;
  /**
   * `true` when the pattern also matches requests the template does not: IAM's `*` crosses `/`, so
   * a `*` from a mid-path or final single-segment parameter, or from the `ANY` verb, matches deeper
   * paths too; an HTTP API `$default` pattern covers every route, not only the fall-through ones.
   */
  overMatch: boolean;
  /** One human-readable sentence per over-match (and per other concern, such as length). */
  warnings: string[];
}

const API_TYPES: readonly string[] = ["rest", "http", "websocket"];
const WEBSOCKET_RESERVED: readonly string[] = ["$connect", "$disconnect", "$default"];
const PARAMETER = /^\{([A-Za-z0-9_.-]+)(\+?)\}$/;
const FORBIDDEN_LITERAL = /[{}*?\s]/;

/**
 * Compiles an API Gateway route template to the execute-api ARN pattern a policy needs for it.
 *
 * - REST / HTTP: `GET /pets/{id}` -> `.../{stage}/GET/pets/*`; `ANY` -> `*`; `{param}` and
 *   `{proxy+}` -> `*`; `GET /` -> `.../{stage}/GET/`; `*` -> `.../{stage}/*\/*`. REST also takes a
 *   bare resource path (`/pets/{id}`), meaning every method of it. HTTP: `$default` -> `.../{stage}/*`.
 * - WebSocket: `$connect`, `$disconnect`, `$default` and custom keys -> `.../{stage}/{routeKey}`;
 *   `*` -> `.../{stage}/*`.
 *
 * IAM's `*` also matches `/`, so every `*` except a final `{proxy+}` (or the whole-stage `*`) makes
 * the pattern match more than the template: this is reported in `overMatch` and `warnings`.
 *
 * @param template - A REST resource template / HTTP API route key (`GET /pets/{id}`) or WebSocket route key.
 * @param base - The API and stage the route belongs to.
 * @param apiType - `"rest"`, `"http"` or `"websocket"`.
 * @param path - Where `template` sits in the caller's input, reported as the error `path`. Default `"template"`.
 * @returns The pattern, whether it over-matches, and warnings.
 * @throws PolicyError `invalid_route_template` for a bad verb, unbalanced braces, `{proxy+}` not
 *   last, an empty template or segment, or a wildcard; `invalid_arn` for a bad `base` field.
 * @throws TypeError when the arguments have the wrong types.
 * @example
 * ```ts
 * const base = { partition: "aws", region: "us-east-1", accountId: "123456789012", apiId: "abc123", stage: "prod" } as const;
 * routeTemplateToArn("GET /pets/{id}/toys", base, "http");
 * // { pattern: "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/*\/toys", overMatch: true, warnings: [...] }
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html
 */
export function routeTemplateToArn(
  template: string,
  base: { partition: Partition; region: string; accountId: string; apiId: string; stage: string },
  apiType: ApiType,
  path = "template",
): RouteTemplateArn {
  if (typeof template !== "string") {
    throw new TypeError(`routeTemplateToArn: template must be a string, got ${typeof template}`);
  }
  if (!API_TYPES.includes(apiType)) {
    throw new TypeError('routeTemplateToArn: apiType must be "rest", "http" or "websocket"');
  }
  const target = checkApiTarget(base, "routeTemplateToArn", "base");
  if (typeof base.stage !== "string") {
    throw new TypeError("routeTemplateToArn: base.stage must be a string");
  }
  const stage = checkStage(base.stage, "base.stage");
  const prefix = `arn:${target.partition}:execute-api:${target.region}:${target.accountId}:${target.apiId}/${stage}/`;

  const invalid = (message: string, expected: string) =>
    new PolicyError("invalid_route_template", message, { path, expected, actual: template });

  if (template === "") throw invalid("the route template is empty", "a route template");

  const compiled =
    apiType === "websocket"
      ? compileWebSocket(template, invalid)
      : compileHttp(template, apiType, invalid);
  const pattern = prefix + compiled.tail;
  const warnings = [...compiled.warnings];
  if (pattern.length > MAX_RESOURCE_ARN_LENGTH) {
    warnings.push(
      `The pattern is ${pattern.length} characters; API Gateway rejects a Resource longer than ${MAX_RESOURCE_ARN_LENGTH} in an authorizer policy.`,
    );
  }
  return { pattern, overMatch: compiled.overMatch, warnings };
}

type Invalid = (message: string, expected: string) => PolicyError;

interface Compiled {
  tail: string;
  overMatch: boolean;
  warnings: string[];
}

function compileWebSocket(template: string, invalid: Invalid): Compiled {
  if (template === "*") return { tail: "*", overMatch: false, warnings: [] };
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
  return { tail: template, overMatch: false, warnings: [] };
}

function compileHttp(template: string, apiType: "rest" | "http", invalid: Invalid): Compiled {
  if (template === "*") return { tail: "*/*", overMatch: false, warnings: [] };
  if (template === "$default") {
    if (apiType === "rest") {
      throw invalid("REST APIs have no $default route", "METHOD /path or a resource path");
    }
    return {
      tail: "*",
      overMatch: true,
      warnings: [
        "$default becomes the whole stage (*): the pattern covers every route, not only the requests that fall through to $default.",
      ],
    };
  }

  let verb: string;
  let resourcePath: string;
  if (template.startsWith("/")) {
    if (apiType === "http") {
      throw invalid(
        "an HTTP API route key needs a method, e.g. GET /pets or ANY /pets",
        "METHOD /path or $default",
      );
    }
    verb = "ANY";
    resourcePath = template;
  } else {
    const space = template.indexOf(" ");
    verb = space === -1 ? template : template.slice(0, space);
    resourcePath = space === -1 ? "" : template.slice(space + 1);
    if (verb !== "ANY" && !HTTP_VERBS.includes(verb)) {
      const hint = HTTP_VERBS.includes(verb.toUpperCase()) ? ` (write ${verb.toUpperCase()})` : "";
      throw invalid(
        `"${verb}" is not an API Gateway method${hint}`,
        "GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY, in upper case",
      );
    }
    if (!resourcePath.startsWith("/")) {
      throw invalid(
        "the method must be followed by one space and a path starting with /",
        "METHOD /path",
      );
    }
  }

  const segments = resourcePath === "/" ? [] : resourcePath.slice(1).split("/");
  const out: string[] = [];
  const warnings: string[] = [];
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === "") {
      throw invalid(
        `empty path segment in "${resourcePath}"`,
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
      out.push(segment);
      return;
    }
    if (parameter[2] === "+") {
      if (!last) {
        throw invalid(`greedy parameter "${segment}" must be the last segment`, "{proxy+} last");
      }
    } else if (last) {
      warnings.push(
        `"${segment}" at the end becomes "*", which in IAM also matches "/": the pattern also covers deeper paths such as ${[...segments.slice(0, index).map(exampleSegment), "a", "b"].join("/")}.`,
      );
    } else {
      const example = [
        ...segments.slice(0, index).map(exampleSegment),
        "a",
        "b",
        ...segments.slice(index + 1).map(exampleSegment),
      ];
      warnings.push(
        `"${segment}" becomes "*", which in IAM also matches "/": the pattern also covers ${example.join("/")}.`,
      );
    }
    out.push("*");
  });

  if (verb === "ANY") {
    warnings.unshift(
      `${template.startsWith("/") ? "A resource path without a method" : "ANY"} becomes the verb "*", which in IAM also matches "/": the pattern also covers other paths that end the same way (GET/other/${out.join("/")}); use one pattern per method to stay exact.`,
    );
  }
  return {
    tail: `${verb === "ANY" ? "*" : verb}/${out.join("/")}`,
    overMatch: warnings.length > 0,
    warnings,
  };
}

function exampleSegment(segment: string): string {
  return PARAMETER.test(segment) ? "x" : segment;
}
