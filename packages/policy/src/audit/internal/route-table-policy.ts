/**
 * The answer of a route-table authorizer (`createAuthorizer({ routes })`) for one identity.
 *
 * TODO(routes): build it with `compileRouteTable` of `@gatehouse/policy` (exact Allow statements
 * plus explicit Deny statements for the routes a pattern over-covers) when the "routes" work lands,
 * so the audit sees what `@gatehouse/authorizer` will answer; until then, today's builders
 * (`buildRestAuthorizerResponse({ allow })`, `buildHttpV2IamAuthorizerResponse({ allow })`), which
 * is what `createAuthorizer` answers today.
 * @internal
 * @packageDocumentation
 */
import { formatExecuteApiArn } from "../../arn/format-execute-api-arn.js";
import { buildHttpV2IamAuthorizerResponse } from "../../authorizer-response/build-http-v2-iam-authorizer-response.js";
import { buildRestAuthorizerResponse } from "../../authorizer-response/build-rest-authorizer-response.js";
import type { IamAuthorizerResponse } from "../../authorizer-response/iam-authorizer-response.js";
import type { AuditRouteRequirement, AuditTarget } from "../api-access-description.js";

/**
 * @internal The IAM response the route-table authorizer returns for an identity that satisfies
 * `satisfiedTemplates` of `table`: the same for every route of the stage (so it is cache-safe).
 * @param table - The whole route table (the future exact form denies what it does not grant).
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
  void table;
  // Any ARN of the stage: the builders keep only its partition, region, account, API and stage.
  const arn = formatExecuteApiArn({ form: "full", ...target, method: "GET", path: "/" });
  return apiType === "rest"
    ? buildRestAuthorizerResponse({ methodArn: arn, principalId, allow: satisfiedTemplates })
    : // No context: the statements are all the model reads.
      (buildHttpV2IamAuthorizerResponse({
        routeArn: arn,
        principalId,
        allow: satisfiedTemplates,
      }) as IamAuthorizerResponse);
}
