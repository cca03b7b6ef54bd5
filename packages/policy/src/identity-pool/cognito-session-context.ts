import type { ConditionContext } from "../evaluate/evaluate-policy.js";
import { classifyPrincipalArn } from "../identifiers/principal-arn.js";
import type { CognitoIdentity } from "./cognito-identity.js";
import { cognitoIdentityKeys } from "./internal/cognito-identity-keys.js";

/**
 * The condition context of requests signed with an identity's credentials (the role session
 * Cognito obtained), for `evaluateIdentityPolicy`: the `cognito-identity.amazonaws.com:aud`,
 * `:sub` and `:amr` keys, `aws:PrincipalTag/<key>` for each principal tag, `aws:PrincipalArn`
 * (the **role** ARN, as IAM sets it for an assumed-role session), `aws:PrincipalAccount`,
 * `aws:PrincipalType` (`AssumedRole`) and `aws:FederatedProvider`. Add the service's own keys
 * (`dynamodb:LeadingKeys`, `s3:prefix`...) for the request at hand.
 *
 * @param identity - The identity (pool, id, authenticated, providers, principal tags).
 * @param roleArn - The role the credentials are for (`resolveIdentityPoolRole`'s `roleArn`).
 * @returns Condition keys for identity-policy evaluation.
 * @throws TypeError when `identity` is malformed or `roleArn` is not an IAM role ARN.
 * @example
 * ```ts
 * const context = cognitoSessionContext(
 *   {
 *     identityPoolId: "us-east-1:12345678-1234-1234-1234-123456789012",
 *     identityId: "us-east-1:1111aaaa-2222-3333-4444-555566667777",
 *     authenticated: true,
 *     principalTags: { tenant: "acme" },
 *   },
 *   "arn:aws:iam::123456789012:role/app-auth",
 * );
 * context["aws:PrincipalTag/tenant"]; // "acme"
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
 */
export function cognitoSessionContext(
  identity: CognitoIdentity,
  roleArn: string,
): ConditionContext {
  const context = cognitoIdentityKeys(identity, "cognitoSessionContext");
  const role = classifyPrincipalArn(roleArn);
  if (!("kind" in role) || role.kind !== "role") {
    throw new TypeError(
      "cognitoSessionContext: roleArn must be an IAM role ARN (arn:aws:iam::123456789012:role/name)",
    );
  }
  for (const [key, value] of Object.entries(identity.principalTags ?? {})) {
    context[`aws:PrincipalTag/${key}`] = value;
  }
  context["aws:PrincipalArn"] = roleArn;
  context["aws:PrincipalAccount"] = role.accountId;
  context["aws:PrincipalType"] = "AssumedRole";
  return context;
}
