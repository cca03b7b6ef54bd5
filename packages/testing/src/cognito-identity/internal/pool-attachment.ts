import type { IdentityPoolRoleConfig } from "@gatehouse/policy";
import type { IdentityPoolConfig } from "../identity-pool-config.js";

/**
 * The role attachment a pool stands for: its `roleAttachment`, or the one its older
 * `authenticatedRoleArn` / `unauthenticatedRoleArn` fields describe.
 * @internal
 */
export function attachmentOf(pool: IdentityPoolConfig): IdentityPoolRoleConfig {
  if (pool.roleAttachment !== undefined) return pool.roleAttachment;
  return {
    identityPoolId: pool.identityPoolId,
    roles: {
      ...(pool.authenticatedRoleArn === undefined
        ? {}
        : { authenticated: pool.authenticatedRoleArn }),
      ...(pool.unauthenticatedRoleArn === undefined
        ? {}
        : { unauthenticated: pool.unauthenticatedRoleArn }),
    },
  };
}

/**
 * Whether the pool hands out guest identities and credentials: `allowUnauthenticated`, else the
 * attachment's `allowUnauthenticatedIdentities`, else no.
 * @internal
 */
export function allowsGuests(pool: IdentityPoolConfig): boolean {
  return pool.allowUnauthenticated ?? pool.roleAttachment?.allowUnauthenticatedIdentities ?? false;
}
