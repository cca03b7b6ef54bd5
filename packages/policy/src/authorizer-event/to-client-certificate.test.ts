import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toClientCertificate, type X509CertificateFields } from "./to-client-certificate.js";

const PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

const parsed = (fields: Partial<X509CertificateFields>): X509CertificateFields => ({
  subject: "C=US\nO=Example\nCN=partner-a",
  issuer: "O=Example\nCN=Root",
  serialNumber: "0A1B",
  validFrom: "Jan  1 00:00:00 2025 GMT",
  validTo: "Jan  1 00:00:00 2026 GMT",
  toString: () => PEM,
  ...fields,
});

describe("toClientCertificate", () => {
  it("gives the clientCert API Gateway puts in events", () => {
    expect(toClientCertificate(parsed({}))).toEqual({
      clientCertPem: PEM,
      subjectDN: "CN=partner-a,O=Example,C=US",
      issuerDN: "CN=Root,O=Example",
      serialNumber: "0a:1b",
      validity: { notBefore: "Jan  1 00:00:00 2025 GMT", notAfter: "Jan  1 00:00:00 2026 GMT" },
    });
  });

  it.each([
    ["ABC", "0a:bc"],
    ["0", "00"],
    ["00FF", "00:ff"],
  ])("serial %s reads as %s", (serialNumber, expected) => {
    expect(toClientCertificate(parsed({ serialNumber })).serialNumber).toBe(expected);
  });

  it("property: the serial is lower-case byte pairs that read back as the same number", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Fa-f]{1,40}$/), (serialNumber) => {
        const formatted = toClientCertificate(parsed({ serialNumber })).serialNumber;
        expect(formatted).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2})*$/);
        expect(BigInt(`0x${formatted.replace(/:/g, "")}`)).toBe(BigInt(`0x${serialNumber}`));
      }),
    );
  });

  it("property: the DN lists Node's attribute lines most specific first", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Z]{1,3}=[a-z0-9 -]{1,12}$/), {
          minLength: 1,
          maxLength: 6,
        }),
        (lines) => {
          const { subjectDN } = toClientCertificate(parsed({ subject: `${lines.join("\n")}\n` }));
          expect(subjectDN).toBe([...lines].reverse().join(","));
        },
      ),
    );
  });
});
