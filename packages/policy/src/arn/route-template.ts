import { PolicyError } from "../errors.js";
import { checkApiTarget, checkStage } from "./arn-fields.js";
import { MAX_RESOURCE_ARN_LENGTH } from "./arn-limits.js";
import type { Partition } from "./execute-api-arn.js";
import {
  type InvalidTemplate,
  parseRouteTemplate,
  type RouteSegment,
} from "./internal/parse-route-template.js";

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

  const compiled = compile(template, apiType, invalid);
  const pattern = prefix + compiled.tail;
  const warnings = [...compiled.warnings];
  if (pattern.length > MAX_RESOURCE_ARN_LENGTH) {
    warnings.push(
      `The pattern is ${pattern.length} characters; API Gateway rejects a Resource longer than ${MAX_RESOURCE_ARN_LENGTH} in an authorizer policy.`,
    );
  }
  return { pattern, overMatch: compiled.overMatch, warnings };
}

function compile(template: string, apiType: ApiType, invalid: InvalidTemplate): Compiled {
  const parsed = parseRouteTemplate(template, apiType, invalid);
  switch (parsed.kind) {
    case "stage":
      return { tail: apiType === "websocket" ? "*" : "*/*", overMatch: false, warnings: [] };
    case "websocket":
      return { tail: parsed.routeKey, overMatch: false, warnings: [] };
    case "default":
      return {
        tail: "*",
        overMatch: true,
        warnings: [
          "$default becomes the whole stage (*): the pattern covers every route, not only the requests that fall through to $default.",
        ],
      };
    case "route":
      return compileRoute(template, parsed.method, parsed.segments);
  }
}

interface Compiled {
  tail: string;
  overMatch: boolean;
  warnings: string[];
}

function compileRoute(template: string, verb: string, segments: readonly RouteSegment[]): Compiled {
  const out: string[] = [];
  const warnings: string[] = [];
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment.kind === "literal") {
      out.push(segment.value);
      return;
    }
    out.push("*");
    if (segment.kind === "greedy") return;
    const written = `{${segment.name}}`;
    if (last) {
      warnings.push(
        `"${written}" at the end becomes "*", which in IAM also matches "/": the pattern also covers deeper paths such as ${[...segments.slice(0, index).map(exampleSegment), "a", "b"].join("/")}.`,
      );
    } else {
      const example = [
        ...segments.slice(0, index).map(exampleSegment),
        "a",
        "b",
        ...segments.slice(index + 1).map(exampleSegment),
      ];
      warnings.push(
        `"${written}" becomes "*", which in IAM also matches "/": the pattern also covers ${example.join("/")}.`,
      );
    }
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

function exampleSegment(segment: RouteSegment): string {
  return segment.kind === "literal" ? segment.value : "x";
}
