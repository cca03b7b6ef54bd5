/**
 * The mutual-TLS step of the access model: the custom domain refuses a client certificate before
 * the resource policy, any authorizer or the integration.
 * @internal
 * @packageDocumentation
 */
import type { ApiGatewayAccessResult } from "../api-gateway-access.js";
import { decideMutualTls } from "../decide-mutual-tls.js";
import type { MutualTlsRequest } from "../mutual-tls-access.js";
import { finish } from "./gateway-verdict.js";
import type { PreparedRequest } from "./prepare-gateway-request.js";

/** @internal The refusal of the mutual-TLS step, or `null` when the request goes on. */
export function mutualTlsStep(
  options: { mutualTls?: unknown; endpointType: unknown },
  prepared: PreparedRequest,
  caller = "evaluateApiGatewayAccess",
): ApiGatewayAccessResult | null {
  const { mutualTls, endpointType } = options;
  if (mutualTls === undefined) return null;
  if (endpointType === "PRIVATE") {
    throw new TypeError(
      `${caller}: mutual TLS needs a regional custom domain name: it is not available for PRIVATE APIs (remove mutualTls)`,
    );
  }
  const refusal = decideMutualTls(mutualTls as MutualTlsRequest);
  if (refusal === null) return null;
  return finish(prepared, {
    ...refusal,
    resourcePolicyDecision: "not-evaluated",
    identityDecision: "not-evaluated",
    combination: null,
  });
}
