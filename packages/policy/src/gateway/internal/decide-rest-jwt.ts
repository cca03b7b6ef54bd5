/**
 * The decision steps of a REST API method with a `JWT` authorizer: the token (401), the method's
 * scopes (403), then the resource policy, read per `jwtResourcePolicy`.
 * @internal
 * @packageDocumentation
 */
import type {
  ApiGatewayAccessResult,
  JwtResourcePolicyMode,
  RestJwtTokenOutcome,
} from "../api-gateway-access.js";
import { FORBIDDEN, UNAUTHORIZED } from "./gateway-messages.js";
import { allowed, denied, finish } from "./gateway-verdict.js";
import type { PreparedRequest } from "./prepare-gateway-request.js";
import {
  explicitResourceDeny,
  grantsOnlyIamPrincipals,
  resourcePolicyDecision,
  resourcePolicyRefusal,
} from "./resource-policy-decision.js";

/**
 * @internal AWS does not document how a REST JWT authorizer meets a resource policy; the token is
 * checked first (as for Cognito), and a silent policy refuses unless the mode is `silent-allows`.
 */
export function decideRestJwt(
  p: PreparedRequest,
  token: RestJwtTokenOutcome,
  mode: JwtResourcePolicyMode,
): ApiGatewayAccessResult {
  if (token === "invalid") {
    return finish(p, {
      status: 401,
      message: UNAUTHORIZED,
      errorType: "UnauthorizedException",
      reason: "jwt_token_invalid",
      phase: "authentication",
      resourcePolicyDecision: "not-evaluated",
      identityDecision: "not-evaluated",
      combination: null,
    });
  }
  if (token === "insufficient_scope") {
    return finish(
      p,
      denied(
        FORBIDDEN,
        "jwt_insufficient_scope",
        "authentication",
        "not-evaluated",
        "not-evaluated",
        null,
      ),
    );
  }
  const resource = resourcePolicyDecision(p);
  if (resource === "absent") return finish(p, allowed("absent", "absent", null));
  const combination = mode === "must-allow" ? "resource-policy-must-allow" : "jwt-silent-allows";
  if (resource === "explicit-deny") {
    return finish(p, explicitResourceDeny(p, "policy", "absent", combination));
  }
  if (resource === "allow") return finish(p, allowed(resource, "absent", combination));
  if (mode === "silent-allows" && !grantsOnlyIamPrincipals(p)) {
    return finish(p, allowed(resource, "absent", combination));
  }
  return finish(p, resourcePolicyRefusal(p, resource, "absent", combination));
}
