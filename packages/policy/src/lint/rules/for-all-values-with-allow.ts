import { createFinding } from "../create-finding.js";
import type { LintContext } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";

/** `Allow` with a `ForAllValues:` operator, which is true when the key is absent. @internal */
export function forAllValuesWithAllow(context: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const view of context.statements) {
    if (view.statement.Effect !== "Allow") continue;
    for (const entry of view.conditions) {
      if (entry.parsed.set !== "ForAllValues") continue;
      findings.push(
        createFinding(
          "for_all_values_with_allow",
          entry.path,
          `${entry.operator} is true when ${entry.key} is missing from the request, so this Allow also admits every caller without the key.`,
          `Add "Null": { "${entry.key}": "false" } to the same Condition block, or use ForAnyValue: if any one match should be enough.`,
        ),
      );
    }
  }
  return findings;
}
