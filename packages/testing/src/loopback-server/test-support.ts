/**
 * Raw-wire clients shared by the loopback servers' robustness tests (not exported from the
 * package): bytes over a `node:net` socket, and one `node:http` request that never rejects.
 * @internal
 */
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { connect } from "node:net";

/** What came back on a raw socket: the bytes, and the status line parsed when there was one. */
export interface WireAnswer {
  /** Everything the server wrote before it closed (or before `deadlineMs`). */
  raw: Buffer;
  /** The status code of the first status line, `undefined` when the server wrote nothing. */
  status: number | undefined;
  /** True when the first bytes form an `HTTP/1.1 NNN ...` status line followed by headers. */
  wellFormed: boolean;
  /** True when the server closed the connection, false when the client gave up at the deadline. */
  closed: boolean;
}

const STATUS_LINE = /^HTTP\/1\.[01] (\d{3}) [^\r\n]*\r\n/;

/** Parses the first status line of `raw`. */
export function parseStatusLine(raw: Buffer): Pick<WireAnswer, "status" | "wellFormed"> {
  const text = raw.subarray(0, 4096).toString("latin1");
  const match = STATUS_LINE.exec(text);
  if (match === null) return { status: undefined, wellFormed: false };
  return { status: Number(match[1]), wellFormed: text.includes("\r\n\r\n") };
}

/**
 * Writes `bytes` on a fresh connection to 127.0.0.1:`port`, half-closes it (so a server waiting
 * for more input sees the end), and collects the answer until the server closes. Resolves, never
 * rejects: a reset or the deadline end the answer with whatever arrived.
 */
export function exchangeRaw(
  port: number,
  bytes: string | Buffer,
  deadlineMs = 5_000,
): Promise<WireAnswer> {
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
      resolve({ raw, closed, ...parseStatusLine(raw) });
    };
    const timer = setTimeout(() => finish(false), deadlineMs);
    socket.on("connect", () => {
      socket.end(bytes);
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

/** One request over a fresh connection (header names as written); resolves, never rejects. */
export function sendHttp(
  url: string,
  init: {
    method?: string;
    headers?: Record<string, string | string[]>;
    body?: string | Buffer;
    /** Writes `chunk` `times` times (a chunked upload), calling `onWrite` after each write. */
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
    // An early answer (413) may arrive while the body is still being written: the write then
    // fails with EPIPE or ECONNRESET after the response was read, which is not the result.
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
