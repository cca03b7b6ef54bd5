import { IdentityPoolError, type IdentityPoolErrorOptions } from "../errors.js";
import type { RetryOptions } from "../retry-options.js";
import { abortReason, deadline, race } from "./deadline.js";
import { errorType } from "./error-type.js";
import { checkFunctions, type OptionCheck } from "./option-check.js";

/** @internal Signs a Cognito request (the developer helper); returns the headers to send. */
export type Sign = (
  url: string,
  headers: Record<string, string>,
  body: string,
) => Promise<Record<string, string>>;

/** @internal The members of Cognito answers this package reads (all unchecked). */
export interface CognitoAnswer {
  IdentityId?: unknown;
  Token?: unknown;
  Credentials?: {
    AccessKeyId?: unknown;
    SecretKey?: unknown;
    SessionToken?: unknown;
    Expiration?: unknown;
  };
  __type?: unknown;
  message?: unknown;
  Message?: unknown;
}

/**
 * @internal The calls of one client or helper: fetch with retries, the Cognito JSON 1.1 protocol,
 * and the answer check. A plain object of closures, so the basic flow's lazily loaded chunk gets
 * it as an argument instead of importing this module (which would split the page's code in two).
 */
export interface Transport {
  /**
   * POSTs `body` to `url`, retrying throttling, 5xx, network failures and attempts that time out
   * (`attemptTimeoutMs`, the body read included) with exponential backoff and full jitter, until
   * `signal` aborts (the caller's deadline or abort: no further attempt). `read` turns the answer's
   * text (at most {@link MAX_ANSWER_BYTES}) into `[value, error type, error message]`: a 2xx answer
   * resolves to the value (`invalid_response` when there is none), any other is thrown as an
   * {@link IdentityPoolError} with the error type as `code` (or `invalid_response`).
   */
  send<T>(
    operation: string,
    url: string,
    headers: Record<string, string>,
    body: string,
    read: (
      text: string,
      headers: Headers,
    ) => [value: T | undefined, type: unknown, message: unknown],
    signal?: AbortSignal,
  ): Promise<T>;
  /** One Cognito-identity JSON 1.1 call (`X-Amz-Target: AWSCognitoIdentityService.{op}`). */
  call(
    operation: string,
    input: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<CognitoAnswer>;
  /** {@link field}, for the basic flow's chunk. */
  field: typeof field;
}

/** A JSON object answer, or `undefined` for anything else. */
const jsonObject = (text: string): CognitoAnswer | undefined => {
  try {
    const parsed: unknown = JSON.parse(text || "{}");
    if (typeof parsed === "object" && parsed !== null) return parsed;
  } catch {}
  return undefined;
};

/** @internal `value` if it is a non-empty string, else throws `invalid_response` ("no {name}"). */
export function field(operation: string, value: unknown, name: string): string {
  if (typeof value === "string" && value !== "") return value;
  throw new IdentityPoolError("invalid_response", `${operation}: unexpected answer (no ${name})`, {
    operation,
  });
}

/** @internal `value` is a finite number >= 0. */
export const isDelay = (value: unknown): boolean =>
  typeof value === "number" && value >= 0 && Number.isFinite(value);

/** @internal `value` is a finite number > 0 (a timeout in milliseconds). */
export const isTimeout = (value: unknown): boolean => isDelay(value) && (value as number) > 0;

/**
 * @internal The largest answer read, in bytes: Cognito and STS answers are a few KB, so 1 MiB is
 * far above any real one and far below what a broken proxy can send.
 */
export const MAX_ANSWER_BYTES = 1 << 20;

/**
 * The answer's body as text, read chunk by chunk: every read waits at most until `signal` aborts
 * (a trickling body times out like a silent one), and reading stops past
 * {@link MAX_ANSWER_BYTES} (`response_too_large`). The body is cancelled on the way out.
 */
const readText = async (
  response: Response,
  operation: string,
  signal: AbortSignal,
): Promise<string> => {
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  try {
    for (let chunk = await race(reader?.read(), signal); chunk && !chunk.done; ) {
      size += chunk.value.byteLength;
      if (size > MAX_ANSWER_BYTES) {
        throw new IdentityPoolError(
          "response_too_large",
          `${operation}: answer over ${MAX_ANSWER_BYTES} bytes`,
          { operation, status: response.status },
        );
      }
      text += decoder.decode(chunk.value, { stream: true });
      chunk = await race(reader?.read(), signal);
    }
  } catch (error) {
    reader?.cancel().catch(() => undefined);
    throw error;
  }
  return text + decoder.decode();
};

/**
 * @internal Checks the options shared by every entry point (`fetch`, `retry`, `sleep`, `random`;
 * throws `TypeError`) and returns the calls to the Cognito-identity `endpoint`, signed by `sign`
 * when given.
 */
export function createTransport(
  check: OptionCheck,
  options: {
    fetch?: typeof fetch | undefined;
    retry?: RetryOptions | undefined;
    sleep?: ((ms: number) => Promise<void>) | undefined;
    random?: (() => number) | undefined;
    attemptTimeoutMs?: number | undefined;
  },
  endpoint: string,
  sign?: Sign,
): Transport {
  const {
    fetch: fetchOption,
    retry = {},
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    random = Math.random,
    attemptTimeoutMs = 5000,
  } = options;
  checkFunctions(check, { sleep, random }, { fetch: fetchOption });
  const { maxAttempts = 4, baseDelayMs = 100, maxDelayMs = 5000 } = retry;
  check(Number.isInteger(maxAttempts) && maxAttempts >= 1, "retry.maxAttempts", "an integer >= 1");
  check(isDelay(baseDelayMs) && isDelay(maxDelayMs), "retry delays", "finite numbers >= 0");
  check(isTimeout(attemptTimeoutMs), "attemptTimeoutMs", "a finite number > 0");

  const send: Transport["send"] = async (operation, url, headers, body, read, signal) => {
    for (let attempt = 1; ; attempt++) {
      // The attempt's deadline; the caller's signal (its deadline, its abort) aborts it too.
      const [attemptSignal, release] = deadline(
        attemptTimeoutMs,
        operation,
        "attemptTimeoutMs",
        operation,
        signal,
      );
      try {
        // Signed again on each attempt: the signature carries the time.
        const init = {
          method: "POST",
          headers: sign ? await race(sign(url, headers, body), attemptSignal) : headers,
          body,
          signal: attemptSignal,
        };
        let response: Response;
        let text: string;
        try {
          // Looked up at each call, and called as a plain function (a `this` of ours would make
          // the browser's fetch throw "Illegal invocation"). Raced as well: a `fetch` option that
          // ignores the signal is bounded all the same.
          response = await race((fetchOption ?? fetch)(url, init), attemptSignal);
          text = await readText(response, operation, attemptSignal);
        } catch (cause) {
          if (attemptSignal.aborted) throw abortReason(attemptSignal);
          if (cause instanceof IdentityPoolError) throw cause;
          throw new IdentityPoolError(
            "network_error",
            `${operation} failed: the request did not complete`,
            {
              retryable: true,
              operation,
              cause,
            },
          );
        } finally {
          release();
        }
        const { ok, status } = response;
        const [value, type, message] = read(text, response.headers);
        if (ok && value !== undefined) return value;
        if (ok) field(operation, value, "JSON object");
        const code = typeof type === "string" ? type : "invalid_response";
        // Whether to retry, the redacted service message and the fix-it hint: a separate chunk,
        // loaded on the first error. A chunk that fails to load (offline, a redeploy renamed it)
        // costs the error its message and hint, never the error; it is then retried (bounded), as
        // the failed load says the network is unwell.
        const [description, more] = await import("./describe-service-error.js").then(
          (chunk) => chunk.describeServiceError(operation, status, code, message),
          (): [string, IdentityPoolErrorOptions] => [
            `${operation} failed: ${code} (HTTP ${status})`,
            { status, retryable: true, operation },
          ],
        );
        throw new IdentityPoolError(code, description, more);
      } catch (error) {
        release();
        if (
          !(error instanceof IdentityPoolError) ||
          !error.retryable ||
          attempt >= maxAttempts ||
          signal?.aborted
        ) {
          throw error;
        }
        await race(
          sleep(Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)))),
          signal,
        );
      }
    }
  };

  return {
    send,
    field,
    call: (operation, input, signal) =>
      send(
        operation,
        endpoint,
        {
          "content-type": "application/x-amz-json-1.1",
          "x-amz-target": `AWSCognitoIdentityService.${operation}`,
        },
        // JSON.stringify leaves out members whose value is undefined (optional parameters).
        JSON.stringify(input),
        (text, headers) => {
          const answer = jsonObject(text);
          return [
            answer,
            errorType(headers.get("x-amzn-errortype"), answer?.__type),
            answer?.message ?? answer?.Message,
          ];
        },
        signal,
      ),
  };
}
