import { isAbsentConditionKey } from "../absent-condition-key.js";
import { createFinding } from "../create-finding.js";
import { isTrueWhenAbsent } from "../is-true-when-absent.js";
import type { ConditionEntry, LintContext, StatementView } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";

function alwaysTrueHere(entry: ConditionEntry, context: LintContext): boolean {
  return (
    isAbsentConditionKey(entry.keyLower, context.endpointType) &&
    isTrueWhenAbsent(
      entry.parsed,
      entry.values.map((item) => item.value),
    )
  );
}

function deniesEveryone(view: StatementView, context: LintContext): boolean {
  return (
    view.statement.Effect === "Deny" &&
    view.conditions.length > 0 &&
    view.conditions.every((entry) => alwaysTrueHere(entry, context))
  );
}

function consequence(entry: ConditionEntry, view: StatementView, context: LintContext): string {
  const alwaysTrue = alwaysTrueHere(entry, context);
  if (view.statement.Effect === "Allow") {
    return alwaysTrue
      ? "the condition is always true, so it does not limit who this Allow admits"
      : "the condition is never true, so this Allow grants nothing";
  }
  return alwaysTrue
    ? "the condition is always true, so this Deny applies whenever its other conditions match"
    : "the condition is never true, so this Deny blocks nobody";
}

/**
 * VPC condition keys on a public API and `aws:SourceIp` on a private API: the key is never in the
 * request. A Deny whose conditions are then all true (negated operators, `IfExists`, `Null`,
 * `ForAllValues:`) denies every caller; other uses are reported as warnings.
 * @internal
 */
export function absentKeyConditions(context: LintContext): LintFinding[] {
  const isPrivate = context.endpointType === "PRIVATE";
  const findings: LintFinding[] = [];
  for (const view of context.statements) {
    const everyone = deniesEveryone(view, context);
    for (const entry of view.conditions) {
      if (!isAbsentConditionKey(entry.keyLower, context.endpointType)) continue;
      if (isPrivate) {
        findings.push(
          everyone
            ? createFinding(
                "source_ip_deny_denies_everyone",
                entry.path,
                `Private APIs have no ${entry.key} (the VPC endpoint replaces the source address), and ${entry.operator} on a missing key is true: this Deny denies every caller.`,
                `Use aws:VpcSourceIp instead of ${entry.key} to filter by the caller's address inside the VPC.`,
              )
            : createFinding(
                "source_ip_on_private_api",
                entry.path,
                `Private APIs have no ${entry.key} (the VPC endpoint replaces the source address): ${consequence(entry, view, context)}.`,
                `Use aws:VpcSourceIp instead of ${entry.key} on a private API.`,
              ),
        );
      } else {
        findings.push(
          everyone
            ? createFinding(
                "vpc_deny_denies_everyone",
                entry.path,
                `${entry.key} exists only for requests through a VPC endpoint to a private API, and ${entry.operator} on a missing key is true: on this ${context.endpointType} API this Deny denies every caller.`,
                `Remove this statement, or make the API PRIVATE; to filter public callers use aws:SourceIp.`,
              )
            : createFinding(
                "vpc_key_on_public_api",
                entry.path,
                `${entry.key} exists only for requests through a VPC endpoint to a private API; on this ${context.endpointType} API ${consequence(entry, view, context)}.`,
                `Remove the ${entry.key} condition, or make the API PRIVATE; to filter public callers use aws:SourceIp.`,
              ),
        );
      }
    }
  }
  return findings;
}
