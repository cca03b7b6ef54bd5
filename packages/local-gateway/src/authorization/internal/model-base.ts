/**
 * The inputs every call to `@gatehouse/policy`'s gateway model shares: the method ARN, the
 * endpoint type, the resource policy, the clock, the condition context and the network origin.
 * @internal
 * @packageDocumentation
 */
import type { ConditionContext } from "@gatehouse/policy";
import type { RequestScope } from "../../routing/internal/request-scope.js";

/** @internal The gateway model's request-wide inputs for one matched request. */
export function modelBase(scope: RequestScope) {
  const { api, request } = scope;
  const context: ConditionContext = { "aws:SecureTransport": "false" };
  if (request.userAgent !== "") context["aws:UserAgent"] = request.userAgent;
  const referer = request.lowerHeaders["referer"]?.[0];
  if (referer !== undefined) context["aws:Referer"] = referer;
  const network =
    api.endpointType === "PRIVATE"
      ? {
          vpcSourceIp: request.sourceIp,
          ...(api.sourceVpc !== undefined ? { sourceVpc: api.sourceVpc } : {}),
          ...(api.sourceVpce !== undefined ? { sourceVpce: api.sourceVpce } : {}),
        }
      : { sourceIp: request.sourceIp };
  return {
    methodArn: scope.arn,
    endpointType: api.endpointType,
    resourcePolicy: api.resourcePolicy,
    now: new Date(scope.now),
    context,
    ...network,
  };
}
