/**
 * The condition keys IAM derives from the caller (`aws:PrincipalArn`, `aws:PrincipalAccount`),
 * added to a request's context where the caller has not set them.
 *
 * @internal
 * @packageDocumentation
 */
import { classifyPrincipalArn } from "../../identifiers/principal-arn.js";
import type { ConditionContext, EvaluationRequest } from "../evaluate-policy.js";

/**
 * @internal The request with `aws:PrincipalArn` (the **role** ARN for an assumed-role session,
 * never the session ARN) and `aws:PrincipalAccount` added for an IAM caller, unless the context
 * already holds them (in any spelling). Anything else is returned unchanged.
 */
export function withPrincipalKeys(request: EvaluationRequest): EvaluationRequest {
  const { principal } = request;
  if (typeof principal !== "object" || principal === null || !("arn" in principal)) return request;
  if (typeof principal.arn !== "string" || typeof principal.accountId !== "string") return request;
  const context: ConditionContext = { ...request.context };
  const present = new Set(Object.keys(context).map((key) => key.toLowerCase()));
  if (!present.has("aws:principalarn")) {
    const parsed = classifyPrincipalArn(principal.arn);
    context["aws:PrincipalArn"] =
      "kind" in parsed && parsed.kind === "assumed-role"
        ? `arn:${parsed.partition}:iam::${parsed.accountId}:role/${parsed.roleName}`
        : principal.arn;
  }
  if (!present.has("aws:principalaccount")) context["aws:PrincipalAccount"] = principal.accountId;
  return { ...request, context };
}
