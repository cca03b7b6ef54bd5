import type { ResourcePolicyRule, ResourcePolicyRuleOptions } from "./resource-policy-rule.js";
import { listOption, makeRule, normalizeIds, normalizeResources } from "./rule-values.js";

const VPC_ID = /^vpc-[0-9a-f]{8,17}$/;

/**
 * Lets in only requests from the given VPCs: a Deny with `StringNotEquals` on `aws:SourceVpc`.
 * Private APIs only: on a public API the key is absent, the negated operator is then true, and
 * every caller is denied.
 *
 * @param options - `vpcIds`: `vpc-` + 8 to 17 lower-case hex digits (de-duplicated, sorted);
 *   `resources`: where it applies (default `execute-api:/*`).
 * @returns A rule for {@link composeResourcePolicy}.
 * @throws PolicyError `invalid_vpc_id` / `invalid_arn` with the path, e.g. `sourceVpcAllowlist.vpcIds[0]`.
 * @throws TypeError when `options.vpcIds` or `options.resources` is not an array.
 * @example
 * ```ts
 * composeResourcePolicy(
 *   [sourceVpcAllowlist({ vpcIds: ["vpc-1a2b3c4d"] })],
 *   { authTypes: ["LAMBDA"] },
 * );
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html
 */
export function sourceVpcAllowlist(
  options: { vpcIds: readonly string[] } & ResourcePolicyRuleOptions,
): ResourcePolicyRule {
  const ids = listOption(options, "sourceVpcAllowlist", "vpcIds");
  const resources = normalizeResources(options, "sourceVpcAllowlist");
  const values = normalizeIds(ids, "sourceVpcAllowlist", "vpcIds", VPC_ID, "a VPC id (vpc-...)");
  return makeRule("sourceVpcAllowlist", values, resources);
}
