import { createFinding } from "../create-finding.js";
import type { LintContext } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";

/** `Allow` with `NotPrincipal`: grants every principal that is not listed, anonymous callers included. @internal */
export function notPrincipalWithAllow(context: LintContext): LintFinding[] {
  return context.statements
    .filter(
      (view) => view.statement.Effect === "Allow" && view.statement.NotPrincipal !== undefined,
    )
    .map((view) =>
      createFinding(
        "not_principal_with_allow",
        `${view.path}.NotPrincipal`,
        "Allow with NotPrincipal grants access to every principal that is not listed, anonymous callers included.",
        "Use Principal with the identities to allow; keep NotPrincipal for Deny statements.",
      ),
    );
}
