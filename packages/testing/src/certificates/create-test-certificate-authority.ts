import { generateKeyPairSync, type KeyObject, randomBytes } from "node:crypto";
import {
  buildCertificate,
  type CertificateSpec,
  type NameAttribute,
} from "./internal/build-certificate.js";
import { certificateFields } from "./internal/certificate-fields.js";
import type {
  TestCertificate,
  TestCertificateAuthority,
  TestCertificateAuthorityOptions,
  TestCertificateHash,
  TestCertificateKeyType,
  TestCertificateOptions,
  TestServerCertificateOptions,
} from "./test-certificate-authority.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const KEY_TYPES: readonly TestCertificateKeyType[] = ["EC_P256", "EC_P384", "RSA_2048", "RSA_1024"];
const HASHES: Readonly<Record<TestCertificateHash, CertificateSpec["hash"]>> = {
  SHA256: "sha256",
  SHA384: "sha384",
  SHA1: "sha1",
};

function generateKey(type: TestCertificateKeyType): KeyObject {
  switch (type) {
    case "EC_P256":
      return generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
    case "EC_P384":
      return generateKeyPairSync("ec", { namedCurve: "P-384" }).privateKey;
    case "RSA_2048":
      return generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    case "RSA_1024":
      return generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey;
  }
}

function checkString(value: unknown, name: string): void {
  if (value !== undefined && (typeof value !== "string" || value === "")) {
    throw new TypeError(`${name} must be a non-empty string`);
  }
}

function checkDate(value: unknown, name: string): void {
  if (value !== undefined && !(value instanceof Date && Number.isFinite(value.getTime()))) {
    throw new TypeError(`${name} must be a valid Date`);
  }
}

/** Validates options at the call: misuse is a `TypeError`, never a strange certificate. */
function checkOptions(options: TestCertificateOptions | undefined): TestCertificateOptions {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null) {
    throw new TypeError("certificate options must be an object");
  }
  for (const key of ["commonName", "organization", "organizationalUnit"] as const) {
    checkString(options[key], key);
  }
  if (options.country !== undefined && !/^[A-Z]{2}$/.test(String(options.country))) {
    throw new TypeError("country must be two upper-case letters (ISO 3166), e.g. US");
  }
  if (
    options.serialNumber !== undefined &&
    (typeof options.serialNumber !== "string" ||
      !/^[0-9a-f]{1,40}$/i.test(options.serialNumber.replace(/:/g, "")))
  ) {
    throw new TypeError("serialNumber must be 1 to 40 hex digits (colons allowed)");
  }
  checkDate(options.notBefore, "notBefore");
  checkDate(options.notAfter, "notAfter");
  if (options.keyType !== undefined && !KEY_TYPES.includes(options.keyType)) {
    throw new TypeError(`keyType must be one of ${KEY_TYPES.join(", ")}`);
  }
  if (options.hash !== undefined && !Object.hasOwn(HASHES, options.hash)) {
    throw new TypeError(`hash must be one of ${Object.keys(HASHES).join(", ")}`);
  }
  return options;
}

function subjectOf(options: TestCertificateOptions, commonName: string): NameAttribute[] {
  return [
    ...(options.country !== undefined ? [{ type: "C" as const, value: options.country }] : []),
    ...(options.organization !== undefined
      ? [{ type: "O" as const, value: options.organization }]
      : []),
    ...(options.organizationalUnit !== undefined
      ? [{ type: "OU" as const, value: options.organizationalUnit }]
      : []),
    { type: "CN" as const, value: options.commonName ?? commonName },
  ];
}

function serialOf(options: TestCertificateOptions): Buffer {
  if (options.serialNumber !== undefined) {
    const hex = options.serialNumber.replace(/:/g, "");
    const bytes = Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, "hex");
    // A positive INTEGER of at most 20 octets (RFC 5280 4.1.2.2) including a sign byte.
    if (bytes.length > 20 || (bytes.length === 20 && (bytes[0] as number) & 0x80)) {
      throw new TypeError("serialNumber must fit 20 bytes as a positive integer");
    }
    return bytes;
  }
  const random = randomBytes(16);
  random[0] = ((random[0] as number) & 0x7f) | 0x10;
  return random;
}

interface Issuer {
  subject: NameAttribute[];
  key: KeyObject;
  keyType: TestCertificateKeyType;
  hash: TestCertificateHash;
  now: () => Date;
  /** PEMs of the intermediates from this CA up to (not including) the root. */
  intermediates: string[];
  /** PEMs of this CA and every CA above it. */
  trust: string[];
}

type Usage = CertificateSpec["usage"];

