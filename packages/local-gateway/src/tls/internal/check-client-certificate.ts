/**
 * Mutual TLS as an API Gateway custom domain does it, per request: the client certificate must be
 * present, chain to the truststore, be inside its validity period and use a key and hash API
 * Gateway supports; otherwise 403. The certificate that passes becomes the `clientCert` of the
 * events, in API Gateway's shape.
 * @internal
 * @packageDocumentation
 */
import { X509Certificate } from "node:crypto";
import type { TLSSocket } from "node:tls";
import {
  type ClientCertificate,
  type ClientCertificateState,
  toClientCertificate,
} from "@gatehouse/policy";
import { weakness } from "./certificate-strength.js";

/**
 * @internal What the certificate is, in the access model's terms (`decideMutualTls` of
 * `@gatehouse/policy` turns a refused one into the 403).
 */
export type MutualTlsOutcome =
  | { accepted: true; clientCert: ClientCertificate }
  | { accepted: false; state: Exclude<ClientCertificateState, "valid"> };

/** OpenSSL's verification errors for keys and hashes under its security level. */
const TOO_WEAK = new Set(["EE_KEY_TOO_SMALL", "CA_KEY_TOO_SMALL", "CA_MD_TOO_WEAK"]);

interface PeerCertificates {
  leaf: X509Certificate;
  /** The leaf and the intermediates the client sent (as far as Node links them). */
  chain: X509Certificate[];
}

const parsed = new WeakMap<TLSSocket, PeerCertificates | null>();

function peerCertificates(socket: TLSSocket): PeerCertificates | null {
  const known = parsed.get(socket);
  if (known !== undefined) return known;
  let result: PeerCertificates | null = null;
  const detailed = socket.getPeerCertificate(true);
  if (detailed !== null && detailed.raw !== undefined) {
    const chain: X509Certificate[] = [];
    const seen = new Set<object>();
    for (
      let current: typeof detailed | undefined = detailed;
      current?.raw !== undefined && !seen.has(current) && chain.length < 10;
      current = current.issuerCertificate
    ) {
      seen.add(current);
      chain.push(new X509Certificate(current.raw));
    }
    result = { leaf: chain[0] as X509Certificate, chain };
  }
  parsed.set(socket, result);
  return result;
}

/**
 * @internal The outcome of mutual TLS for a request on `socket` at `now` (the gateway clock, so an
 * injected clock expires certificates too; OpenSSL has already checked them against the real one).
 */
export function checkClientCertificate(socket: TLSSocket, now: Date): MutualTlsOutcome {
  const refuse = (state: Exclude<ClientCertificateState, "valid">): MutualTlsOutcome => ({
    accepted: false,
    state,
  });
  let peer: PeerCertificates | null;
  try {
    peer = peerCertificates(socket);
  } catch {
    return refuse("untrusted");
  }
  if (peer === null) return refuse("missing");
  // A weak key or hash is its own refusal, whatever OpenSSL made of it (API Gateway logs "client
  // certificate uses an insecure signature algorithm" apart from "issuer not found").
  if (peer.chain.some((certificate) => weakness(certificate) !== undefined)) {
    return refuse("unsupported");
  }
  if (!socket.authorized) {
    const error = String(socket.authorizationError ?? "");
    if (error === "CERT_HAS_EXPIRED") return refuse("expired");
    if (error === "CERT_NOT_YET_VALID") return refuse("not_yet_valid");
    if (TOO_WEAK.has(error)) return refuse("unsupported");
    return refuse("untrusted");
  }
  const time = now.getTime();
  for (const certificate of peer.chain) {
    if (time > new Date(certificate.validTo).getTime()) return refuse("expired");
    if (time < new Date(certificate.validFrom).getTime()) {
      return refuse("not_yet_valid");
    }
  }
  return { accepted: true, clientCert: toClientCertificate(peer.leaf) };
}
