/**
 * The verdicts of API Gateway's authorization layer: a 200 or a 403 with its reason, phase and
 * the decisions behind it, finished into an `ApiGatewayAccessResult`.
 * @internal
 * @packageDocumentation
 */
import type {
  ApiGatewayAccessResult,
  GatewayAccessReason,
  GatewayCombination,
  GatewayErrorType,
  GatewayPhase,
  PolicyOutcome,
} from "../api-gateway-access.js";
import type { PreparedRequest } from "./prepare-gateway-request.js";

/** @internal A decision before the caller's details are added. */
export interface Verdict {
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

/** @internal The result for `verdict`, with how the authorizer's answer was obtained. */
export function finish(
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

/** @internal A 200 with the decisions behind it. */
export function allowed(
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

/** @internal A 403 `AccessDeniedException`. */
export function denied(
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
