import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { type SigV4VerifierOptions, verifySigV4 } from "@gatehouse/sigv4";
import {
  createLoopbackServer,
  listenOnLoopback,
} from "../loopback-server/internal/create-loopback-server.js";
import { applyCors } from "../loopback-server/internal/origin-policy.js";
import { readBody } from "../loopback-server/internal/read-body.js";
import { receivedUrl } from "../loopback-server/internal/request-target.js";
import { resolveLoopbackOptions } from "../loopback-server/internal/resolve-loopback-options.js";
import type { LoopbackServerOptions } from "../loopback-server/loopback-server-options.js";

/** A running verifier: its base URL, counters and `close()`. */
export interface SigV4VerifierServer {
  /** Base URL, `http://127.0.0.1:{port}` (no trailing slash). Any path is accepted. */
  readonly url: string;
  /** Requests verified so far (CORS preflights not counted). */
  readonly requests: number;
  /** Requests answered 200. */
  readonly accepted: number;
  /** Requests refused: 403, 413 for a body over `maxBodyBytes`, 500, or aborted mid-body. */
  readonly rejected: number;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/**
 * Options of {@link startSigV4Verifier}: the verifier's, plus `port`, `maxBodyBytes` (default
 * 1 MiB, larger: 413 `{"message":"Request Too Long"}`) and `allowedOrigins` (CORS, default loopback
 * pages only) from {@link LoopbackServerOptions}.
 */
export interface SigV4VerifierServerOptions extends SigV4VerifierOptions, LoopbackServerOptions {}

const ALLOWED_HEADERS =
  "authorization, content-type, x-amz-content-sha256, x-amz-date, x-amz-security-token";

const EXPOSED_HEADERS = "Date, x-amzn-ErrorType, x-amzn-RequestId";

/** An unsigned request: verifying it checks the options and nothing else. */
const PROBE = { method: "GET", url: "http://127.0.0.1/", headers: {}, body: new Uint8Array() };

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res
    .writeHead(status, {
      "Content-Type": "application/json",
      "Content-Length": String(Buffer.byteLength(text)),
      ...headers,
    })
    .end(text);
}

/**
 * Starts a loopback HTTP server that plays API Gateway's IAM authorization: every request is
 * checked with `@gatehouse/sigv4`'s `verifySigV4` and answered `200 {"ok":true,"accessKeyId":...,"presigned":...}`
 * or `403 {"message":...}` with API Gateway's `x-amzn-ErrorType`. The `Date` header comes from
 * `options.now`. CORS headers go to the `allowedOrigins` only (by default pages served from
 * loopback, so a browser page on another loopback port can call it); bodies over `maxBodyBytes`
 * (1 MiB) are answered 413 without being read; a malformed request gets an HTTP error, never a
 * crash.
 *
 * @param options - the verifier options, plus `port`, `maxBodyBytes` and `allowedOrigins`.
 * @returns the running server; `close()` it in `afterAll`.
 * @throws TypeError when the options are malformed.
 * @example
 * ```ts
 * const verifier = await startSigV4Verifier({
 *   credentials: [{ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }],
 *   region: "eu-west-1",
 * });
 * const signed = await signRequest(
 *   { method: "GET", url: `${verifier.url}/pets` },
 *   { credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }, region: "eu-west-1" },
 * );
 * const response = await fetch(signed.url, { headers: signed.headers }); // 200
 * await verifier.close();
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/permissions.html
 */
export async function startSigV4Verifier(
  options: SigV4VerifierServerOptions,
): Promise<SigV4VerifierServer> {
  const loopback = resolveLoopbackOptions(options, "startSigV4Verifier");
  const { port: _port, maxBodyBytes: _max, allowedOrigins: _origins, ...verifierOptions } = options;
  // Misuse is a TypeError now, not on the first request: verifySigV4 checks its options first.
  await verifySigV4(PROBE, verifierOptions);
  const now = verifierOptions.now ?? (() => new Date());
  let requests = 0;
  let accepted = 0;
  let rejected = 0;

  // Requests counted in `requests`, so a failure is counted in `rejected` for those only.
  const counted = new WeakSet<IncomingMessage>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const preflight =
      req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
    if (!preflight) {
      requests += 1;
      counted.add(req);
    }
    res.setHeader("Date", now().toUTCString());
    res.setHeader("x-amzn-RequestId", randomUUID());
    // Date lets a browser client learn its clock offset; it is not a CORS-safelisted response header.
    const corsAllowed = applyCors(
      req.headers.origin,
      loopback.allowsOrigin,
      (name, value) => res.setHeader(name, value),
      EXPOSED_HEADERS,
    );
    if (preflight) {
      if (corsAllowed) {
        res.setHeader(
          "Access-Control-Allow-Methods",
          "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
        );
        res.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        res.setHeader("Access-Control-Max-Age", "600");
      }
      res.writeHead(204).end();
      return;
    }
    const read = await readBody(req, loopback.maxBodyBytes);
    if (read.kind !== "body") {
      rejected += 1;
      // API Gateway's REQUEST_TOO_LARGE gateway response; an aborted request gets no answer.
      if (read.kind === "too-large") sendJson(res, 413, { message: "Request Too Long" });
      return;
    }
    const verdict = await verifySigV4(
      {
        method: req.method ?? "GET",
        url: receivedUrl(req),
        headers: req.headersDistinct,
        body: new Uint8Array(read.body),
      },
      verifierOptions,
    );
    if (verdict.ok) {
      accepted += 1;
      sendJson(res, 200, {
        ok: true,
        accessKeyId: verdict.accessKeyId,
        presigned: verdict.presigned,
      });
    } else {
      rejected += 1;
      sendJson(
        res,
        verdict.status,
        { message: verdict.message },
        {
          "x-amzn-ErrorType": verdict.errorType,
        },
      );
    }
  }

  const server = createLoopbackServer({
    handle,
    fail(req, res) {
      if (counted.has(req)) rejected += 1;
      sendJson(res, 500, { message: "Internal server error" });
    },
  });
  const port = await listenOnLoopback(server, loopback.port);

  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    get accepted() {
      return accepted;
    },
    get rejected() {
      return rejected;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
