/**
 * The fields API Gateway reports of a client certificate, read from Node's `X509Certificate`.
 * @internal
 * @packageDocumentation
 */
import type { X509Certificate } from "node:crypto";

/**
 * @internal A distinguished name as API Gateway's `subjectDN` / `issuerDN` shows it: RFC 2253
 * order (most specific first), comma-separated. Node prints one RFC 2253-escaped attribute per
 * line, in encoding order.
 */
export function distinguishedName(multiline: string): string {
  return multiline
    .split("\n")
    .filter((line) => line !== "")
    .reverse()
    .join(",");
}

/** @internal A serial number as `0a:1b:2c` (Node gives `0A1B2C`). */
export function colonHex(serial: string): string {
  const hex = serial.toLowerCase().padStart(serial.length + (serial.length % 2), "0");
  return hex.match(/../g)?.join(":") ?? "";
}

/** @internal The fields of `x509` a test certificate carries. */
export function certificateFields(x509: X509Certificate) {
  return {
    subjectDN: distinguishedName(x509.subject),
    issuerDN: distinguishedName(x509.issuer),
    serialNumber: colonHex(x509.serialNumber),
    fingerprint256: x509.fingerprint256,
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
  };
}
