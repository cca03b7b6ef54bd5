/**
 * Validates an {@link ApiAuthTypes} value once, for the composer and the linter alike.
 * @internal
 * @packageDocumentation
 */
import { HTTP_VERBS } from "../../arn/arn-fields.js";
import { routeTemplateToArn } from "../../arn/route-template.js";
import type { MethodAuthType } from "../../gateway/api-gateway-access.js";

/** One path segment of a route: literal text, `{param}` (one segment) or a final `{proxy+}`. @internal */
export type RouteSegment =
  | { readonly kind: "literal"; readonly text: string }
  | { readonly kind: "param" }
  | { readonly kind: "greedy" };

/** One route of an auth-type map. @internal */
export interface AuthTypeRoute {
  /** The key as written, e.g. `GET /pets/{id}`. */
  readonly key: string;
  readonly authType: MethodAuthType;
  /**
   * The verbs in method ARNs: one, or for `ANY` and bare resource paths the seven verbs less those
   * another listed route defines on the same resource (API Gateway sends those to that method).
   */
  readonly verbs: readonly string[];
  readonly segments: readonly RouteSegment[];
}

/** What the API's methods use, validated. @internal */
export type ApiAuthTypeTable =
  | { readonly form: "list"; readonly types: ReadonlySet<MethodAuthType> }
  | {
      readonly form: "map";
      readonly routes: readonly AuthTypeRoute[];
      /** The type of every method not listed (the `"*"` key); `undefined` when not given. */
      readonly fallback: MethodAuthType | undefined;
      /** Every type in the map, the fallback's included. */
      readonly types: ReadonlySet<MethodAuthType>;
    };

const NAMES: Readonly<Record<string, MethodAuthType>> = {
  NONE: "NONE",
  AWS_IAM: "AWS_IAM",
  LAMBDA: "LAMBDA",
  CUSTOM: "LAMBDA",
  COGNITO_USER_POOLS: "COGNITO_USER_POOLS",
  JWT: "JWT",
};

/** @internal The names accepted for a method's authorization type. */
export const AUTH_TYPE_NAMES: readonly string[] = Object.keys(NAMES);

/** Parses the key against the package's one route-template compiler, which throws the PolicyError. */
const TEMPLATE_BASE = {
  partition: "aws",
  region: "us-east-1",
  accountId: "123456789012",
  apiId: "a1b2c3d4e5",
  stage: "dev",
} as const;

function readType(value: unknown, caller: string, at: string): MethodAuthType {
  const type = typeof value === "string" && Object.hasOwn(NAMES, value) ? NAMES[value] : undefined;
  if (type === undefined) {
    throw new TypeError(
      `${caller}: ${at} must be one of ${AUTH_TYPE_NAMES.join(", ")}, got ${JSON.stringify(value)}`,
    );
  }
  return type;
}

function readRoute(key: string, authType: MethodAuthType, at: string): AuthTypeRoute {
  // Throws PolicyError("invalid_route_template") with `at` as its path.
  routeTemplateToArn(key, TEMPLATE_BASE, "rest", at);
  const space = key.indexOf(" ");
  const verb = key.startsWith("/") ? "ANY" : key.slice(0, space);
  const path = key.startsWith("/") ? key : key.slice(space + 1);
  const segments: RouteSegment[] = (path === "/" ? [] : path.slice(1).split("/")).map(
    (segment): RouteSegment =>
      segment.startsWith("{") && segment.endsWith("+}")
        ? { kind: "greedy" }
        : segment.startsWith("{")
          ? { kind: "param" }
          : { kind: "literal", text: segment },
  );
  return { key, authType, verbs: verb === "ANY" ? HTTP_VERBS : [verb], segments };
}

/**
 * @internal Reads `authTypes` (a list, or a map of route -> type with an optional `"*"`).
 * @throws TypeError for a value that is neither, an empty one, or an unknown type name.
 * @throws PolicyError `invalid_route_template` for a bad route key, with its path.
 */
export function readApiAuthTypes(value: unknown, caller: string): ApiAuthTypeTable {
  if (Array.isArray(value)) {
    if (value.length === 0) {
      throw new TypeError(`${caller}: authTypes is empty: list the types the API's methods use`);
    }
    return {
      form: "list",
      types: new Set(value.map((item, index) => readType(item, caller, `authTypes[${index}]`))),
    };
  }
  if (typeof value !== "object" || value === null) {
    throw new TypeError(
      `${caller}: authTypes must be a list of authorization types (["LAMBDA"]) or a map of route -> type ({ "OPTIONS /pets": "NONE", "*": "LAMBDA" }), got ${value === null ? "null" : typeof value}`,
    );
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) {
    throw new TypeError(`${caller}: authTypes is an empty map: give each method's type, or "*"`);
  }
  let fallback: MethodAuthType | undefined;
  const routes: AuthTypeRoute[] = [];
  for (const [key, type] of entries) {
    const at = `authTypes[${JSON.stringify(key)}]`;
    const authType = readType(type, caller, at);
    if (key === "*") fallback = authType;
    else routes.push(readRoute(key, authType, at));
  }
  // A method defined on a resource takes its verb from the resource's ANY method.
  const pathOf = (route: AuthTypeRoute) =>
    route.segments
      .map((segment) =>
        segment.kind === "literal" ? segment.text : segment.kind === "param" ? "{}" : "{+}",
      )
      .join("/");
  const owned = new Map<string, Set<string>>();
  for (const route of routes) {
    if (route.verbs.length !== 1) continue;
    const verbs = owned.get(pathOf(route)) ?? new Set<string>();
    verbs.add(route.verbs[0] as string);
    owned.set(pathOf(route), verbs);
  }
  for (const [index, route] of routes.entries()) {
    const taken = owned.get(pathOf(route));
    if (route.verbs.length === 1 || taken === undefined) continue;
    routes[index] = { ...route, verbs: route.verbs.filter((verb) => !taken.has(verb)) };
  }
  const types = new Set(routes.map((route) => route.authType));
  if (fallback !== undefined) types.add(fallback);
  return { form: "map", routes, fallback, types };
}
