import {
  isPolicyError,
  type PolicyDocument,
  type PrincipalArn,
  parsePrincipalArn,
} from "@gatehouse/policy";
import type { IamRoleConfig } from "../iam-role-config.js";
import type { IdentityPoolConfig } from "../identity-pool-config.js";
import { attachmentOf } from "./pool-attachment.js";
import { randomRoleId } from "./random-credentials.js";

/** The `Principal.Federated` of an identity pool's roles and the prefix of its condition keys. @internal */
export const COGNITO_FEDERATED_PRINCIPAL = "cognito-identity.amazonaws.com";

type RoleArn = Extract<PrincipalArn, { kind: "role" }>;

/** A role STS knows: its parsed ARN, stable role id, trust and permission policies. @internal */
export interface KnownRole {
  readonly arn: string;
  readonly parsed: RoleArn;
  /** `AROA` + 17 characters, stable for the server's life. */
  readonly roleId: string;
  readonly trustPolicy: PolicyDocument | string;
  readonly permissionPolicies: ReadonlyArray<PolicyDocument>;
  /** The trust policy was written by the server (a pool names the role, `roles` does not list it). */
  readonly defaultTrust: boolean;
}

/** A role ARN, or `undefined` when the text is not one. @internal */
export function parseRoleArn(text: string): RoleArn | undefined {
  try {
    const principal = parsePrincipalArn(text, "RoleArn");
    return principal.kind === "role" ? principal : undefined;
  } catch (error) {
    if (isPolicyError(error)) return undefined;
    throw error;
  }
}

type Amr = "authenticated" | "unauthenticated";

/** Every role ARN a pool names, with the `amr` it hands the role to. */
function referencesOf(pool: IdentityPoolConfig): Array<[string, Amr]> {
  const attachment = attachmentOf(pool);
  const references: Array<[string, Amr]> = [];
  if (attachment.roles.authenticated !== undefined) {
    references.push([attachment.roles.authenticated, "authenticated"]);
  }
  if (attachment.roles.unauthenticated !== undefined) {
    references.push([attachment.roles.unauthenticated, "unauthenticated"]);
  }
  for (const mapping of Object.values(attachment.roleMappings ?? {})) {
    for (const rule of mapping.rulesConfiguration?.rules ?? []) {
      references.push([rule.roleArn, "authenticated"]);
    }
  }
  for (const arn of pool.customRoleArns ?? []) references.push([arn, "authenticated"]);
  return references;
}

/**
 * The trust policy Cognito's console writes for a pool's role: `Federated:
 * cognito-identity.amazonaws.com`, `sts:AssumeRoleWithWebIdentity` and `sts:TagSession`, `aud` =
 * the pools, `amr` = how they use the role.
 */
function defaultTrustPolicy(uses: ReadonlyMap<Amr, ReadonlySet<string>>): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [...uses].map(([amr, pools]) => ({
      Effect: "Allow" as const,
      Principal: { Federated: COGNITO_FEDERATED_PRINCIPAL },
      Action: ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"],
      Condition: {
        StringEquals: { [`${COGNITO_FEDERATED_PRINCIPAL}:aud`]: [...pools] },
        "ForAnyValue:StringLike": { [`${COGNITO_FEDERATED_PRINCIPAL}:amr`]: amr },
      },
    })),
  };
}

/**
 * The roles the server's STS knows: those listed in `roles`, and those the pools name with the
 * trust policy AWS recommends. Options are checked by the caller.
 * @internal
 */
export class RoleCatalog {
  readonly #roles = new Map<string, KnownRole>();

  constructor(roles: ReadonlyArray<IamRoleConfig>, pools: ReadonlyArray<IdentityPoolConfig>) {
    for (const role of roles) {
      this.#roles.set(role.arn, {
        arn: role.arn,
        parsed: parseRoleArn(role.arn) as RoleArn,
        roleId: randomRoleId(),
        trustPolicy: role.trustPolicy,
        permissionPolicies: [...(role.permissionPolicies ?? [])],
        defaultTrust: false,
      });
    }
    const uses = new Map<string, Map<Amr, Set<string>>>();
    for (const pool of pools) {
      for (const [arn, amr] of referencesOf(pool)) {
        if (this.#roles.has(arn)) continue;
        const byAmr = uses.get(arn) ?? new Map<Amr, Set<string>>();
        const poolIds = byAmr.get(amr) ?? new Set<string>();
        poolIds.add(pool.identityPoolId);
        byAmr.set(amr, poolIds);
        uses.set(arn, byAmr);
      }
    }
    for (const [arn, byAmr] of uses) {
      const parsed = parseRoleArn(arn);
      // A pool naming something that is not a role ARN has a role STS cannot find.
      if (parsed === undefined) continue;
      this.#roles.set(arn, {
        arn,
        parsed,
        roleId: randomRoleId(),
        trustPolicy: defaultTrustPolicy(byAmr),
        permissionPolicies: [],
        defaultTrust: true,
      });
    }
  }

  /** The role `arn` names, or `undefined` when STS would not find it. */
  get(arn: string): KnownRole | undefined {
    return this.#roles.get(arn);
  }
}
