/**
 * HTTPS and mutual TLS for the local gateway: the custom domain name of an API Gateway API with
 * `MutualTlsAuthentication`.
 * @packageDocumentation
 */

/**
 * HTTPS for the local gateway, and mutual TLS when `truststore` is set: the gateway then plays an
 * API Gateway regional custom domain with `MutualTlsAuthentication` (TLS 1.2 or later; clients
 * without a certificate the truststore trusts, or with an expired or weak one, get 403
 * `{"message":"Forbidden"}`; authorizers and integrations receive `clientCert`). Checked at start:
 * PEM that does not parse, a private key that does not match, a truststore certificate with a key
 * under RSA-2048 / ECDSA P-256 or a hash under SHA-256, or a truststore chain longer than 4 stop
 * the gateway with a `LocalGatewayError` (`tls_*` codes) and a hint.
 *
 * @example
 * ```ts
 * const ca = createTestCertificateAuthority();
 * const server = ca.issueServerCertificate();
 * const tls: LocalGatewayTlsConfig = {
 *   certificate: server.chainPem,
 *   privateKey: server.privateKeyPem,
 *   truststore: ca.truststorePem,
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mutual-tls.html
 */
export interface LocalGatewayTlsConfig {
  /** The server certificate, PEM, followed by its intermediates (the chain the server sends). */
  certificate: string;
  /** The server certificate's private key, PEM (PKCS #8, PKCS #1 or SEC 1). Never logged. */
  privateKey: string;
  /**
   * The truststore, one PEM file of CA certificates (API Gateway's S3 truststore): client
   * certificates must chain to one of them. `null` serves HTTPS without client certificates.
   */
  truststore: string | null;
}
