import { createFinding } from "../create-finding.js";
import type { LintContext } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";

/**
 * A `*` in the verb or path of a resource that is followed by more than `*` and `/`: IAM's `*`
 * crosses `/`, so `GET/users/*\/profile` also matches `GET/users/a/b/profile`.
 * @internal
 */
export function midPathWildcard(context: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const resource of context.resources) {
    const arn = resource.arn;
    if (arn === undefined) continue;
    const tail = arn.method === undefined ? (arn.routeKey ?? "") : `${arn.method}${arn.path ?? ""}`;
    // Stars followed only by stars and slashes (`*/*`, `users/*`) already mean "anything below".
    if (!tail.replace(/[*/]+$/, "").includes("*")) continue;
    findings.push(
      createFinding(
        "mid_path_wildcard",
        resource.path,
        `In "${resource.raw}" a * before the end also matches "/", so the resource covers deeper paths too (.../users/*/profile matches .../users/a/b/profile).`,
        "List the concrete paths, or keep wildcards at the end of the resource where any deeper path is acceptable.",
      ),
    );
  }
  return findings;
}
