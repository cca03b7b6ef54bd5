import { IdentityPoolError } from "../errors.js";
import type { RetryOptions } from "../retry-options.js";
import { errorType } from "./error-type.js";
import { redact } from "./redact.js";

/** @internal What every call needs: fetch, retry policy, sleep and jitter source. */
export interface Transport {
  fetch: typeof fetch | undefined;
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

/** @internal Signs a Cognito request (the developer helper); returns the headers to send. */
export type Sign = (
  url: string,
  headers: Record<string, string>,
  body: string,
) => Promise<Record<string, string>>;

/** Throttling and transient failures (STS and Cognito names); 5xx answers are retried too. */
const RETRYABLE =
  /^(NetworkError|TooManyRequestsException|Throttling(Exception)?|RequestLimitExceeded|Internal(ErrorException|Failure)|ServiceUnavailable|ExternalServiceException|IDPCommunicationError)$/;

/** @internal Throws `TypeError(\`${where}: options.${name} must be ${what}\`)` unless `ok`. */
export function expectOption(ok: boolean, where: string, name: string, what: string): void {
  if (!ok) throw new TypeError(`${where}: options.${name} must be ${what}`);
}

const isNumber = (value: unknown, min: number): boolean =>
  typeof value === "number" && value >= min && Number.isFinite(value);

/** @internal Checks the options shared by every entry point; throws `TypeError`. */
export function createTransport(
  where: string,
  options: {
    fetch?: typeof fetch | undefined;
    retry?: RetryOptions | undefined;
    sleep?: ((ms: number) => Promise<void>) | undefined;
    random?: (() => number) | undefined;
  },
): Transport {
  const { fetch: fetchOption, retry = {}, sleep, random = Math.random } = options;
  for (const [name, value] of Object.entries({ fetch: fetchOption, sleep, random })) {
    expectOption(value === undefined || typeof value === "function", where, name, "a function");
  }
  const { maxAttempts = 4, baseDelayMs = 100, maxDelayMs = 5000 } = retry;
  expectOption(
    Number.isInteger(maxAttempts) && maxAttempts >= 1,
    where,
    "retry.maxAttempts",
    "an integer >= 1",
  );
  expectOption(
    isNumber(baseDelayMs, 0) && isNumber(maxDelayMs, 0),
    where,
    "retry delays",
    "finite numbers >= 0",
  );
  return {
    fetch: fetchOption,
    maxAttempts,
    baseDelayMs,
    maxDelayMs,
    sleep: sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random,
  };
}

/**
 * @internal The service's error answer as an {@link IdentityPoolError}, with a hint when known.
 * The hints (long fix-it strings, only needed on errors) are a separate chunk, loaded here.
 */
export async function serviceError(
  operation: string,
  status: number,
  type: string | undefined,
  message: unknown,
): Promise<IdentityPoolError> {
  const code = type ?? "InvalidResponseError";
  const text = typeof message === "string" ? redact(message) : "";
  // A chunk that fails to load (offline, a redeploy renamed it) costs the hint, not the error.
  const hint = await import("./hints.js").then(
    (hints) => hints.hintFor(code, text),
    () => undefined,
  );
  return new IdentityPoolError(
    code,
    `${operation} failed: ${code}${text ? `: ${text}` : ` (HTTP ${status})`}`,
    {
      status,
      retryable: status >= 500 || RETRYABLE.test(code),
      hint,
      operation,
    },
  );
}

/**
 * @internal POSTs `body` and returns the answer's status, headers and text, retrying throttling,
 * 5xx and network failures with exponential backoff and full jitter. `check` turns an answer into
 * a value or throws an {@link IdentityPoolError}.
 */
export async function send<T>(
  transport: Transport,
  operation: string,
  url: string,
  headers: Record<string, string>,
  body: string,
  check: (status: number, headers: Headers, text: string) => T | Promise<T>,
  sign?: Sign,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      let response: Response;
      let text: string;
      // Signed again on each attempt: the signature carries the time.
      const init = {
        method: "POST",
        headers: sign ? await sign(url, headers, body) : headers,
        body,
      };
      try {
        response = await (transport.fetch ? transport.fetch(url, init) : fetch(url, init));
        text = await response.text();
      } catch (error) {
        throw new IdentityPoolError(
          "NetworkError",
          `${operation} failed: the request did not complete`,
          {
            retryable: true,
            operation,
            cause: error,
          },
        );
      }
      return await check(response.status, response.headers, text);
    } catch (error) {
      if (
        !(error instanceof IdentityPoolError) ||
        !error.retryable ||
        attempt >= transport.maxAttempts
      ) {
        throw error;
      }
      const ceiling = Math.min(transport.maxDelayMs, transport.baseDelayMs * 2 ** (attempt - 1));
      await transport.sleep(Math.floor(transport.random() * ceiling));
    }
  }
}

/**
 * @internal One Cognito-identity JSON 1.1 call (`X-Amz-Target: AWSCognitoIdentityService.{op}`);
 * resolves to the answer's JSON object.
 */
export function callCognito(
  transport: Transport,
  endpoint: string,
  operation: string,
  input: Record<string, unknown>,
  sign?: Sign,
): Promise<CognitoAnswer> {
  return send(
    transport,
    operation,
    endpoint,
    {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `AWSCognitoIdentityService.${operation}`,
    },
    JSON.stringify(input),
    async (status, headers, text) => {
      let json: CognitoAnswer | undefined;
      try {
        const parsed: unknown = JSON.parse(text || "{}");
        if (typeof parsed === "object" && parsed !== null) json = parsed;
      } catch {}
      if (status < 200 || status > 299) {
        throw await serviceError(
          operation,
          status,
          errorType(headers.get("x-amzn-errortype"), json?.__type),
          json?.message ?? json?.Message,
        );
      }
      if (json === undefined) throw invalidResponse(operation, "not a JSON object");
      return json;
    },
    sign,
  );
}

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

/** @internal A successful answer that lacks what it should carry. */
export function invalidResponse(operation: string, what: string): IdentityPoolError {
  return new IdentityPoolError(
    "InvalidResponseError",
    `${operation}: unexpected answer (${what})`,
    {
      operation,
    },
  );
}

/** @internal `value` if it is a non-empty string, else throws {@link invalidResponse}. */
export function field(operation: string, value: unknown, name: string): string {
  if (typeof value !== "string" || value === "") throw invalidResponse(operation, `no ${name}`);
  return value;
}
