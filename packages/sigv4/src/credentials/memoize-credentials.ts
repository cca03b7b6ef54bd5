import { isSigV4Error, SigV4Error } from "../errors.js";
import type { AwsCredentials, CredentialsInput, CredentialsProvider } from "./aws-credentials.js";

/** Options of {@link memoizeCredentials}. */
export interface MemoizeCredentialsOptions {
  /**
   * How long before `expiration` to fetch new credentials, in seconds. Requests signed just before
   * the expiry may still be in flight (or retried) when it passes.
   * @default 300
   */
  refreshBeforeExpirySeconds?: number;
  /**
   * The current time in milliseconds since the epoch. Pass a corrected clock (the signed fetch
   * passes its corrected clock) so that `expiration`, which is server time, is compared with
   * server time.
   * @default Date.now
   */
  now?: () => number;
}

/**
 * Wraps credentials so that a provider is called only when needed: once at first use, then again
 * when the cached credentials are within `refreshBeforeExpirySeconds` of their `expiration`.
 * Credentials without `expiration` are kept for ever; static credentials are returned as they are.
 *
 * - Concurrent callers share one in-flight refresh (no stampede on STS or Cognito).
 * - A failed refresh is not cached: every caller waiting on it gets the error, the next call tries
 *   again. A provider's own error is kept as `cause` of a `credentials_unavailable` `SigV4Error`.
 * - If a refresh fails while the cached credentials are still valid (inside the refresh window but
 *   not yet expired), the cached ones are served and the next call tries again.
 * - Provider output is checked: `accessKeyId` and `secretAccessKey` must be non-empty strings,
 *   `sessionToken` a string if present, `expiration` a valid `Date` if present
 *   (`invalid_credentials` otherwise).
 *
 * @param input - Static credentials or a provider (any AWS SDK v3 credential provider fits).
 * @param options - See {@link MemoizeCredentialsOptions}.
 * @returns A provider that is cheap to call on every request.
 * @throws SigV4Error `invalid_credentials` at once for malformed static credentials.
 * @throws TypeError when `input` is neither an object nor a function, or for a bad option.
 * @example
 * ```ts
 * import { fromCognitoIdentityPool } from "@aws-sdk/credential-providers";
 * const credentials = memoizeCredentials(
 *   fromCognitoIdentityPool({ identityPoolId: "eu-west-1:1234...", clientConfig: { region: "eu-west-1" } }),
 * );
 * await credentials(); // calls Cognito
 * await credentials(); // cached until 5 minutes before expiration
 * ```
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html
 */
export function memoizeCredentials(
  input: CredentialsInput,
  options: MemoizeCredentialsOptions = {},
): CredentialsProvider {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("memoizeCredentials: options must be an object");
  }
  const { refreshBeforeExpirySeconds = 300, now = Date.now } = options;
  if (
    typeof refreshBeforeExpirySeconds !== "number" ||
    !Number.isFinite(refreshBeforeExpirySeconds) ||
    refreshBeforeExpirySeconds < 0
  ) {
    throw new TypeError(
      "memoizeCredentials: options.refreshBeforeExpirySeconds must be a finite number >= 0",
    );
  }
  if (typeof now !== "function") {
    throw new TypeError("memoizeCredentials: options.now must be a function");
  }

  if (typeof input !== "function") {
    if (typeof input !== "object" || input === null) {
      throw new TypeError(
        `memoizeCredentials: credentials must be an object or a provider function, got ${input === null ? "null" : typeof input}`,
      );
    }
    const credentials = checkCredentials(input, "credentials");
    return () => Promise.resolve(credentials);
  }

  const provider = input;
  const windowMs = refreshBeforeExpirySeconds * 1000;
  let current: AwsCredentials | undefined;
  let refreshing: Promise<AwsCredentials> | undefined;

  const refresh = (): Promise<AwsCredentials> => {
    if (refreshing !== undefined) return refreshing;
    const attempt = (async () => {
      let value: unknown;
      try {
        value = await provider();
      } catch (error) {
        throw providerFailure(error);
      }
      const credentials = checkCredentials(value, "provider()");
      current = credentials;
      return credentials;
    })();
    refreshing = attempt;
    // Cleared in a later microtask: a provider that throws synchronously must not leave a rejected
    // promise behind as the "in-flight" refresh.
    const clear = () => {
      if (refreshing === attempt) refreshing = undefined;
    };
    attempt.then(clear, clear);
    return attempt;
  };

  return async () => {
    const held = current;
    if (held !== undefined && !isDue(held, now(), windowMs)) return held;
    try {
      return await refresh();
    } catch (error) {
      const fallback = current;
      if (fallback !== undefined && !isDue(fallback, now(), 0)) return fallback;
      throw error;
    }
  };
}

function isDue(credentials: AwsCredentials, nowMs: number, windowMs: number): boolean {
  return (
    credentials.expiration !== undefined && credentials.expiration.getTime() - windowMs <= nowMs
  );
}

function providerFailure(error: unknown): SigV4Error {
  if (isSigV4Error(error)) return error;
  // The provider's message may quote a token or a key: keep it in `cause`, name only its type.
  const kind = error instanceof Error ? ` (${error.name})` : "";
  return new SigV4Error(
    "credentials_unavailable",
    `memoizeCredentials: the credentials provider failed${kind}`,
    { cause: error },
  );
}

function checkCredentials(value: unknown, path: string): AwsCredentials {
  if (value === undefined || value === null) {
    throw new SigV4Error(
      "credentials_unavailable",
      `memoizeCredentials: ${path} returned no credentials`,
      { path },
    );
  }
  if (typeof value !== "object") {
    throw invalid(path, "an object with accessKeyId and secretAccessKey");
  }
  const { accessKeyId, secretAccessKey, sessionToken, expiration } = value as Record<
    string,
    unknown
  >;
  if (typeof accessKeyId !== "string" || accessKeyId === "") {
    throw invalid(`${path}.accessKeyId`, "a non-empty string");
  }
  if (typeof secretAccessKey !== "string" || secretAccessKey === "") {
    throw invalid(`${path}.secretAccessKey`, "a non-empty string");
  }
  if (sessionToken !== undefined && typeof sessionToken !== "string") {
    throw invalid(`${path}.sessionToken`, "a string or undefined");
  }
  if (expiration !== undefined && !isValidDate(expiration)) {
    throw invalid(`${path}.expiration`, "a valid Date or undefined");
  }
  return value as AwsCredentials;
}

function isValidDate(value: unknown): value is Date {
  // Not `instanceof Date`: a Date from another realm (iframe, vm context) is fine too.
  return (
    Object.prototype.toString.call(value) === "[object Date]" &&
    Number.isFinite((value as Date).getTime())
  );
}

function invalid(path: string, expected: string): SigV4Error {
  return new SigV4Error("invalid_credentials", `memoizeCredentials: ${path} must be ${expected}`, {
    path,
    expected,
  });
}
