import { X509Certificate } from "node:crypto";
import type { AuthorizeHook } from "../handler/authorizer-options.js";
import type { JwtClaims } from "../verifier/token-verifier.js";
import {
  normalizeFingerprint,
  normalizeSerial,
  readClientCertificate,
} from "./internal/read-client-certificate.js";

/** Why {@link clientCertificateCheck} refused a request. Stable: switch on it, log it. */
export type ClientCertificateRefusal =
  /** The event has no `clientCert` (no mutual TLS on this domain, a TOKEN event, the `execute-api` endpoint). */
  | "client_certificate_missing"
  /** `clientCertPem` is not a certificate `node:crypto` can read. */
  | "client_certificate_unreadable"
  /** The certificate's serial number is in `revokedSerials`. */
  | "client_certificate_revoked"
  /** The certificate's SHA-256 fingerprint is not in `pinnedFingerprints`. */
  | "client_certificate_not_pinned"
  /** The event's `subjectDN` is not in `allowedSubjects`. */
  | "client_certificate_subject_not_allowed";

/** What {@link ClientCertificateCheck.check} finds. */
export type ClientCertificateVerdict =
  | {
      ok: true;
      /** SHA-256 fingerprint, lower-case hex without colons. */
      fingerprint256: string;
      /** Serial number, lower-case hex without colons or leading zeros. */
      serialNumber: string;
      subjectDN: string | undefined;
    }
  | { ok: false; reason: ClientCertificateRefusal };

/** Options of {@link clientCertificateCheck}. Validated when it is called (cold start). */
export interface ClientCertificateCheckOptions {
  /**
   * Serial numbers of revoked certificates (hex; colons, case and leading zeros do not matter).
   * API Gateway does not check revocation: this list is the check. Required; `[]` for none.
   */
  revokedSerials: readonly string[];
  /**
   * Pin the certificates: only these SHA-256 fingerprints (hex, colons optional, as
   * `openssl x509 -fingerprint -sha256` prints them) pass. `null` or absent: any certificate API
   * Gateway accepted.
   */
  pinnedFingerprints?: readonly string[] | null;
  /**
   * Only these subjects pass, compared exactly with the event's `clientCert.subjectDN`
   * (`CN=partner-a,O=Example Corp`). `null` or absent: any subject.
   */
  allowedSubjects?: readonly string[] | null;
}

/** A client certificate check built by {@link clientCertificateCheck}. */
export interface ClientCertificateCheck {
  /** Checks the client certificate of an authorizer event; never throws, fails closed. */
  check(event: unknown): ClientCertificateVerdict;
  /**
   * The check as an `authorize` hook of `createAuthorizer`: refused -> `{ allow: false }` (403),
   * passed -> `{ allow: true }` (the route table decides). It reads the event, so this package
   * never caches its decisions; set the authorizer's result TTL to 0, since API Gateway cannot key
   * its cache on the certificate.
   */
  readonly authorize: AuthorizeHook<JwtClaims>;
}

function stringList(value: unknown, name: string, pattern: RegExp, what: string): string[] {
  if (!Array.isArray(value))
    throw new TypeError(`clientCertificateCheck: ${name} must be an array of ${what}`);
  return value.map((item, index) => {
    if (typeof item !== "string" || !pattern.test(item)) {
      throw new TypeError(`clientCertificateCheck: ${name}[${index}] must be ${what}`);
    }
    return item;
  });
}

function optionalList(
  value: unknown,
  name: string,
  pattern: RegExp,
  what: string,
): string[] | null {
  if (value === undefined || value === null) return null;
  const list = stringList(value, name, pattern, what);
  if (list.length === 0) {
    throw new TypeError(
      `clientCertificateCheck: ${name} is empty (nothing would pass); use null for no check`,
    );
  }
  return list;
}

/**
 * Pins or revokes mutual-TLS client certificates in a Lambda authorizer. API Gateway checks that
 * a client certificate chains to the truststore and is in its validity period, but **not
 * revocation**: this check refuses revoked serial numbers, and optionally accepts only pinned
 * fingerprints or listed subjects. Fails closed: no `clientCert` in the event, or a PEM that does
 * not parse, is a refusal.
 *
 * @param options - `revokedSerials` (required), `pinnedFingerprints`, `allowedSubjects`.
 * @returns `check(event)` and an `authorize` hook for `createAuthorizer`.
 * @throws TypeError at cold start for options of the wrong shape (a serial that is not hex, a
 *   fingerprint that is not 32 bytes of hex, an empty allow list).
 * @example
 * ```ts
 * const certificates = clientCertificateCheck({
 *   revokedSerials: ["0a:1b:2c:3d"],
 *   allowedSubjects: ["CN=partner-a,O=Example Corp"],
 * });
 * export const handler = async (event: unknown) => {
 *   const verdict = certificates.check(event);
 *   return { isAuthorized: verdict.ok };
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mutual-tls.html
 */
export function clientCertificateCheck(
  options: ClientCertificateCheckOptions,
): ClientCertificateCheck {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("clientCertificateCheck: options must be an object");
  }
  const revoked = new Set(
    stringList(
      options.revokedSerials,
      "revokedSerials",
      /^[0-9a-fA-F:\s]*[0-9a-fA-F][0-9a-fA-F:\s]*$/,
      "hex serial numbers",
    ).map(normalizeSerial),
  );
  const pinned = optionalList(
    options.pinnedFingerprints,
    "pinnedFingerprints",
    /^(?:[0-9a-fA-F]{2}:?){31}[0-9a-fA-F]{2}$/,
    "SHA-256 fingerprints (64 hex digits, colons optional)",
  );
  const pinnedSet = pinned === null ? null : new Set(pinned.map(normalizeFingerprint));
  const subjects = optionalList(
    options.allowedSubjects,
    "allowedSubjects",
    /\S/,
    "non-empty subject DNs",
  );
  const subjectSet = subjects === null ? null : new Set(subjects);

  const check = (event: unknown): ClientCertificateVerdict => {
    const refuse = (reason: ClientCertificateRefusal): ClientCertificateVerdict => ({
      ok: false,
      reason,
    });
    let raw: ReturnType<typeof readClientCertificate>;
    try {
      raw = readClientCertificate(event);
    } catch {
      return refuse("client_certificate_missing");
    }
    if (raw === undefined) return refuse("client_certificate_missing");
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(raw.clientCertPem);
    } catch {
      return refuse("client_certificate_unreadable");
    }
    const serialNumber = normalizeSerial(certificate.serialNumber);
    const fingerprint256 = normalizeFingerprint(certificate.fingerprint256);
    if (revoked.has(serialNumber)) return refuse("client_certificate_revoked");
    if (pinnedSet !== null && !pinnedSet.has(fingerprint256))
      return refuse("client_certificate_not_pinned");
    if (subjectSet !== null && (raw.subjectDN === undefined || !subjectSet.has(raw.subjectDN))) {
      return refuse("client_certificate_subject_not_allowed");
    }
    return { ok: true, fingerprint256, serialNumber, subjectDN: raw.subjectDN };
  };

  return {
    check,
    authorize: {
      cacheInputs: [],
      decide: (_verified, request) => ({ allow: check(request.event).ok }),
    },
  };
}
