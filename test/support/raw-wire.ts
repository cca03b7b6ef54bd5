// Raw-wire HTTP clients for the robustness tests of every loopback server (the servers of
// @gatehouse/testing, the gateway of @gatehouse/local-gateway): bytes over a `node:net` socket,
// and one `node:http` request that never rejects. Shared test support, not part of any package.
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { connect } from "node:net";

/** What came back on a raw socket, with the first status line parsed. */
export interface WireAnswer {
  raw: Buffer;
  /** `undefined` when the server wrote no status line. */
  status: number | undefined;
  /** The first bytes are an `HTTP/1.x NNN ...` status line followed by headers. */
  wellFormed: boolean;
  /** The server closed (or reset) the connection; false when the client gave up at the deadline. */
  closed: boolean;
}

const STATUS_LINE = /^HTTP\/1\.[01] (\d{3}) [^\r\n]*\r\n/;

/**
 * Writes `bytes` on a fresh connection and collects the answer until the server closes.
 * `halfClose` (default true) ends the client's side after writing, so a server waiting for more
 * input sees the end; false keeps it open, to see whether the server answers without waiting.
 * Resolves, never rejects.
 */
export function exchangeRaw(
  port: number,
  bytes: string | Buffer,
  options: { halfClose?: boolean; deadlineMs?: number } = {},
): Promise<WireAnswer> {
  const { halfClose = true, deadlineMs = 5_000 } = options;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = connect({ port, host: "127.0.0.1" });
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const raw = Buffer.concat(chunks);
      const text = raw.subarray(0, 4096).toString("latin1");
      const match = STATUS_LINE.exec(text);
      resolve({
        raw,
        closed,
        status: match === null ? undefined : Number(match[1]),
        wellFormed: match !== null && text.includes("\r\n\r\n"),
      });
    };
    const timer = setTimeout(() => finish(false), deadlineMs);
    socket.on("connect", () => {
      if (halfClose) socket.end(bytes);
      else socket.write(bytes);
    });
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", () => finish(true));
    socket.on("close", () => finish(true));
  });
}

/** A response as a `node:http` client saw it, or the client error's code. */
export type HttpAnswer =
  | { status: number; headers: IncomingHttpHeaders; body: string }
  | { error: string };

/**
 * One request over a fresh connection (header names as written); never rejects. `stream` writes
 * `chunk` `times` times (a chunked upload) and calls `onWrite` after each write.
 */
export function sendHttp(
  url: string,
  init: {
    method?: string;
    headers?: Record<string, string | string[]>;
    body?: string | Buffer;
    stream?: { chunk: Buffer; times: number; onWrite?: () => void };
  } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (answer: HttpAnswer) => {
      if (settled) return;
      settled = true;
      resolve(answer);
    };
    const req = httpRequest(
      url,
      { method: init.method ?? "GET", headers: init.headers, agent: false, timeout: 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          settle({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", (error) => settle({ error: error.message }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("no answer in 10 s")));
    // An early 413 arrives while the body is still being written: the write then fails with
    // EPIPE or ECONNRESET after the response was read, which is not the result.
    req.on("error", (error: NodeJS.ErrnoException) =>
      settle({ error: error.code ?? error.message }),
    );
    const { stream } = init;
    if (stream === undefined) {
      req.end(init.body);
      return;
    }
    let written = 0;
    const pump = () => {
      while (written < stream.times && !req.destroyed) {
        written += 1;
        const more = req.write(stream.chunk);
        stream.onWrite?.();
        if (!more) {
          req.once("drain", pump);
          return;
        }
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

/** The port of a `http://127.0.0.1:{port}...` URL. */
export function portOf(url: string): number {
  return Number(new URL(url).port);
}
