/**
 * Readies each API's compiled resource policy for the API's own ARNs before the first request.
 * @internal
 * @packageDocumentation
 */
import { evaluateApiGatewayAccess, formatExecuteApiArn, isPolicyError } from "@gatehouse/policy";
import type { ResolvedGateway } from "../../config/internal/resolved-gateway.js";
import { LocalGatewayError } from "../../errors.js";

/**
 * @internal Evaluates each resource policy once, at start: the gateway model then keeps it expanded
 * for the API (`execute-api:/...` -> the API's ARNs) for every request, and a short resource that
 * does not expand (`execute-api:nope`, which API Gateway refuses to save) fails the start with
 * `invalid_config` instead of failing every request with a 500.
 */
export async function prepareResourcePolicies(gateway: ResolvedGateway): Promise<void> {
  for (const [index, api] of gateway.apis.entries()) {
    if (api.resourcePolicy === null) continue;
    try {
      await evaluateApiGatewayAccess({
        methodArn: formatExecuteApiArn({
          form: "full",
          partition: gateway.partition,
          region: gateway.region,
          accountId: gateway.accountId,
          apiId: api.apiId,
          stage: api.stage,
          method: "GET",
          path: "/",
        }),
        endpointType: api.endpointType,
        authType: "NONE",
        resourcePolicy: api.resourcePolicy,
      });
    } catch (cause) {
      // Only the policy is checked here; anything else is left to the request that meets it.
      if (!isPolicyError(cause) || cause.path?.startsWith("resourcePolicy") !== true) continue;
      const path = `apis[${index}].${cause.path}`;
      throw new LocalGatewayError("invalid_config", `Invalid policy: ${path}: ${cause.message}`, {
        path,
        cause,
      });
    }
  }
}
