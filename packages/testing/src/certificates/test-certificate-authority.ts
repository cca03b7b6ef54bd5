/**
 * The types of {@link createTestCertificateAuthority}: a test CA, the certificates it issues and
 * their options.
 * @packageDocumentation
 */

/**
 * The key of a test certificate. API Gateway's truststore needs RSA-2048+ or ECDSA-256+;
 * `RSA_1024` exists to test that a weak key is refused.
 */
export type TestCertificateKeyType = "EC_P256" | "EC_P384" | "RSA_2048" | "RSA_1024";

/** The hash of a certificate's signature; `SHA1` exists to test that a weak hash is refused. */
export type TestCertificateHash = "SHA256" | "SHA384" | "SHA1";

/** The subject and validity of a certificate to issue; everything has a default. */
export interface TestCertificateOptions {
  /** `CN` of the subject. @default "Gatehouse Test Client" (clients), "localhost" (servers), "Gatehouse Test CA" (CAs) */
  commonName?: string;
  /** `O` of the subject, when set. */
  organization?: string;
  /** `OU` of the subject, when set. */
  organizationalUnit?: string;
  /** `C` of the subject (two letters), when set. */
  country?: string;
  /**
   * The serial number in hex, colons allowed (`"0a:1b:2c"`, `"0A1B2C"`), at most 20 bytes.
   * @default 16 random bytes (positive)
   */
  serialNumber?: string;
  /** Start of validity. @default an hour before the authority's clock */
  notBefore?: Date;
  /** End of validity; before the clock for an expired certificate. @default 30 days after the clock (CAs: 10 years) */
  notAfter?: Date;
  /** The certificate's own key. @default the authority's key type */
  keyType?: TestCertificateKeyType;
  /** The hash the issuer signs this certificate with. @default the authority's hash */
  hash?: TestCertificateHash;
}

/** Options of a server certificate. */
export interface TestServerCertificateOptions extends TestCertificateOptions {
  /** DNS names and IPv4 addresses (or `::1`) in the subject alternative name. @default ["localhost", "127.0.0.1"] */
  hostnames?: readonly string[];
}

/** Options of {@link createTestCertificateAuthority}: the root CA. */
export interface TestCertificateAuthorityOptions extends TestCertificateOptions {
  /** The clock the default validity periods start from. @default () => new Date() */
  now?: () => Date;
}

/** A certificate and its private key, as PEM, with the fields API Gateway reports of it. */
export interface TestCertificate {
  /** The certificate alone, PEM. */
  readonly certificatePem: string;
  /** Its private key, PKCS #8 PEM. */
  readonly privateKeyPem: string;
  /**
   * The certificate followed by the intermediate CAs that issued it (not the root): what a client
   * or server sends in the TLS handshake.
   */
  readonly chainPem: string;
  /** The subject as API Gateway's `clientCert.subjectDN` shows it (`CN=client,O=Example`). */
  readonly subjectDN: string;
  /** The issuer's subject, in the same form. */
  readonly issuerDN: string;
  /** The serial number as API Gateway's `clientCert.serialNumber` shows it (`0a:1b:2c`). */
  readonly serialNumber: string;
  /** SHA-256 fingerprint of the DER certificate as Node prints it (`AB:CD:...`). */
  readonly fingerprint256: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** A test certificate authority (root or intermediate); see {@link createTestCertificateAuthority}. */
export interface TestCertificateAuthority extends TestCertificate {
  /**
   * What to put in a truststore to trust this CA: its certificate and those of the CAs above it,
   * one PEM file (API Gateway's truststore format).
   */
  readonly truststorePem: string;
  /** A CA certificate signed by this CA, which issues certificates in turn. */
  issueIntermediate(options?: TestCertificateOptions): TestCertificateAuthority;
  /** A TLS server certificate (extended key usage `serverAuth`). */
  issueServerCertificate(options?: TestServerCertificateOptions): TestCertificate;
  /** A TLS client certificate (extended key usage `clientAuth`). */
  issueClientCertificate(options?: TestCertificateOptions): TestCertificate;
}
