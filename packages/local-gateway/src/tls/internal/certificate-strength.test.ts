import { X509Certificate } from "node:crypto";
import { toClientCertificate } from "@gatehouse/policy";
import { createTestCertificateAuthority, type TestCertificateOptions } from "@gatehouse/testing";
import { describe, expect, it } from "vitest";
import { signatureAlgorithmOid, weakness } from "./certificate-strength.js";

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
    expect(toClientCertificate(certificate)).toEqual({
      clientCertPem: issued.certificatePem,
      subjectDN: "CN=partner-a,OU=B2B,C=US",
      issuerDN: "CN=Root,O=Example",
      serialNumber: "0a:1b",
      validity: { notBefore: certificate.validFrom, notAfter: certificate.validTo },
    });
  });
});
