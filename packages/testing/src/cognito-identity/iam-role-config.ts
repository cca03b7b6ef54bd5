import type { PolicyDocument } from "@gatehouse/policy";

/**
 * An IAM role the loopback STS knows: its trust policy (who may assume it) and its permission
 * policies (what its sessions may do). Both flows check the trust policy: `GetCredentialsForIdentity`
 * answers `InvalidIdentityPoolConfigurationException` and `AssumeRoleWithWebIdentity` answers
 * `AccessDenied` when it does not let the identity pool's token in.
 *
 * @example
 * ```ts
 * const role: IamRoleConfig = {
 *   arn: "arn:aws:iam::123456789012:role/Authenticated",
 *   trustPolicy: {
 *     Version: "2012-10-17",
 *     Statement: [{
 *       Effect: "Allow",
 *       Principal: { Federated: "cognito-identity.amazonaws.com" },
 *       Action: "sts:AssumeRoleWithWebIdentity",
 *       Condition: {
 *         StringEquals: { "cognito-identity.amazonaws.com:aud": "us-east-1:0d0f8b1c-0000-4000-8000-000000000001" },
 *         "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" },
 *       },
 *     }],
 *   },
 * };
 * ```
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html
 */
export interface IamRoleConfig {
  /** The role ARN, `arn:aws:iam::{account}:role/{path/}{name}`. */
  arn: string;
  /**
   * The role's trust policy (`AssumeRolePolicyDocument`), an object or JSON text; one IAM would
   * not save (a `Resource`, no `Principal`) is a `TypeError` at start.
   */
  trustPolicy: PolicyDocument | string;
  /**
   * The role's permission policies (identity-based), handed to whoever asks who signed with the
   * role's credentials (`credentialsFor`). Not evaluated by this server. @default []
   */
  permissionPolicies?: ReadonlyArray<PolicyDocument> | undefined;
}
