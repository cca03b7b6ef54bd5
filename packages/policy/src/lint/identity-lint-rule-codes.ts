/**
 * The rule codes of {@link lintIdentityPolicy} and {@link lintTrustPolicy}, with their fixed
 * severities. Part of {@link LintRuleCode}; each code has a section in `docs/policy/linter.md`.
 * @packageDocumentation
 */
import type { LintSeverity } from "./lint-finding.js";

/**
 * Rules of {@link lintIdentityPolicy} (policies attached to a role or user), besides the shared
 * `policy_variable_without_version`.
 */
export type IdentityPolicyLintRuleCode =
  /** A `Principal` / `NotPrincipal` in an identity policy: IAM rejects the policy. */
  | "principal_in_identity_policy"
  /** `execute-api:Invoke` on `*`, any API, a whole API or a whole stage. */
  | "broad_invoke_resource"
  /** A `*` before the end of an execute-api ARN: it also matches `/`, so deeper paths too. */
  | "invoke_mid_path_wildcard"
  /** An Allow whose action wildcard (`*`, `execute-api:*`) or `NotAction` also grants InvalidateCache / ManageConnections. */
  | "broad_invoke_action"
  /** An execute-api resource that matches no request: the short `execute-api:/` form, or a malformed ARN. */
  | "invalid_invoke_resource"
  /** An Allow with `ForAllValues:` on a key that may be absent, with nothing requiring it. */
  | "for_all_values_without_key_check";

/** Rules of {@link lintTrustPolicy} (the trust policy of an identity pool's role). */
export type TrustPolicyLintRuleCode =
  /** No `cognito-identity.amazonaws.com:aud` condition naming the pool(s): any identity pool could assume the role. */
  | "missing_aud_condition"
  /** No `cognito-identity.amazonaws.com:amr` condition: guests and signed-in users alike. */
  | "missing_amr_condition"
  /** An `amr` condition of the wrong kind (single-valued operator) or for the wrong identities. */
  | "wrong_amr_condition"
  /** Principal tags are mapped but `sts:TagSession` is not allowed: every credential request fails. */
  | "missing_tag_session"
  /** No statement allows `sts:AssumeRoleWithWebIdentity`, or one allows other actions. */
  | "wrong_trust_action"
  /** A statement allowing `sts:AssumeRoleWithWebIdentity` to another principal than `cognito-identity.amazonaws.com`. */
  | "wrong_trust_principal"
  /** `Resource` / `NotResource` in a trust policy: IAM rejects the policy. */
  | "resource_in_trust_policy";

/** @internal The fixed severity of each identity and trust rule. */
export const IDENTITY_LINT_RULE_SEVERITIES: Readonly<
  Record<IdentityPolicyLintRuleCode | TrustPolicyLintRuleCode, LintSeverity>
> = {
  principal_in_identity_policy: "error",
  broad_invoke_resource: "error",
  invoke_mid_path_wildcard: "info",
  broad_invoke_action: "warning",
  invalid_invoke_resource: "error",
  for_all_values_without_key_check: "warning",
  missing_aud_condition: "error",
  missing_amr_condition: "error",
  wrong_amr_condition: "error",
  missing_tag_session: "error",
  wrong_trust_action: "error",
  wrong_trust_principal: "error",
  resource_in_trust_policy: "error",
};

/** @internal The codes {@link lintIdentityPolicy} reports (and accepts in `suppress`). */
export const IDENTITY_POLICY_RULE_CODES: readonly string[] = [
  "principal_in_identity_policy",
  "broad_invoke_resource",
  "invoke_mid_path_wildcard",
  "broad_invoke_action",
  "invalid_invoke_resource",
  "for_all_values_without_key_check",
];

/** @internal The codes {@link lintTrustPolicy} reports (and accepts in `suppress`). */
export const TRUST_POLICY_RULE_CODES: readonly string[] = [
  "missing_aud_condition",
  "missing_amr_condition",
  "wrong_amr_condition",
  "missing_tag_session",
  "wrong_trust_action",
  "wrong_trust_principal",
  "resource_in_trust_policy",
];
