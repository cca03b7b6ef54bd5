/**
 * Types of the mutual-TLS step of the API Gateway access model: what {@link decideMutualTls} and
 * the `mutualTls` option of {@link evaluateApiGatewayAccess} take and return.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mutual-tls.html
 * @packageDocumentation
 */

/**
 * What the custom domain made of the client's certificate:
 * - `"valid"`: it chains to the truststore, is inside its validity period and uses a key and hash
 *   API Gateway supports;
 * - `"missing"`: the client sent none;
 * - `"untrusted"`: it does not chain to the truststore (unknown issuer, self-signed, bad signature);
 * - `"expired"` / `"not_yet_valid"`: it, or a CA of its chain, is outside its validity period;
 * - `"unsupported"`: a key under RSA-2048 / ECDSA P-256 or a hash under SHA-256 in its chain.
 */
export type ClientCertificateState =
  | "valid"
  | "missing"
  | "untrusted"
  | "expired"
  | "not_yet_valid"
  | "unsupported";

/**
 * Which endpoint the request came through: the mutual-TLS custom domain, or the API's default
 * `execute-api` endpoint, which never asks for a certificate (unless disabled, it bypasses mutual
 * TLS).
 */
export type GatewayEndpoint = "custom-domain" | "execute-api";

/**
 * The `mutualTls` option of every request kind of {@link evaluateApiGatewayAccess}: the API is
 * mapped to a regional custom domain with `MutualTlsAuthentication`. Absent: the API has no such
 * domain.
 *
 * @example
 * ```ts
 * const mutualTls: MutualTlsRequest = { clientCertificate: "expired", endpoint: "custom-domain" };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mutual-tls.html
 */
export interface MutualTlsRequest {
  /** What the custom domain made of the client's certificate. */
  clientCertificate: ClientCertificateState;
  /**
   * The endpoint the request came through; `"execute-api"` skips mutual TLS entirely (the bypass
   * AWS warns about: disable the default endpoint).
   * @default "custom-domain"
   */
  endpoint?: GatewayEndpoint | undefined;
}

/** Why mutual TLS refused the request: the decision reasons of the local gateway too. */
export type MutualTlsReason =
  | "mtls_certificate_missing"
  | "mtls_certificate_untrusted"
  | "mtls_certificate_expired"
  | "mtls_certificate_not_yet_valid"
  | "mtls_certificate_unsupported";

/**
 * The custom domain's refusal: 403 `{"message":"Forbidden"}` before the resource policy, any
 * authorizer or the integration. AWS documents no `x-amzn-ErrorType` for it: `errorType` is `null`.
 *
 * @example
 * ```ts
 * const refusal: MutualTlsRefusal | null = decideMutualTls({ clientCertificate: "missing" });
 * refusal?.reason; // "mtls_certificate_missing"
 * ```
 * @see https://repost.aws/knowledge-center/api-gateway-mutual-tls-403-errors
 */
export interface MutualTlsRefusal {
  status: 403;
  message: "Forbidden";
  errorType: null;
  reason: MutualTlsReason;
  phase: "tls";
}
