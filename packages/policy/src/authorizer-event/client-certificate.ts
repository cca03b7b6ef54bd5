/**
 * The client certificate API Gateway adds to an authorizer event when mutual TLS is enabled on a
 * custom domain name (`requestContext.identity.clientCert`, or
 * `requestContext.authentication.clientCert` in HTTP API payload 2.0).
 *
 * @example
 * ```ts
 * const cert: ClientCertificate = {
 *   clientCertPem: "-----BEGIN CERTIFICATE-----\n...",
 *   subjectDN: "CN=client.example.com",
 *   issuerDN: "CN=Example CA",
 *   serialNumber: "0a:1b:2c:3d",
 *   validity: { notBefore: "Jan  1 00:00:00 2025 GMT", notAfter: "Jan  1 00:00:00 2026 GMT" },
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mutual-tls.html
 */
export interface ClientCertificate {
  clientCertPem: string;
  subjectDN: string;
  issuerDN: string;
  serialNumber: string;
  validity: { notBefore: string; notAfter: string };
}
