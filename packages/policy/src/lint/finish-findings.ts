import { PolicyError } from "../errors.js";
import type { LintFinding, LintRuleCode, LintSeverity } from "./lint-finding.js";

const SEVERITY_ORDER: Readonly<Record<LintSeverity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Reads a linter's `suppress` option: each entry names one of `codes` (the rules of that linter)
 * once, with a non-empty reason. Throws `TypeError` otherwise, prefixed with the linter's name.
 * @internal
 */
export function readSuppressions(
  value: unknown,
  linter: string,
  codes: ReadonlySet<string>,
): ReadonlyMap<LintRuleCode, string> {
  const fail = (message: string): never => {
    throw new TypeError(`${linter}: ${message}`);
  };
  const reasons = new Map<LintRuleCode, string>();
  if (value === undefined) return reasons;
  if (!Array.isArray(value)) fail("suppress must be an array of { code, reason }");
  (value as unknown[]).forEach((item: unknown, index) => {
    const at = `suppress[${index}]`;
    if (typeof item !== "object" || item === null) fail(`${at} must be an object { code, reason }`);
    const { code, reason } = item as { code?: unknown; reason?: unknown };
    if (typeof code === "string") refuseRenamedCode(code, `${at}.code`, linter, codes);
    if (typeof code !== "string" || !codes.has(code)) {
      fail(
        `${at}.code ${JSON.stringify(code)} is not a rule code of ${linter} (see lintRuleSeverities)`,
      );
    }
    if (typeof reason !== "string" || reason.trim() === "") {
      fail(
        `${at} (${code}) needs a reason: say why this finding is acceptable for this API, so the next reader knows`,
      );
    }
    if (reasons.has(code as LintRuleCode)) fail(`${at}: ${code} is suppressed twice`);
    reasons.set(code as LintRuleCode, (reason as string).trim());
  });
  return reasons;
}

/**
 * Rule codes were kebab-case before the snake_case convention: `missing-principal` is now
 * `missing_principal`. An old name is refused with the new one, never silently ignored, so a
 * suppression written for an earlier version cannot stop suppressing without a word.
 */
function refuseRenamedCode(
  code: string,
  path: string,
  linter: string,
  codes: ReadonlySet<string>,
): void {
  const renamed = code.replace(/-/g, "_");
  if (renamed === code || !codes.has(renamed)) return;
  throw new PolicyError(
    "renamed_code",
    `${linter}: ${path} "${code}" is now "${renamed}" (rule codes are snake_case); suppress "${renamed}"`,
    { path, expected: renamed, actual: code },
  );
}

// Numbers in paths compare as numbers, so Statement[10] sorts after Statement[9].
function pathKey(path: string): string {
  return path.replace(/\d+/g, (digits) => digits.padStart(10, "0"));
}

function compareFindings(a: LintFinding, b: LintFinding): number {
  const bySuppression = Number(a.suppressed !== undefined) - Number(b.suppressed !== undefined);
  if (bySuppression !== 0) return bySuppression;
  const bySeverity = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  if (bySeverity !== 0) return bySeverity;
  const [pathA, pathB] = [pathKey(a.path), pathKey(b.path)];
  if (pathA !== pathB) return pathA < pathB ? -1 : 1;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/**
 * Marks suppressed findings and sorts them: suppressed last, then by severity, path (document
 * order) and code.
 * @internal
 */
export function finishFindings(
  findings: readonly LintFinding[],
  suppressions: ReadonlyMap<LintRuleCode, string>,
): LintFinding[] {
  return findings
    .map((finding) => {
      const reason = suppressions.get(finding.code);
      return reason === undefined ? finding : { ...finding, suppressed: { reason } };
    })
    .sort(compareFindings);
}
