import { execFileSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestCertificateAuthority } from "./create-test-certificate-authority.js";

const NOW = new Date("2026-03-01T12:00:00Z");
const now = () => NOW;
const DAY = 86_400_000;

function opensslAvailable(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}
const HAS_OPENSSL = opensslAvailable();
// The openssl oracle is skipped (visibly) on a machine without the binary, but not under CI.
const RUN_OPENSSL = HAS_OPENSSL || process.env["CI"] === "true";
const dir = mkdtempSync(join(tmpdir(), "gatehouse-ca-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("createTestCertificateAuthority", () => {
  it.each(["EC_P256", "EC_P384", "RSA_2048"] as const)(
    "mints a %s root that signs itself and is a CA",
    (keyType) => {
      const ca = createTestCertificateAuthority({ keyType, now });
      const x509 = new X509Certificate(ca.certificatePem);
      expect(x509.ca).toBe(true);
      expect(x509.checkIssued(x509)).toBe(true);
      expect(x509.verify(x509.publicKey)).toBe(true);
      expect(ca.subjectDN).toBe("CN=Gatehouse Test CA");
      expect(ca.issuerDN).toBe(ca.subjectDN);
      expect(ca.truststorePem).toBe(ca.certificatePem);
      expect(ca.notBefore).toEqual(new Date(NOW.getTime() - 3_600_000));
    },
  );

  it("issues a client certificate with the chosen subject, serial and validity", () => {
    const ca = createTestCertificateAuthority({ now });
    const client = ca.issueClientCertificate({
      commonName: "partner-a",
      organization: "Example Corp",
      country: "US",
      serialNumber: "0A:1b:2C",
      notBefore: new Date("2026-01-01T00:00:00Z"),
      notAfter: new Date("2026-12-31T23:59:59Z"),
    });
    const x509 = new X509Certificate(client.certificatePem);
    const issuer = new X509Certificate(ca.certificatePem);
    expect(x509.checkIssued(issuer)).toBe(true);
    expect(x509.verify(issuer.publicKey)).toBe(true);
    expect(x509.ca).toBe(false);
    expect(x509.keyUsage).toEqual(["1.3.6.1.5.5.7.3.2"]);
    expect(client.subjectDN).toBe("CN=partner-a,O=Example Corp,C=US");
    expect(client.issuerDN).toBe("CN=Gatehouse Test CA");
    expect(client.serialNumber).toBe("0a:1b:2c");
    expect(x509.validFrom).toBe("Jan  1 00:00:00 2026 GMT");
    expect(x509.validTo).toBe("Dec 31 23:59:59 2026 GMT");
    expect(client.fingerprint256).toBe(x509.fingerprint256);
    expect(client.chainPem).toBe(client.certificatePem);
  });

  it("issues server certificates for localhost and 127.0.0.1", () => {
    const server = createTestCertificateAuthority({ now }).issueServerCertificate();
    const x509 = new X509Certificate(server.certificatePem);
    expect(x509.checkHost("localhost")).toBe("localhost");
    expect(x509.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(x509.keyUsage).toEqual(["1.3.6.1.5.5.7.3.1"]);
  });

  it("chains through an intermediate: chainPem holds the leaf then the intermediate", () => {
    const root = createTestCertificateAuthority({ keyType: "RSA_2048", now });
    const intermediate = root.issueIntermediate({ keyType: "EC_P256" });
    const client = intermediate.issueClientCertificate();
    expect(client.chainPem).toBe(client.certificatePem + intermediate.certificatePem);
    expect(intermediate.truststorePem).toBe(intermediate.certificatePem + root.certificatePem);
    const leaf = new X509Certificate(client.certificatePem);
    const middle = new X509Certificate(intermediate.certificatePem);
    expect(leaf.verify(middle.publicKey)).toBe(true);
    expect(middle.verify(new X509Certificate(root.certificatePem).publicKey)).toBe(true);
    expect(leaf.verify(new X509Certificate(root.certificatePem).publicKey)).toBe(false);
  });

  it("gives expired and not-yet-valid certificates when asked", () => {
    const ca = createTestCertificateAuthority({ now });
    const expired = ca.issueClientCertificate({
      notBefore: new Date(NOW.getTime() - 30 * DAY),
      notAfter: new Date(NOW.getTime() - DAY),
    });
    expect(expired.notAfter.getTime()).toBeLessThan(NOW.getTime());
    const future = ca.issueClientCertificate({ notBefore: new Date(NOW.getTime() + DAY) });
    expect(future.notBefore.getTime()).toBeGreaterThan(NOW.getTime());
  });

  it("two authorities do not trust each other", () => {
    const client = createTestCertificateAuthority({ now }).issueClientCertificate();
    const other = new X509Certificate(createTestCertificateAuthority({ now }).certificatePem);
    expect(new X509Certificate(client.certificatePem).verify(other.publicKey)).toBe(false);
  });

  it.each([
    [{ keyType: "DSA" }, "keyType"],
    [{ hash: "MD5" }, "hash"],
    [{ serialNumber: "xyz" }, "serialNumber"],
    [{ serialNumber: "ff".repeat(20) }, "serialNumber"],
    [{ country: "usa" }, "country"],
    [{ commonName: "" }, "commonName"],
    [{ notBefore: new Date("x") }, "notBefore"],
    [{ notBefore: new Date(2), notAfter: new Date(1) }, "notAfter"],
  ])("refuses misuse %j with a TypeError naming %s", (options, field) => {
    const ca = createTestCertificateAuthority({ now });
    expect(() => ca.issueClientCertificate(options as never)).toThrow(
      expect.objectContaining({ name: "TypeError", message: expect.stringContaining(field) }),
    );
  });

  it.runIf(RUN_OPENSSL)("openssl agrees: the chain verifies and the fields read back", () => {
    const root = createTestCertificateAuthority({ keyType: "RSA_2048" });
    const intermediate = root.issueIntermediate();
    const client = intermediate.issueClientCertificate({
      commonName: "partner-b",
      serialNumber: "7f:01",
    });
    const rootFile = file("root.pem", root.certificatePem);
    const interFile = file("inter.pem", intermediate.certificatePem);
    const clientFile = file("client.pem", client.certificatePem);
    const verified = execFileSync(
      "openssl",
      ["verify", "-CAfile", rootFile, "-untrusted", interFile, "-purpose", "sslclient", clientFile],
      { encoding: "utf8" },
    );
    expect(verified.trim()).toBe(`${clientFile}: OK`);
    const text = execFileSync("openssl", ["x509", "-in", clientFile, "-noout", "-text"], {
      encoding: "utf8",
    });
    expect(text).toContain("Serial Number: 32513 (0x7f01)");
    expect(text).toContain("Subject: CN = partner-b");
    expect(text).toContain("Signature Algorithm: sha256WithRSAEncryption");
    expect(text).toContain("CA:FALSE");
    expect(text).toContain("TLS Web Client Authentication");
  });
});
