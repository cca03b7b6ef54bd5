/**
 * Codes of our own, for failures that are not an error answer of Cognito or STS: snake_case, like
 * every code of the Gatehouse packages. Any other code is the service's error type as it sent it,
 * in AWS's spelling (`NotAuthorizedException`, `TooManyRequestsException`,
 * `ResourceNotFoundException`, STS `AccessDenied`, ...), so the case of `code` tells whose failure
 * it is.
 */
export type IdentityPoolLocalErrorCode =
  /** A `logins` key or token is malformed (wrong key form, empty token, a function that threw). */
  | "invalid_logins"
  /** `fetch` itself failed (offline, DNS, CORS, connection reset). Retried. */
  | "network_error"
  /** The service answered something this client cannot read (not JSON / XML, fields missing). */
  | "invalid_response"
  /** A mistake in what was passed that can be detected locally, e.g. an access token given as an ID token. */
  | "misconfiguration"
  /**
   * A deadline passed: one attempt (`attemptTimeoutMs`, retried), the whole call (`timeoutMs`), or
   * a `logins` / `developerIdentity` function (`loginsTimeoutMs`; `operation` is `"logins"` or
   * `"developerIdentity"`). Retryable: trying again later may succeed.
   */
  | "timeout"
  /** The caller's `AbortSignal` aborted the call; its reason is the `cause`. */
  | "aborted"
  /** An answer larger than 1 MiB (Cognito and STS answers are a few KB): reading stopped there. */
  | "response_too_large"
  /** The service sent credentials whose `Expiration` has already passed (or the device clock is wrong). */
  | "expired_credentials";

/**
 * Every code an {@link IdentityPoolError} can carry: one of ours (snake_case,
 * {@link IdentityPoolLocalErrorCode}) or the service's error type as AWS spells it (with any
 * `namespace#` prefix and `:...` suffix removed). Stable: callers `switch` on it.
 */
export type IdentityPoolErrorCode =
  | IdentityPoolLocalErrorCode
  | "NotAuthorizedException"
  | "TooManyRequestsException"
  | "ResourceNotFoundException"
  | "InvalidParameterException"
  | "ResourceConflictException"
  | "InternalErrorException"
  | "ExternalServiceException"
  | "LimitExceededException"
  | "InvalidIdentityPoolConfigurationException"
  | (string & {});

/** Options of the {@link IdentityPoolError} constructor. */
export interface IdentityPoolErrorOptions {
  /** HTTP status of the service's answer, when there was one. */
  status?: number | undefined;
  /** Whether trying again later may succeed (throttling, 5xx, network). @default false */
  retryable?: boolean | undefined;
  /** How to fix a known misconfiguration, in words; also appended to the message. */
  hint?: string | undefined;
  /** The Cognito or STS operation that failed, e.g. `GetCredentialsForIdentity`. */
  operation?: string | undefined;
  cause?: unknown;
}

/**
 * The one error class of `@gatehouse/identity-pool`. `code` is the service's error type or one of
 * {@link IdentityPoolLocalErrorCode}; `hint` says how to fix the classic misconfigurations. Misuse of
 * the API (wrong option types) throws `TypeError` instead. Messages never contain a token, a secret
 * key or a session token.
 *
 * @example
 * ```ts
 * try {
 *   await client.getCredentials();
 * } catch (error) {
 *   if (isIdentityPoolError(error) && error.code === "NotAuthorizedException") console.log(error.hint);
 * }
 * ```
 */
export class IdentityPoolError extends Error {
  override readonly name = "IdentityPoolError";
  // Declared, not initialised: the constructor sets them (no class-field boilerplate in bundles).
  declare readonly code: IdentityPoolErrorCode;
  declare readonly status: number | undefined;
  declare readonly retryable: boolean;
  declare readonly hint: string | undefined;
  declare readonly operation: string | undefined;

  constructor(
    code: IdentityPoolErrorCode,
    message: string,
    options: IdentityPoolErrorOptions = {},
  ) {
    // `options` doubles as Error's options: `cause` is installed only when it is present.
    super(options.hint === undefined ? message : `${message}. Fix: ${options.hint}`, options);
    Object.assign(this, {
      code,
      status: options.status,
      retryable: !!options.retryable,
      hint: options.hint,
      operation: options.operation,
    });
  }
}

/** True for an {@link IdentityPoolError} from any loaded copy of this package (ESM or CJS). */
export function isIdentityPoolError(value: unknown): value is IdentityPoolError {
  return (
    value instanceof Error &&
    value.name === "IdentityPoolError" &&
    typeof (value as { code?: unknown }).code === "string"
  );
}
