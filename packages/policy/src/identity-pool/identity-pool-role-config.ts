/**
 * The role configuration of a Cognito identity pool, in the shape of the CDK L1 props of
 * `AWS::Cognito::IdentityPoolRoleAttachment` (`CfnIdentityPoolRoleAttachmentProps`, camelCase)
 * plus the principal-tag maps of `AWS::Cognito::IdentityPoolPrincipalTag`. CloudFormation's
 * PascalCase spelling (`IdentityPoolId`, `RoleMappings`...) is not accepted: convert the keys
 * first.
 *
 * @example
 * ```ts
 * const config: IdentityPoolRoleConfig = {
 *   identityPoolId: "us-east-1:12345678-1234-1234-1234-123456789012",
 *   roles: {
 *     authenticated: "arn:aws:iam::123456789012:role/app-auth",
 *     unauthenticated: "arn:aws:iam::123456789012:role/app-guest",
 *   },
 *   roleMappings: {
 *     userPool: {
 *       type: "Token",
 *       ambiguousRoleResolution: "AuthenticatedRole",
 *       identityProvider: "cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi:1example23456789",
 *     },
 *   },
 * };
 * ```
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-identitypoolroleattachment.html
 */
export interface IdentityPoolRoleConfig {
  /** The identity pool id, `{region}:{guid}` (`us-east-1:12345678-...`). */
  identityPoolId: string;
  /** The default roles (`Roles` of the attachment): ARNs of IAM roles. */
  roles: IdentityPoolDefaultRoles;
  /**
   * Role mappings by key. The key is the identity provider unless `identityProvider` says
   * otherwise (CloudFormation allows any key with `IdentityProvider` inside). A user-pool provider
   * is written `cognito-idp.{region}.amazonaws.com/{userPoolId}:{appClientId}`.
   */
  roleMappings?: Readonly<Record<string, IdentityPoolRoleMapping>>;
  /** Principal-tag maps (attributes for access control), one per identity provider. */
  principalTags?: readonly IdentityPoolPrincipalTagMapping[];
  /**
   * Whether guests (no logins) get credentials (`AllowUnauthenticatedIdentities` of
   * `AWS::Cognito::IdentityPool`). `false`: Cognito answers `NotAuthorizedException`.
   * @default true when `roles.unauthenticated` is set
   */
  allowUnauthenticatedIdentities?: boolean;
}

/** The default roles of an identity pool. */
export interface IdentityPoolDefaultRoles {
  /** Role of signed-in identities when no role mapping decides. */
  authenticated?: string;
  /** Role of guests (unauthenticated identities). */
  unauthenticated?: string;
}

/** How Cognito picks the role of one identity provider's users. */
export interface IdentityPoolRoleMapping {
  /** `Token`: from `cognito:roles` / `cognito:preferred_role`; `Rules`: from `rulesConfiguration`. */
  type: "Token" | "Rules";
  /**
   * What happens when no rule matches (`Rules`), or when the token holds several roles and no
   * preferred one (`Token`): the pool's default authenticated role, or a refusal.
   * @default "Deny" (CloudFormation requires the field; a missing value is read fail-closed)
   */
  ambiguousRoleResolution?: "AuthenticatedRole" | "Deny";
  /** The identity provider this mapping applies to, when the record key is not the provider. */
  identityProvider?: string;
  /** The rules, evaluated in order (`Rules` only; 1 to 25). */
  rulesConfiguration?: { rules: readonly IdentityPoolMappingRule[] };
}

/** One rule of a `Rules` role mapping: when the claim matches, the identity gets `roleArn`. */
export interface IdentityPoolMappingRule {
  /** The claim name, e.g. `cognito:groups`, `email`, `custom:department` (custom attributes keep their `custom:` prefix). */
  claim: string;
  /** How the claim is compared with `value`. */
  matchType: "Equals" | "NotEqual" | "StartsWith" | "Contains";
  /** The value the claim is compared with. */
  value: string;
  /** The role an identity matching this rule gets. */
  roleArn: string;
}

/**
 * Principal tags (attributes for access control) for one identity provider, as
 * `AWS::Cognito::IdentityPoolPrincipalTag`: tag key -> claim name.
 */
export interface IdentityPoolPrincipalTagMapping {
  /** The identity provider, as in `Logins` (`cognito-idp.{region}.amazonaws.com/{userPoolId}`, an OIDC host, a SAML provider ARN). */
  identityProviderName: string;
  /** Add the provider's default mappings (`username` <- `sub`, `client` <- `aud` for user pools and OIDC). */
  useDefaults?: boolean;
  /** Custom mappings: principal tag key -> claim (attribute) name. A custom key replaces a default one. */
  principalTags?: Readonly<Record<string, string>>;
}
