import { createFinding } from "../create-finding.js";
import type { LintContext } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";

/** Resources that are not execute-api ARNs (nor `*`): they never match a request to the API. @internal */
export function invalidResourceArn(context: LintContext): LintFinding[] {
  return context.resources.flatMap((resource) =>
    resource.error === undefined
      ? []
      : [
          createFinding(
            "invalid_resource_arn",
            resource.path,
            `"${resource.raw}" is not an execute-api resource: ${resource.error.message}.`,
            "Write the resource as execute-api:/{stage}/{METHOD}/{path} or arn:{partition}:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}.",
          ),
        ],
  );
}
