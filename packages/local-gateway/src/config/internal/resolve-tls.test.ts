import { createTestCertificateAuthority } from "@gatehouse/testing";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "./resolve-config.js";
import { resolveTls } from "./resolve-tls.js";

const root = createTestCertificateAuthority();
const server = root.issueServerCertificate();
const base = { certificate: server.chainPem, privateKey: server.privateKeyPem };

/** A hierarchy of `depth` CAs below the root; the truststore holds all of them. */
function hierarchy(depth: number) {
  let ca = createTestCertificateAuthority();
  for (let level = 0; level < depth; level++) ca = ca.issueIntermediate();
  return ca.truststorePem;
}

describe("resolveTls", () => {
  it("accepts a server certificate, its key and a truststore; parses the truststore once", () => {
    const resolved = resolveTls({ ...base, truststore: root.truststorePem });
    expect(resolved?.truststore).toBe(root.truststorePem);
    expect(resolved?.trusted.map((certificate) => certificate.fingerprint256)).toEqual([
      root.fingerprint256,
    ]);
    expect(resolveTls(undefined)).toBeUndefined();
    expect(resolveTls({ ...base, truststore: null })?.trusted).toEqual([]);
  });

  it("accepts RSA-2048 and EC P-384 CAs and a chain of exactly 4", () => {
    for (const keyType of ["RSA_2048", "EC_P384"] as const) {
      const ca = createTestCertificateAuthority({ keyType });
      expect(resolveTls({ ...base, truststore: ca.truststorePem })?.trusted).toHaveLength(1);
    }
    expect(resolveTls({ ...base, truststore: hierarchy(3) })?.trusted).toHaveLength(4);
  });

  it.each([
    [
      "a truststore that is not PEM",
      { ...base, truststore: "truststore.pem" },
      "tls_invalid_pem",
      "tls.truststore",
    ],
    [
      "a damaged certificate block",
      { ...base, truststore: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----" },
      "tls_invalid_pem",
      "tls.truststore[0]",
    ],
    [
      "a private key that is not PEM",
      { ...base, privateKey: "secret", truststore: null },
      "tls_invalid_pem",
      "tls.privateKey",
    ],
    [
      "a private key of another certificate",
      { ...base, privateKey: root.privateKeyPem, truststore: null },
      "tls_key_mismatch",
      "tls.privateKey",
    ],
    [
      "an RSA-1024 CA",
      {
        ...base,
        truststore: createTestCertificateAuthority({ keyType: "RSA_1024" }).truststorePem,
      },
      "tls_weak_key",
      "tls.truststore[0]",
    ],
    [
      "a SHA-1 signed CA",
      { ...base, truststore: createTestCertificateAuthority({ hash: "SHA1" }).truststorePem },
      "tls_weak_signature",
      "tls.truststore[0]",
    ],
    [
      "a chain of 5",
      { ...base, truststore: hierarchy(4) },
      "tls_chain_too_long",
      "tls.truststore[0]",
    ],
    ["a missing truststore", base, "invalid_config", "tls.truststore"],
    [
      "a certificate that is not a string",
      { ...base, certificate: 7, truststore: null },
      "invalid_config",
      "tls.certificate",
    ],
  ])("refuses %s", (_, tls, code, path) => {
    expect(() => resolveTls(tls)).toThrowCode(code, { path });
  });

  it("gives a hint and never quotes the private key", () => {
    let thrown: unknown;
    try {
      resolveTls({
        ...base,
        privateKey: "-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----",
        truststore: null,
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: "tls_invalid_pem", hint: expect.stringContaining("PEM") });
    expect(String((thrown as Error).message)).not.toContain("c2VjcmV0");
  });

  it("resolveConfig checks tls and each API's disableExecuteApiEndpoint", () => {
    const api = { type: "HTTP" as const, routes: [] };
    expect(resolveConfig({ apis: [api], tls: { ...base, truststore: null } }).tls).toBeDefined();
    expect(() =>
      resolveConfig({ apis: [{ ...api, disableExecuteApiEndpoint: "yes" as never }] }),
    ).toThrowCode("invalid_config", { path: "apis[0].disableExecuteApiEndpoint" });
  });
});
