/**
 * One identity of a Cognito identity pool, as the condition keys of its requests describe it.
 *
 * @example
 * ```ts
 * const identity: CognitoIdentity = {
 *   identityPoolId: "us-east-1:12345678-1234-1234-1234-123456789012",
 *   identityId: "us-east-1:1111aaaa-2222-3333-4444-555566667777",
 *   authenticated: true,
 *   providers: ["cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi"],
 *   principalTags: { username: "8f1e" },
 * };
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
 */
export interface CognitoIdentity {
  /** The pool id: `cognito-identity.amazonaws.com:aud`. */
  identityPoolId: string;
  /** The identity id (`{region}:{guid}`): `cognito-identity.amazonaws.com:sub`. */
  identityId: string;
  /** Signed in (`amr` holds `authenticated`) or a guest (`unauthenticated`). */
  authenticated: boolean;
  /**
   * The providers the identity signed in with, added to `amr` after `authenticated` (Cognito
   * writes e.g. `cognito-idp.us-east-1.amazonaws.com/us-east-1_abc` and
   * `cognito-idp...:CognitoSignIn:{sub}`, or `graph.facebook.com`). Ignored for guests.
   */
  providers?: readonly string[];
  /** Session tags from the pool's principal-tag mapping (`resolveIdentityPoolRole`'s `principalTags`). */
  principalTags?: Readonly<Record<string, string>>;
}
