import { type ApiType, routeTemplateToArn } from "@gatehouse/policy";
import type { JwtClaims, VerifiedToken } from "../../verifier/token-verifier.js";
import type { RouteRequirement } from "../authorizer-options.js";

/**
 * One route of the `routes` table, validated, with the API types its template is valid for.
 * @internal
 */
export interface CompiledRoute<C extends JwtClaims = JwtClaims> {
  template: string;
  apiTypes: ReadonlySet<ApiType>;
  scopes: readonly string[];
  groups: readonly string[] | undefined;
  claims: ((claims: C, verified: VerifiedToken<C>) => boolean) | undefined;
}

const VALIDATION_BASE = {
  partition: "aws",
  region: "us-east-1",
  accountId: "123456789012",
  apiId: "validate",
  stage: "validate",
} as const;

const REQUIREMENT_KEYS = new Set(["scopes", "groups", "claims"]);

function stringList(value: unknown, where: string, allowEmpty: boolean): readonly string[] {
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== "string" || entry === "")) {
    throw new TypeError(`${where} must be an array of non-empty strings`);
  }
  if (!allowEmpty && value.length === 0) {
    throw new TypeError(`${where} is empty: no identity could ever match it`);
  }
  return [...(value as string[])];
}

/**
 * Validates the `routes` option at construction: every template must be a route template of at
 * least one of `apiTypes`, every requirement well-formed.
 * @throws TypeError otherwise.
 * @internal
 */
export function compileRoutes<C extends JwtClaims>(
  routes: unknown,
  apiTypes: readonly ApiType[],
): CompiledRoute<C>[] {
  if (typeof routes !== "object" || routes === null || Array.isArray(routes)) {
    throw new TypeError("routes must be an object mapping route templates to requirements");
  }
  return Object.entries(routes).map(([template, requirement]) => {
    const where = `routes["${template}"]`;
    const valid = new Set<ApiType>();
    let firstError: unknown;
    for (const apiType of apiTypes) {
      try {
        routeTemplateToArn(template, VALIDATION_BASE, apiType);
        valid.add(apiType);
      } catch (error) {
        firstError ??= error;
      }
    }
    if (valid.size === 0) {
      const reason = firstError instanceof Error ? `: ${firstError.message}` : "";
      throw new TypeError(`${where} is not a route template of ${apiTypes.join("/")}${reason}`);
    }
    if (typeof requirement !== "object" || requirement === null || Array.isArray(requirement)) {
      throw new TypeError(`${where} must be an object ({} for any valid token)`);
    }
    for (const key of Object.keys(requirement)) {
      if (!REQUIREMENT_KEYS.has(key)) {
        throw new TypeError(
          `${where}: unknown requirement "${key}" (expected scopes, groups, claims)`,
        );
      }
    }
    const { scopes, groups, claims } = requirement as RouteRequirement<C>;
    if (claims !== undefined && typeof claims !== "function") {
      throw new TypeError(`${where}.claims must be a function`);
    }
    return {
      template,
      apiTypes: valid,
      scopes: scopes === undefined ? [] : stringList(scopes, `${where}.scopes`, true),
      groups: groups === undefined ? undefined : stringList(groups, `${where}.groups`, false),
      claims,
    };
  });
}

/** Up to this many values, an array's `includes` beats building a `Set` (same SameValueZero test). */
const SCAN_LIMIT = 8;

function membership(values: readonly string[]): readonly string[] | ReadonlySet<string> {
  return Array.isArray(values) && values.length <= SCAN_LIMIT ? values : new Set(values);
}

function contains(values: readonly string[] | ReadonlySet<string>, value: string): boolean {
  return Array.isArray(values)
    ? (values as readonly string[]).includes(value)
    : (values as ReadonlySet<string>).has(value);
}

function hasAll(
  values: readonly string[] | ReadonlySet<string>,
  required: readonly string[],
): boolean {
  for (const entry of required) if (!contains(values, entry)) return false;
  return true;
}

function hasAny(
  values: readonly string[] | ReadonlySet<string>,
  wanted: readonly string[],
): boolean {
  for (const entry of wanted) if (contains(values, entry)) return true;
  return false;
}

/**
 * Every route template of the table this identity satisfies (valid for `apiType`): the full set,
 * not only the current route, so the policy stays right when API Gateway reuses it.
 * A throwing `claims` predicate propagates (the caller turns it into an internal error).
 * @internal
 */
export function allowedRoutesFor<C extends JwtClaims>(
  routes: readonly CompiledRoute<C>[],
  verified: VerifiedToken<C>,
  apiType: ApiType,
): string[] {
  const scopes = membership(verified.scopes);
  const groups = membership(verified.groups);
  const allowed: string[] = [];
  for (const route of routes) {
    if (!route.apiTypes.has(apiType)) continue;
    if (!hasAll(scopes, route.scopes)) continue;
    if (route.groups !== undefined && !hasAny(groups, route.groups)) continue;
    if (route.claims !== undefined && route.claims(verified.claims, verified) !== true) continue;
    allowed.push(route.template);
  }
  return allowed;
}
