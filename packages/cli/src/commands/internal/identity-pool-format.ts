/**
 * Renders an identity-pool plan as JSON, a CloudFormation template, a CDK (L1) snippet or
 * Terraform. The policy documents go through the same @gatehouse/policy helpers as
 * `policy generate` (`toCloudFormation`, `toTerraformHcl`); only the resources around them are
 * written here.
 * @internal
 * @packageDocumentation
 */
import { type IdentityPoolRoleMapping, toCloudFormation } from "@gatehouse/policy";
import type { IdentityPoolPlan, PlannedRole } from "./identity-pool-plan.js";
import { formatTerraform } from "./identity-pool-terraform.js";

/** The output formats of `policy identity-pool`. */
export const IDENTITY_POOL_FORMATS = ["json", "cloudformation", "cdk", "terraform"] as const;
export type IdentityPoolFormat = (typeof IDENTITY_POOL_FORMATS)[number];

/** The name of the inline policy that holds a role's per-identity permissions. */
export const PERMISSIONS_POLICY_NAME = "per-identity-permissions";

/** `AuthenticatedRole` / `GuestRole`: CloudFormation logical ids and CDK construct ids. */
export function logicalId(role: PlannedRole): string {
  return role.amr === "authenticated" ? "AuthenticatedRole" : "GuestRole";
}

/** `RoleAttachment`, or `RoleAttachment2`... for the second and later pools. */
export function numbered(base: string, index: number): string {
  return index === 0 ? base : `${base}${index + 1}`;
}

/**
 * The role mappings keyed `Mapping1`, `Mapping2`...: CloudFormation keys must be alphanumeric, so
 * the provider goes in `IdentityProvider` (camelCase here, as CDK's L1 and the config take it).
 */
export function keyedMappings(
  mappings: Readonly<Record<string, IdentityPoolRoleMapping>>,
): Record<string, IdentityPoolRoleMapping> {
  return Object.fromEntries(
    Object.entries(mappings).map(([provider, mapping], index) => [
      `Mapping${index + 1}`,
      { ...mapping, identityProvider: mapping.identityProvider ?? provider },
    ]),
  );
}

function pascalMapping(mapping: IdentityPoolRoleMapping): Record<string, unknown> {
  return {
    Type: mapping.type,
    ...(mapping.ambiguousRoleResolution === undefined
      ? {}
      : { AmbiguousRoleResolution: mapping.ambiguousRoleResolution }),
    IdentityProvider: mapping.identityProvider,
    ...(mapping.rulesConfiguration === undefined
      ? {}
      : {
          RulesConfiguration: {
            Rules: mapping.rulesConfiguration.rules.map((rule) => ({
              Claim: rule.claim,
              MatchType: rule.matchType,
              Value: rule.value,
              RoleARN: rule.roleArn,
            })),
          },
        }),
  };
}

function formatJson(plan: IdentityPoolPlan): string {
  const roles = Object.fromEntries(
    plan.roles.map((role) => [
      role.amr,
      plan.accountId === undefined ? role.name : `arn:aws:iam::${plan.accountId}:role/${role.name}`,
    ]),
  );
  return JSON.stringify(
    {
      roles: plan.roles.map((role) => ({
        amr: role.amr,
        roleName: role.name,
        trustPolicy: role.trustPolicy,
        ...(role.permissions === undefined ? {} : { permissions: role.permissions }),
      })),
      // The shape parseIdentityPoolRoleConfig / resolveIdentityPoolRole take (role ARNs with
      // --account; role names without).
      roleAttachments: plan.poolIds.map((identityPoolId) => ({
        identityPoolId,
        [plan.accountId === undefined ? "roleNames" : "roles"]: roles,
        ...(plan.roleMappings === undefined ? {} : { roleMappings: plan.roleMappings }),
        ...(plan.principalTags === undefined
          ? {}
          : {
              principalTags: [
                {
                  identityProviderName: plan.principalTags.provider,
                  useDefaults: false,
                  principalTags: plan.principalTags.tags,
                },
              ],
            }),
      })),
    },
    null,
    2,
  );
}

