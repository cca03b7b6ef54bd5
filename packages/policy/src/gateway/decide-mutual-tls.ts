import type {
  ClientCertificateState,
  MutualTlsReason,
  MutualTlsRefusal,
  MutualTlsRequest,
} from "./mutual-tls-access.js";

const REASONS: Readonly<Record<Exclude<ClientCertificateState, "valid">, MutualTlsReason>> = {
  missing: "mtls_certificate_missing",
  untrusted: "mtls_certificate_untrusted",
  expired: "mtls_certificate_expired",
  not_yet_valid: "mtls_certificate_not_yet_valid",
  unsupported: "mtls_certificate_unsupported",
};
const STATES: readonly string[] = ["valid", ...Object.keys(REASONS)];
const ENDPOINTS: readonly string[] = ["custom-domain", "execute-api"];

/**
 * Models the mutual-TLS step of an API Gateway custom domain: any client certificate that is not
 * `"valid"` gets 403 `Forbidden` before the resource policy, an authorizer or the integration. A
 * request through the default `execute-api` endpoint skips the step (`null`) whatever its
 * certificate: that is the bypass AWS warns about. The first step of
 * {@link evaluateApiGatewayAccess} with `mutualTls`; the local gateway answers from it too.
 *
 * @param mutualTls - The certificate's state and the endpoint the request came through.
 * @returns The refusal, or `null` when the request goes on to authorization.
 * @throws TypeError when `mutualTls` is not `{ clientCertificate, endpoint? }` with known values.
 * @example
 * ```ts
 * decideMutualTls({ clientCertificate: "untrusted" })?.status; // 403
 * decideMutualTls({ clientCertificate: "valid" }); // null
 * decideMutualTls({ clientCertificate: "missing", endpoint: "execute-api" }); // null: the bypass
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mutual-tls.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-mutual-tls.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-disable-default-endpoint.html
 */
export function decideMutualTls(mutualTls: MutualTlsRequest): MutualTlsRefusal | null {
  const input: unknown = mutualTls;
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new TypeError(
      "decideMutualTls: mutualTls must be { clientCertificate, endpoint? } (omit it when the API has no mutual-TLS custom domain)",
    );
  }
  const { clientCertificate, endpoint } = input as Record<string, unknown>;
  if (typeof clientCertificate !== "string" || !STATES.includes(clientCertificate)) {
    throw new TypeError(
      `decideMutualTls: mutualTls.clientCertificate must be one of ${STATES.join(", ")}`,
    );
  }
  if (endpoint !== undefined && (typeof endpoint !== "string" || !ENDPOINTS.includes(endpoint))) {
    throw new TypeError(
      `decideMutualTls: mutualTls.endpoint must be one of ${ENDPOINTS.join(", ")}`,
    );
  }
  if (endpoint === "execute-api" || clientCertificate === "valid") return null;
  return {
    status: 403,
    message: "Forbidden",
    errorType: null,
    reason: REASONS[clientCertificate as keyof typeof REASONS],
    phase: "tls",
  };
}
