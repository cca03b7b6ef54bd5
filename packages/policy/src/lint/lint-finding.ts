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
  | "allow-overrides-authorizer"
  | "allow-only-ip-list-with-authorizer"
  | "vpc-key-on-public-api"
  | "vpc-deny-denies-everyone"
  | "source-ip-on-private-api"
  | "source-ip-deny-denies-everyone"
  | "ipv4-only-denylist-on-dualstack"
  | "ipv4-only-allowlist-on-dualstack"
  | "aws-principal-with-non-iam-auth"
  | "missing-principal"
  | "mid-path-wildcard"
  | "not-principal-with-allow"
  | "for-all-values-with-allow"
  | "policy-variable-without-version"
  | "lower-case-http-verb"
  | "any-verb-in-resource"
  | "partition-mismatch"
  | "policy-too-large"
  | "mixed-resource-forms"
  | "non-execute-api-action"
  | "action-broader-than-invoke"
  | "missing-version"
  | "invalid-resource-arn";

/**
 * One problem found in a resource policy.
 *
 * @example
 * ```ts
 * const finding: LintFinding = {
 *   code: "not-principal-with-allow",
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
