import {
  type ApiType,
  compileRouteTable,
  isPolicyError,
  MAX_AUTHORIZER_RESPONSE_BYTES,
  MAX_RESOURCE_ARN_LENGTH,
  type RouteTable,
  type RouteTableStage,
} from "@gatehouse/policy";
import type { JwtClaims } from "../../verifier/token-verifier.js";
import type { AuthorizerWarning } from "../authorizer-options.js";
import type { CompiledRoute } from "./route-rules.js";

/**
 * The handler's route tables, one per API type it serves, compiled at construction.
 * @internal
 */
export interface RouteTables {
  /** By API type; an empty table when the options have no `routes`. */
  readonly byApiType: ReadonlyMap<ApiType, RouteTable>;
  /** Whether the options have a `routes` table (templates from a hook are then "outside"). */
  readonly hasRoutes: boolean;
  /** Reports a warning (the `onWarning` hook, or `console.warn`); never throws. */
  readonly warn: (warning: AuthorizerWarning) => void;
  /** Templates already reported as outside the table, by API type. */
  readonly reportedOutside: Set<string>;
}

/** `{"principalId":"","policyDocument":…}` around the document. */
const ENVELOPE_BYTES = '{"principalId":"","policyDocument":}'.length;
/** What the warning leaves for `principalId` and `context`. */
const RESERVE_BYTES = 1024;
/** Outside templates reported at most (a hook could return endless distinct ones). */
const OUTSIDE_REPORTS = 64;

/** The shortest stage ARN there can be: a table over 8 KB here is over it everywhere. */
const SHORTEST_STAGE: RouteTableStage = {
  partition: "aws",
  region: "us-east-1",
  accountId: "123456789012",
  apiId: "a1b2c3d4e5",
  stage: "v",
};
/** A long one, for the warning. */
const LONG_STAGE: RouteTableStage = {
  partition: "aws-us-gov",
  region: "us-gov-west-1",
  accountId: "123456789012",
  apiId: "a1b2c3d4e5",
  stage: "production-eu-west-1",
};

/**
 * Whether every identity that satisfies `a` satisfies `b`: all of `b`'s scopes among `a`'s, one
 * of `a`'s groups (which it needs) among `b`'s, the same `claims` predicate.
 */
function implies<C extends JwtClaims>(a: CompiledRoute<C>, b: CompiledRoute<C>): boolean {
  if (b.claims !== undefined && b.claims !== a.claims) return false;
  if (!b.scopes.every((scope) => a.scopes.includes(scope))) return false;
  const wanted = b.groups;
  if (wanted === undefined) return true;
  return a.groups?.every((group) => wanted.includes(group)) === true;
}

function defaultWarn(warning: AuthorizerWarning): void {
  console.warn(`[gatehouse] ${warning.code}: ${warning.message}`);
}

/**
 * Compiles the route table of each API type at construction, refuses a table whose largest
 * policy cannot fit API Gateway's limits, and reports where IAM globbing cannot be exact.
 * @throws TypeError for a table too large, or two templates for the same route.
 * @internal
 */
export function prepareRouteTables<C extends JwtClaims>(
  routes: readonly CompiledRoute<C>[] | undefined,
  apiTypes: readonly ApiType[],
  factory: string,
  onWarning: ((warning: AuthorizerWarning) => void) | undefined,
  hooks: object | undefined,
): RouteTables {
  const warn = (warning: AuthorizerWarning): void => {
    try {
      if (onWarning === undefined) defaultWarn(warning);
      else {
        const returned: unknown = onWarning.call(hooks, warning);
        if (returned instanceof Promise) returned.catch(() => undefined);
      }
    } catch {
      // Observability never changes the outcome.
    }
  };
  const byApiType = new Map<ApiType, RouteTable>();
  for (const apiType of apiTypes) {
    const own = (routes ?? []).filter((route) => route.apiTypes.has(apiType));
    const byTemplate = new Map(own.map((route) => [route.template, route]));
    let table: RouteTable;
    try {
      table = compileRouteTable(
        own.map((route) => route.template),
        apiType,
        {
          implies: (a, b) => {
            const x = byTemplate.get(a);
            const y = byTemplate.get(b);
            return x !== undefined && y !== undefined && implies(x, y);
          },
        },
      );
    } catch (error) {
      if (isPolicyError(error)) throw new TypeError(`${factory}: routes: ${error.message}`);
      throw error;
    }
    byApiType.set(apiType, table);
    if (own.length === 0) continue;
    checkSize(table, apiType, factory, warn);
    for (const detail of table.warnings) {
      warn({
        code: "inexact_route_table",
        message: detail.message,
        apiType,
        route: detail.route,
        detail,
      });
    }
  }
  return { byApiType, hasRoutes: routes !== undefined, warn, reportedOutside: new Set() };
}

