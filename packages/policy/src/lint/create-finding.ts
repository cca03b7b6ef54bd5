import type { LintFinding, LintRuleCode } from "./lint-finding.js";
import { lintRuleSeverities } from "./lint-rule-severities.js";

/** A finding with the rule's fixed severity. @internal */
export function createFinding(
  code: LintRuleCode,
  path: string,
  message: string,
  fix: string,
): LintFinding {
  return { code, severity: lintRuleSeverities[code], path, message, fix };
}
