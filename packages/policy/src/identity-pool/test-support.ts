// Test helpers of the identity-pool folder: one pool shaped like a real CDK role attachment.
import type { IdentityPoolRoleConfig } from "./identity-pool-role-config.js";

export const POOL_ID = "us-east-1:12345678-1234-1234-1234-123456789012";
export const USER_POOL = "cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi";
export const CLIENT_ID = "1example23456789";
export const ISSUER = `https://${USER_POOL}`;
export const AUTH_ROLE = "arn:aws:iam::123456789012:role/app-auth";
export const GUEST_ROLE = "arn:aws:iam::123456789012:role/app-guest";
export const ADMIN_ROLE = "arn:aws:iam::123456789012:role/app-admin";
export const EDITOR_ROLE = "arn:aws:iam::123456789012:role/app-editor";
export const SALES_ROLE = "arn:aws:iam::123456789012:role/app-sales";

/** Claims of a user-pool ID token for user `sub`. */
export function idTokenClaims(
  extra: Record<string, unknown> = {},
  sub = "u-1",
): Record<string, unknown> {
  return { iss: ISSUER, aud: CLIENT_ID, sub, token_use: "id", "cognito:username": sub, ...extra };
}

/** A pool with both default roles and nothing else. */
export function basePool(overrides: Partial<IdentityPoolRoleConfig> = {}): IdentityPoolRoleConfig {
  return {
    identityPoolId: POOL_ID,
    roles: { authenticated: AUTH_ROLE, unauthenticated: GUEST_ROLE },
    ...overrides,
  };
}

/** A pool whose user pool maps roles from the token. */
export function tokenPool(
  ambiguous: "AuthenticatedRole" | "Deny" = "Deny",
): IdentityPoolRoleConfig {
  return basePool({
    roleMappings: {
      userPool: {
        type: "Token",
        ambiguousRoleResolution: ambiguous,
        identityProvider: `${USER_POOL}:${CLIENT_ID}`,
      },
    },
  });
}

/** A pool whose user pool maps roles with rules. */
export function rulesPool(
  rules: {
    claim: string;
    matchType: "Equals" | "NotEqual" | "StartsWith" | "Contains";
    value: string;
    roleArn: string;
  }[],
  ambiguous: "AuthenticatedRole" | "Deny" = "Deny",
): IdentityPoolRoleConfig {
  return basePool({
    roleMappings: {
      [`${USER_POOL}:${CLIENT_ID}`]: {
        type: "Rules",
        ambiguousRoleResolution: ambiguous,
        rulesConfiguration: { rules },
      },
    },
  });
}
