import { createFinding } from "../create-finding.js";
import type { StatementsContext } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";
import { listAt } from "../list-at.js";

/** `${...}` policy variables in a policy that is not `Version: "2012-10-17"`: IAM reads them literally. @internal */
export function policyVariableWithoutVersion(context: StatementsContext): LintFinding[] {
  if (context.document.Version === "2012-10-17") return [];
  const findings: LintFinding[] = [];
  for (const view of context.statements) {
    const strings = [
      ...listAt(view.statement.Resource, `${view.path}.Resource`),
      ...listAt(view.statement.NotResource, `${view.path}.NotResource`),
      ...view.conditions.flatMap((entry) => entry.values),
    ];
    for (const { value, path } of strings) {
      if (typeof value !== "string" || !value.includes("${")) continue;
      findings.push(
        createFinding(
          "policy_variable_without_version",
          path,
          `Policy variables only work with "Version": "2012-10-17"; here "${value}" is compared literally and never matches as intended.`,
          `Add "Version": "2012-10-17" at the top of the policy.`,
        ),
      );
    }
  }
  return findings;
}
