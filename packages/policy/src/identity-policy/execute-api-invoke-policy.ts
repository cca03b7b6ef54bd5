import type { ApiType } from "../arn/route-template.js";
import { routeTemplateToArn } from "../arn/route-template.js";
import type { PolicyDocument, PolicyStatement } from "../document/policy-document.js";
import { isPolicyError, PolicyError } from "../errors.js";
import { parseAccountId } from "../identifiers/account-id.js";
import { parseApiId } from "../identifiers/api-id.js";
import type { Partition } from "../identifiers/partition.js";
import { parsePartition } from "../identifiers/partition.js";
import { partitionOfRegion } from "../identifiers/partition-of-region.js";
import { parseRegion } from "../identifiers/region.js";
import { parseStageName } from "../identifiers/stage-name.js";
import { compileRouteTable } from "../route-table/compile-route-table.js";
import type { RouteConflict } from "../route-table/route-table.js";

/** The API an invoke policy is for, with **all** its routes (so over-matching can be computed). */
export interface InvokePolicyApi {
  /** @default the partition of `region` */
  partition?: Partition;
  region: string;
  accountId: string;
  apiId: string;
  /** One stage (`prod`, `$default`); or use `stages`. */
  stage?: string | undefined;
  /** Several stages: the same routes on each. */
  stages?: readonly string[] | undefined;
  apiType: ApiType;
  /**
   * Every route of the API (`GET /pets/{id}`, `ANY /admin/{proxy+}`, `$default`; WebSocket route
   * keys): a route missing here gets no Deny when an allowed pattern also matches it.
   */
  routes: readonly string[];
}

/** Options of {@link executeApiInvokePolicy}. */
export interface ExecuteApiInvokePolicyOptions {
  api: InvokePolicyApi;
  /** The routes the caller may invoke: routes of `api.routes` (parameter names may differ). */
  routes: readonly string[];
}

/** What {@link executeApiInvokePolicy} returns. */
export interface ExecuteApiInvokePolicy {
  /** The identity policy: an Allow for the routes and, when needed, a Deny for the routes it over-matches. */
  policy: PolicyDocument;
  /**
   * Requests of granted routes that a Deny also refuses, where IAM's `*` cannot express the table
   * exactly (empty when the policy is exact). Never the reverse: no other route is granted.
   */
  refused: readonly RouteConflict[];
}

function fail(message: string): never {
  throw new TypeError(`executeApiInvokePolicy: ${message}`);
}

/** Runs `build`, reporting a route table's `templates[i]` paths as `field[i]`. */
function withPath<T>(field: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!isPolicyError(error) || error.path === undefined) throw error;
    throw new PolicyError(error.code, error.message, {
      path: error.path.replace(/^templates\[/, `${field}[`),
      ...(error.expected === undefined ? {} : { expected: error.expected }),
      actual: error.actual,
    });
  }
}

function readStages(api: InvokePolicyApi): string[] {
  if (api.stage !== undefined && api.stages !== undefined)
    fail("give api.stage or api.stages, not both");
  if (api.stage !== undefined) return [parseStageName(api.stage, "api.stage")];
  if (!Array.isArray(api.stages) || api.stages.length === 0)
    fail("api.stage or a non-empty api.stages is required");
  const stages = api.stages.map((stage, index) => parseStageName(stage, `api.stages[${index}]`));
  if (new Set(stages).size !== stages.length) fail("api.stages lists a stage twice");
  return stages;
}

/**
 * A least-privilege identity policy for an IAM caller of an API Gateway API (the policy of the
 * caller's role or user): `execute-api:Invoke` on exactly `routes`, built with the route table of
 * the Lambda authorizer ({@link compileRouteTable}). IAM's `*` crosses `/`, so `GET /pets/{id}`
 * (`.../GET/pets/*`) would also match `GET /pets/{id}/toys`: every route of the API that an
 * allowed pattern also matches gets an explicit Deny, and `ANY` is expanded into verbs. Never a
 * stage-wide or CDK-style `GET/pets/*` grant for `GET /pets/{id}/toys`.
 *
 * In the API's account an identity policy alone lets the caller in (unless the resource policy
 * denies); from another account the API's resource policy must allow the caller too.
 *
 * @param options - The API (ids, stage(s), type, all its routes) and the routes to grant.
 * @returns The policy (no `Principal`: attach it to the caller's role) and the requests of granted
 *   routes that IAM cannot keep apart from a denied route (`refused`, those get 403).
 * @throws PolicyError `invalid_route_template` for a route that does not parse or is not one of
 *   `api.routes`; `invalid_region`, `invalid_account_id`, `invalid_api_id`, `invalid_stage`,
 *   `invalid_partition` for the API's ids.
 * @throws TypeError for options of the wrong type, both or neither of `stage`/`stages`, no routes.
 * @example
 * ```ts
 * const { policy } = executeApiInvokePolicy({
 *   api: {
 *     region: "us-east-1",
 *     accountId: "123456789012",
 *     apiId: "a1b2c3d4e5",
 *     stage: "prod",
 *     apiType: "rest",
 *     routes: ["GET /pets/{id}", "GET /pets/{id}/toys", "POST /pets"],
 *   },
 *   routes: ["GET /pets/{id}"],
 * });
 * // Allow .../prod/GET/pets/*, Deny .../prod/GET/pets/*\/toys
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-using-iam-policies-to-invoke-api.html
 */
export function executeApiInvokePolicy(
  options: ExecuteApiInvokePolicyOptions,
): ExecuteApiInvokePolicy {
  if (typeof options !== "object" || options === null) fail("options must be an object");
  const { api, routes } = options;
  if (typeof api !== "object" || api === null) fail("api must be an object");
  if (!Array.isArray(api.routes) || api.routes.length === 0)
    fail("api.routes must list every route of the API");
  if (!Array.isArray(routes) || routes.length === 0)
    fail("routes must be a non-empty array of route templates");
  const region = parseRegion(api.region, "api.region");
  const partition =
    api.partition === undefined
      ? partitionOfRegion(region, "api.region")
      : parsePartition(api.partition, "api.partition");
  parseRegion(region, "api.region", partition);
  const base = {
    partition,
    region,
    accountId: parseAccountId(api.accountId, "api.accountId"),
    apiId: parseApiId(api.apiId, "api.apiId"),
  };
  const stages = readStages(api);

  const table = withPath("api.routes", () => compileRouteTable(api.routes, api.apiType));
  const grant = withPath("routes", () => table.grant(routes));
  if (grant.outside.length > 0) {
    const template = grant.outside[0] as string;
    throw new PolicyError("invalid_route_template", `"${template}" is not a route of the API`, {
      path: `routes[${routes.indexOf(template)}]`,
      expected: `one of api.routes (${api.routes.slice(0, 5).join(", ")}${api.routes.length > 5 ? ", ..." : ""})`,
      actual: template,
    });
  }
  const arns = (templates: readonly string[]) =>
    stages.flatMap((stage) =>
      templates.map(
        (template) => routeTemplateToArn(template, { ...base, stage }, api.apiType).pattern,
      ),
    );
  const statements: PolicyStatement[] = [
    { Effect: "Allow", Action: "execute-api:Invoke", Resource: arns(grant.allow) },
  ];
  if (grant.deny.length > 0) {
    statements.push({ Effect: "Deny", Action: "execute-api:Invoke", Resource: arns(grant.deny) });
  }
  return { policy: { Version: "2012-10-17", Statement: statements }, refused: grant.refused };
}
