/**
 * The TLS side of the gateway's server: Node's `https` options for the `tls` config (TLS 1.2 or
 * later; client certificates requested, never refused in the handshake, so the refusal is API
 * Gateway's HTTP 403), and the per-request check of the client certificate.
 * @internal
 * @packageDocumentation
 */
import type { Socket } from "node:net";
import type { SecureContextOptions, TLSSocket, TlsOptions } from "node:tls";
import type { ResolvedTls } from "../../config/internal/resolve-tls.js";
import type { ResolvedGateway } from "../../config/internal/resolved-gateway.js";
import type { IncomingRequest } from "../../http/internal/incoming-request.js";
import { checkClientCertificate } from "./check-client-certificate.js";

/** @internal Options of `https.createServer` for the config. */
export function tlsServerOptions(tls: ResolvedTls): TlsOptions & SecureContextOptions {
  return {
    cert: tls.certificate,
    key: tls.privateKey,
    minVersion: "TLSv1.2",
    ...(tls.truststore !== null
      ? { ca: tls.truststore, requestCert: true, rejectUnauthorized: false }
      : {}),
  };
}

/**
 * @internal The request with the outcome of mutual TLS: `clientCert` when the certificate passes,
 * `mutualTlsRefusal` otherwise; unchanged without a truststore.
 */
export function withMutualTls(
  incoming: IncomingRequest,
  socket: Socket,
  gateway: ResolvedGateway,
): IncomingRequest {
  if (gateway.tls === undefined || gateway.tls.truststore === null) return incoming;
  let outcome: ReturnType<typeof checkClientCertificate>;
  try {
    outcome = checkClientCertificate(socket as TLSSocket, gateway.now());
  } catch {
    // Fail closed: a certificate the gateway cannot read is not trusted.
    return { ...incoming, mutualTlsRefusal: "mtls_certificate_untrusted" };
  }
  return outcome.accepted
    ? { ...incoming, clientCert: outcome.clientCert }
    : { ...incoming, mutualTlsRefusal: outcome.refusal };
}
