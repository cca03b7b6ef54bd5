import { isSigV4Error, SigV4Error } from "../errors.js";
import {
  abortedError,
  boundedProviders,
  checkSignal,
  PROVIDER_TIMEOUT_MS,
  raceSignal,
} from "../internal/deadline.js";
import type {
  AwsCredentials,
  CredentialsInput,
  CredentialsProvider,
  CredentialsProviderOptions,
} from "./aws-credentials.js";

/** Options of {@link memoizeCredentials}. */
export interface MemoizeCredentialsOptions {
  /**
   * Advisory refresh window, in seconds before `expiration`: from then on, a call starts a
   * refresh in the background (one at a time) and answers at once with the held credentials; a
   * refresh that fails or times out is forgotten and the next call tries again. botocore's value.
   * @default 900
   */
  advisoryRefreshSeconds?: number;
  /**
   * Mandatory refresh window, in seconds before `expiration`: from then on, callers wait for the
   * refresh (at most `timeoutMs`), so that signed requests still in flight (or retried) do not
   * carry credentials that expire under them. If it fails while the held credentials have not
   * expired, those are served. At most `advisoryRefreshSeconds` (a wider one given alone widens
   * the advisory window to match). botocore's value.
   * @default 600
   */
  mandatoryRefreshSeconds?: number;
  /**
   * Former name of `mandatoryRefreshSeconds`, still honoured when that is absent.
   * @deprecated Use `mandatoryRefreshSeconds` (and `advisoryRefreshSeconds`).
   */
  refreshBeforeExpirySeconds?: number;
  /**
   * Deadline of one provider call, in milliseconds. The provider is called with a `signal` that
   * aborts then; waiting callers get `SigV4Error` `timeout` (or the held credentials while they
   * are valid), and the next call tries again.
   * @default 20000
   */
  timeoutMs?: number;
  /**
   * The current time in milliseconds since the epoch. Pass a corrected clock (the signed fetch
   * passes its corrected clock) so that `expiration`, which is server time, is compared with
   * server time.
   * @default Date.now
   */
  now?: () => number;
}

/**
 * The longest lifetime of any temporary credentials AWS issues (STS `GetSessionToken` and
 * `GetFederationToken`: 129,600 s): a later `expiration` is not believed beyond it.
 */
const MAX_LIFETIME_MS = 36 * 3600 * 1000;

/**
 * Wraps credentials so that a provider is called only when needed: once at first use, then in
 * the refresh windows before `expiration` (botocore's advisory and mandatory windows).
 * Credentials without `expiration` are kept for ever; static credentials are returned as they are.
 *
 * - Until `advisoryRefreshSeconds` (15 min) before `expiration`: the held credentials, no
 *   provider call (one clock read).
 * - Advisory window: the held credentials at once, and one refresh in the background.
 * - Mandatory window (`mandatoryRefreshSeconds`, 10 min): callers wait for the refresh, at most
 *   `timeoutMs` (20 s). Both windows shrink to fit short-lived credentials (the advisory window
 *   is at most half their lifetime).
 * - Concurrent callers share one in-flight refresh (no stampede on STS or Cognito).
 * - A failed or timed-out refresh is not cached: every caller waiting on it gets the error (or
 *   the held credentials while they are valid), the next call tries again. A provider's own
 *   error is kept as `cause` of a `credentials_unavailable` `SigV4Error`.
 * - Provider output is checked: `accessKeyId` and `secretAccessKey` must be non-empty strings,
 *   `sessionToken` a string if present, `expiration` a valid `Date` if present
 *   (`invalid_credentials`) and in the future (`expired_credentials`); an `expiration` more than
 *   36 hours away is treated as 36 hours away.
 * - The returned provider takes `{ signal }`: an abort stops that caller's wait (`aborted`).
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
 * await credentials({ signal: AbortSignal.timeout(3000) }); // cached until 15 minutes before expiration
 * ```
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html
 * @see https://github.com/boto/botocore/blob/develop/botocore/credentials.py (RefreshableCredentials)
 */
