import type { ConditionContext } from "../evaluate/evaluate-policy.js";
import type { CognitoIdentity } from "./cognito-identity.js";
import { cognitoIdentityKeys } from "./internal/cognito-identity-keys.js";

/**
 * The condition context of the `sts:AssumeRoleWithWebIdentity` (and `sts:TagSession`) request
 * Cognito makes for an identity, for `evaluateTrustPolicy`:
 * `cognito-identity.amazonaws.com:aud` (pool id), `:sub` (identity id), `:amr` (multi-valued:
 * `authenticated` plus the providers, or `unauthenticated`), `aws:FederatedProvider`, and for
 * principal tags `aws:RequestTag/<key>` and `aws:TagKeys`.
 *
 * @param identity - The identity (pool, id, authenticated, providers, principal tags).
 * @returns Condition keys for the trust-policy evaluation.
 * @throws TypeError when `identity` is not shaped as {@link CognitoIdentity}.
 * @example
 * ```ts
 * const context = cognitoAssumeRoleContext({
 *   identityPoolId: "us-east-1:12345678-1234-1234-1234-123456789012",
 *   identityId: "us-east-1:1111aaaa-2222-3333-4444-555566667777",
 *   authenticated: false,
 * });
 * context["cognito-identity.amazonaws.com:amr"]; // ["unauthenticated"]
 * ```
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html
 */
export function cognitoAssumeRoleContext(identity: CognitoIdentity): ConditionContext {
  const context = cognitoIdentityKeys(identity, "cognitoAssumeRoleContext");
  const tags = Object.entries(identity.principalTags ?? {});
  for (const [key, value] of tags) context[`aws:RequestTag/${key}`] = value;
  if (tags.length > 0) context["aws:TagKeys"] = tags.map(([key]) => key);
  return context;
}
