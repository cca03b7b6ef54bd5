/**
 * The resource policy's side of a decision: its decision for the caller, whether only IAM
 * principals can satisfy it, and the 403s it causes.
 * @internal
 * @packageDocumentation
 */
import type { PolicyDocument, PolicyStatement } from "../../document/policy-document.js";
import type { CompiledPolicy } from "../../evaluate/compile-policy.js";
import { compileParsedPolicy } from "../../evaluate/compile-policy.js";
import type { Decision, RequestPrincipal } from "../../evaluate/evaluate-policy.js";
import type { GatewayCombination, GatewayPhase, PolicyOutcome } from "../api-gateway-access.js";
import { notAuthorizedToPerform } from "./gateway-messages.js";
import { denied, type Verdict } from "./gateway-verdict.js";
import type { PreparedRequest } from "./prepare-gateway-request.js";

/** @internal The action every method ARN is evaluated for. */
export const ACTION = "execute-api:Invoke";

/** @internal A compiled policy's decision for the request's method ARN; throws its error. */
export function evaluate(
  policy: CompiledPolicy,
  p: PreparedRequest,
  principal?: RequestPrincipal,
): Decision {
  const result = policy.evaluate({
    action: ACTION,
    resource: p.methodArn,
    context: p.context,
    ...(principal === undefined ? {} : { principal }),
  });
  if (result.error !== undefined) throw result.error;
  return result.decision;
}

function statementsOf(policy: PolicyDocument): PolicyStatement[] {
  return Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
}

function namesOnlyIamPrincipals(statement: PolicyStatement): boolean {
  const principal = statement.Principal;
  if (typeof principal !== "object" || statement.NotPrincipal !== undefined) return false;
  const aws = principal.AWS;
  if (aws === undefined) return false;
  const list = Array.isArray(aws) ? aws : [aws];
  return list.length > 0 && !list.includes("*");
}

/** The Allow statements that name only IAM principals, as if they named everyone; `null` if none. */
function iamOnlyAllows(policy: PolicyDocument): CompiledPolicy | null {
  const rewritten = statementsOf(policy)
    .filter((statement) => statement.Effect === "Allow" && namesOnlyIamPrincipals(statement))
    .map((statement): PolicyStatement => ({ ...statement, Principal: "*" }));
  if (rewritten.length === 0) return null;
  const document: PolicyDocument = { Statement: rewritten };
  if (policy.Version !== undefined) document.Version = policy.Version;
  // Built from statements of the parsed resource policy: valid, and held by nobody else.
  return compileParsedPolicy(document);
}

/**
 * @internal True when the resource policy's only way to allow this request is an Allow naming IAM
 * principals (`Principal: { AWS: ... }`): a caller that is not SigV4-signed (`anonymous`) can never
 * satisfy it, so every non-`AWS_IAM` method fails with the `User: anonymous` message.
 */
export function grantsOnlyIamPrincipals(p: PreparedRequest): boolean {
  const policy = p.resourcePolicy;
  if (policy === undefined) return false;
  if (policy.iamOnlyAllows === undefined) policy.iamOnlyAllows = iamOnlyAllows(policy.document);
  return (
    policy.iamOnlyAllows !== null && evaluate(policy.iamOnlyAllows, p, "anonymous") === "allow"
  );
}

/** @internal The resource policy's decision for this caller, `"absent"` without one. */
export function resourcePolicyDecision(p: PreparedRequest): Decision | "absent" {
  return p.resourcePolicy === undefined
    ? "absent"
    : evaluate(p.resourcePolicy.compiled, p, p.principal);
}

/** @internal The 403 of a resource policy that does not allow (implicit deny). */
export function resourcePolicyRefusal(
  p: PreparedRequest,
  resource: Decision | "absent",
  identity: PolicyOutcome,
  combination: GatewayCombination | null,
): Verdict {
  const reason = grantsOnlyIamPrincipals(p)
    ? "iam_principal_requires_iam_auth"
    : "resource_policy_implicit_deny";
  return denied(
    notAuthorizedToPerform(p.principalName, p.methodArn, false),
    reason,
    "policy",
    resource,
    identity,
    combination,
  );
}

/** @internal The 403 of the resource policy's explicit Deny. */
export function explicitResourceDeny(
  p: PreparedRequest,
  phase: GatewayPhase,
  identity: PolicyOutcome,
  combination: GatewayCombination | null,
): Verdict {
  return denied(
    notAuthorizedToPerform(p.principalName, p.methodArn, true),
    "resource_policy_explicit_deny",
    phase,
    "explicit-deny",
    identity,
    combination,
  );
}
