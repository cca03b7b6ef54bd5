/**
 * The decision steps of API Gateway's authorization layer, per method authorization type.
 * @internal
 * @packageDocumentation
 */
import type { PolicyDocument, PolicyStatement } from "../../document/policy-document.js";
import type { CompiledPolicy } from "../../evaluate/compile-policy.js";
import { compileParsedPolicy } from "../../evaluate/compile-policy.js";
import type { Decision, RequestPrincipal } from "../../evaluate/evaluate-policy.js";
import type {
  ApiGatewayAccessResult,
  GatewayAccessReason,
  GatewayCombination,
  GatewayErrorType,
  GatewayPhase,
  PolicyOutcome,
} from "../api-gateway-access.js";
import {
  authorizerPolicyDenied,
  INVALID_SIGNATURE,
  MISSING_AUTHENTICATION_TOKEN,
  notAuthorizedToPerform,
  UNAUTHORIZED,
} from "./gateway-messages.js";
import type { PreparedRequest } from "./prepare-gateway-request.js";
import { prepareCallerPolicies, prepareSessionPolicy } from "./prepare-gateway-request.js";
import { readAuthorizerResponse } from "./read-authorizer-response.js";

const ACTION = "execute-api:Invoke";

interface Verdict {
  status: ApiGatewayAccessResult["status"];
  message: string | null;
  errorType: GatewayErrorType | null;
  reason: GatewayAccessReason;
  phase: GatewayPhase;
  resourcePolicyDecision: PolicyOutcome;
  identityDecision: PolicyOutcome;
  combination: GatewayCombination | null;
}

/** @internal How the authorizer's answer was obtained. */
export interface AuthorizerSource {
  invoked: boolean;
  fromCache: boolean;
}

const NOT_REACHED: AuthorizerSource = { invoked: false, fromCache: false };

function finish(
  p: PreparedRequest,
  verdict: Verdict,
  source: AuthorizerSource = NOT_REACHED,
): ApiGatewayAccessResult {
  return {
    ...verdict,
    authorizerInvoked: source.invoked,
    authorizerFromCache: source.fromCache,
    principal: p.principalName,
  };
}

function allowed(
  resourcePolicyDecision: PolicyOutcome,
  identityDecision: PolicyOutcome,
  combination: GatewayCombination | null,
): Verdict {
  return {
    status: 200,
    message: null,
    errorType: null,
    reason: "allowed",
    phase: "policy",
    resourcePolicyDecision,
    identityDecision,
    combination,
  };
}

function denied(
  message: string,
  reason: GatewayAccessReason,
  phase: GatewayPhase,
  resourcePolicyDecision: PolicyOutcome,
  identityDecision: PolicyOutcome,
  combination: GatewayCombination | null,
): Verdict {
  return {
    status: 403,
    message,
    errorType: "AccessDeniedException",
    reason,
    phase,
    resourcePolicyDecision,
    identityDecision,
    combination,
  };
}

