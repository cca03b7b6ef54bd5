import type { ClientCertificate } from "./client-certificate.js";

/**
 * The fields of a parsed X.509 certificate {@link toClientCertificate} reads: Node's
 * `crypto.X509Certificate` has them (its `subject` / `issuer` hold one attribute per line).
 */
export interface X509CertificateFields {
  /** One RFC 2253-escaped attribute per line, in encoding order (`C=US\nO=Example\nCN=client`). */
  subject: string;
  issuer: string;
  /** Upper- or lower-case hex, as Node gives it (`0A1B2C`). */
  serialNumber: string;
  /** `Jan  1 00:00:00 2025 GMT`, as OpenSSL and API Gateway print it. */
  validFrom: string;
  validTo: string;
  /** The certificate as PEM. */
  toString(): string;
}

/** A distinguished name as API Gateway shows it: most specific first, comma-separated. */
function distinguishedName(multiline: string): string {
  return multiline
    .split("\n")
    .filter((line) => line !== "")
    .reverse()
    .join(",");
}

/** A serial number as API Gateway shows it: lower-case bytes joined by colons (`0a:1b:2c`). */
function colonHex(serial: string): string {
  const hex = serial.length % 2 === 0 ? serial : `0${serial}`;
  return (hex.toLowerCase().match(/../g) ?? []).join(":");
}

/**
 * The `clientCert` API Gateway puts in authorizer and integration events for a client
 * certificate, from the certificate parsed (e.g. by Node's `crypto.X509Certificate`): one home for
 * the DN order and the serial format the local gateway and the test CA both use.
 *
 * @param certificate - the parsed certificate.
 * @returns the event's `clientCert`.
 * @example
 * ```ts
 * import { X509Certificate } from "node:crypto";
 * declare const pem: string;
 * const clientCert = toClientCertificate(new X509Certificate(pem));
 * console.log(clientCert.subjectDN, clientCert.serialNumber);
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mutual-tls.html
 */
export function toClientCertificate(certificate: X509CertificateFields): ClientCertificate {
  return {
    clientCertPem: certificate.toString(),
    subjectDN: distinguishedName(certificate.subject),
    issuerDN: distinguishedName(certificate.issuer),
    serialNumber: colonHex(certificate.serialNumber),
    validity: { notBefore: certificate.validFrom, notAfter: certificate.validTo },
  };
}
