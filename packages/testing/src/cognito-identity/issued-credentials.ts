import type { PolicyDocument } from "@gatehouse/policy";

/**
 * Credentials the server handed out and the session they stand for: the role, the role session,
 * the identity and how it signed in. Structurally a `SigV4VerifierCredentials` (`accessKeyId`,
 * `secretAccessKey`, `sessionToken`), so a list of them can be given to a SigV4 verifier as is;
 * the other fields say who signed, in the words API Gateway puts in `requestContext.identity`.
 *
 * @example
 * ```ts
 * declare const issued: IssuedCredentials;
 * issued.assumedRoleArn; // "arn:aws:sts::123456789012:assumed-role/Authenticated/CognitoIdentityCredentials"
 * issued.authenticationProvider; // "cognito-idp.us-east-1.amazonaws.com/us-east-1_X,cognito-idp.us-east-1.amazonaws.com/us-east-1_X:CognitoSignIn:sub"
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
 */
export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** The identity the credentials belong to (`cognitoIdentityId`; the OpenID token's `sub` for STS). */
  identityId: string;
  /** The identity pool of the identity (`cognitoIdentityPoolId`; the OpenID token's `aud` for STS). */
  identityPoolId: string;
  /** The role the credentials stand for, `arn:aws:iam::{account}:role/{name}` (`aws:PrincipalArn`). */
  roleArn: string;
  /** The role session name: `CognitoIdentityCredentials` in the enhanced flow, `RoleSessionName` in the basic flow. */
  sessionName: string;
  /** The session's ARN, `arn:aws:sts::{account}:assumed-role/{name}/{session}` (`userArn`, `aws:userid`'s principal). */
  assumedRoleArn: string;
  /** `{role id}:{session}`, e.g. `AROA...:CognitoIdentityCredentials` (API Gateway's `caller` / `user`). */
  assumedRoleId: string;
  /** The account of the role (API Gateway's `accountId`). */
  accountId: string;
  /** `cognitoAuthenticationType`: `"authenticated"` when the identity signed in, else `"unauthenticated"`. */
  authenticationType: "authenticated" | "unauthenticated";
  /**
   * `cognitoAuthenticationProvider`: each login of the identity written as
   * `{provider},{provider}:CognitoSignIn:{sub}` (user pools), `{provider},{provider}:OpenIdConnect:{sub}`
   * (OIDC) or `{provider},{provider}:{identityPoolId}:{userId}` (developer), joined by `,`; `null` for a guest.
   */
  authenticationProvider: string | null;
  /** Session tags from the pool's principal-tag mapping (`aws:PrincipalTag/{key}`); `{}` when none. */
  principalTags: Readonly<Record<string, string>>;
  /** The role's permission policies, as configured in the server's `roles` (`[]` when not listed). */
  permissionPolicies: ReadonlyArray<PolicyDocument>;
  /**
   * The session policy Cognito adds (guests in the enhanced flow: AWS's scope-down policy); the
   * session may do what the role's policies **and** this policy allow. Absent when none applies.
   */
  sessionPolicy?: PolicyDocument | undefined;
  /** When the credentials expire; a verifier should refuse them after (`ExpiredTokenException`). */
  expiration: Date;
  /** The call that issued them. */
  operation: "GetCredentialsForIdentity" | "AssumeRoleWithWebIdentity";
}
