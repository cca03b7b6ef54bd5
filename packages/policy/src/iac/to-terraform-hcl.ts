import type {
  ConditionValue,
  OneOrMany,
  PolicyDocument,
  PolicyKind,
  PolicyPrincipal,
  PolicyStatement,
} from "../document/policy-document.js";
import { hclResourceQuoter } from "./hcl-resource-quoter.js";
import { hclString } from "./hcl-string.js";
import { toIacPolicyDocument } from "./iac-policy-document.js";

/** Options of {@link toTerraformHcl}. */
export interface TerraformHclOptions {
  /**
   * The data source's name: `data.aws_iam_policy_document.{name}.json`.
   * @default "resource_policy"
   */
  name?: string;
  /**
   * A Terraform reference to the API's execution ARN, e.g.
   * `"aws_api_gateway_rest_api.api.execution_arn"`. Short-form resources `execute-api:/{rest}`
   * are written as `"${reference}/{rest}"`: the expanded ARN API Gateway stores, so plans stay
   * empty. Without it every string is written literally.
   */
  executionArn?: string;
  /**
   * The grammar the document is checked against: `"trust"` for a role's trust policy
   * (`assume_role_policy`, no `Resource`), `"identity"` for a role's permissions. @default "any"
   */
  kind?: PolicyKind;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const PRINCIPAL_TYPES = ["AWS", "Service", "Federated", "CanonicalUser"] as const;

type Attribute = [name: string, value: string[]];
type Block = { header: string; attributes: Attribute[]; blocks: Block[] };

/**
 * Renders a policy document as a Terraform `aws_iam_policy_document` data source, formatted as
 * `terraform fmt` would: one `statement` block per statement, `principals` / `condition` blocks,
 * `NotAction` / `NotResource` / `NotPrincipal` as `not_actions` / `not_resources` /
 * `not_principals`, every string escaped for HCL (`${aws:username}` is written `$${aws:username}`
 * so the policy variable reaches AWS). Condition values are written as strings, as the data
 * source's schema requires.
 *
 * @param policy - A policy document (object or JSON text), validated with `parsePolicyDocument`.
 * @param options - See {@link TerraformHclOptions}.
 * @returns HCL text ending with a newline.
 * @throws PolicyError `invalid_policy` when `policy` is not a valid policy document.
 * @throws TypeError when `name` is not a Terraform identifier or `executionArn` not a reference.
 *
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs";
 * import { composeResourcePolicy, ipDenylist, toTerraformHcl } from "@gatehouse/policy";
 *
 * const policy = composeResourcePolicy([ipDenylist({ cidrs: ["192.0.2.0/24"] })], {
 *   authTypes: ["LAMBDA"],
 * });
 * writeFileSync(
 *   "policy.tf",
 *   toTerraformHcl(policy, { name: "api", executionArn: "aws_api_gateway_rest_api.api.execution_arn" }),
 * );
 * // policy = data.aws_iam_policy_document.api.json
 * ```
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document
 * @see docs/policy/iac.md (Terraform)
 */
export function toTerraformHcl(
  policy: PolicyDocument | string,
  options: TerraformHclOptions = {},
): string {
  const { name = "resource_policy", executionArn, kind } = options;
  if (typeof name !== "string" || !NAME.test(name)) {
    throw new TypeError(`name must be a Terraform identifier, got ${JSON.stringify(name)}`);
  }
  const quoteResource = hclResourceQuoter(executionArn);
  const document = toIacPolicyDocument(policy, kind);
  const attributes: Attribute[] = [];
  if (document.Version !== undefined) attributes.push(["version", [hclString(document.Version)]]);
  if (document.Id !== undefined) attributes.push(["policy_id", [hclString(document.Id)]]);
  const root: Block = {
    header: `data "aws_iam_policy_document" ${hclString(name)}`,
    attributes,
    blocks: document.Statement.map((statement) => statementBlock(statement, quoteResource)),
  };
  return `${renderBlock(root, 0).join("\n")}\n`;
}

function statementBlock(
  statement: PolicyStatement,
  quoteResource: (resource: string) => string,
): Block {
  const attributes: Attribute[] = [];
  const add = (name: string, value: OneOrMany<string> | undefined, quote = hclString): void => {
    if (value !== undefined) attributes.push([name, list(toArray(value).map(quote))]);
  };
  if (statement.Sid !== undefined) attributes.push(["sid", [hclString(statement.Sid)]]);
  attributes.push(["effect", [hclString(statement.Effect)]]);
  add("actions", statement.Action);
  add("not_actions", statement.NotAction);
  add("resources", statement.Resource, quoteResource);
  add("not_resources", statement.NotResource, quoteResource);

  const blocks: Block[] = [
    ...principalBlocks("principals", statement.Principal),
    ...principalBlocks("not_principals", statement.NotPrincipal),
  ];
  for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
    for (const [variable, values] of Object.entries(keys)) {
      blocks.push({
        header: "condition",
        attributes: [
          ["test", [hclString(operator)]],
          ["variable", [hclString(variable)]],
          ["values", list(toArray<ConditionValue>(values).map((v) => hclString(String(v))))],
        ],
        blocks: [],
      });
    }
  }
  return { header: "statement", attributes, blocks };
}

function principalBlocks(header: string, principal: PolicyPrincipal | undefined): Block[] {
  if (principal === undefined) return [];
  // `type = "*"` with `identifiers = ["*"]` is how the data source writes `"Principal": "*"`.
  const entries: [string, OneOrMany<string>][] =
    principal === "*"
      ? [["*", "*"]]
      : PRINCIPAL_TYPES.flatMap((type) => {
          const value = principal[type];
          return value === undefined ? [] : [[type, value] as [string, OneOrMany<string>]];
        });
  return entries.map(([type, identifiers]) => ({
    header,
    attributes: [
      ["type", [hclString(type)]],
      ["identifiers", list(toArray(identifiers).map(hclString))],
    ],
    blocks: [],
  }));
}

/** One item stays on the attribute's line; more go one per line with a trailing comma. */
function list(items: string[]): string[] {
  if (items.length <= 1) return [`[${items.join("")}]`];
  return ["[", ...items.map((item) => `  ${item},`), "]"];
}

function toArray<T>(value: OneOrMany<T>): T[] {
  return Array.isArray(value) ? value : [value];
}

function renderBlock(block: Block, depth: number): string[] {
  const pad = "  ".repeat(depth);
  const lines = [`${pad}${block.header} {`];
  // `terraform fmt` aligns the `=` of consecutive single-line attributes; a multi-line one stands alone.
  let group: Attribute[] = [];
  const flush = (): void => {
    const width = Math.max(...group.map(([name]) => name.length));
    for (const [name, [value]] of group) lines.push(`${pad}  ${name.padEnd(width)} = ${value}`);
    group = [];
  };
  for (const attribute of block.attributes) {
    const [name, value] = attribute;
    if (value.length === 1) {
      group.push(attribute);
      continue;
    }
    if (group.length > 0) flush();
    lines.push(`${pad}  ${name} = ${value[0]}`);
    for (const line of value.slice(1)) lines.push(`${pad}  ${line}`);
  }
  if (group.length > 0) flush();
  for (const child of block.blocks) {
    if (lines.length > 1) lines.push("");
    lines.push(...renderBlock(child, depth + 1));
  }
  lines.push(`${pad}}`);
  return lines;
}
