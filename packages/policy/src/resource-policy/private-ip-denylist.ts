import type { ResourcePolicyRule, ResourcePolicyRuleOptions } from "./resource-policy-rule.js";
import { listOption, makeRule, normalizeCidrs, normalizeResources } from "./rule-values.js";

/**
 * Blocks callers of a private API by their address inside the VPC: a Deny with `IpAddress` on
 * `aws:VpcSourceIp` (the `execute-api` VPC endpoint rewrites `aws:SourceIp`). Private APIs are
 * always dual-stack, so list IPv6 blocks too.
 *
 * @param options - `cidrs`: IPv4/IPv6 addresses or blocks (normalised, de-duplicated, sorted);
 *   `resources`: where it applies (default `execute-api:/*`).
 * @returns A rule for {@link composeResourcePolicy}.
 * @throws PolicyError `invalid_cidr` / `invalid_arn` with the path, e.g. `privateIpDenylist.cidrs[1]`.
 * @throws TypeError when `options.cidrs` or `options.resources` is not an array.
 * @example
 * ```ts
 * composeResourcePolicy(
 *   [privateIpDenylist({ cidrs: ["10.0.8.0/21"] })],
 *   { authTypes: ["LAMBDA"] },
 * );
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html
 */
export function privateIpDenylist(
  options: { cidrs: readonly string[] } & ResourcePolicyRuleOptions,
): ResourcePolicyRule {
  const cidrs = listOption(options, "privateIpDenylist", "cidrs");
  const resources = normalizeResources(options, "privateIpDenylist");
  return makeRule(
    "privateIpDenylist",
    normalizeCidrs(cidrs, "privateIpDenylist", "cidrs"),
    resources,
  );
}
