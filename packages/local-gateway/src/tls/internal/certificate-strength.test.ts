import { X509Certificate } from "node:crypto";
import { createTestCertificateAuthority, type TestCertificateOptions } from "@gatehouse/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signatureAlgorithmOid, weakness } from "./certificate-strength.js";
import { clientCertificateOf, colonHex, distinguishedName } from "./check-client-certificate.js";

const x509 = (options: TestCertificateOptions) =>
  new X509Certificate(createTestCertificateAuthority(options).certificatePem);

describe("certificate strength, as API Gateway requires it", () => {
  it.each([
    [{ keyType: "EC_P256" }, "1.2.840.10045.4.3.2", undefined],
    [{ keyType: "EC_P384", hash: "SHA384" }, "1.2.840.10045.4.3.3", undefined],
    [{ keyType: "RSA_2048" }, "1.2.840.113549.1.1.11", undefined],
    [{ keyType: "RSA_1024" }, "1.2.840.113549.1.1.11", "weak_key"],
    [{ keyType: "RSA_2048", hash: "SHA1" }, "1.2.840.113549.1.1.5", "weak_signature"],
    [{ keyType: "EC_P256", hash: "SHA1" }, "1.2.840.10045.4.1", "weak_signature"],
  ] as const)("%j: signature %s, weakness %s", (options, oid, expected) => {
    const certificate = x509(options);
    expect(signatureAlgorithmOid(certificate)).toBe(oid);
    expect(weakness(certificate)).toBe(expected);
  });
});

describe("clientCert fields", () => {
  it("reads a certificate as API Gateway reports it", () => {
    const ca = createTestCertificateAuthority({ commonName: "Root", organization: "Example" });
    const issued = ca.issueClientCertificate({
      commonName: "partner-a",
      organizationalUnit: "B2B",
      country: "US",
      serialNumber: "0a:1b",
    });
    const certificate = new X509Certificate(issued.certificatePem);
    expect(clientCertificateOf(certificate)).toEqual({
      clientCertPem: issued.certificatePem,
      subjectDN: "CN=partner-a,OU=B2B,C=US",
      issuerDN: "CN=Root,O=Example",
      serialNumber: "0a:1b",
      validity: { notBefore: certificate.validFrom, notAfter: certificate.validTo },
    });
  });

  it("property: colonHex gives lower-case byte pairs that read back as the same number", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-F]{1,40}$/), (serial) => {
        const formatted = colonHex(serial);
        expect(formatted).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2})*$/);
        expect(BigInt(`0x${formatted.replace(/:/g, "")}`)).toBe(BigInt(`0x${serial}`));
      }),
    );
  });

  it("distinguishedName reverses Node's lines into RFC 2253 order", () => {
    expect(distinguishedName("C=US\nO=Example\nCN=partner-a")).toBe("CN=partner-a,O=Example,C=US");
  });
});
