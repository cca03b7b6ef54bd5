/**
 * Validates the `auth` of a route: NONE, AWS_IAM or one of the API's authorizers.
 * @internal
 * @packageDocumentation
 */
import type { ApiType } from "./api-type.js";
import { invalid, isPlainObject, kindOf, stringList } from "./config-fields.js";
import type { ResolvedAuthorizer } from "./resolved-authorizer.js";
import type { ResolvedAuth } from "./resolved-route.js";

/** @internal Checks a route's `auth` against the authorizers of its API. */
export function resolveAuth(
  auth: unknown,
  authorizers: ReadonlyMap<string, ResolvedAuthorizer>,
  apiType: ApiType,
  path: string,
): ResolvedAuth {
  if (auth === "NONE" || auth === "AWS_IAM") return { kind: auth };
  if (!isPlainObject(auth) || typeof auth["authorizer"] !== "string") {
    throw invalid(
      path,
      `must be "NONE", "AWS_IAM" or { authorizer: "<name>" }, got ${typeof auth === "string" ? JSON.stringify(auth.slice(0, 40)) : kindOf(auth)}`,
      '"NONE", "AWS_IAM" or { authorizer: name, scopes?: string[] }',
    );
  }
  const name = auth["authorizer"];
  const authorizer = authorizers.get(name);
  if (authorizer === undefined) {
    const known = [...authorizers.keys()];
    throw invalid(
      `${path}.authorizer`,
      `names no authorizer of this API: "${name.slice(0, 60)}" (${known.length === 0 ? "the API has none" : `it has ${known.map((item) => JSON.stringify(item)).join(", ")}`})`,
    );
  }
  if (apiType === "WEBSOCKET" && authorizer.kind !== "lambda") {
    throw invalid(
      `${path}.authorizer`,
      "must name a REQUEST authorizer: WebSocket $connect supports no other",
    );
  }
  const scopes = auth["scopes"] === undefined ? [] : stringList(auth["scopes"], `${path}.scopes`);
  if (auth["scopes"] !== undefined && authorizer.kind === "lambda") {
    throw invalid(`${path}.scopes`, "apply to JWT / COGNITO_USER_POOLS authorizers only");
  }
  return { kind: "authorizer", authorizer, scopes };
}
