/**
 * The TLS side of the gateway's server: Node's `https` options for the `tls` config (TLS 1.2 or
 * later; client certificates requested, never refused in the handshake, so the refusal is API
 * Gateway's HTTP 403), and the per-request check of the client certificate.
 * @internal
 * @packageDocumentation
 */
import type { Socket } from "node:net";
import type { SecureContextOptions, TLSSocket, TlsOptions } from "node:tls";
import { type ClientCertificateState, decideMutualTls } from "@gatehouse/policy";
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
 * `mutualTlsRefusal` (the access model's answer, `decideMutualTls`) otherwise; unchanged without a
 * truststore. The listener is the custom domain: there is no `execute-api` endpoint to bypass it.
 */
export function withMutualTls(
  incoming: IncomingRequest,
  socket: Socket,
  gateway: ResolvedGateway,
): IncomingRequest {
  if (gateway.tls === undefined || gateway.tls.truststore === null) return incoming;
  let state: ClientCertificateState;
  try {
    const outcome = checkClientCertificate(socket as TLSSocket, gateway.now());
    if (outcome.accepted) return { ...incoming, clientCert: outcome.clientCert };
    state = outcome.state;
  } catch {
    // Fail closed: a certificate the gateway cannot read is not trusted.
    state = "untrusted";
  }
  const refusal = decideMutualTls({ clientCertificate: state, endpoint: "custom-domain" });
  // Fail closed: a state the model lets through here would be a bug; refuse as untrusted.
  return {
    ...incoming,
    mutualTlsRefusal: refusal ?? {
      status: 403,
      message: "Forbidden",
      errorType: null,
      reason: "mtls_certificate_untrusted",
      phase: "tls",
    },
  };
}