function formatCloudFormation(plan: IdentityPoolPlan): string {
  const resources: Record<string, unknown> = {};
  for (const role of plan.roles) {
    resources[logicalId(role)] = {
      Type: "AWS::IAM::Role",
      Properties: {
        RoleName: role.name,
        AssumeRolePolicyDocument: toCloudFormation(role.trustPolicy, { kind: "trust" }),
        ...(role.permissions === undefined
          ? {}
          : {
              Policies: [
                {
                  PolicyName: PERMISSIONS_POLICY_NAME,
                  PolicyDocument: toCloudFormation(role.permissions, { kind: "identity" }),
                },
              ],
            }),
      },
    };
  }
  const mappings = plan.roleMappings === undefined ? undefined : keyedMappings(plan.roleMappings);
  plan.poolIds.forEach((identityPoolId, index) => {
    resources[numbered("RoleAttachment", index)] = {
      Type: "AWS::Cognito::IdentityPoolRoleAttachment",
      Properties: {
        IdentityPoolId: identityPoolId,
        Roles: Object.fromEntries(
          plan.roles.map((role) => [role.amr, { "Fn::GetAtt": [logicalId(role), "Arn"] }]),
        ),
        ...(mappings === undefined
          ? {}
          : {
              RoleMappings: Object.fromEntries(
                Object.entries(mappings).map(([key, mapping]) => [key, pascalMapping(mapping)]),
              ),
            }),
      },
    };
    if (plan.principalTags !== undefined) {
      resources[numbered("PrincipalTags", index)] = {
        Type: "AWS::Cognito::IdentityPoolPrincipalTag",
        Properties: {
          IdentityPoolId: identityPoolId,
          IdentityProviderName: plan.principalTags.provider,
          UseDefaults: false,
          PrincipalTags: plan.principalTags.tags,
        },
      };
    }
  });
  return JSON.stringify(
    {
      AWSTemplateFormatVersion: "2010-09-09",
      Description: "Identity-pool roles written by gatehouse policy identity-pool",
      Resources: resources,
    },
    null,
    2,
  );
}

/** `value` as a TypeScript expression indented to `depth` levels of two spaces. */
function literal(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replaceAll("\n", `\n${"  ".repeat(depth)}`);
}

function variableOf(role: PlannedRole): string {
  return role.amr === "authenticated" ? "authenticatedRole" : "guestRole";
}

function formatCdk(plan: IdentityPoolPlan): string {
  const lines = [
    'import * as cognito from "aws-cdk-lib/aws-cognito";',
    'import * as iam from "aws-cdk-lib/aws-iam";',
    'import type { Construct } from "constructs";',
    "",
    "/** Identity-pool roles written by `gatehouse policy identity-pool`. */",
    "export function identityPoolRoles(scope: Construct): void {",
  ];
  for (const role of plan.roles) {
    lines.push(
      `  const ${variableOf(role)} = new iam.CfnRole(scope, "${logicalId(role)}", {`,
      `    roleName: ${JSON.stringify(role.name)},`,
      `    assumeRolePolicyDocument: ${literal(toCloudFormation(role.trustPolicy, { kind: "trust" }), 2)},`,
    );
    if (role.permissions !== undefined) {
      lines.push(
        "    policies: [",
        "      {",
        `        policyName: ${JSON.stringify(PERMISSIONS_POLICY_NAME)},`,
        `        policyDocument: ${literal(toCloudFormation(role.permissions, { kind: "identity" }), 4)},`,
        "      },",
        "    ],",
      );
    }
    lines.push("  });");
  }
  const mappings = plan.roleMappings === undefined ? undefined : keyedMappings(plan.roleMappings);
  plan.poolIds.forEach((identityPoolId, index) => {
    lines.push(
      `  new cognito.CfnIdentityPoolRoleAttachment(scope, "${numbered("RoleAttachment", index)}", {`,
      `    identityPoolId: ${JSON.stringify(identityPoolId)},`,
      "    roles: {",
      ...plan.roles.map((role) => `      ${role.amr}: ${variableOf(role)}.attrArn,`),
      "    },",
      ...(mappings === undefined ? [] : [`    roleMappings: ${literal(mappings, 2)},`]),
      "  });",
    );
    if (plan.principalTags !== undefined) {
      lines.push(
        `  new cognito.CfnIdentityPoolPrincipalTag(scope, "${numbered("PrincipalTags", index)}", {`,
        `    identityPoolId: ${JSON.stringify(identityPoolId)},`,
        `    identityProviderName: ${JSON.stringify(plan.principalTags.provider)},`,
        "    useDefaults: false,",
        `    principalTags: ${literal(plan.principalTags.tags, 2)},`,
        "  });",
      );
    }
  });
  lines.push("}");
  return lines.join("\n");
}

/** Renders `plan` in `format`. */
export function formatIdentityPoolPlan(plan: IdentityPoolPlan, format: IdentityPoolFormat): string {
  switch (format) {
    case "json":
      return formatJson(plan);
    case "cloudformation":
      return formatCloudFormation(plan);
    case "cdk":
      return formatCdk(plan);
    case "terraform":
      return formatTerraform(plan);
  }
}
