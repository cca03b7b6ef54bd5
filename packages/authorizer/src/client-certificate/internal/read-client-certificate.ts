/**
 * Where API Gateway puts the mutual-TLS client certificate in an authorizer event:
 * `requestContext.identity.clientCert` (REST, HTTP API 1.0, WebSocket) or
 * `requestContext.authentication.clientCert` (HTTP API 2.0). TOKEN events have none.
 * @internal
 * @packageDocumentation
 */

/** @internal The fields read from `clientCert`, when it is an object with a PEM string. */
export interface RawClientCertificate {
  clientCertPem: string;
  subjectDN: string | undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** @internal The event's client certificate, or `undefined` when there is none usable. */
export function readClientCertificate(event: unknown): RawClientCertificate | undefined {
  const context = record(record(event)?.["requestContext"]);
  const cert =
    record(record(context?.["identity"])?.["clientCert"]) ??
    record(record(context?.["authentication"])?.["clientCert"]);
  const pem = cert?.["clientCertPem"];
  if (typeof pem !== "string" || pem === "") return undefined;
  const subject = cert?.["subjectDN"];
  return { clientCertPem: pem, subjectDN: typeof subject === "string" ? subject : undefined };
}

/** @internal A serial number compared as API Gateway and OpenSSL may print it: no colons, lower case, no leading zeros. */
export function normalizeSerial(serial: string): string {
  return serial
    .replace(/[:\s]/g, "")
    .toLowerCase()
    .replace(/^0+(?=.)/, "");
}

/** @internal A SHA-256 fingerprint compared without colons, in lower case. */
export function normalizeFingerprint(fingerprint: string): string {
  return fingerprint.replace(/[:\s]/g, "").toLowerCase();
}
