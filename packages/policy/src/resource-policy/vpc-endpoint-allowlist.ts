import type { ResourcePolicyRule, ResourcePolicyRuleOptions } from "./resource-policy-rule.js";
import { listOption, makeRule, normalizeIds, normalizeResources } from "./rule-values.js";

const VPCE_ID = /^vpce-[0-9a-f]{8,17}$/;

/**
 * Lets in only requests through the given interface VPC endpoints: a Deny with
 * `StringNotEquals` on `aws:SourceVpce`. Private APIs only: on a public API the key is absent, the
 * negated operator is then true, and every caller is denied.
 *
 * @param options - `vpceIds`: `vpce-` + 8 to 17 lower-case hex digits (de-duplicated, sorted);
 *   `resources`: where it applies (default `execute-api:/*`).
 * @returns A rule for {@link composeResourcePolicy}.
 * @throws PolicyError `invalid_vpc_id` / `invalid_arn` with the path, e.g. `vpcEndpointAllowlist.vpceIds[0]`.
 * @throws TypeError when `options.vpceIds` or `options.resources` is not an array.
 * @example
 * ```ts
 * composeResourcePolicy(
 *   [vpcEndpointAllowlist({ vpceIds: ["vpce-0123456789abcdef0"] })],
 *   { authTypes: ["LAMBDA"] },
 * );
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html
 */
export function vpcEndpointAllowlist(
  options: { vpceIds: readonly string[] } & ResourcePolicyRuleOptions,
): ResourcePolicyRule {
  const ids = listOption(options, "vpcEndpointAllowlist", "vpceIds");
  const resources = normalizeResources(options, "vpcEndpointAllowlist");
  const values = normalizeIds(
    ids,
    "vpcEndpointAllowlist",
    "vpceIds",
    VPCE_ID,
    "a VPC endpoint id (vpce-...)",
  );
  return makeRule("vpcEndpointAllowlist", values, resources);
}
