import { IDENTITY_LINT_RULE_SEVERITIES } from "./identity-lint-rule-codes.js";
import type { LintRuleCode, LintSeverity } from "./lint-finding.js";

/**
 * The fixed severity of each {@link LintRuleCode}, for tools that list or filter the rules.
 *
 * @example
 * ```ts
 * const errors = Object.keys(lintRuleSeverities).filter(
 *   (code) => lintRuleSeverities[code as LintRuleCode] === "error",
 * );
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies.html
 */
export const lintRuleSeverities: Readonly<Record<LintRuleCode, LintSeverity>> = Object.freeze({
  ...IDENTITY_LINT_RULE_SEVERITIES,
  allow_overrides_authorizer: "error",
  allow_only_ip_list_with_authorizer: "error",
  vpc_key_on_public_api: "warning",
  vpc_deny_denies_everyone: "error",
  source_ip_on_private_api: "warning",
  source_ip_deny_denies_everyone: "error",
  ipv4_only_denylist_on_dualstack: "error",
  ipv4_only_allowlist_on_dualstack: "warning",
  aws_principal_with_non_iam_auth: "error",
  missing_principal: "error",
  mid_path_wildcard: "warning",
  not_principal_with_allow: "error",
  for_all_values_with_allow: "warning",
  policy_variable_without_version: "error",
  lower_case_http_verb: "error",
  any_verb_in_resource: "error",
  partition_mismatch: "error",
  policy_too_large: "error",
  mixed_resource_forms: "info",
  non_execute_api_action: "warning",
  action_broader_than_invoke: "warning",
  missing_version: "warning",
  invalid_resource_arn: "error",
  mtls_default_endpoint_enabled: "warning",
});
