import type { ResourcePolicyRule, ResourcePolicyRuleOptions } from "./resource-policy-rule.js";
import { listOption, makeRule, normalizeCidrs, normalizeResources } from "./rule-values.js";

/**
 * Blocks callers whose public source address is in one of `cidrs`: a Deny with `IpAddress` on
 * `aws:SourceIp` (public REST APIs; behind a VPC endpoint use {@link privateIpDenylist}).
 *
 * List IPv6 blocks too when the API is (or may become) dual-stack: an IPv4-only denylist is
 * bypassed by any caller that connects over IPv6.
 *
 * @param options - `cidrs`: IPv4/IPv6 addresses or blocks (normalised, de-duplicated, sorted);
 *   `resources`: where it applies (default `execute-api:/*`).
 * @returns A rule for {@link composeResourcePolicy}.
 * @throws PolicyError `invalid_cidr` / `invalid_arn` with the path, e.g. `ipDenylist.cidrs[2]`.
 * @throws TypeError when `options.cidrs` or `options.resources` is not an array.
 * @example
 * ```ts
 * composeResourcePolicy(
 *   [ipDenylist({ cidrs: ["192.0.2.0/24", "2001:db8::/32"] })],
 *   { authTypes: ["LAMBDA"] },
 * );
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html
 */
export function ipDenylist(
  options: { cidrs: readonly string[] } & ResourcePolicyRuleOptions,
): ResourcePolicyRule {
  const cidrs = listOption(options, "ipDenylist", "cidrs");
  const resources = normalizeResources(options, "ipDenylist");
  return makeRule("ipDenylist", normalizeCidrs(cidrs, "ipDenylist", "cidrs"), resources);
}
