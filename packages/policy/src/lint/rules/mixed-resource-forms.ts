import { createFinding } from "../create-finding.js";
import type { LintContext } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";

/**
 * Short `execute-api:/...` and full `arn:...` resources in one policy. Both work, but API Gateway
 * stores the short form expanded, so tools comparing the policy they sent with the stored one
 * (Terraform, CloudFormation drift) see changes on every run.
 * @internal
 */
export function mixedResourceForms(context: LintContext): LintFinding[] {
  const parsed = context.resources.filter((resource) => resource.arn !== undefined);
  const first = parsed[0]?.arn?.form;
  return parsed
    .filter((resource) => resource.arn?.form !== first)
    .map((resource) =>
      createFinding(
        "mixed_resource_forms",
        resource.path,
        `This resource uses the ${resource.arn?.form} form while the policy starts with the ${first} form; API Gateway stores every short execute-api:/ resource expanded to a full ARN.`,
        "Write every resource in one form, the full ARN form if an IaC tool compares the stored policy with its own.",
      ),
    );
}
