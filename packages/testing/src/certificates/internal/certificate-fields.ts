/**
 * The fields API Gateway reports of a client certificate, read from Node's `X509Certificate`.
 * @internal
 * @packageDocumentation
 */
import type { X509Certificate } from "node:crypto";
import { toClientCertificate } from "@gatehouse/policy";

/** @internal The fields of `x509` a test certificate carries. */
export function certificateFields(x509: X509Certificate) {
  const { subjectDN, issuerDN, serialNumber } = toClientCertificate(x509);
  return {
    subjectDN,
    issuerDN,
    serialNumber,
    fingerprint256: x509.fingerprint256,
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
  };
}