export function memoizeCredentials(
  input: CredentialsInput,
  options: MemoizeCredentialsOptions = {},
): CredentialsProvider {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("memoizeCredentials: options must be an object");
  }
  const {
    mandatoryRefreshSeconds = options.refreshBeforeExpirySeconds ?? 600,
    timeoutMs = PROVIDER_TIMEOUT_MS,
    now = Date.now,
  } = options;
  // A mandatory window wider than the default advisory one widens the advisory one with it.
  const advisoryRefreshSeconds =
    options.advisoryRefreshSeconds ??
    (typeof mandatoryRefreshSeconds === "number" ? Math.max(900, mandatoryRefreshSeconds) : 900);
  const seconds = (value: unknown, name: string) => {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new TypeError(`memoizeCredentials: options.${name} must be a finite number >= 0`);
    }
  };
  seconds(advisoryRefreshSeconds, "advisoryRefreshSeconds");
  seconds(
    mandatoryRefreshSeconds,
    "mandatoryRefreshSeconds" in options ? "mandatoryRefreshSeconds" : "refreshBeforeExpirySeconds",
  );
  if (mandatoryRefreshSeconds > advisoryRefreshSeconds) {
    throw new TypeError(
      "memoizeCredentials: options.mandatoryRefreshSeconds must be at most advisoryRefreshSeconds",
    );
  }
  if (typeof timeoutMs !== "number" || !(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
    throw new TypeError("memoizeCredentials: options.timeoutMs must be a finite number > 0");
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
    const fixed = () => Promise.resolve(credentials);
    boundedProviders.add(fixed);
    return fixed;
  }

  const provider = input;
  const advisoryMs = advisoryRefreshSeconds * 1000;
  const mandatoryMs = mandatoryRefreshSeconds * 1000;
  let current: AwsCredentials | undefined;
  /** Epoch ms: the advisory window opens (Infinity without `expiration`). */
  let refreshAt = 0;
  /** Epoch ms: the mandatory window opens. */
  let mustRefreshAt = 0;
  /** Epoch ms: `current` stops working (its expiration, at most 36 h away when it was fetched). */
  let validUntil = 0;
  let refreshing: Promise<AwsCredentials> | undefined;

  const install = (credentials: AwsCredentials): void => {
    const t = now();
    const expiration = credentials.expiration?.getTime();
    if (expiration === undefined) {
      refreshAt = mustRefreshAt = validUntil = Number.POSITIVE_INFINITY;
    } else {
      if (expiration <= t) {
        throw new SigV4Error(
          "expired_credentials",
          "memoizeCredentials: provider() returned credentials that have already expired (is the clock right?)",
          { path: "provider().expiration", expected: "an expiration in the future" },
        );
      }
      validUntil = Math.min(expiration, t + MAX_LIFETIME_MS);
      const lifetime = validUntil - t;
      // Windows wider than half the lifetime would refresh short-lived credentials on every call.
      const scale = Math.min(1, lifetime / 2 / advisoryMs);
      refreshAt = validUntil - advisoryMs * scale;
      mustRefreshAt = validUntil - mandatoryMs * scale;
    }
    current = credentials;
  };

  const refresh = (): Promise<AwsCredentials> => {
    if (refreshing !== undefined) return refreshing;
    const deadline = new AbortController();
    const timer = setTimeout(
      () =>
        deadline.abort(
          new SigV4Error(
            "timeout",
            `memoizeCredentials: the credentials provider did not answer within ${timeoutMs} ms`,
            { path: "options.timeoutMs" },
          ),
        ),
      timeoutMs,
    );
    const call = (async () => {
      let value: unknown;
      try {
        value = await provider({ signal: deadline.signal });
      } catch (error) {
        throw providerFailure(error);
      }
      const credentials = checkCredentials(value, "provider()");
      install(credentials);
      return credentials;
    })();
    const attempt = raceSignal(call, deadline.signal, () => deadline.signal.reason);
    refreshing = attempt;
    // Cleared in a later microtask: a provider that throws synchronously must not leave a rejected
    // promise behind as the "in-flight" refresh. Handling the rejection here also keeps a failed
    // background refresh from being reported as unhandled.
    const clear = () => {
      clearTimeout(timer);
      if (refreshing === attempt) refreshing = undefined;
    };
    attempt.then(clear, clear);
    call.catch(() => undefined);
    return attempt;
  };

  const wait = async (signal: AbortSignal | undefined): Promise<AwsCredentials> => {
    if (signal?.aborted) throw abortedError("memoizeCredentials", signal);
    const pending = refresh();
    // Advisory window: the held credentials now, the refresh in the background.
    if (current !== undefined && now() < mustRefreshAt) return current;
    try {
      return await (signal === undefined
        ? pending
        : raceSignal(pending, signal, () => abortedError("memoizeCredentials", signal)));
    } catch (error) {
      if (!signal?.aborted && current !== undefined && now() < validUntil) return current;
      throw error;
    }
  };

  const memoized = async (
    providerOptions?: CredentialsProviderOptions,
  ): Promise<AwsCredentials> => {
    if (current !== undefined && now() < refreshAt) return current;
    return wait(checkSignal(providerOptions?.signal, "memoizeCredentials: signal"));
  };
  boundedProviders.add(memoized);
  return memoized;
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
