/**
 * The caller fields API Gateway fills in an event's `requestContext.identity` when a method uses
 * `AWS_IAM` (SigV4): who signed the request and, for Cognito identity-pool credentials, the
 * identity. Fields left out are sent as `null`, as AWS does.
 *
 * @example
 * ```ts
 * const caller: IamEventIdentity = {
 *   accessKey: "AKIAIOSFODNN7EXAMPLE",
 *   accountId: "123456789012",
 *   caller: "AIDAJQABLZS4A3QDU576Q",
 *   userArn: "arn:aws:iam::123456789012:user/alice",
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#context-variable-reference
 */
export interface IamEventIdentity {
  /** The access key id of the signing credentials (`AKIA...`, `ASIA...`). */
  accessKey: string;
  /** The caller's AWS account. */
  accountId: string;
  /** The principal id of the caller (`AIDA...` for a user, `AROA...:session` for a role session). */
  caller: string;
  /** The ARN of the caller (`arn:aws:iam::123456789012:user/alice`, `arn:aws:sts::...:assumed-role/...`). */
  userArn: string;
  /** The principal id API Gateway reports as `user`. @default caller */
  user?: string | undefined;
  /** The caller's AWS Organizations id. @default null */
  principalOrgId?: string | null | undefined;
  /** Cognito identity-pool credentials: the pool (`us-east-1:...`). @default null */
  cognitoIdentityPoolId?: string | null | undefined;
  /** Cognito identity-pool credentials: the identity (`us-east-1:...`). @default null */
  cognitoIdentityId?: string | null | undefined;
  /** Cognito identity-pool credentials. @default null */
  cognitoAuthenticationType?: "authenticated" | "unauthenticated" | null | undefined;
  /** Cognito identity-pool credentials: `cognito-idp.{region}.amazonaws.com/{poolId},...:CognitoSignIn:{sub}`. @default null */
  cognitoAuthenticationProvider?: string | null | undefined;
}
