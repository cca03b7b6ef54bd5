import type { PolicyPrincipal } from "../../document/policy-document.js";
import { createFinding } from "../create-finding.js";
import type { LintContext } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";
import { listAt } from "../list-at.js";

const NON_IAM = ["NONE", "LAMBDA", "COGNITO_USER_POOLS"] as const;

function admitsAnyone(principal: PolicyPrincipal | undefined): boolean {
  if (principal === undefined) return false;
  if (principal === "*") return true;
  return listAt(principal.AWS, "").some((item) => item.value === "*");
}

/**
 * Allow statements naming IAM principals on an API whose methods are not all `AWS_IAM`: callers of
 * the other methods are anonymous to IAM, match no principal, and get "User: anonymous is not
 * authorized to perform: execute-api:Invoke".
 * @internal
 */
export function awsPrincipalWithNonIamAuth(context: LintContext): LintFinding[] {
  const others = NON_IAM.filter((type) => context.authTypes.has(type));
  if (others.length === 0) return [];
  const allows = context.statements.filter((view) => view.statement.Effect === "Allow");
  if (allows.some((view) => admitsAnyone(view.statement.Principal))) return [];
  const findings: LintFinding[] = [];
  for (const view of allows) {
    const principal = view.statement.Principal;
    if (principal === undefined || principal === "*" || principal.AWS === undefined) continue;
    findings.push(
      createFinding(
        "aws-principal-with-non-iam-auth",
        `${view.path}.Principal.AWS`,
        `Methods using ${others.join(", ")} authorization have no IAM caller, so no Allow with an AWS principal matches them: every such call fails with "User: anonymous is not authorized to perform: execute-api:Invoke".`,
        `Use "Principal": "*" and restrict callers with conditions or the authorizer, or switch those methods to AWS_IAM.`,
      ),
    );
  }
  return findings;
}
