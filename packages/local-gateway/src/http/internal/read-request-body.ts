/**
 * Reads a request body within the gateway's payload limit, without ever buffering more.
 * @internal
 * @packageDocumentation
 */
import type { IncomingMessage } from "node:http";

/** @internal The body, or why there is none: over the limit, or the client went away mid-body. */
export type RequestBody =
  | { kind: "body"; body: Buffer }
  | { kind: "too-large" }
  | { kind: "aborted" };

/**
 * @internal Reads at most `limit` bytes. A declared `Content-Length` over the limit is refused
 * before a byte is read; a chunked body that grows over it stops being read at once (the caller
 * answers 413 with `Connection: close`, so the rest is never read). Resolves, never rejects.
 */
export function readRequestBody(request: IncomingMessage, limit: number): Promise<RequestBody> {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ kind: "too-large" });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: RequestBody) => {
      if (settled) return;
      settled = true;
      request.off("data", onData);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        request.pause();
        settle({ kind: "too-large" });
        return;
      }
      chunks.push(chunk);
    };
    request.on("data", onData);
    request.on("end", () => settle({ kind: "body", body: Buffer.concat(chunks) }));
    request.on("error", () => settle({ kind: "aborted" }));
    request.on("close", () => settle({ kind: "aborted" }));
  });
}
