import { X509Certificate } from "node:crypto";
import {
  createTestCertificateAuthority,
  httpApiV2Event,
  restRequestEvent,
  restTokenEvent,
  type TestCertificate,
} from "@gatehouse/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAuthorizer } from "../handler/create-authorizer.js";
import { FAKE_NOW_SECONDS, fakeVerifier } from "../handler/test-support.js";
import { clientCertificateCheck } from "./client-certificate-check.js";

const ARN = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/orders";
const ca = createTestCertificateAuthority();
const partnerA = ca.issueClientCertificate({
  commonName: "partner-a",
  organization: "Example Corp",
  serialNumber: "00:0a:1b:2c:3d",
});
const partnerB = ca.issueClientCertificate({ commonName: "partner-b", serialNumber: "7f" });

/** `clientCert` as API Gateway sends it for a certificate. */
function clientCertOf(certificate: TestCertificate) {
  const x509 = new X509Certificate(certificate.certificatePem);
  return {
    clientCertPem: certificate.certificatePem,
    subjectDN: certificate.subjectDN,
    issuerDN: certificate.issuerDN,
    serialNumber: certificate.serialNumber,
    validity: { notBefore: x509.validFrom, notAfter: x509.validTo },
  };
}

const restEvent = (certificate: TestCertificate) =>
  restRequestEvent({
    methodArn: ARN,
    headers: { Authorization: "Bearer tok.alice" },
    clientCert: clientCertOf(certificate),
  });
const v2Event = (certificate: TestCertificate) =>
  httpApiV2Event({ clientCert: clientCertOf(certificate) });

describe("clientCertificateCheck", () => {
  it("passes a certificate that is neither revoked nor outside the pins, REST and HTTP 2.0", () => {
    const check = clientCertificateCheck({
      revokedSerials: ["7f"],
      pinnedFingerprints: [partnerA.fingerprint256],
      allowedSubjects: ["CN=partner-a,O=Example Corp"],
    });
    for (const event of [restEvent(partnerA), v2Event(partnerA)]) {
      expect(check.check(event)).toEqual({
        ok: true,
        fingerprint256: partnerA.fingerprint256.replace(/:/g, "").toLowerCase(),
        serialNumber: "a1b2c3d",
        subjectDN: "CN=partner-a,O=Example Corp",
      });
    }
  });

  it.each([
    [
      "a revoked serial (any spelling)",
      { revokedSerials: ["A:1B:2C:3D"] },
      partnerA,
      "client_certificate_revoked",
    ],
    [
      "an unpinned certificate",
      { revokedSerials: [], pinnedFingerprints: [partnerA.fingerprint256] },
      partnerB,
      "client_certificate_not_pinned",
    ],
    [
      "a subject not listed",
      { revokedSerials: [], allowedSubjects: ["CN=partner-a,O=Example Corp"] },
      partnerB,
      "client_certificate_subject_not_allowed",
    ],
  ] as const)("refuses %s", (_, options, certificate, reason) => {
    const check = clientCertificateCheck(options);
    expect(check.check(restEvent(certificate))).toEqual({ ok: false, reason });
    expect(check.check(v2Event(certificate))).toEqual({ ok: false, reason });
  });

  it("fails closed without a usable certificate: none, a TOKEN event, a broken PEM, not an event", () => {
    const check = clientCertificateCheck({ revokedSerials: [] });
    const broken = restRequestEvent({
      clientCert: {
        ...clientCertOf(partnerA),
        clientCertPem: "-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----",
      },
    });
    expect(check.check(restRequestEvent({}))).toEqual({
      ok: false,
      reason: "client_certificate_missing",
    });
    expect(check.check(restTokenEvent({ token: "tok.alice" }))).toEqual({
      ok: false,
      reason: "client_certificate_missing",
    });
    expect(check.check(null)).toEqual({ ok: false, reason: "client_certificate_missing" });
    expect(check.check(broken)).toEqual({ ok: false, reason: "client_certificate_unreadable" });
  });

  it.each([
    [{ revokedSerials: "0a" }, "revokedSerials"],
    [{ revokedSerials: ["serial-1"] }, "revokedSerials[0]"],
    [{ revokedSerials: [], pinnedFingerprints: ["ab:cd"] }, "pinnedFingerprints[0]"],
    [{ revokedSerials: [], pinnedFingerprints: [] }, "pinnedFingerprints is empty"],
    [{ revokedSerials: [], allowedSubjects: [""] }, "allowedSubjects[0]"],
    [{}, "revokedSerials"],
  ])("refuses options %j at cold start with a TypeError naming %s", (options, name) => {
    expect(() => clientCertificateCheck(options as never)).toThrow(
      expect.objectContaining({ name: "TypeError", message: expect.stringContaining(name) }),
    );
  });

  it("property: a serial is revoked whatever its spelling (colons, case, leading zeros)", () => {
    const serial = fc.uint8Array({ minLength: 1, maxLength: 19 }).map((bytes) => {
      const copy = Uint8Array.from(bytes);
      copy[0] = ((copy[0] as number) & 0x7f) | 0x01;
      return Buffer.from(copy).toString("hex");
    });
    const spelling = fc.record({
      upper: fc.boolean(),
      colons: fc.boolean(),
      zeros: fc.integer({ min: 0, max: 3 }),
    });
    const small = createTestCertificateAuthority();
    fc.assert(
      fc.property(serial, spelling, (hex, { upper, colons, zeros }) => {
        const certificate = small.issueClientCertificate({ serialNumber: hex });
        let written = "0".repeat(zeros * 2) + hex;
        if (colons) written = (written.match(/../g) ?? []).join(":");
        if (upper) written = written.toUpperCase();
        const revoking = clientCertificateCheck({ revokedSerials: [written] });
        expect(revoking.check(restEvent(certificate))).toEqual({
          ok: false,
          reason: "client_certificate_revoked",
        });
        const other = clientCertificateCheck({ revokedSerials: [`${hex}01`] });
        expect(other.check(restEvent(certificate)).ok).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("as createAuthorizer's authorize hook: allow, then deny for a revoked certificate, never cached", async () => {
    const check = clientCertificateCheck({ revokedSerials: [partnerB.serialNumber] });
    const handler = createAuthorizer({
      verifier: fakeVerifier({ "tok.alice": { sub: "alice" } }),
      now: () => FAKE_NOW_SECONDS * 1000,
      authorize: check.authorize,
    });
    const effect = async (event: unknown) =>
      ((await handler(event as never)) as { policyDocument: { Statement: { Effect: string }[] } })
        .policyDocument.Statement[0]?.Effect;
    expect(await effect(restEvent(partnerA))).toBe("Allow");
    // The same token a moment later, with a revoked certificate: a fresh decision, Deny.
    expect(await effect(restEvent(partnerB))).toBe("Deny");
    expect(await effect(restEvent(partnerA))).toBe("Allow");
  });
});
