import { createPublicKey, generateKeyPairSync, X509Certificate } from "node:crypto";
import { toClientCertificate } from "@gatehouse/policy";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCertificate } from "./build-certificate.js";
import { element, encodeLength, objectIdentifier, unsignedInteger } from "./der.js";

const ROOT_KEY = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
const LEAF_KEY = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;

const whole = (date: Date) => Math.floor(date.getTime() / 1000) * 1000;
const dates = fc.date({
  min: new Date("1900-01-01T00:00:00Z"),
  max: new Date("2200-12-31T23:59:59Z"),
  noInvalidDate: true,
});
const commonName = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .-]{0,40}[A-Za-z0-9]$/);

describe("DER encoding", () => {
  it("lengths: short form below 128, minimal long form above, and the element holds them", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 70_000 }), (length) => {
        const encoded = encodeLength(length);
        if (length < 128) expect([...encoded]).toEqual([length]);
        else {
          const count = (encoded[0] as number) & 0x7f;
          expect(encoded[1]).not.toBe(0);
          expect(Number.parseInt(encoded.subarray(1, 1 + count).toString("hex"), 16)).toBe(length);
        }
        const whole = element(0x04, Buffer.alloc(length));
        expect(whole.length).toBe(1 + encoded.length + length);
      }),
    );
  });

  it("integers stay positive and minimal", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 24 }), (bytes) => {
        const encoded = unsignedInteger(bytes);
        const contents = encoded.subarray(2);
        expect((contents[0] as number) & 0x80).toBe(0);
        if (contents.length > 1)
          expect(contents[0] === 0 && !((contents[1] as number) & 0x80)).toBe(false);
        expect(BigInt(`0x${Buffer.from(contents).toString("hex")}`)).toBe(
          BigInt(`0x${Buffer.from(bytes).toString("hex") || "0"}`),
        );
      }),
    );
  });

  it("object identifiers encode base-128 arcs (known vectors)", () => {
    expect(objectIdentifier("1.2.840.10045.4.3.2").toString("hex")).toBe("06082a8648ce3d040302");
    expect(objectIdentifier("2.5.29.19").toString("hex")).toBe("0603551d13");
    expect(() => objectIdentifier("3.1")).toThrow(RangeError);
  });
});

describe("buildCertificate round-trips through node:crypto's X509Certificate", () => {
  it("serial, subject, validity and signature read back as written", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 19 }),
        commonName,
        dates,
        dates,
        fc.constantFrom("server" as const, "client" as const),
        (serial, cn, first, second, usage) => {
          const [notBefore, notAfter] = first <= second ? [first, second] : [second, first];
          const built = buildCertificate({
            subject: [
              { type: "O", value: "Gatehouse" },
              { type: "CN", value: cn },
            ],
            issuer: [{ type: "CN", value: "Root" }],
            serial,
            notBefore,
            notAfter,
            publicKey: LEAF_KEY,
            signingKey: ROOT_KEY,
            hash: "sha256",
            usage,
          });
          const x509 = new X509Certificate(built.pem);
          expect(x509.subject).toBe(`O=Gatehouse\nCN=${cn}`);
          expect(x509.issuer).toBe("CN=Root");
          const expectedSerial = BigInt(`0x${Buffer.from(serial).toString("hex")}`);
          expect(BigInt(`0x${x509.serialNumber}`)).toBe(expectedSerial);
          expect(toClientCertificate(x509).serialNumber.replace(/:/g, "")).toMatch(
            /^([0-9a-f]{2})+$/,
          );
          expect(new Date(x509.validFrom).getTime()).toBe(whole(notBefore));
          expect(new Date(x509.validTo).getTime()).toBe(whole(notAfter));
          expect(x509.verify(createPublicKey(ROOT_KEY))).toBe(true);
          expect(x509.verify(createPublicKey(LEAF_KEY))).toBe(false);
          expect(x509.keyUsage).toEqual([
            usage === "server" ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2",
          ]);
          expect(x509.raw.equals(built.der)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
