import type { PolicyDocument } from "../document/policy-document.js";

/** Why Cognito chose the role it chose. */
export type IdentityPoolRoleReason =
  /** A guest: the pool's unauthenticated role. */
  | "unauthenticated_role"
  /** Signed in, no role mapping for the provider: the pool's authenticated role. */
  | "default_authenticated_role"
  /** `Token` mapping: the requested `CustomRoleArn`, listed in `cognito:roles`. */
  | "custom_role_arn"
  /** `Token` mapping: the token's `cognito:preferred_role`. */
  | "token_preferred_role"
  /** `Token` mapping: the only role in `cognito:roles`. */
  | "token_single_role"
  /** `Rules` mapping: the first rule that matched (see `ruleIndex`). */
  | "rule_matched"
  /** Mapping ambiguous, `ambiguousRoleResolution: "AuthenticatedRole"`: the pool's authenticated role. */
  | "ambiguous_authenticated_role";

/** Why Cognito refuses credentials. */
export type IdentityPoolDenialReason =
  /** A guest, and the pool does not allow unauthenticated identities. */
  | "unauthenticated_not_allowed"
  /** A guest, and the pool has no unauthenticated role. */
  | "no_unauthenticated_role"
  /** Signed in, and the pool has no authenticated role where one is needed. */
  | "no_authenticated_role"
  /** `Token` mapping: `CustomRoleArn` is not one of the token's `cognito:roles`. */
  | "custom_role_not_in_token"
  /** `CustomRoleArn` asked for without a `Token` mapping for the provider. */
  | "custom_role_without_token_mapping"
  /** Mapping ambiguous, `ambiguousRoleResolution: "Deny"` (or unset). */
  | "ambiguous_role_denied"
  /** A mapped principal tag whose claim value STS would refuse as a session tag (over 256 characters). */
  | "principal_tag_value_too_long";

/** The error type `GetCredentialsForIdentity` answers with (`x-amzn-ErrorType`). */
export type IdentityPoolErrorType =
  | "NotAuthorizedException"
  | "InvalidIdentityPoolConfigurationException";

/** The role Cognito would hand out, with the session tags it would set. */
export interface IdentityPoolRoleGranted {
  outcome: "role";
  /** The IAM role ARN credentials are issued for. */
  roleArn: string;
  reason: IdentityPoolRoleReason;
  /** Whether the identity is signed in (`amr` holds `authenticated`) or a guest (`unauthenticated`). */
  authenticated: boolean;
  /** The provider key the decision used (`Logins` key), when signed in. */
  provider?: string;
  /** Index of the rule that matched, for `reason: "rule_matched"`. */
  ruleIndex?: number;
  /** Session tags (`aws:PrincipalTag/<key>`) from the principal-tag mapping; empty when none. */
  principalTags: Readonly<Record<string, string>>;
  /**
   * The session policy Cognito adds (guests in the enhanced flow:
   * `AmazonCognitoUnAuthedIdentitiesSessionPolicy`); effective permissions are the intersection of
   * the role's policies and this one. Absent when none applies.
   */
  sessionPolicy?: PolicyDocument;
}

/** Cognito refuses credentials, with the error type and a message like the service's. */
export interface IdentityPoolRoleDenied {
  outcome: "denied";
  /** A stable snake_case code. */
  reason: IdentityPoolDenialReason;
  /** The error type the service answers with. */
  errorType: IdentityPoolErrorType;
  /** What went wrong, in words (never a token). */
  message: string;
  /** The provider key the decision used, when signed in. */
  provider?: string;
}

/**
 * What `GetCredentialsForIdentity` would do for one identity: issue credentials for a role, or
 * refuse with the service's error type.
 *
 * @example
 * ```ts
 * declare const result: IdentityPoolRoleResolution;
 * if (result.outcome === "role") console.log(result.roleArn, result.principalTags);
 * else console.log(result.errorType, result.reason);
 * ```
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html
 */
export type IdentityPoolRoleResolution = IdentityPoolRoleGranted | IdentityPoolRoleDenied;
