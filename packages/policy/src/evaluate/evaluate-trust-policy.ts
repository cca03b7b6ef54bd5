import { parsePolicyDocument } from "../document/parse-policy-document.js";
import { compileParsedPolicy, failClosed } from "./compile-policy.js";
import type { ConditionContext, EvaluationResult, RequestPrincipal } from "./evaluate-policy.js";
import { withPrincipalKeys } from "./internal/principal-context.js";

/** A request to assume a role, as STS checks it against the role's trust policy. */
export interface TrustPolicyRequest {
  /** `sts:AssumeRoleWithWebIdentity`, `sts:TagSession`, `sts:AssumeRole`... */
  action: string;
  /**
   * Who asks: `{ federated: "cognito-identity.amazonaws.com" }` for an identity pool's web
   * identity (matched by `Principal.Federated`), or an IAM principal for `sts:AssumeRole`.
   */
  principal: RequestPrincipal;
  /** The role being assumed (the resource of the request). */
  roleArn: string;
  /**
   * Condition keys of the request, e.g. from `cognitoAssumeRoleContext`:
   * `cognito-identity.amazonaws.com:aud`, `:sub`, `:amr` (multi-valued), `aws:RequestTag/...`.
   */
  context?: ConditionContext;
}

/**
 * Evaluates a role's trust policy for one request to assume it, as STS does: `Principal` must
 * name the caller (`Federated: cognito-identity.amazonaws.com` names an identity pool's web
 * identity), the action must be listed, and the conditions (`aud`, `amr`...) must hold; any
 * applicable Deny wins. A trust policy has no `Resource` (the role is the resource).
 *
 * Never throws: a malformed policy (also one with `Resource` or without `Principal`, which IAM
 * refuses in a trust policy) or request fails closed as `implicit-deny` with the reason in `error`.
 *
 * @param policy - The trust policy, as an object or JSON string.
 * @param request - Action, caller, role ARN and condition context.
 * @returns The decision and the statements that applied.
 * @example
 * ```ts
 * const result = evaluateTrustPolicy(
 *   {
 *     Version: "2012-10-17",
 *     Statement: [
 *       {
 *         Effect: "Allow",
 *         Principal: { Federated: "cognito-identity.amazonaws.com" },
 *         Action: "sts:AssumeRoleWithWebIdentity",
 *         Condition: {
 *           StringEquals: { "cognito-identity.amazonaws.com:aud": "us-east-1:12345678-1234-1234-1234-123456789012" },
 *           "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" },
 *         },
 *       },
 *     ],
 *   },
 *   {
 *     action: "sts:AssumeRoleWithWebIdentity",
 *     principal: { federated: "cognito-identity.amazonaws.com" },
 *     roleArn: "arn:aws:iam::123456789012:role/app-auth",
 *     context: {
 *       "cognito-identity.amazonaws.com:aud": "us-east-1:12345678-1234-1234-1234-123456789012",
 *       "cognito-identity.amazonaws.com:amr": ["authenticated", "cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi"],
 *     },
 *   },
 * );
 * result.decision; // "allow"
 * ```
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html
 */
export function evaluateTrustPolicy(
  policy: unknown,
  request: TrustPolicyRequest,
): EvaluationResult {
  try {
    if (typeof request !== "object" || request === null) {
      return failClosed(new TypeError("request must be an object"));
    }
    const compiled = compileParsedPolicy(parsePolicyDocument(policy, "", { kind: "trust" }));
    const { action, principal, roleArn, context } = request;
    return compiled.evaluate(
      withPrincipalKeys({
        action,
        resource: roleArn,
        principal,
        ...(context === undefined ? {} : { context }),
      }),
    );
  } catch (cause) {
    return failClosed(cause);
  }
}
