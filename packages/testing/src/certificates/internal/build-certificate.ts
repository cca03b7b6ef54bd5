/**
 * Encodes and signs one X.509 v3 certificate (RFC 5280) with the DER encoder and `node:crypto`.
 * @internal
 * @packageDocumentation
 */
import { createHash, createPublicKey, type KeyObject, sign, X509Certificate } from "node:crypto";
import {
  bitString,
  boolean,
  type Der,
  explicit,
  implicitPrimitive,
  namedBits,
  nullValue,
  objectIdentifier,
  octetString,
  printableString,
  sequence,
  set,
  smallInteger,
  time,
  unsignedInteger,
  utf8String,
} from "./der.js";

/** @internal The hash a certificate is signed with. */
export type SignatureHash = "sha256" | "sha384" | "sha1";

/** @internal One attribute of a distinguished name, in the order it is encoded. */
export interface NameAttribute {
  /** `C`, `ST`, `L`, `O`, `OU` or `CN`. */
  type: keyof typeof ATTRIBUTE_OIDS;
  value: string;
}

const ATTRIBUTE_OIDS = {
  C: "2.5.4.6",
  ST: "2.5.4.8",
  L: "2.5.4.7",
  O: "2.5.4.10",
  OU: "2.5.4.11",
  CN: "2.5.4.3",
} as const;

/** @internal What one certificate says and who signs it. */
export interface CertificateSpec {
  subject: readonly NameAttribute[];
  issuer: readonly NameAttribute[];
  /** Big-endian serial number bytes (positive; at most 20 bytes). */
  serial: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  publicKey: KeyObject;
  /** The issuer's private key (the subject's own for a self-signed root). */
  signingKey: KeyObject;
  hash: SignatureHash;
  /** `ca`: a CA (`pathLength` optional); otherwise an end-entity certificate for `usage`. */
  usage: "ca" | "server" | "client";
  pathLength?: number | undefined;
  dnsNames?: readonly string[];
  ipAddresses?: readonly string[];
}

const SIGNATURE_OIDS = {
  ec: { sha256: "1.2.840.10045.4.3.2", sha384: "1.2.840.10045.4.3.3", sha1: "1.2.840.10045.4.1" },
  rsa: {
    sha256: "1.2.840.113549.1.1.11",
    sha384: "1.2.840.113549.1.1.12",
    sha1: "1.2.840.113549.1.1.5",
  },
} as const;

function algorithmIdentifier(key: KeyObject, hash: SignatureHash): Der {
  const type = key.asymmetricKeyType;
  if (type === "ec") return sequence(objectIdentifier(SIGNATURE_OIDS.ec[hash]));
  if (type === "rsa") return sequence(objectIdentifier(SIGNATURE_OIDS.rsa[hash]), nullValue());
  throw new TypeError(`unsupported signing key type ${String(type)}`);
}

function name(attributes: readonly NameAttribute[]): Der {
  return sequence(
    ...attributes.map(({ type, value }) =>
      set(
        sequence(
          objectIdentifier(ATTRIBUTE_OIDS[type]),
          type === "C" ? printableString(value) : utf8String(value),
        ),
      ),
    ),
  );
}

function extension(oid: string, critical: boolean, value: Der): Der {
  return sequence(objectIdentifier(oid), ...(critical ? [boolean(true)] : []), octetString(value));
}

/** Method 1 of RFC 5280 4.2.1.2 over the whole SPKI: unique per key, which is all it needs. */
function keyIdentifier(key: KeyObject): Buffer {
  const spki = createPublicKey(key).export({ type: "spki", format: "der" });
  return createHash("sha1").update(spki).digest();
}

function ipBytes(address: string): Buffer {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(address)) {
    return Buffer.from(address.split(".").map((part) => Number(part)));
  }
  if (address === "::1") return Buffer.from([...new Array(15).fill(0), 1]);
  throw new TypeError(`unsupported IP address in certificate: ${address}`);
}

function extensions(spec: CertificateSpec): Der {
  const list: Der[] = [];
  if (spec.usage === "ca") {
    list.push(
      extension(
        "2.5.29.19",
        true,
        sequence(
          boolean(true),
          ...(spec.pathLength !== undefined ? [smallInteger(spec.pathLength)] : []),
        ),
      ),
      // keyCertSign (5), cRLSign (6), digitalSignature (0).
      extension("2.5.29.15", true, namedBits([0, 5, 6])),
    );
  } else {
    list.push(
      extension("2.5.29.19", true, sequence()),
      extension("2.5.29.15", true, namedBits([0])),
      extension(
        "2.5.29.37",
        false,
        sequence(
          objectIdentifier(spec.usage === "server" ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2"),
        ),
      ),
    );
    const names = [
      ...(spec.dnsNames ?? []).map((dns) => implicitPrimitive(2, Buffer.from(dns, "ascii"))),
      ...(spec.ipAddresses ?? []).map((ip) => implicitPrimitive(7, ipBytes(ip))),
    ];
    if (names.length > 0) list.push(extension("2.5.29.17", false, sequence(...names)));
  }
  list.push(
    extension("2.5.29.14", false, octetString(keyIdentifier(spec.publicKey))),
    extension("2.5.29.35", false, sequence(implicitPrimitive(0, keyIdentifier(spec.signingKey)))),
  );
  return explicit(3, sequence(...list));
}

/** @internal The DER `TBSCertificate` of `spec`. */
export function encodeTbsCertificate(spec: CertificateSpec): Der {
  if (spec.serial.length === 0 || spec.serial.length > 20) {
    throw new RangeError("a serial number has 1 to 20 bytes");
  }
  return sequence(
    explicit(0, smallInteger(2)),
    unsignedInteger(spec.serial),
    algorithmIdentifier(spec.signingKey, spec.hash),
    name(spec.issuer),
    sequence(time(spec.notBefore), time(spec.notAfter)),
    name(spec.subject),
    createPublicKey(spec.publicKey).export({ type: "spki", format: "der" }),
    extensions(spec),
  );
}

/** @internal The signed certificate as DER and PEM, and Node's view of it. */
export function buildCertificate(spec: CertificateSpec): {
  der: Buffer;
  pem: string;
  x509: X509Certificate;
} {
  const tbs = encodeTbsCertificate(spec);
  // ECDSA signatures come out DER-encoded (`dsaEncoding` defaults to "der"), as X.509 wants.
  const signature = sign(spec.hash, tbs, spec.signingKey);
  const der = sequence(tbs, algorithmIdentifier(spec.signingKey, spec.hash), bitString(signature));
  const base64 = der
    .toString("base64")
    .replace(/(.{64})/g, "$1\n")
    .replace(/\n$/, "");
  const pem = `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`;
  return { der, pem, x509: new X509Certificate(der) };
}
