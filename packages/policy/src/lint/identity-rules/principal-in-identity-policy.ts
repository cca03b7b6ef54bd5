import { createFinding } from "../create-finding.js";
import type { StatementsContext } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";

/** `Principal` / `NotPrincipal` in an identity policy, which IAM rejects. @internal */
export function principalInIdentityPolicy(context: StatementsContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const view of context.statements) {
    for (const field of ["Principal", "NotPrincipal"] as const) {
      if (view.statement[field] === undefined) continue;
      findings.push(
        createFinding(
          "principal_in_identity_policy",
          `${view.path}.${field}`,
          `An identity policy applies to the role or user it is attached to; IAM rejects one with ${field} ("Policy document should not specify a principal").`,
          `Remove ${field}. If this is an API's resource policy, lint it with lintResourcePolicy; a role's trust policy, with lintTrustPolicy.`,
        ),
      );
    }
  }
  return findings;
}
