import type { ResourcePolicyRule, ResourcePolicyRuleOptions } from "./resource-policy-rule.js";
import { listOption, makeRule, normalizePrincipals, normalizeResources } from "./rule-values.js";

/**
 * Grants `execute-api:Invoke` to the given AWS accounts or IAM roles/users: an Allow statement
 * with `Principal: { AWS: [...] }` (`AllowInvoke`). This is how IAM callers of another account get
 * in (they need an Allow on both sides, Table B); in the API's own account a named role or user
 * needs no identity policy of its own.
 *
 * **Only for methods with `AWS_IAM` authorization.** With `Principal: { AWS }` every method that
 * is not SigV4-signed (no auth, Lambda or Cognito authorizers, API keys alone) fails with
 * `User: anonymous is not authorized to perform: execute-api:Invoke`, because the caller is
 * anonymous and no statement allows it: {@link composeResourcePolicy} refuses an allowlist whose
 * `resources` reach a LAMBDA method of its `authTypes`. API Gateway may rewrite a bare account id to its `:root` ARN on save;
 * pass the ARN yourself to avoid a diff.
 *
 * @param options - `principals`: 12-digit account ids or `arn:{partition}:iam::{account}:root`,
 *   `...:role/{path/}name`, `...:user/{path/}name` (de-duplicated, sorted); `resources`: what they
 *   may invoke (default `execute-api:/*`).
 * @returns A rule for {@link composeResourcePolicy}.
 * @throws PolicyError `invalid_account_id` / `invalid_principal` / `invalid_arn` with the path,
 *   e.g. `accountAllowlist.principals[1]`.
 * @throws TypeError when `options.principals` or `options.resources` is not an array.
 * @example
 * ```ts
 * composeResourcePolicy(
 *   [accountAllowlist({ principals: ["arn:aws:iam::111122223333:role/Deployer", "444455556666"] })],
 *   { authTypes: ["AWS_IAM"] },
 * );
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html
 */
export function accountAllowlist(
  options: { principals: readonly string[] } & ResourcePolicyRuleOptions,
): ResourcePolicyRule {
  const principals = listOption(options, "accountAllowlist", "principals");
  const resources = normalizeResources(options, "accountAllowlist");
  return makeRule(
    "accountAllowlist",
    normalizePrincipals(principals, "accountAllowlist"),
    resources,
  );
}
