import { createFinding } from "../create-finding.js";
import type { LintContext } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";

/** Resource-policy statements without `Principal` or `NotPrincipal`, which API Gateway rejects. @internal */
export function missingPrincipal(context: LintContext): LintFinding[] {
  return context.statements
    .filter(
      (view) => view.statement.Principal === undefined && view.statement.NotPrincipal === undefined,
    )
    .map((view) =>
      createFinding(
        "missing_principal",
        view.path,
        "A resource policy statement must name who it applies to; API Gateway rejects a statement without Principal.",
        `Add "Principal": "*" (or the IAM principals it is meant for) to the statement. If this is an identity policy (attached to a role or user), lint it with lintIdentityPolicy instead.`,
      ),
    );
}
