/**
 * Validates the `tls` section of a gateway config once, at start: PEM that Node reads, a key that
 * matches the server certificate, and a truststore API Gateway would accept (RSA-2048+ or
 * ECDSA-256+ keys, SHA-256+ signatures, chains of at most 4 certificates).
 * @internal
 * @packageDocumentation
 */
import { createPrivateKey, type KeyObject, X509Certificate } from "node:crypto";
import { LocalGatewayError } from "../../errors.js";
import { weakness } from "../../tls/internal/certificate-strength.js";
import { invalid, kindOf, requireObject } from "./config-fields.js";

/** @internal The `tls` section, checked. */
export interface ResolvedTls {
  certificate: string;
  privateKey: string;
  /** `null`: HTTPS without client certificates. */
  truststore: string | null;
  /** The truststore's certificates, parsed once. */
  trusted: readonly X509Certificate[];
}

/** API Gateway: "the maximum chain length is four". */
const MAX_CHAIN = 4;
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

function tlsError(
  code:
    | "tls_invalid_pem"
    | "tls_key_mismatch"
    | "tls_weak_key"
    | "tls_weak_signature"
    | "tls_chain_too_long",
  path: string,
  message: string,
  hint: string,
  cause?: unknown,
): LocalGatewayError {
  return new LocalGatewayError(code, `${path} ${message}`, {
    path,
    hint,
    ...(cause !== undefined ? { cause } : {}),
  });
}

function requirePem(value: unknown, path: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw invalid(path, `must be a PEM string, got ${kindOf(value)}`, "PEM text");
  }
  return value;
}

/** @internal Every certificate of a PEM text; `tls_invalid_pem` when one does not parse or none is there. */
export function readCertificates(pem: string, path: string): X509Certificate[] {
  const blocks = pem.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) {
    throw tlsError(
      "tls_invalid_pem",
      path,
      "holds no -----BEGIN CERTIFICATE----- block",
      "Give the certificate text itself (PEM), not a file name: readFileSync(file, 'utf8').",
    );
  }
  return blocks.map((block, index) => {
    try {
      return new X509Certificate(block);
    } catch (cause) {
      throw tlsError(
        "tls_invalid_pem",
        `${path}[${index}]`,
        "is not a certificate Node can read",
        "Check the base64 between the BEGIN and END lines (openssl x509 -noout -text reads it).",
        cause,
      );
    }
  });
}

/** The length of the chain from `certificate` up to a self-signed certificate of the store. */
function chainLength(certificate: X509Certificate, store: readonly X509Certificate[]): number {
  let length = 1;
  let current = certificate;
  const seen = new Set<X509Certificate>([certificate]);
  while (!(current.checkIssued(current) && current.verify(current.publicKey))) {
    const issuer = store.find(
      (candidate) =>
        !seen.has(candidate) &&
        current.checkIssued(candidate) &&
        current.verify(candidate.publicKey),
    );
    if (issuer === undefined) break;
    seen.add(issuer);
    current = issuer;
    length++;
  }
  return length;
}

function checkTruststore(pem: string): X509Certificate[] {
  const path = "tls.truststore";
  const certificates = readCertificates(pem, path);
  certificates.forEach((certificate, index) => {
    const problem = weakness(certificate);
    if (problem === "weak_key") {
      throw tlsError(
        "tls_weak_key",
        `${path}[${index}]`,
        `(${certificate.subject.replace(/\n/g, ",")}) has a key under RSA-2048 / ECDSA P-256`,
        "API Gateway accepts RSA keys of 2048 bits or more and ECDSA keys of 256 bits or more: reissue the CA.",
      );
    }
    if (problem === "weak_signature") {
      throw tlsError(
        "tls_weak_signature",
        `${path}[${index}]`,
        `(${certificate.subject.replace(/\n/g, ",")}) is signed with a hash under SHA-256`,
        "API Gateway requires SHA-256 or stronger signatures: reissue the certificate with SHA-256.",
      );
    }
  });
  certificates.forEach((certificate, index) => {
    const length = chainLength(certificate, certificates);
    if (length > MAX_CHAIN) {
      throw tlsError(
        "tls_chain_too_long",
        `${path}[${index}]`,
        `starts a chain of ${length} certificates; API Gateway allows at most ${MAX_CHAIN}`,
        "Trust a CA closer to the clients, or issue client certificates from a shorter hierarchy.",
      );
    }
  });
  return certificates;
}

/** @internal The `tls` section, or `undefined` for plain HTTP. */
export function resolveTls(value: unknown): ResolvedTls | undefined {
  if (value === undefined) return undefined;
  const tls = requireObject(
    value,
    "tls",
    "an object { certificate, privateKey, truststore } (truststore: PEM or null)",
  );
  const certificate = requirePem(tls["certificate"], "tls.certificate");
  const privateKey = requirePem(tls["privateKey"], "tls.privateKey");
  if (tls["truststore"] === undefined) {
    throw invalid(
      "tls.truststore",
      "must be the truststore PEM, or null for HTTPS without client certificates",
      "PEM text or null",
    );
  }
  const truststore =
    tls["truststore"] === null ? null : requirePem(tls["truststore"], "tls.truststore");
  const [leaf] = readCertificates(certificate, "tls.certificate");
  let key: KeyObject;
  try {
    key = createPrivateKey(privateKey);
  } catch (cause) {
    // The cause is Node's parse error: it never quotes the key.
    throw tlsError(
      "tls_invalid_pem",
      "tls.privateKey",
      "is not a private key Node can read",
      "Give the unencrypted private key in PEM (-----BEGIN PRIVATE KEY----- or EC / RSA PRIVATE KEY).",
      cause,
    );
  }
  if (leaf === undefined || !leaf.checkPrivateKey(key)) {
    throw tlsError(
      "tls_key_mismatch",
      "tls.privateKey",
      "does not belong to the first certificate of tls.certificate",
      "Put the server certificate first in tls.certificate, then its intermediates, and give its own key.",
    );
  }
  return {
    certificate,
    privateKey,
    truststore,
    trusted: truststore === null ? [] : checkTruststore(truststore),
  };
}

/** @internal Checks each API's `disableExecuteApiEndpoint` (an optional boolean). */
export function resolveExecuteApiEndpointFlags(apis: readonly unknown[]): void {
  apis.forEach((api, index) => {
    const flag = (api as Record<string, unknown> | null)?.["disableExecuteApiEndpoint"];
    if (flag !== undefined && typeof flag !== "boolean") {
      throw invalid(
        `apis[${index}].disableExecuteApiEndpoint`,
        `must be a boolean, got ${kindOf(flag)}`,
      );
    }
  });
}
