import { parsePolicyDocument } from "../document/parse-policy-document.js";
import { finishFindings, readSuppressions } from "./finish-findings.js";
import { IDENTITY_POLICY_RULE_CODES } from "./identity-lint-rule-codes.js";
import { forAllValuesWithoutKeyCheck } from "./identity-rules/for-all-values-without-key-check.js";
import { invokeRules } from "./identity-rules/invoke-rules.js";
import { principalInIdentityPolicy } from "./identity-rules/principal-in-identity-policy.js";
import { readStatements, type StatementsContext } from "./lint-context.js";
import type { LintFinding } from "./lint-finding.js";
import type { LintSuppression } from "./lint-options.js";
import { policyVariableWithoutVersion } from "./rules/policy-variable-without-version.js";

/** Options of {@link lintIdentityPolicy}. */
export interface LintIdentityPolicyOptions {
  /** Rules whose findings are accepted, each with the reason (see {@link LintSuppression}). */
  suppress?: readonly LintSuppression[];
}

const RULES: readonly ((context: StatementsContext) => LintFinding[])[] = [
  principalInIdentityPolicy,
  invokeRules,
  forAllValuesWithoutKeyCheck,
  policyVariableWithoutVersion,
];

/** The codes this linter reports (and accepts in `suppress`). */
const CODES: ReadonlySet<string> = new Set([
  ...IDENTITY_POLICY_RULE_CODES,
  // Shared with lintResourcePolicy (renamed with the other resource-policy codes).
  "policy_variable_without_version",
]);

/**
 * Checks an **identity** policy (attached to a role, user or group: an identity pool's role, an
 * IAM caller of an API) for the mistakes that grant more than intended or nothing at all. Not for
 * resource policies ({@link lintResourcePolicy}, which requires `Principal`) nor trust policies
 * ({@link lintTrustPolicy}).
 *
 * Rules: `principal_in_identity_policy`, `broad_invoke_resource` (`*`, a whole API or stage),
 * `invoke_mid_path_wildcard`, `broad_invoke_action`, `invalid_invoke_resource` (the short
 * `execute-api:/` form), `for_all_values_without_key_check` (`ForAllValues` is true on an absent
 * key), and the shared `policy_variable_without_version`. Findings are sorted as
 * {@link lintResourcePolicy} sorts them.
 *
 * @param policy - The policy as an object or a JSON string; parsed with `parsePolicyDocument`.
 * @param options - `suppress`: rule codes accepted, each with a reason.
 * @returns The findings; an empty array for a clean policy.
 * @throws PolicyError `invalid_policy` when the policy is not a valid IAM policy document.
 * @throws TypeError for a malformed suppression.
 * @example
 * ```ts
 * const findings = lintIdentityPolicy({
 *   Version: "2012-10-17",
 *   Statement: [{ Effect: "Allow", Action: "execute-api:Invoke", Resource: "*" }],
 * });
 * findings[0]?.code; // "broad_invoke_resource"
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-using-iam-policies-to-invoke-api.html
 */
export function lintIdentityPolicy(
  policy: unknown,
  options: LintIdentityPolicyOptions = {},
): LintFinding[] {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("lintIdentityPolicy: options must be an object");
  }
  const suppressions = readSuppressions(options.suppress, "lintIdentityPolicy", CODES);
  const document = parsePolicyDocument(policy);
  const context = { document, statements: readStatements(document) };
  return finishFindings(
    RULES.flatMap((rule) => rule(context)),
    suppressions,
  );
}
