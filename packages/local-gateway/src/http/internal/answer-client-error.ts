/**
 * The gateway's answer to what Node's HTTP parser refuses before a request exists.
 * @internal
 * @packageDocumentation
 */
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";

/** Milliseconds a socket may stay half-open after the answer, for a client that never closes. */
const LINGER_MS = 5_000;

function ignore(): void {}

/**
 * @internal Answers a `clientError` (malformed request line or headers, a method Node does not
 * know, a bad chunk): 431 for headers over Node's limit, 408 for a request that took too long,
 * 400 otherwise, with API Gateway's `{"message": ...}` body, then closes. A socket that is
 * already answering, or gone, is destroyed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === "ECONNRESET" || !socket.writable || inFlight?.headersSent === true) {
    socket.destroy();
    return;
  }
  const status =
    error.code === "HPE_HEADER_OVERFLOW"
      ? 431
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? 408
        : error.code === "HPE_CHUNK_EXTENSIONS_OVERFLOW"
          ? 413
          : 400;
  const reason = STATUS_CODES[status] ?? "Bad Request";
  const body = JSON.stringify({ message: reason });
  socket.on("error", ignore);
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
