import { createFinding } from "../create-finding.js";
import type { LintContext } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";

/** A policy without `Version`, which IAM reads as `2008-10-17` (no policy variables). @internal */
export function missingVersion(context: LintContext): LintFinding[] {
  if (context.document.Version !== undefined) return [];
  return [
    createFinding(
      "missing_version",
      "Version",
      "Without Version, IAM evaluates the policy as 2008-10-17, where policy variables are not substituted.",
      `Add "Version": "2012-10-17" at the top of the policy.`,
    ),
  ];
}
