import type { PolicyDocument } from "../document/policy-document.js";
import { formatJson } from "./format-json.js";
import { hclResourceQuoter } from "./hcl-resource-quoter.js";
import { hclString } from "./hcl-string.js";
import { toIacPolicyDocument } from "./iac-policy-document.js";

/** Options of {@link toTerraformJson}. */
export interface TerraformJsonOptions {
  /**
   * Where the text goes.
   * - `"jsonencode"`: pasted inside `policy = jsonencode(...)` in a `.tf` file. JSON is valid HCL
   *   object syntax; `${` and `%{` are doubled (`$${`, `%%{`) so policy variables such as
   *   `${aws:username}` are not interpolated by Terraform, and only escapes HCL also knows are used.
   * - `"file"`: plain JSON for `policy = file("policy.json")`, which Terraform does not interpolate.
   * @default "jsonencode"
   */
  usage?: "jsonencode" | "file";
  /**
   * A Terraform reference to the API's execution ARN, e.g.
   * `"aws_api_gateway_rest_api.api.execution_arn"`. Short-form resources `execute-api:/{rest}`
   * are written as `"${reference}/{rest}"`: the expanded ARN API Gateway stores, so plans stay
   * empty. Only with `usage: "jsonencode"`.
   */
  executionArn?: string;
  /** Spaces per nesting level; 0 writes one line. @default 2 */
  indent?: number;
}

/**
 * Renders a policy document as JSON text for `aws_api_gateway_rest_api_policy.policy` (or the
 * `policy` argument of `aws_api_gateway_rest_api`), deterministically: `Statement` as a list, keys in
 * IAM grammar order, condition operators and keys sorted.
 *
 * @param policy - A policy document (object or JSON text), validated with `parsePolicyDocument`.
 * @param options - See {@link TerraformJsonOptions}.
 * @returns JSON text ending without a newline.
 * @throws PolicyError `invalid_policy` when `policy` is not a valid policy document.
 * @throws TypeError on invalid options.
 *
 * @example
 * ```ts
 * import { composeResourcePolicy, ipDenylist, toTerraformJson } from "@gatehouse/policy";
 *
 * const policy = composeResourcePolicy([ipDenylist({ cidrs: ["192.0.2.0/24"] })], {
 *   authTypes: ["LAMBDA"],
 * });
 * const hcl = `resource "aws_api_gateway_rest_api_policy" "api" {
 *   rest_api_id = aws_api_gateway_rest_api.api.id
 *   policy      = jsonencode(${toTerraformJson(policy, { indent: 0 })})
 * }`;
 * ```
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_rest_api_policy
 * @see docs/policy/iac.md (Terraform)
 */
export function toTerraformJson(
  policy: PolicyDocument | string,
  options: TerraformJsonOptions = {},
): string {
  const { usage = "jsonencode", executionArn, indent = 2 } = options;
  if (usage !== "jsonencode" && usage !== "file") {
    throw new TypeError(`usage must be "jsonencode" or "file", got ${JSON.stringify(usage)}`);
  }
  if (!Number.isInteger(indent) || indent < 0 || indent > 10) {
    throw new TypeError(`indent must be an integer from 0 to 10, got ${String(indent)}`);
  }
  if (usage === "file" && executionArn !== undefined) {
    throw new TypeError('executionArn needs usage "jsonencode": a file() is not interpolated');
  }
  const document = toIacPolicyDocument(policy);
  if (usage === "file") return formatJson(document, { indent });
  const quoteResource = hclResourceQuoter(executionArn);
  return formatJson(document, {
    indent,
    quote: (text, key) =>
      key === "Resource" || key === "NotResource" ? quoteResource(text) : hclString(text),
  });
}
