import { parsePolicyDocument } from "../document/parse-policy-document.js";
import type { PolicyError } from "../errors.js";
import { compileParsedPolicy, failClosed } from "./compile-policy.js";
import type {
  Decision,
  EvaluationRequest,
  EvaluationResult,
  MatchedStatement,
} from "./evaluate-policy.js";
import { withPrincipalKeys } from "./internal/principal-context.js";

/** Options of {@link evaluateIdentityPolicy}. */
export interface IdentityPolicyOptions {
  /**
   * A session policy (e.g. `COGNITO_UNAUTHENTICATED_SESSION_POLICY` for a guest in the enhanced
   * flow): the result allows only what both the identity policies and this policy allow.
   */
  sessionPolicy?: unknown;
}

/** A statement that applied, with the policy it belongs to (index in the list, or `"session"`). */
export interface IdentityMatchedStatement extends MatchedStatement {
  policy: number | "session";
}

/** The decision over an identity's policies, and every statement that applied. */
export interface IdentityPolicyResult {
  decision: Decision;
  matched: IdentityMatchedStatement[];
  /** Set when a policy or the request was malformed; the decision is then `implicit-deny`. */
  error?: PolicyError;
}

/**
 * Evaluates the identity-based policies of a caller (the policies of a role, a user...) for one
 * request, as IAM does within one account: any applicable Deny wins; otherwise one Allow allows,
 * and with a session policy that policy must allow too (the permissions are the intersection).
 * Identity policies name no `Principal` (IAM refuses one); the request context carries the
 * caller's keys: `cognito-identity.amazonaws.com:sub`, `aws:PrincipalTag/...`, service keys such
 * as `dynamodb:LeadingKeys` (multi-valued) or `s3:prefix`, used directly or as policy variables
 * (`${cognito-identity.amazonaws.com:sub}`, `Version: "2012-10-17"` only; a variable without a
 * value matches nothing). For an IAM caller `aws:PrincipalArn` (the role ARN for an assumed-role
 * session) and `aws:PrincipalAccount` are added unless the context sets them.
 *
 * Never throws: a malformed policy or request fails closed as `implicit-deny` with `error`.
 *
 * @param policies - One policy or a list of policies (objects or JSON strings).
 * @param request - Action, resource, optional IAM caller, condition context.
 * @param options - `sessionPolicy`.
 * @returns The decision and the statements that applied, each with its policy.
 * @example
 * ```ts
 * const rowLevel = {
 *   Version: "2012-10-17",
 *   Statement: [
 *     {
 *       Effect: "Allow",
 *       Action: ["dynamodb:GetItem", "dynamodb:Query"],
 *       Resource: "arn:aws:dynamodb:us-east-1:123456789012:table/Notes",
 *       Condition: {
 *         "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": ["${cognito-identity.amazonaws.com:sub}"] },
 *       },
 *     },
 *   ],
 * } as const;
 * const result = evaluateIdentityPolicy(rowLevel, {
 *   action: "dynamodb:GetItem",
 *   resource: "arn:aws:dynamodb:us-east-1:123456789012:table/Notes",
 *   context: {
 *     "cognito-identity.amazonaws.com:sub": "us-east-1:1111aaaa-2222-3333-4444-555566667777",
 *     "dynamodb:LeadingKeys": ["us-east-1:1111aaaa-2222-3333-4444-555566667777"],
 *   },
 * });
 * result.decision; // "allow"
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export function evaluateIdentityPolicy(
  policies: unknown,
  request: EvaluationRequest,
  options: IdentityPolicyOptions = {},
): IdentityPolicyResult {
  const list: readonly unknown[] = Array.isArray(policies) ? policies : [policies];
  const prepared = withPrincipalKeys(request);
  const results: [number | "session", EvaluationResult][] = [];
  for (const [index, policy] of list.entries()) {
    const path = Array.isArray(policies) ? `policies[${index}]` : "";
    results.push([index, evaluateOne(policy, prepared, path)]);
  }
  const session =
    options.sessionPolicy === undefined
      ? undefined
      : evaluateOne(options.sessionPolicy, prepared, "sessionPolicy");
  if (session !== undefined) results.push(["session", session]);

  const matched: IdentityMatchedStatement[] = [];
  for (const [policy, result] of results) {
    if (result.error !== undefined)
      return { decision: "implicit-deny", matched: [], error: result.error };
    for (const statement of result.matched) matched.push({ ...statement, policy });
  }
  const identity = results.filter(([policy]) => policy !== "session").map(([, r]) => r.decision);
  let decision: Decision;
  if (identity.includes("explicit-deny") || session?.decision === "explicit-deny") {
    decision = "explicit-deny";
  } else if (
    identity.includes("allow") &&
    (session === undefined || session.decision === "allow")
  ) {
    decision = "allow";
  } else {
    decision = "implicit-deny";
  }
  return { decision, matched };
}

function evaluateOne(policy: unknown, request: EvaluationRequest, path: string): EvaluationResult {
  try {
    return compileParsedPolicy(parsePolicyDocument(policy, path, { kind: "identity" })).evaluate(
      request,
    );
  } catch (cause) {
    return failClosed(cause);
  }
}
