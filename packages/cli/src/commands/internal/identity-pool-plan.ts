/**
 * What `gatehouse policy identity-pool` writes, built from its flags with @gatehouse/policy's
 * builders: one role per kind of identity (trust policy + per-identity permissions) and the role
 * attachment of each pool (default roles, role mappings, principal tags), checked by the linters.
 * @internal
 * @packageDocumentation
 */
import {
  type IdentityOwner,
  type IdentityPoolAmr,
  type IdentityPoolRoleMapping,
  identityPoolTrustPolicy,
  isAccountId,
  type LintFinding,
  lintIdentityPolicy,
  lintTrustPolicy,
  type PolicyDocument,
  parseIdentityPoolRoleConfig,
} from "@gatehouse/policy";
import { CliError, usageError } from "../../errors.js";
import type { CommandContext } from "../../internal/command.js";
import { policyInputError } from "../../internal/policy-errors.js";
import { readJson } from "../../internal/read-input.js";
import { permissionStatements } from "./identity-pool-permissions.js";

/** One role of the plan. */
export interface PlannedRole {
  amr: IdentityPoolAmr;
  /** The IAM role name. */
  name: string;
  trustPolicy: PolicyDocument;
  /** The per-identity permissions (one inline policy); `undefined` for none. */
  permissions: PolicyDocument | undefined;
}

/** Everything `policy identity-pool` writes. */
export interface IdentityPoolPlan {
  poolIds: string[];
  /** The account of the role ARNs in the JSON attachment (`--account`). */
  accountId: string | undefined;
  roles: PlannedRole[];
  roleMappings: Record<string, IdentityPoolRoleMapping> | undefined;
  principalTags: { provider: string; tags: Record<string, string> } | undefined;
  /** Lint findings below error severity, and notes such as the routes a Deny refuses. */
  notes: string[];
}

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const TAG_MAPPING = /^([^=]{1,128})=(.{1,256})$/;
function roleName(context: CommandContext, flag: string, fallback: string): string {
  const name = context.string(flag) ?? fallback;
  if (!ROLE_NAME.test(name)) {
    throw usageError(
      `--${flag} ${JSON.stringify(name)} is not an IAM role name`,
      "1 to 64 of letters, digits and + = , . @ _ -",
    );
  }
  return name;
}

function readPrincipalTags(context: CommandContext): IdentityPoolPlan["principalTags"] {
  const pairs = context.strings("principal-tag");
  const provider = context.string("provider");
  if (pairs.length === 0) {
    if (provider !== undefined) {
      throw usageError(
        "--provider names the provider of --principal-tag mappings; give --principal-tag too",
      );
    }
    return undefined;
  }
  if (provider === undefined) {
    throw usageError(
      "--principal-tag needs --provider <name>: the identity provider whose claims become tags",
      "A user pool: --provider cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI",
    );
  }
  const tags: Record<string, string> = {};
  for (const pair of pairs) {
    const match = TAG_MAPPING.exec(pair);
    if (match === null) {
      throw usageError(
        `--principal-tag must be <tag key>=<claim>; got ${JSON.stringify(pair)}`,
        "e.g. --principal-tag tenant=custom:tenant (custom attributes keep their custom: prefix)",
      );
    }
    const [, key, claim] = match as unknown as [string, string, string];
    if (tags[key] !== undefined) throw usageError(`--principal-tag maps ${key} twice`);
    tags[key] = claim;
  }
  return { provider, tags };
}

function readOwner(
  context: CommandContext,
  tags: Record<string, string> | undefined,
): IdentityOwner {
  const owner = context.string("owner") ?? "identity";
  if (owner === "identity") return owner;
  if (!owner.startsWith("tag:")) {
    throw usageError(`--owner must be identity or tag:<key>; got ${JSON.stringify(owner)}`);
  }
  const key = owner.slice(4);
  if (tags?.[key] === undefined) {
    throw usageError(
      `--owner ${owner}: the tag ${JSON.stringify(key)} is not mapped by --principal-tag`,
      `Add --principal-tag ${key}=<claim>: without the mapping the variable has no value and the policy matches nothing.`,
    );
  }
  return { principalTag: key };
}

async function readRoleMappings(
  context: CommandContext,
): Promise<Record<string, IdentityPoolRoleMapping> | undefined> {
  const file = context.string("role-mapping");
  if (file === undefined) return undefined;
  const value = await readJson(file, context.io);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw usageError(
      `--role-mapping ${file} must hold an object of role mappings by identity provider`,
      'e.g. {"cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC:client": {"type": "Token", "ambiguousRoleResolution": "AuthenticatedRole"}}',
    );
  }
  return value as Record<string, IdentityPoolRoleMapping>;
}

