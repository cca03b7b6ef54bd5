import { identifierError, quote } from "./internal/identifier-error.js";
import { parsePrincipalArn } from "./principal-arn.js";

/**
 * The role ARN of an assumed-role session: `arn:aws:sts::123456789012:assumed-role/app/session-1`
 * -> `arn:aws:iam::123456789012:role/app`. This is what IAM puts in `aws:PrincipalArn` for a role
 * session, and what a `Principal` naming the role matches. A session ARN carries no role path, so
 * the result has none: a role created with a path (`role/service-role/app`) has that path in its
 * real ARN.
 *
 * @param sessionArn - An STS assumed-role ARN.
 * @param path - Where the value sits in the caller's input, reported as the error `path`.
 * @returns The role's ARN, without path.
 * @throws PolicyError `invalid_principal` when `sessionArn` is not an assumed-role ARN.
 * @example
 * ```ts
 * roleArnOfSession("arn:aws-cn:sts::123456789012:assumed-role/app/ci"); // "arn:aws-cn:iam::123456789012:role/app"
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn
 */
export function roleArnOfSession(sessionArn: string, path = "principal"): string {
  const principal = parsePrincipalArn(sessionArn, path);
  if (principal.kind !== "assumed-role") {
    throw identifierError(
      "invalid_principal",
      {
        message: `principal ${quote(sessionArn)} is a ${principal.kind} ARN, not an assumed-role session`,
        expected: "arn:{partition}:sts::{account}:assumed-role/{role}/{session}",
      },
      path,
      sessionArn,
    );
  }
  return `arn:${principal.partition}:iam::${principal.accountId}:role/${principal.roleName}`;
}
