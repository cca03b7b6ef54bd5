import type { IncomingMessage } from "node:http";

/** The body, or why there is none: over the limit, or the client went away mid-body. @internal */
export type BodyResult =
  | { kind: "body"; body: Buffer }
  | { kind: "too-large" }
  | { kind: "aborted" };

/**
 * Reads a request body of at most `limit` bytes. A declared `Content-Length` over the limit is
 * refused before a byte is read; a body that grows over it stops being read at once (the caller
 * answers 413 with `Connection: close`, so the rest is never read or buffered). Resolves, never
 * rejects: a client that aborts or resets mid-body gives `aborted`.
 * @internal
 */
export function readBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ kind: "too-large" });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult) => {
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
