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
  "allow-overrides-authorizer": "error",
  "allow-only-ip-list-with-authorizer": "error",
  "vpc-key-on-public-api": "warning",
  "vpc-deny-denies-everyone": "error",
  "source-ip-on-private-api": "warning",
  "source-ip-deny-denies-everyone": "error",
  "ipv4-only-denylist-on-dualstack": "error",
  "ipv4-only-allowlist-on-dualstack": "warning",
  "aws-principal-with-non-iam-auth": "error",
  "missing-principal": "error",
  "mid-path-wildcard": "warning",
  "not-principal-with-allow": "error",
  "for-all-values-with-allow": "warning",
  "policy-variable-without-version": "error",
  "lower-case-http-verb": "error",
  "any-verb-in-resource": "error",
  "partition-mismatch": "error",
  "policy-too-large": "error",
  "mixed-resource-forms": "info",
  "non-execute-api-action": "warning",
  "action-broader-than-invoke": "warning",
  "missing-version": "warning",
  "invalid-resource-arn": "error",
});
