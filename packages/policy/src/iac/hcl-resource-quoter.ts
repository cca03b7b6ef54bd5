import { hclString } from "./hcl-string.js";

const SHORT_FORM = "execute-api:";
// A Terraform reference such as `aws_api_gateway_rest_api.api.execution_arn`,
// `module.api.execution_arn` or `aws_api_gateway_rest_api.api[0].execution_arn`.
const REFERENCE = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[(?:\d+|"[\w.-]+")\])+$/;

/**
 * Returns a function that quotes a `Resource` / `NotResource` entry as an HCL string. With an
 * `executionArn` reference, the short form `execute-api:/{rest}` becomes the template
 * `"${executionArn}/{rest}"`, which is exactly the full ARN API Gateway stores, so Terraform plans
 * no diff after the first apply; every other string is quoted literally.
 *
 * @throws TypeError when `executionArn` is not a plain Terraform reference.
 * @internal
 */
export function hclResourceQuoter(executionArn: string | undefined): (resource: string) => string {
  if (executionArn === undefined) return hclString;
  if (typeof executionArn !== "string" || !REFERENCE.test(executionArn)) {
    throw new TypeError(
      `executionArn must be a Terraform reference such as "aws_api_gateway_rest_api.api.execution_arn", got ${JSON.stringify(executionArn)}`,
    );
  }
  return (resource) => {
    if (!resource.startsWith(`${SHORT_FORM}/`)) return hclString(resource);
    return `"\${${executionArn}}${hclString(resource.slice(SHORT_FORM.length)).slice(1)}`;
  };
}
