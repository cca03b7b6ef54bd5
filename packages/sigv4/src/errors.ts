/**
 * Every code a {@link SigV4Error} can carry. Stable: callers `switch` on it, and it keeps working
 * when both the ESM and the CommonJS copy of this package are loaded (where `instanceof` fails).
 */
export type SigV4ErrorCode =
  /** The request cannot be signed as given (bad URL, method, header name or value). */
  | "invalid_request"
  /**
   * A request given by `path` (the wire form) whose target is not an origin-form path: no leading
   * `/`, a `#`, or a control character such as CR or LF.
   */
  | "invalid_request_target"
  /** The host is not an execute-api / lambda-url host and no `region` option was given. */
  | "missing_region"
  /** The service cannot be inferred from the host and no `service` option was given. */
  | "missing_service"
  /** Credentials are present but malformed (empty access key id or secret). */
  | "invalid_credentials"
  /** A credentials provider failed or returned nothing. */
  | "credentials_unavailable"
  /** A credentials provider returned credentials whose `expiration` has already passed. */
  | "expired_credentials"
  /** A credentials provider did not answer within its deadline (`timeoutMs`). */
  | "timeout"
  /** The caller's `AbortSignal` aborted the wait; the signal's reason is the `cause`. */
  | "aborted"
  /** A body that cannot be hashed up front (a stream without `payloadHash`, or an unknown type). */
  | "unsupported_body"
  /** A presigned URL lifetime outside 1..604800 seconds. */
  | "invalid_expiry"
  /** An option value that is out of range or malformed (e.g. a `payloadHash` that is not hex). */
  | "invalid_option"
  /** A 403 response body that does not contain API Gateway's canonical string / string to sign. */
  | "signature_mismatch_unparseable";

/** What a {@link SigV4Error} says about the offending input: which field, what was expected. */
export interface SigV4ErrorOptions {
  /** Which option or request field is at fault, e.g. `options.region` or `request.body`. */
  path?: string;
  /** What was expected there, in words. */
  expected?: string;
  cause?: unknown;
}

/**
 * The one error class of `@gatehouse/sigv4`. Input the signer cannot work with throws it with a
 * stable {@link SigV4ErrorCode}; misuse of the API itself (wrong option types) throws `TypeError`.
 * Messages never contain a secret access key, session token or signature.
 *
 * @example
 * ```ts
 * try {
 *   await signRequest({ method: "GET", url: "https://example.com/" }, { credentials });
 * } catch (error) {
 *   if (isSigV4Error(error) && error.code === "missing_region") console.log(error.path);
 * }
 * ```
 */
export class SigV4Error extends Error {
  override readonly name = "SigV4Error";
  readonly code: SigV4ErrorCode;
  readonly path: string | undefined;
  readonly expected: string | undefined;

  constructor(code: SigV4ErrorCode, message: string, options: SigV4ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path;
    this.expected = options.expected;
  }
}

/** True for a {@link SigV4Error} from any loaded copy of this package (ESM or CJS). */
export function isSigV4Error(value: unknown): value is SigV4Error {
  return (
    value instanceof Error &&
    value.name === "SigV4Error" &&
    typeof (value as { code?: unknown }).code === "string"
  );
}
