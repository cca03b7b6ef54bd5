import { createFinding } from "../create-finding.js";
import type { LintContext } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";

/**
 * HTTP verbs in resources that no method ARN carries: lower-case verbs (resources match
 * case-sensitively) and `ANY` (method ARNs carry the real verb of the request).
 * @internal
 */
export function resourceVerbs(context: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const resource of context.resources) {
    const method = resource.arn?.method;
    if (method === undefined) continue;
    const upper = method.toUpperCase();
    if (upper === "ANY") {
      findings.push(
        createFinding(
          "any_verb_in_resource",
          resource.path,
          `Method ARNs carry the verb of the actual request, even for an ANY method, so "${resource.raw}" never matches.`,
          `Use * in place of ${method}.`,
        ),
      );
    } else if (method !== upper) {
      findings.push(
        createFinding(
          "lower_case_http_verb",
          resource.path,
          `Resources match case-sensitively and method ARNs carry upper-case verbs, so "${method}" in "${resource.raw}" never matches.`,
          `Write the verb in upper case: ${upper}.`,
        ),
      );
    }
  }
  return findings;
}
