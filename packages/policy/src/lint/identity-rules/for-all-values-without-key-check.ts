import { KEYED_ACTIONS } from "../../identity-policy/internal/keyed-actions.js";
import { createFinding } from "../create-finding.js";
import { isTrueWhenAbsent } from "../is-true-when-absent.js";
import type { StatementsContext, StatementView } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";
import { listAt } from "../list-at.js";

/** Whether `key` is always in requests of the statement's actions (so ForAllValues cannot meet an absent key). */
function alwaysPresent(view: StatementView, keyLower: string): boolean {
  if (keyLower === "dynamodb:leadingkeys") {
    const actions = listAt(view.statement.Action, "").map(({ value }) => value.toLowerCase());
    return actions.length > 0 && actions.every((action) => KEYED_ACTIONS.has(action));
  }
  // AWS documents dynamodb:Attributes with ForAllValues next to a dynamodb:Select condition, which
  // keeps Query and Scan from returning unlisted attributes.
  if (keyLower === "dynamodb:attributes") {
    return view.conditions.some((entry) => entry.keyLower === "dynamodb:select");
  }
  return false;
}

/**
 * `Allow` with `ForAllValues:` on a key that may be absent from the request, and no other condition
 * on the key that fails when it is absent (`Null: false`, a plain or `ForAnyValue:` operator): the
 * condition is then true and the Allow applies to every request without the key.
 * @internal
 */
export function forAllValuesWithoutKeyCheck(context: StatementsContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const view of context.statements) {
    if (view.statement.Effect !== "Allow") continue;
    for (const entry of view.conditions) {
      if (entry.parsed.set !== "ForAllValues") continue;
      const required = view.conditions.some(
        (other) =>
          other !== entry &&
          other.keyLower === entry.keyLower &&
          !isTrueWhenAbsent(
            other.parsed,
            other.values.map(({ value }) => value),
          ),
      );
      if (required || alwaysPresent(view, entry.keyLower)) continue;
      findings.push(
        createFinding(
          "for_all_values_without_key_check",
          entry.path,
          `${entry.operator} is true when ${entry.key} is missing from the request (a Scan has no dynamodb:LeadingKeys, for example), so this Allow also applies to every request without the key.`,
          `Add "Null": { "${entry.key}": "false" } to the same Condition block.`,
        ),
      );
    }
  }
  return findings;
}
