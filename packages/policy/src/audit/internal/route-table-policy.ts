/**
 * The answer of a route-table authorizer (`createAuthorizer({ routes })`) for one identity.
 *
 * Built as `createAuthorizer` builds it: `compileRouteTable` gives the exact Allow templates (ANY
 * expanded) and the explicit Deny templates for table routes an allowed pattern over-covers, and
 * the response builders turn them into statements.
 * @internal
 * @packageDocumentation
 */
import { formatExecuteApiArn } from "../../arn/format-execute-api-arn.js";
import { buildHttpV2IamAuthorizerResponse } from "../../authorizer-response/build-http-v2-iam-authorizer-response.js";
import { buildRestAuthorizerResponse } from "../../authorizer-response/build-rest-authorizer-response.js";
import type { IamAuthorizerResponse } from "../../authorizer-response/iam-authorizer-response.js";
import { compileRouteTable } from "../../route-table/compile-route-table.js";
import type { RouteTable } from "../../route-table/route-table.js";
import type { AuditRouteRequirement, AuditTarget } from "../api-access-description.js";

/** Compiled once per table object and API type (compiling is the cold-start cost). */
const compiled = new WeakMap<object, Map<"rest" | "http", RouteTable>>();

function tableOf(
  table: Readonly<Record<string, AuditRouteRequirement>>,
  apiType: "rest" | "http",
): RouteTable {
  let byType = compiled.get(table);
  if (byType === undefined) {
    byType = new Map();
    compiled.set(table, byType);
  }
  let compiledTable = byType.get(apiType);
  if (compiledTable === undefined) {
    compiledTable = compileRouteTable(Object.keys(table), apiType);
    byType.set(apiType, compiledTable);
  }
  return compiledTable;
}

/**
 * @internal The IAM response the route-table authorizer returns for an identity that satisfies
 * `satisfiedTemplates` of `table`: the same for every route of the stage (so it is cache-safe).
 * @param table - The whole route table (what it does not grant is denied where a pattern covers it).
 * @param satisfiedTemplates - The templates of `table` the identity satisfies.
 * @param target - The API stage.
 * @param apiType - `"rest"` (REST TOKEN/REQUEST response) or `"http"` (HTTP API 2.0 IAM response).
 * @param principalId - The response's `principalId`.
 */
export function routeTablePolicy(
  table: Readonly<Record<string, AuditRouteRequirement>>,
  satisfiedTemplates: readonly string[],
  target: AuditTarget,
  apiType: "rest" | "http",
  principalId = "audit",
): IamAuthorizerResponse {
  const { allow, deny } = tableOf(table, apiType).grant(satisfiedTemplates);
  // Any ARN of the stage: the builders keep only its partition, region, account, API and stage.
  const arn = formatExecuteApiArn({ form: "full", ...target, method: "GET", path: "/" });
  return apiType === "rest"
    ? buildRestAuthorizerResponse({ methodArn: arn, principalId, allow, deny })
    : // No context: the statements are all the model reads.
      (buildHttpV2IamAuthorizerResponse({
        routeArn: arn,
        principalId,
        allow,
        deny,
      }) as IamAuthorizerResponse);
}
