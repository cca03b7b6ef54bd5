/**
 * The Terraform form of an identity-pool plan: `aws_iam_policy_document` data sources written by
 * @gatehouse/policy's `toTerraformHcl` (as `policy generate --format terraform-hcl`), and the
 * `aws_iam_role`, `aws_iam_role_policy`, `aws_cognito_identity_pool_roles_attachment` and
 * `aws_cognito_identity_pool_provider_principal_tag` resources around them.
 * @internal
 * @packageDocumentation
 */
import { toTerraformHcl } from "@gatehouse/policy";
import type { IdentityPoolPlan, PlannedRole } from "./identity-pool-plan.js";

type Line = string | [name: string, value: string];

/** An HCL string literal: JSON escapes, plus `${` / `%{` doubled so nothing is interpolated. */
function quote(value: string): string {
  return JSON.stringify(value).replaceAll("${", "$${").replaceAll("%{", "%%{");
}

/** Lines at one indentation, `=` aligned over each run of attributes as `terraform fmt` does. */
function block(indent: number, lines: readonly Line[]): string[] {
  const out: string[] = [];
  const pad = " ".repeat(indent);
  let run: Array<[string, string]> = [];
  const flush = () => {
    const width = Math.max(...run.map(([name]) => name.length));
    for (const [name, value] of run) out.push(`${pad}${name.padEnd(width)} = ${value}`);
    run = [];
  };
  for (const line of lines) {
    if (typeof line === "string") {
      flush();
      out.push(line === "" ? "" : `${pad}${line}`);
    } else run.push(line);
  }
  flush();
  return out;
}

function resource(type: string, name: string, body: readonly Line[]): string {
  return [`resource "${type}" "${name}" {`, ...block(2, body), "}"].join("\n");
}

function nested(header: string, indent: number, body: readonly Line[]): string[] {
  return [`${header} {`, ...block(indent, body), "}"];
}

const tfName = (role: PlannedRole) => (role.amr === "authenticated" ? "authenticated" : "guest");

/** Renders `plan` as Terraform HCL. */
export function formatTerraform(plan: IdentityPoolPlan): string {
  const parts: string[] = [];
  for (const role of plan.roles) {
    const name = tfName(role);
    parts.push(
      toTerraformHcl(role.trustPolicy, { name: `${name}_trust`, kind: "trust" }).trimEnd(),
    );
    if (role.permissions !== undefined) {
      parts.push(
        toTerraformHcl(role.permissions, {
          name: `${name}_permissions`,
          kind: "identity",
        }).trimEnd(),
      );
    }
    parts.push(
      resource("aws_iam_role", name, [
        ["name", quote(role.name)],
        ["assume_role_policy", `data.aws_iam_policy_document.${name}_trust.json`],
      ]),
    );
    if (role.permissions !== undefined) {
      parts.push(
        resource("aws_iam_role_policy", name, [
          ["name", quote("per-identity-permissions")],
          ["role", `aws_iam_role.${name}.id`],
          ["policy", `data.aws_iam_policy_document.${name}_permissions.json`],
        ]),
      );
    }
  }
  plan.poolIds.forEach((identityPoolId, index) => {
    const suffix = index === 0 ? "" : `_${index + 1}`;
    const body: Line[] = [["identity_pool_id", quote(identityPoolId)], "", ["roles", "{"]];
    const roleLines = block(
      2,
      plan.roles.map((role): Line => [quote(role.amr), `aws_iam_role.${tfName(role)}.arn`]),
    );
    body.push(...roleLines, "}");
    for (const [provider, mapping] of Object.entries(plan.roleMappings ?? {})) {
      const mappingBody: Line[] = [
        ["identity_provider", quote(mapping.identityProvider ?? provider)],
        ["type", quote(mapping.type)],
        ...(mapping.ambiguousRoleResolution === undefined
          ? []
          : [["ambiguous_role_resolution", quote(mapping.ambiguousRoleResolution)] as Line]),
      ];
      for (const rule of mapping.rulesConfiguration?.rules ?? []) {
        mappingBody.push(
          "",
          ...nested("mapping_rule", 2, [
            ["claim", quote(rule.claim)],
            ["match_type", quote(rule.matchType)],
            ["value", quote(rule.value)],
            ["role_arn", quote(rule.roleArn)],
          ]),
        );
      }
      body.push("", ...nested("role_mapping", 2, mappingBody));
    }
    parts.push(resource("aws_cognito_identity_pool_roles_attachment", `main${suffix}`, body));
    if (plan.principalTags !== undefined) {
      const tags = Object.entries(plan.principalTags.tags).map(
        ([key, claim]): Line => [quote(key), quote(claim)],
      );
      parts.push(
        resource("aws_cognito_identity_pool_provider_principal_tag", `main${suffix}`, [
          ["identity_pool_id", quote(identityPoolId)],
          ["identity_provider_name", quote(plan.principalTags.provider)],
          ["use_defaults", "false"],
          "",
          ["principal_tags", "{"],
          ...block(2, tags),
          "}",
        ]),
      );
    }
  });
  return parts.join("\n\n");
}
