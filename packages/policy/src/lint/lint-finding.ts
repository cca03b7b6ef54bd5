import type {
  IdentityPolicyLintRuleCode,
  TrustPolicyLintRuleCode,
} from "./identity-lint-rule-codes.js";

/** How bad a {@link LintFinding} is: `error` = the policy does not do what it says or lets callers through; `warning` = likely a mistake; `info` = worth knowing. */
export type LintSeverity = "error" | "warning" | "info";

/**
 * Every rule of {@link lintResourcePolicy}, {@link lintIdentityPolicy} and {@link lintTrustPolicy}. Stable: a code is never renamed or reused, so callers
 * may `switch` on it or keep an ignore list. Each code has a section in `docs/policy/linter.md`.
 */
export type LintRuleCode =
  | IdentityPolicyLintRuleCode
  | TrustPolicyLintRuleCode
  | "allow_overrides_authorizer"
  | "allow_only_ip_list_with_authorizer"
  | "vpc_key_on_public_api"
  | "vpc_deny_denies_everyone"
  | "source_ip_on_private_api"
  | "source_ip_deny_denies_everyone"
  | "ipv4_only_denylist_on_dualstack"
  | "ipv4_only_allowlist_on_dualstack"
  | "aws_principal_with_non_iam_auth"
  | "missing_principal"
  | "mid_path_wildcard"
  | "not_principal_with_allow"
  | "for_all_values_with_allow"
  | "policy_variable_without_version"
  | "lower_case_http_verb"
  | "any_verb_in_resource"
  | "partition_mismatch"
  | "policy_too_large"
  | "mixed_resource_forms"
  | "non_execute_api_action"
  | "action_broader_than_invoke"
  | "missing_version"
  | "invalid_resource_arn"
  | "mtls_default_endpoint_enabled";

/**
 * One problem found in a resource policy.
 *
 * @example
 * ```ts
 * const finding: LintFinding = {
 *   code: "not_principal_with_allow",
 *   severity: "error",
 *   path: "Statement[0].NotPrincipal",
 *   message: "Allow with NotPrincipal grants access to every principal not listed.",
 *   fix: "Use Principal with the identities to allow; keep NotPrincipal for Deny statements.",
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies.html
 */
export interface LintFinding {
  code: LintRuleCode;
  severity: LintSeverity;
  /** Where in the policy, as written: `Statement[1].Condition.NotIpAddress.aws:SourceIp`. */
  path: string;
  /** What is wrong and what AWS does with it. */
  message: string;
  /** One concrete sentence saying how to correct the policy. */
  fix: string;
  /**
   * Set when the caller suppressed this rule (`suppress` option), with the reason it gave: the
   * finding is still reported, so a suppression stays visible in every run.
   */
  suppressed?: { reason: string };
}
