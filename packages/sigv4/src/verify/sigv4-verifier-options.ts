/** One key pair the verifier knows, as IAM would: the secret signs, the session token must match. */
export interface SigV4VerifierCredentials {
  /** Access key id, e.g. `AKIDEXAMPLE`; the `Credential=` scope must name one of these. */
  accessKeyId: string;
  /** Secret access key used to recompute the signature. Never echoed in a response. */
  secretAccessKey: string;
  /**
   * Session token of temporary credentials. When set, a request must carry exactly this value in
   * `X-Amz-Security-Token` (header or presigned query); when unset, a request carrying one is refused.
   */
  sessionToken?: string | undefined;
}

/** Options of {@link verifySigV4} and {@link startSigV4Verifier}. */
export interface SigV4VerifierOptions {
  /** The key pairs accepted; a request signed by any other access key id is refused. */
  credentials: ReadonlyArray<SigV4VerifierCredentials>;
  /** The region the credential scope must name, e.g. `eu-west-1`. */
  region: string;
  /**
   * The service the credential scope must name.
   * @default "execute-api"
   */
  service?: string | undefined;
  /**
   * Remove `.` / `..` and empty segments from the received path before recomputing the signature,
   * as API Gateway and every service but S3 do. `false` verifies the target exactly as received,
   * for clients that sign with `normalizePath: false` (S3-style).
   * @default true
   */
  normalizePath?: boolean | undefined;
  /**
   * The verifier's clock (also the server's `Date` header). Inject it to test clock skew.
   * @default () => new Date()
   */
  now?: (() => Date) | undefined;
  /**
   * Allowed difference between `X-Amz-Date` and `now()`, in seconds, in either direction.
   * @default 300 (API Gateway's 5 minutes)
   */
  maxSkewSeconds?: number | undefined;
}
