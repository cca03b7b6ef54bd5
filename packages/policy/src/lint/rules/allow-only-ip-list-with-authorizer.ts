import { isAbsentConditionKey } from "../absent-condition-key.js";
import { createFinding } from "../create-finding.js";
import type { LintContext } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";

/**
 * An IP allowlist written as `Allow` + `IpAddress` with no `Deny` + `NotIpAddress` on the same key,
 * on an API with a Lambda authorizer: the resource policy is first checked only for an explicit
 * Deny, so callers outside the list still reach the authorizer, and its Allow lets them in.
 * @internal
 */
export function allowOnlyIpListWithAuthorizer(context: LintContext): LintFinding[] {
  if (!context.authTypes.has("LAMBDA")) return [];
  const findings: LintFinding[] = [];
  for (const condition of context.ipConditions) {
    if (condition.owner.statement.Effect !== "Allow" || condition.negated) continue;
    if (isAbsentConditionKey(condition.key, context.endpointType)) continue;
    const denied = context.ipConditions.some(
      (other) =>
        other.owner.statement.Effect === "Deny" && other.negated && other.key === condition.key,
    );
    if (denied) continue;
    findings.push(
      createFinding(
        "allow_only_ip_list_with_authorizer",
        condition.entry.path,
        `This Allow limits ${condition.entry.key} with no matching Deny. With a Lambda authorizer, API Gateway checks the resource policy only for an explicit Deny before calling the authorizer, so callers outside the list still reach it, and an Allow from the authorizer lets them in.`,
        `Add a Deny statement with NotIpAddress on ${condition.entry.key} listing the same blocks (checked before the authorizer runs), and keep Allow statements only for the NONE / COGNITO_USER_POOLS / JWT methods that need one: an Allow "*" on the Lambda-authorized methods would override the authorizer's implicit deny.`,
      ),
    );
  }
  return findings;
}
