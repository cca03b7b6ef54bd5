import type { Jwks } from "aws-jwt-verify/jwk";
import { type AuthorizerError, authorizerError, isAuthorizerError } from "../../errors.js";
import { parseJwks } from "./parse-jwks.js";

/** @internal */
export interface FetchJwksOptions {
  timeoutMs: number;
  maxResponseBytes: number;
  fetch: typeof globalThis.fetch;
}

/**
 * @internal One GET of a JWKS: no redirects, one deadline covering the connection, the headers
 * and the whole body (a trickling body times out like a silent server: `jwks_timeout`), and the
 * body read chunk by chunk so that an oversized response is cut off at `maxResponseBytes`
 * (`jwks_too_large`). Every wait is raced against the deadline, so a `fetch` option that ignores
 * its signal is bounded all the same.
 */
export async function fetchJwks(url: string, options: FetchJwksOptions): Promise<Jwks> {
  const controller = new AbortController();
  const timeout = authorizerError(
    "jwks_timeout",
    `JWKS endpoint did not answer in full within ${options.timeoutMs} ms (timeoutMs)`,
    { expected: options.timeoutMs },
  );
  const timer = setTimeout(() => controller.abort(timeout), options.timeoutMs);
  timer.unref?.();
  const signal = controller.signal;
  try {
    let response: Response;
    try {
      response = await raceAbort(
        options.fetch(url, {
          method: "GET",
          headers: { accept: "application/json" },
          redirect: "error",
          signal,
        }),
        signal,
      );
    } catch (error) {
      if (signal.aborted) throw timeout;
      throw unavailable("JWKS fetch failed", { cause: error });
    }
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      throw unavailable("JWKS endpoint did not answer 200", { actual: response.status });
    }
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > options.maxResponseBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge(options.maxResponseBytes, declared);
    }
    const text = await readCapped(response, options.maxResponseBytes, signal, timeout);
    return parseJwks(text);
  } finally {
    clearTimeout(timer);
  }
}

/** Settles as `promise`, or rejects with the signal's reason once it aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) abort();
    signal.addEventListener("abort", abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}

async function readCapped(
  response: Response,
  max: number,
  signal: AbortSignal,
  timeout: AuthorizerError,
): Promise<string> {
  const body = response.body;
  if (body === null) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await raceAbort(reader.read(), signal);
      if (done) break;
      total += value.byteLength;
      if (total > max) throw tooLarge(max);
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    if (signal.aborted) throw timeout;
    if (isAuthorizerError(error)) throw error;
    throw unavailable("JWKS response failed", { cause: error });
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch (error) {
    throw authorizerError("jwks_invalid", "JWKS is not UTF-8", { cause: error });
  }
}

function tooLarge(max: number, actual?: number): AuthorizerError {
  return authorizerError(
    "jwks_too_large",
    `JWKS response is larger than maxResponseBytes (${max})`,
    { expected: max, actual },
  );
}

function unavailable(
  message: string,
  options: { actual?: unknown; expected?: unknown; cause?: unknown },
) {
  return authorizerError("jwks_unavailable", message, options);
}