function evaluate(
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

/** Explicit Deny in any document wins; else an Allow in any; else implicit deny. */
function combineDocuments(decisions: readonly Decision[]): Decision {
  if (decisions.includes("explicit-deny")) return "explicit-deny";
  return decisions.includes("allow") ? "allow" : "implicit-deny";
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

function resourcePolicyRefusal(
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

function explicitResourceDeny(
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

/** @internal `NONE`: with a resource policy, it must allow. */
export function decideNoAuth(p: PreparedRequest): ApiGatewayAccessResult {
  const resource = resourcePolicyDecision(p);
  if (resource === "absent") return finish(p, allowed("absent", "absent", null));
  const combination = "resource-policy-must-allow";
  if (resource === "explicit-deny") {
    return finish(p, explicitResourceDeny(p, "policy", "absent", combination));
  }
  if (resource === "allow") return finish(p, allowed(resource, "absent", combination));
  return finish(p, resourcePolicyRefusal(p, resource, "absent", combination));
}

/**
 * The identity side with a session policy: an explicit Deny in either wins; otherwise both must
 * allow (the session's permissions are the intersection).
 */
function withSessionPolicy(policies: Decision, session: Decision | undefined): Decision {
  if (session === undefined) return policies;
  if (policies === "explicit-deny" || session === "explicit-deny") return "explicit-deny";
  return policies === "allow" && session === "allow" ? "allow" : "implicit-deny";
}

/** @internal `AWS_IAM`: signature, then IAM policy and resource policy per Table A / Table B. */
export function decideIam(p: PreparedRequest): ApiGatewayAccessResult {
  const caller = p.iamCaller;
  if (caller === undefined || !caller.signatureValid) {
    return finish(p, {
      status: 403,
      message: caller === undefined ? MISSING_AUTHENTICATION_TOKEN : INVALID_SIGNATURE,
      errorType:
        caller === undefined ? "MissingAuthenticationTokenException" : "InvalidSignatureException",
      reason: caller === undefined ? "missing_authentication_token" : "invalid_signature",
      phase: "authentication",
      resourcePolicyDecision: "not-evaluated",
      identityDecision: "not-evaluated",
      combination: null,
    });
  }
  const policies = combineDocuments(prepareCallerPolicies(caller).map((doc) => evaluate(doc, p)));
  const sessionPolicy = prepareSessionPolicy(caller);
  const session = sessionPolicy === undefined ? undefined : evaluate(sessionPolicy, p);
  const identity = withSessionPolicy(policies, session);
  const resource = resourcePolicyDecision(p);
  const combination = caller.accountId === p.apiAccountId ? "table-a" : "table-b";
  const refuse = (explicit: boolean, reason: GatewayAccessReason) =>
    finish(
      p,
      denied(
        notAuthorizedToPerform(caller.arn, p.methodArn, explicit),
        reason,
        "policy",
        resource,
        identity,
        combination,
      ),
    );
  if (resource === "explicit-deny") return refuse(true, "resource_policy_explicit_deny");
  if (identity === "explicit-deny") return refuse(true, "identity_policy_explicit_deny");
  if (combination === "table-a") {
    // A session policy limits what the resource policy grants too (IAM's session-policy rules).
    const sessionAllows = session === undefined || session === "allow";
    return (identity === "allow" || resource === "allow") && sessionAllows
      ? finish(p, allowed(resource, identity, combination))
      : refuse(false, "implicit_deny");
  }
  return identity === "allow" && resource === "allow"
    ? finish(p, allowed(resource, identity, combination))
    : refuse(false, "cross_account_not_allowed");
}

/** @internal `COGNITO_USER_POOLS`: token, then the resource policy per the chosen reading. */
export function decideCognito(
  p: PreparedRequest,
  tokenValid: boolean,
  mode: "must-allow" | "silent-allows",
): ApiGatewayAccessResult {
  if (!tokenValid) {
    return finish(p, {
      status: 401,
      message: UNAUTHORIZED,
      errorType: "UnauthorizedException",
      reason: "cognito_token_invalid",
      phase: "authentication",
      resourcePolicyDecision: "not-evaluated",
      identityDecision: "not-evaluated",
      combination: null,
    });
  }
  const resource = resourcePolicyDecision(p);
  if (resource === "absent") return finish(p, allowed("absent", "absent", null));
  const combination =
    mode === "must-allow" ? "resource-policy-must-allow" : "cognito-silent-allows";
  if (resource === "explicit-deny") {
    return finish(p, explicitResourceDeny(p, "policy", "absent", combination));
  }
  if (resource === "allow") return finish(p, allowed(resource, "absent", combination));
  if (mode === "silent-allows" && !grantsOnlyIamPrincipals(p)) {
    return finish(p, allowed(resource, "absent", combination));
  }
  return finish(p, resourcePolicyRefusal(p, resource, "absent", combination));
}

/**
 * @internal Phase 1 of a Lambda-authorized method: an explicit Deny in the resource policy stops the
 * request before the authorizer runs. Returns the refusal, or the decision to carry into phase 2.
 */
export function decideBeforeAuthorizer(
  p: PreparedRequest,
): { done: ApiGatewayAccessResult } | { resource: Decision | "absent" } {
  const resource = resourcePolicyDecision(p);
  if (resource === "explicit-deny") {
    return { done: finish(p, explicitResourceDeny(p, "pre-authorizer", "not-evaluated", null)) };
  }
  return { resource };
}

/** @internal Phase 2: the authorizer's answer, combined with the resource policy per Table A. */
export function decideAfterAuthorizer(
  p: PreparedRequest,
  resource: Decision | "absent",
  outcome: unknown,
  source: AuthorizerSource,
): ApiGatewayAccessResult {
  const failed = (reason: GatewayAccessReason): Verdict =>
    reason === "authorizer_unauthorized"
      ? {
          status: 401,
          message: UNAUTHORIZED,
          errorType: "UnauthorizedException",
          reason,
          phase: "authorizer",
          resourcePolicyDecision: resource,
          identityDecision: "not-evaluated",
          combination: null,
        }
      : {
          status: 500,
          message: null,
          errorType: "AuthorizerConfigurationException",
          reason,
          phase: "authorizer",
          resourcePolicyDecision: resource,
          identityDecision: "not-evaluated",
          combination: null,
        };
  if (outcome === "unauthorized") return finish(p, failed("authorizer_unauthorized"), source);
  if (outcome === "error") return finish(p, failed("authorizer_error"), source);
  const reading = readAuthorizerResponse(outcome);
  if (!reading.ok) {
    return {
      ...finish(p, failed("authorizer_malformed_response"), source),
      authorizerError: reading.error,
    };
  }
  const evaluation = reading.policy.evaluate({
    action: ACTION,
    resource: p.methodArn,
    context: p.context,
  });
  if (evaluation.error !== undefined) {
    return {
      ...finish(p, failed("authorizer_malformed_response"), source),
      authorizerError: evaluation.error,
    };
  }
  const identity = evaluation.decision;
  const combination = "table-a";
  const withResponse = (verdict: Verdict): ApiGatewayAccessResult => ({
    ...finish(p, verdict, source),
    authorizerResponse: reading.response,
  });
  if (resource === "explicit-deny") {
    return withResponse(explicitResourceDeny(p, "policy", identity, combination));
  }
  if (identity === "explicit-deny") {
    return withResponse(
      denied(
        authorizerPolicyDenied(true),
        "authorizer_explicit_deny",
        "policy",
        resource,
        identity,
        combination,
      ),
    );
  }
  if (identity === "allow" || resource === "allow") {
    if (resource !== "allow" && grantsOnlyIamPrincipals(p)) {
      return withResponse(resourcePolicyRefusal(p, resource, identity, combination));
    }
    return withResponse(allowed(resource, identity, combination));
  }
  return withResponse(
    denied(
      authorizerPolicyDenied(false),
      "authorizer_implicit_deny",
      "policy",
      resource,
      identity,
      combination,
    ),
  );
}
