import type { ResourcePolicyRule, ResourcePolicyRuleOptions } from "./resource-policy-rule.js";
import { listOption, makeRule, normalizeCidrs, normalizeResources } from "./rule-values.js";

/**
 * Lets in only callers whose public source address is in one of `cidrs`: a Deny with
 * `NotIpAddress` on `aws:SourceIp`. Public REST APIs only: behind a VPC endpoint `aws:SourceIp`
 * is absent and a negated operator on a missing key is true, so it would deny everyone.
 *
 * An explicit Deny is what makes this work with a Lambda authorizer: API Gateway checks the
 * resource policy for an explicit Deny before it calls the authorizer. Include IPv6 blocks when
 * the API is dual-stack, or IPv6 callers are locked out.
 *
 * @param options - `cidrs`: IPv4/IPv6 addresses or blocks (normalised, de-duplicated, sorted);
 *   `resources`: where it applies (default `execute-api:/*`).
 * @returns A rule for {@link composeResourcePolicy}.
 * @throws PolicyError `invalid_cidr` / `invalid_arn` with the path, e.g. `ipAllowlist.cidrs[0]`.
 * @throws TypeError when `options.cidrs` or `options.resources` is not an array.
 * @example
 * ```ts
 * composeResourcePolicy(
 *   [ipAllowlist({ cidrs: ["203.0.113.0/24"] })],
 *   { authTypes: ["LAMBDA"] },
 * );
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html
 */
export function ipAllowlist(
  options: { cidrs: readonly string[] } & ResourcePolicyRuleOptions,
): ResourcePolicyRule {
  const cidrs = listOption(options, "ipAllowlist", "cidrs");
  const resources = normalizeResources(options, "ipAllowlist");
  return makeRule("ipAllowlist", normalizeCidrs(cidrs, "ipAllowlist", "cidrs"), resources);
}
