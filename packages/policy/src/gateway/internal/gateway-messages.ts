/**
 * The response bodies API Gateway sends when its authorization layer refuses a request.
 * @internal
 * @packageDocumentation
 */

/** @internal `AWS_IAM` method called without a signature. */
export const MISSING_AUTHENTICATION_TOKEN = "Missing Authentication Token";

/** @internal `AWS_IAM` method called with a signature that does not verify. */
export const INVALID_SIGNATURE =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

/** @internal A Lambda authorizer said `Unauthorized`, or a Cognito token did not verify. */
export const UNAUTHORIZED = "Unauthorized";

/** @internal A REST JWT token without any of the method's scopes (not verified against AWS). */
export const FORBIDDEN = "Forbidden";

/**
 * @internal The resource policy (or, for `AWS_IAM`, the IAM policy) refused `who` (`anonymous`
 * unless the method is `AWS_IAM`).
 */
export function notAuthorizedToPerform(who: string, methodArn: string, explicit: boolean): string {
  const base = `User: ${who} is not authorized to perform: execute-api:Invoke on resource: ${methodArn}`;
  return explicit ? `${base} with an explicit deny` : base;
}

/** @internal The policy a Lambda authorizer returned refused the request. */
export function authorizerPolicyDenied(explicit: boolean): string {
  return explicit
    ? "User is not authorized to access this resource with an explicit deny"
    : "User is not authorized to access this resource";
}
