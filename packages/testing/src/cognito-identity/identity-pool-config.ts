import type { IdentityPoolRoleConfig } from "@gatehouse/policy";

/** How a login provider's tokens are checked (keyed by the `Logins` key in {@link IdentityPoolConfig.providers}). */
export interface IdentityPoolProviderConfig {
  /** JWKS URL of the provider; loopback only (`127.0.0.1`, `localhost`, `[::1]`). */
  jwksUri?: string | undefined;
  /** The provider's key set inline (e.g. `issuer.jwks()`); used instead of `jwksUri` when both are set. */
  jwks?: { keys: JsonWebKey[] } | undefined;
  /** The `aud` the login token must carry (a user-pool app client id, an OIDC client id). `undefined`: any `aud`, which must still be present. */
  audience?: string | undefined;
  /**
   * The `iss` the token must carry. @default `https://{login key}` (so the user-pool key
   * `cognito-idp.{region}.amazonaws.com/{poolId}` expects `https://cognito-idp.{region}.amazonaws.com/{poolId}`);
   * an `http://` issuer on loopback also matches its host key, e.g. `127.0.0.1:4567`.
   */
  issuer?: string | undefined;
}

/**
 * One identity pool the server knows. Its roles are given either as a role attachment
 * (`roleAttachment`, the shape `resolveIdentityPoolRole` of `@gatehouse/policy` and CloudFormation's
 * `AWS::Cognito::IdentityPoolRoleAttachment` take: default roles, role mappings, principal tags) or,
 * the older way, as `authenticatedRoleArn` / `unauthenticatedRoleArn` / `customRoleArns`; not both.
 */
export interface IdentityPoolConfig {
  /** `{region}:{uuid}`, e.g. `us-east-1:1a2b3c4d-...`; identity ids are `{region}:{uuid}` with the same region. */
  identityPoolId: string;
  /**
   * Whether guest (no `Logins`) identities and credentials are allowed.
   * @default roleAttachment.allowUnauthenticatedIdentities, else false
   */
  allowUnauthenticated?: boolean | undefined;
  /** Login providers, keyed by the `Logins` key: `cognito-idp.{region}.amazonaws.com/{userPoolId}` or an OIDC provider host. */
  providers?: Record<string, IdentityPoolProviderConfig> | undefined;
  /** Developer provider name accepted by `GetOpenIdTokenForDeveloperIdentity`, e.g. `login.example.app`. */
  developerProviderName?: string | undefined;
  /**
   * The pool's roles as Cognito keeps them: default roles, role mappings (`Token` / `Rules`,
   * `ambiguousRoleResolution`) and principal-tag mappings. `identityPoolId` must be this pool's.
   * `GetCredentialsForIdentity` resolves the role with `resolveIdentityPoolRole`.
   */
  roleAttachment?: IdentityPoolRoleConfig | undefined;
  /** Role of authenticated identities (and for STS with an authenticated OpenID token); without `roleAttachment` only. */
  authenticatedRoleArn?: string | undefined;
  /** Role of guest identities, required for guest credentials; without `roleAttachment` only. */
  unauthenticatedRoleArn?: string | undefined;
  /** Further roles a `CustomRoleArn` may name for authenticated identities; without `roleAttachment` only. @default [] */
  customRoleArns?: ReadonlyArray<string> | undefined;
  /** The pool's AWS account id; a `GetId` naming another `AccountId` is refused (`NotAuthorizedException`). */
  accountId?: string | undefined;
}
