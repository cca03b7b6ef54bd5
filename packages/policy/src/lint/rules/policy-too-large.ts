import { isPolicyError } from "../../errors.js";
import { type PolicySize, policySize } from "../../resource-policy/policy-size.js";
import { createFinding } from "../create-finding.js";
import type { LintContext } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";

function measure(context: LintContext): PolicySize {
  try {
    return policySize(context.document, context.target);
  } catch (error) {
    // A short resource that cannot be expanded is reported by invalid_resource_arn; measure as written.
    if (isPolicyError(error)) return policySize(context.document);
    throw error;
  }
}

/**
 * Policies over API Gateway's 8192-character limit, in the form written or, when the API is
 * known, in the expanded form API Gateway stores.
 * @internal
 */
export function policyTooLarge(context: LintContext): LintFinding[] {
  const size = measure(context);
  const largest = Math.max(size.short, size.expanded ?? 0);
  if (largest <= size.limit) return [];
  const form =
    largest === size.short ? "as written" : "once API Gateway expands the execute-api:/ resources";
  return [
    createFinding(
      "policy_too_large",
      "",
      `The policy is ${largest} characters ${form}; API Gateway accepts at most ${size.limit}.`,
      "Merge statements that differ only in one list, shorten the CIDR and resource lists, or move checks into the authorizer.",
    ),
  ];
}
