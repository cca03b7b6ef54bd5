import type { Jwks } from "aws-jwt-verify/jwk";
import { authorizerError, isAuthorizerError } from "../../errors.js";
import { parseJwks } from "./parse-jwks.js";

/** @internal */
export interface FetchJwksOptions {
  timeoutMs: number;
  maxResponseBytes: number;
  fetch: typeof globalThis.fetch;
}

/**
 * @internal One GET of a JWKS: no redirects, a timeout covering headers and body, and the body
 * read incrementally so an oversized response is cut off at `maxResponseBytes`.
 */
export async function fetchJwks(url: string, options: FetchJwksOptions): Promise<Jwks> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  timer.unref?.();
  try {
    let response: Response;
    try {
      response = await options.fetch(url, {
        method: "GET",
        headers: { accept: "application/json" },
        redirect: "error",
        signal: controller.signal,
      });
    } catch (error) {
      throw unavailable(controller.signal.aborted ? "JWKS fetch timed out" : "JWKS fetch failed", {
        cause: error,
      });
    }
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      throw unavailable("JWKS endpoint did not answer 200", { actual: response.status });
    }
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > options.maxResponseBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw unavailable("JWKS response is larger than maxResponseBytes", { actual: declared });
    }
    const text = await readCapped(response, options.maxResponseBytes, controller.signal);
    return parseJwks(text);
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(response: Response, max: number, signal: AbortSignal): Promise<string> {
  const body = response.body;
  if (body === null) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > max) {
        await reader.cancel().catch(() => undefined);
        throw unavailable("JWKS response is larger than maxResponseBytes", { expected: max });
      }
      chunks.push(value);
    }
  } catch (error) {
    if (isAuthorizerError(error)) throw error;
    throw unavailable(signal.aborted ? "JWKS fetch timed out" : "JWKS response failed", {
      cause: error,
    });
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch (error) {
    throw authorizerError("jwks_invalid", "JWKS is not UTF-8", { cause: error });
  }
}

function unavailable(
  message: string,
  options: { actual?: unknown; expected?: unknown; cause?: unknown },
) {
  return authorizerError("jwks_unavailable", message, options);
}
