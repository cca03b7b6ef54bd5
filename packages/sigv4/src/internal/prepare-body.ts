import { SigV4Error } from "../errors.js";
import type { SignableBody } from "../sign-request.js";

/** @internal */
export interface PreparedBody {
  /**
   * The bytes fetch would send, or `undefined` for no body / a stream. Text stays a string: the
   * hash encodes it as UTF-8 (lone surrogates as U+FFFD), exactly as fetch does, without an
   * intermediate `Uint8Array`.
   */
  bytes: Uint8Array | string | undefined;
  /** The content type fetch would add when the request has none. */
  contentType: string | undefined;
}

/**
 * Turns a body into the exact bytes `fetch` sends, so the hash matches the wire. A stream is only
 * accepted with a caller-supplied payload hash.
 * @internal
 */
export function prepareBody(body: SignableBody, hasPayloadHash: boolean): PreparedBody {
  if (body === undefined || body === null) return { bytes: undefined, contentType: undefined };
  if (typeof body === "string") {
    return { bytes: body, contentType: undefined };
  }
  if (body instanceof URLSearchParams) {
    return {
      bytes: body.toString(),
      contentType: "application/x-www-form-urlencoded;charset=UTF-8",
    };
  }
  if (ArrayBuffer.isView(body)) {
    return {
      bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
      contentType: undefined,
    };
  }
  if (
    body instanceof ArrayBuffer ||
    Object.prototype.toString.call(body) === "[object ArrayBuffer]"
  ) {
    return { bytes: new Uint8Array(body as ArrayBuffer), contentType: undefined };
  }
  const isStream =
    typeof (body as { getReader?: unknown }).getReader === "function" &&
    typeof (body as { tee?: unknown }).tee === "function";
  if (isStream && hasPayloadHash) return { bytes: undefined, contentType: undefined };
  throw new SigV4Error(
    "unsupported_body",
    isStream
      ? "A ReadableStream body cannot be hashed up front: pass options.payloadHash (hex SHA-256 or UNSIGNED-PAYLOAD)."
      : "Unsupported body type: use a string, Uint8Array, ArrayBuffer, URLSearchParams or a ReadableStream with payloadHash.",
    { path: "request.body" },
  );
}
