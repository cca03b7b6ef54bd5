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
   * Normalise the path as API Gateway and every service but S3 do: the signature is recomputed
   * with `.` / `..` and empty segments removed, and a request whose target a URL parser would
   * rewrite (dot segments, `\`, a space) is refused, since the path signed might not be the one
   * routed. `false` verifies the target exactly as received, dot segments included, for clients
   * that sign with `normalizePath: false` (S3-style, or `signRequest`'s `hostname` + `path` form).
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
