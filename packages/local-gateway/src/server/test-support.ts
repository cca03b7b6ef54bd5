/**
 * Loopback clients shared by this package's end-to-end tests (not exported from the package):
 * `node:http` keeps header names in the case the test writes them, which `fetch` does not, and
 * speaks the WebSocket opening handshake; raw sockets send what no HTTP client would.
 * @internal
 */
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { connect } from "node:net";
import type { CognitoIdentityServer } from "@gatehouse/testing";
import type { IamCredentialResolver } from "../config/gateway-config.js";

/** A response as the client saw it; `status` 101 means the WebSocket handshake was accepted. */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function send(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url.replace(/^ws:/, "http:"), { headers });
    request.on("upgrade", (response, socket) => {
      socket.destroy();
      resolve({ status: response.statusCode ?? 0, headers: response.headers, body: "" });
    });
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    request.on("error", reject);
    request.end();
  });
}

/** @internal A `GET` with exactly these headers (names in the given case). */
export function getRaw(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return send(url, headers);
}

/** @internal A WebSocket opening handshake to a `ws://` (or `http://`) URL. */
export function connectWebSocket(
  url: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return send(url, {
    Connection: "Upgrade",
    Upgrade: "websocket",
    "Sec-WebSocket-Version": "13",
    "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
    ...headers,
  });
}

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
 * @internal Writes `bytes` on a fresh connection and collects the answer until the server closes.
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

/** @internal A response as `node:http` saw it, or the client error's code. */
export type HttpAnswer =
  | { status: number; headers: IncomingHttpHeaders; body: string }
  | { error: string };

/**
 * @internal One request over a fresh connection; never rejects. `stream` writes `chunk` `times`
 * times (a chunked upload) and calls `onWrite` after each write.
 */
export function sendHttp(
  url: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
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

/**
 * @internal The gateway's IAM callers from the loopback identity pool: each access key the server
 * issued, with its role session, the role's permission policies, the session policy and the
 * identity; `undefined` (refused) for a key it never issued or one past its expiration on `now`.
 */
export function identityPoolCallers(
  server: CognitoIdentityServer,
  now: () => number,
): IamCredentialResolver {
  return (accessKeyId) => {
    const issued = server.credentialsFor(accessKeyId);
    if (issued === undefined || issued.expiration.getTime() <= now()) return undefined;
    return {
      accessKeyId: issued.accessKeyId,
      secretAccessKey: issued.secretAccessKey,
      sessionToken: issued.sessionToken,
      principalArn: issued.assumedRoleArn,
      callerId: issued.assumedRoleId,
      policy: issued.permissionPolicies,
      sessionPolicy: issued.sessionPolicy ?? null,
      cognito: {
        identityPoolId: issued.identityPoolId,
        identityId: issued.identityId,
        authenticationType: issued.authenticationType,
        authenticationProvider: issued.authenticationProvider,
        principalTags: issued.principalTags,
      },
    };
  };
}