function checkSize(
  table: RouteTable,
  apiType: ApiType,
  factory: string,
  warn: (warning: AuthorizerWarning) => void,
): void {
  const least = table.policyBound(SHORTEST_STAGE);
  const fix =
    'Cover the routes with fewer templates (one "ANY /admin/{proxy+}" instead of each admin route; an ANY route costs one ARN per verb), split them across several authorizers, or use HTTP API simple responses (no policy).';
  if (ENVELOPE_BYTES + least.bytes > MAX_AUTHORIZER_RESPONSE_BYTES) {
    throw new TypeError(
      `${factory}: the ${apiType} routes table can give an identity a policy of ${ENVELOPE_BYTES + least.bytes} bytes (${least.resources} Resource ARNs, even on the shortest stage ARN), above API Gateway's 8 KB (${MAX_AUTHORIZER_RESPONSE_BYTES} bytes) limit for an authorizer response: such callers would get 401 at request time. ${fix}`,
    );
  }
  if (least.longestResource > MAX_RESOURCE_ARN_LENGTH) {
    throw new TypeError(
      `${factory}: a ${apiType} route of the table gives a Resource ARN of ${least.longestResource} characters, above API Gateway's limit of ${MAX_RESOURCE_ARN_LENGTH} for a Resource in an authorizer policy: such callers would get 401 at request time. Shorten the route, or cover it with a {proxy+} template.`,
    );
  }
  const long = table.policyBound(LONG_STAGE);
  if (ENVELOPE_BYTES + long.bytes + RESERVE_BYTES > MAX_AUTHORIZER_RESPONSE_BYTES) {
    warn({
      code: "policy_near_size_limit",
      message: `The ${apiType} routes table can give an identity a policy of up to ${ENVELOPE_BYTES + long.bytes} bytes on a long stage ARN, which leaves less than ${RESERVE_BYTES} bytes of API Gateway's ${MAX_AUTHORIZER_RESPONSE_BYTES} for principalId and context; a larger response is refused at request time (401). ${fix}`,
      apiType,
    });
  } else if (long.longestResource > MAX_RESOURCE_ARN_LENGTH) {
    warn({
      code: "policy_near_size_limit",
      message: `A ${apiType} route of the table gives a Resource ARN of up to ${long.longestResource} characters on a long stage ARN, above API Gateway's limit of ${MAX_RESOURCE_ARN_LENGTH}: on such a stage, callers get 401.`,
      apiType,
    });
  }
}

/**
 * Reports, once per template, a template an `authorize` hook allowed from outside the table.
 * @internal
 */
export function reportOutside(
  tables: RouteTables,
  apiType: ApiType,
  templates: readonly string[],
): void {
  if (!tables.hasRoutes) return;
  for (const template of templates) {
    const key = `${apiType} ${template}`;
    if (tables.reportedOutside.has(key) || tables.reportedOutside.size >= OUTSIDE_REPORTS) continue;
    tables.reportedOutside.add(key);
    tables.warn({
      code: "route_outside_table",
      message: `The authorize hook allowed "${template}", which is not a route of the ${apiType} routes table: it is allowed as its ARN pattern reads (IAM's * crosses "/"), without the table's exact guarantee. Add it to routes to make it exact.`,
      apiType,
      route: template,
    });
  }
}
