/**
 * What API Gateway requires of the certificates of a truststore and of client certificates: an
 * RSA key of 2048 bits or more, or an ECDSA key on P-256 or larger, signed with SHA-256 or
 * stronger. Node's `X509Certificate` does not name the signature algorithm in Node 20, so it is
 * read from the DER here (a certificate's third top-level element, RFC 5280 4.1.1.2).
 * @internal
 * @packageDocumentation
 */
import type { X509Certificate } from "node:crypto";

/** Signature algorithms with SHA-256 or stronger: RSA PKCS #1 v1.5, RSA-PSS and ECDSA. */
const STRONG_SIGNATURES: ReadonlySet<string> = new Set([
  "1.2.840.113549.1.1.11", // sha256WithRSAEncryption
  "1.2.840.113549.1.1.12", // sha384WithRSAEncryption
  "1.2.840.113549.1.1.13", // sha512WithRSAEncryption
  "1.2.840.113549.1.1.10", // RSASSA-PSS (its hash is in the parameters; accepted)
  "1.2.840.10045.4.3.2", // ecdsa-with-SHA256
  "1.2.840.10045.4.3.3", // ecdsa-with-SHA384
  "1.2.840.10045.4.3.4", // ecdsa-with-SHA512
]);

const STRONG_CURVES: ReadonlySet<string> = new Set(["prime256v1", "secp384r1", "secp521r1"]);

/** Reads one DER header at `offset`: tag, where the contents start, and their length. */
function header(der: Buffer, offset: number): { tag: number; start: number; length: number } {
  const tag = der[offset];
  const first = der[offset + 1];
  if (tag === undefined || first === undefined) throw new RangeError("truncated DER");
  if (first < 0x80) return { tag, start: offset + 2, length: first };
  const count = first & 0x7f;
  if (count === 0 || count > 4) throw new RangeError("unsupported DER length");
  let length = 0;
  for (let index = 0; index < count; index++) {
    const byte = der[offset + 2 + index];
    if (byte === undefined) throw new RangeError("truncated DER");
    length = length * 256 + byte;
  }
  return { tag, start: offset + 2 + count, length };
}

function decodeOid(bytes: Buffer): string {
  const arcs: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      if (arcs.length === 0)
        arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else arcs.push(value);
      value = 0;
    }
  }
  return arcs.join(".");
}

/** @internal The OID of the certificate's `signatureAlgorithm`, or `undefined` if unreadable. */
export function signatureAlgorithmOid(certificate: X509Certificate): string | undefined {
  try {
    const der = certificate.raw;
    const outer = header(der, 0);
    const tbs = header(der, outer.start);
    const algorithm = header(der, tbs.start + tbs.length);
    const oid = header(der, algorithm.start);
    if (outer.tag !== 0x30 || algorithm.tag !== 0x30 || oid.tag !== 0x06) return undefined;
    return decodeOid(der.subarray(oid.start, oid.start + oid.length));
  } catch {
    return undefined;
  }
}

/** @internal Why a certificate falls short of API Gateway's requirements, or `undefined`. */
export function weakness(certificate: X509Certificate): "weak_key" | "weak_signature" | undefined {
  const key = certificate.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const type = key.asymmetricKeyType;
  const strongKey =
    type === "rsa" || type === "rsa-pss"
      ? (details.modulusLength ?? 0) >= 2048
      : type === "ec"
        ? STRONG_CURVES.has(details.namedCurve ?? "")
        : false;
  if (!strongKey) return "weak_key";
  const oid = signatureAlgorithmOid(certificate);
  return oid !== undefined && STRONG_SIGNATURES.has(oid) ? undefined : "weak_signature";
}
