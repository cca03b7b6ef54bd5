/**
 * Where an authorizer reads an identity value from, and the parser of the config text naming it.
 * @internal
 * @packageDocumentation
 */
import type { ApiType } from "./api-type.js";
import { invalid, kindOf } from "./config-fields.js";

/** @internal Where an identity-source value comes from. */
export type IdentitySource =
  | { kind: "header"; name: string; text: string }
  | { kind: "query"; name: string; text: string }
  | { kind: "stageVariable"; name: string; text: string }
  | { kind: "context"; name: string; text: string };

const REST_SOURCE =
  /^(?:method|route)\.request\.(header|querystring)\.([^.\s][^\s]*)$|^(stageVariables|context)\.([^\s]+)$/;
const HTTP_SOURCE =
  /^\$request\.(header|querystring)\.([^\s]+)$|^\$(stageVariables|context)\.([^\s]+)$/;

/** @internal Parses `method.request.header.Authorization`, `$request.querystring.token`, `$context.routeKey`... */
export function parseIdentitySource(text: unknown, apiType: ApiType, path: string): IdentitySource {
  const expected =
    apiType === "HTTP"
      ? "$request.header.X, $request.querystring.X, $context.X or $stageVariables.X"
      : "method.request.header.X, method.request.querystring.X, stageVariables.X or context.X";
  const match =
    typeof text === "string" ? (apiType === "HTTP" ? HTTP_SOURCE : REST_SOURCE).exec(text) : null;
  if (typeof text !== "string" || match === null) {
    throw invalid(
      path,
      typeof text === "string"
        ? `${JSON.stringify(text.slice(0, 80))} is not an identity source of a ${apiType} API (${expected})`
        : `must be a string, got ${kindOf(text)}`,
      expected,
    );
  }
  const [, where, name, other, otherName] = match;
  if (where !== undefined && name !== undefined) {
    return { kind: where === "header" ? "header" : "query", name, text };
  }
  return {
    kind: other === "stageVariables" ? "stageVariable" : "context",
    name: otherName as string,
    text,
  };
}

/**
 * @internal The identity source of a JWT authorizer (REST or HTTP): a header, since a JWT
 * authorizer reads its token from one.
 */
export function parseJwtIdentitySource(
  text: unknown,
  apiType: ApiType,
  path: string,
): Extract<IdentitySource, { kind: "header" }> {
  const source = parseIdentitySource(text, apiType, path);
  if (source.kind !== "header") {
    throw invalid(path, "must be a header: a JWT authorizer reads its token from one");
  }
  return source;
}