function issue(
  issuer: Issuer | undefined,
  input: TestCertificateOptions | undefined,
  usage: Usage,
  defaults: { commonName: string; lifetime: number; now: () => Date },
  extra: Partial<CertificateSpec> = {},
) {
  const options = checkOptions(input);
  const now = defaults.now().getTime();
  const notBefore = options.notBefore ?? new Date(now - HOUR);
  const notAfter = options.notAfter ?? new Date(now + defaults.lifetime);
  if (notAfter.getTime() < notBefore.getTime()) {
    throw new TypeError("notAfter must not be before notBefore");
  }
  const keyType = options.keyType ?? issuer?.keyType ?? "EC_P256";
  const hash = options.hash ?? issuer?.hash ?? "SHA256";
  const key = generateKey(keyType);
  const subject = subjectOf(options, defaults.commonName);
  const built = buildCertificate({
    subject,
    issuer: issuer?.subject ?? subject,
    serial: serialOf(options),
    notBefore,
    notAfter,
    publicKey: key,
    signingKey: issuer?.key ?? key,
    hash: HASHES[hash],
    usage,
    ...extra,
  });
  const privateKeyPem = key.export({ type: "pkcs8", format: "pem" }).toString();
  const certificate: TestCertificate = {
    certificatePem: built.pem,
    privateKeyPem,
    chainPem: [built.pem, ...(issuer?.intermediates ?? [])].join(""),
    ...certificateFields(built.x509),
  };
  return { certificate, subject, key, keyType, hash };
}

function authority(issuer: Issuer, certificate: TestCertificate): TestCertificateAuthority {
  const defaults = (commonName: string, lifetime: number) => ({
    commonName,
    lifetime,
    now: issuer.now,
  });
  return {
    ...certificate,
    truststorePem: issuer.trust.join(""),
    issueIntermediate(options) {
      const made = issue(
        issuer,
        options,
        "ca",
        defaults("Gatehouse Test Intermediate CA", 3650 * DAY),
      );
      const pem = made.certificate.certificatePem;
      return authority(
        {
          subject: made.subject,
          key: made.key,
          keyType: made.keyType,
          hash: made.hash,
          now: issuer.now,
          intermediates: [pem, ...issuer.intermediates],
          trust: [pem, ...issuer.trust],
        },
        made.certificate,
      );
    },
    issueServerCertificate(options?: TestServerCertificateOptions) {
      const hostnames = options?.hostnames ?? ["localhost", "127.0.0.1"];
      if (!Array.isArray(hostnames) || hostnames.some((name) => typeof name !== "string")) {
        throw new TypeError("hostnames must be an array of strings");
      }
      const isIp = (name: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(name) || name === "::1";
      return issue(issuer, options, "server", defaults("localhost", 30 * DAY), {
        dnsNames: hostnames.filter((name) => !isIp(name)),
        ipAddresses: hostnames.filter(isIp),
      }).certificate;
    },
    issueClientCertificate(options) {
      return issue(issuer, options, "client", defaults("Gatehouse Test Client", 30 * DAY))
        .certificate;
    },
  };
}

/**
 * Mints a test certificate authority for mutual-TLS tests: a fresh self-signed root CA (ECDSA
 * P-256 / SHA-256 by default) that issues intermediates, server certificates and client
 * certificates (valid, expired, not yet valid, chosen serials and subjects) as PEM. Another call
 * gives an untrusted CA. Synchronous; no network.
 *
 * @param options - the root's subject, key type, hash, validity and the clock the defaults use.
 * @returns the root CA.
 * @throws TypeError on misuse (unknown key type, bad serial, `notAfter` before `notBefore`).
 * @example
 * ```ts
 * const ca = createTestCertificateAuthority();
 * const server = ca.issueServerCertificate();
 * const client = ca.issueClientCertificate({ commonName: "partner-a", serialNumber: "0a:1b" });
 * const expired = ca.issueClientCertificate({ notAfter: new Date(Date.now() - 60_000) });
 * console.log(ca.truststorePem, server.chainPem, client.subjectDN, expired.notAfter);
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mutual-tls.html
 */
export function createTestCertificateAuthority(
  options?: TestCertificateAuthorityOptions,
): TestCertificateAuthority {
  const now = options?.now ?? (() => new Date());
  if (typeof now !== "function") throw new TypeError("now must be a function returning a Date");
  const made = issue(undefined, options, "ca", {
    commonName: "Gatehouse Test CA",
    lifetime: 3650 * DAY,
    now,
  });
  return authority(
    {
      subject: made.subject,
      key: made.key,
      keyType: made.keyType,
      hash: made.hash,
      now,
      intermediates: [],
      trust: [made.certificate.certificatePem],
    },
    made.certificate,
  );
}