/** Refuses the plan when a linter finds an error in it; keeps the warnings as notes. */
export function lintPlan(
  roles: readonly PlannedRole[],
  tagsMapped: boolean,
  notes: string[],
): void {
  const errors: string[] = [];
  const collect = (what: string, findings: LintFinding[]) => {
    for (const finding of findings) {
      const line = `${what}: ${finding.severity} ${finding.code} at ${finding.path}: ${finding.message}`;
      if (finding.severity === "error") errors.push(line);
      else notes.push(line);
    }
  };
  for (const role of roles) {
    collect(
      `${role.name} trust policy`,
      lintTrustPolicy(role.trustPolicy, { principalTagsMapped: tagsMapped, amr: role.amr }),
    );
    if (role.permissions !== undefined) {
      collect(`${role.name} permissions`, lintIdentityPolicy(role.permissions));
    }
  }
  if (errors.length > 0) {
    throw new CliError(
      "denied",
      `refusing to write policies the linter rejects:\n  ${errors.join("\n  ")}`,
      {
        hint: "Change the flags that produce them (the finding's path says which statement).",
      },
    );
  }
}

/** Builds and checks the plan from the command's flags. */
export async function buildIdentityPoolPlan(context: CommandContext): Promise<IdentityPoolPlan> {
  const poolIds = context.strings("pool");
  if (poolIds.length === 0) {
    throw usageError(
      "--pool <identity pool id> is required (repeat it for several pools)",
      "e.g. --pool eu-west-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11",
    );
  }
  const guests = !context.flag("no-guests");
  if (!guests) {
    for (const flag of ["unauthenticated-role-name", "guest-permissions"]) {
      if (context.given(flag)) throw usageError(`--${flag} contradicts --no-guests`);
    }
  }
  const accountId = context.string("account");
  if (accountId !== undefined && !isAccountId(accountId)) {
    throw usageError(`--account must be a 12-digit account id; got ${JSON.stringify(accountId)}`);
  }
  const principalTags = readPrincipalTags(context);
  const owner = readOwner(context, principalTags?.tags);
  const notes: string[] = [];
  const statements = permissionStatements(context, owner, notes);
  const permissions: PolicyDocument | undefined =
    statements.length === 0 ? undefined : { Version: "2012-10-17", Statement: statements };
  const tagSession = principalTags !== undefined;
  const trust = (amr: IdentityPoolAmr) => {
    try {
      return identityPoolTrustPolicy({ identityPoolIds: poolIds, amr, tagSession });
    } catch (error) {
      throw policyInputError(error, "--pool", context);
    }
  };
  const roles: PlannedRole[] = [
    {
      amr: "authenticated",
      name: roleName(context, "authenticated-role-name", "IdentityPoolAuthenticated"),
      trustPolicy: trust("authenticated"),
      permissions,
    },
  ];
  if (guests) {
    roles.push({
      amr: "unauthenticated",
      name: roleName(context, "unauthenticated-role-name", "IdentityPoolGuest"),
      trustPolicy: trust("unauthenticated"),
      permissions: context.flag("guest-permissions") ? permissions : undefined,
    });
    if (context.flag("guest-permissions") && context.given("api")) {
      notes.push(
        "guests in the enhanced flow cannot call execute-api:Invoke: AWS's scope-down session policy (AmazonCognitoUnAuthedIdentitiesSessionPolicy) does not list API Gateway",
      );
    }
  }
  const roleMappings = await readRoleMappings(context);
  // The attachment as Cognito checks it when saved; the ARNs only matter for the check.
  const account = accountId ?? "000000000000";
  for (const identityPoolId of poolIds) {
    try {
      parseIdentityPoolRoleConfig({
        identityPoolId,
        roles: Object.fromEntries(
          roles.map((role) => [role.amr, `arn:aws:iam::${account}:role/${role.name}`]),
        ),
        ...(roleMappings === undefined ? {} : { roleMappings }),
        ...(principalTags === undefined
          ? {}
          : {
              principalTags: [
                { identityProviderName: principalTags.provider, principalTags: principalTags.tags },
              ],
            }),
      });
    } catch (error) {
      throw policyInputError(
        error,
        roleMappings === undefined ? "--principal-tag" : "--role-mapping",
        context,
      );
    }
  }
  lintPlan(roles, tagSession, notes);
  return { poolIds, accountId, roles, roleMappings, principalTags, notes };
}
