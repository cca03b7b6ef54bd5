import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { resolveVerifierOptions } from "./internal/resolve-verifier-options.js";
import type { SigV4VerifierOptions } from "./sigv4-verifier-options.js";
import { verifySigV4 } from "./verify-sigv4.js";

/** A running verifier: its base URL, counters and `close()`. */
export interface SigV4VerifierServer {
  /** Base URL, `http://127.0.0.1:{port}` (no trailing slash). Any path is accepted. */
  readonly url: string;
  /** Requests verified so far (CORS preflights not counted). */
  readonly requests: number;
  /** Requests answered 200. */
  readonly accepted: number;
  /** Requests answered 403. */
  readonly rejected: number;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/** Options of {@link startSigV4Verifier}. */
export interface SigV4VerifierServerOptions extends SigV4VerifierOptions {
  /**
   * Port on 127.0.0.1.
   * @default 0 (a free port)
   */
  port?: number | undefined;
}

const ALLOWED_HEADERS =
  "authorization, content-type, x-amz-content-sha256, x-amz-date, x-amz-security-token";

function cors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader("Access-Control-Allow-Origin", req.headers.origin ?? "*");
  res.setHeader("Vary", "Origin");
  // Date lets a browser client learn its clock offset; it is not a CORS-safelisted response header.
  res.setHeader("Access-Control-Expose-Headers", "Date, x-amzn-ErrorType, x-amzn-RequestId");
}

function readBody(req: IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.on("error", reject);
  });
}

/**
 * Starts a loopback HTTP server that plays API Gateway's IAM authorization: every request is
 * checked with {@link verifySigV4} and answered `200 {"ok":true,"accessKeyId":...,"presigned":...}`
 * or `403 {"message":...}` with API Gateway's `x-amzn-ErrorType`. The `Date` header comes from
 * `options.now`, and CORS is open so a browser page on another loopback port can call it.
 *
 * @param options - the verifier options, plus an optional port.
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
  const settings = resolveVerifierOptions(options, "startSigV4Verifier");
  const { port = 0, ...verifierOptions } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new TypeError("startSigV4Verifier: options.port must be an integer from 0 to 65535");
  }
  let requests = 0;
  let accepted = 0;
  let rejected = 0;

  const server = createServer((req, res) => {
    res.setHeader("Date", settings.now().toUTCString());
    res.setHeader("x-amzn-RequestId", randomUUID());
    cors(req, res);
    if (req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined) {
      res.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
      res.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      res.setHeader("Access-Control-Max-Age", "600");
      res.writeHead(204).end();
      return;
    }
    requests += 1;
    readBody(req)
      .then((body) => {
        const target = req.url ?? "/";
        const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(target)
          ? target
          : `http://${req.headers.host ?? "127.0.0.1"}${target}`;
        return verifySigV4(
          { method: req.method ?? "GET", url, headers: req.headersDistinct, body },
          verifierOptions,
        );
      })
      .then((verdict) => {
        if (verdict.ok) {
          accepted += 1;
          const json = { ok: true, accessKeyId: verdict.accessKeyId, presigned: verdict.presigned };
          res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(json));
        } else {
          rejected += 1;
          res
            .writeHead(verdict.status, {
              "Content-Type": "application/json",
              "x-amzn-ErrorType": verdict.errorType,
            })
            .end(JSON.stringify({ message: verdict.message }));
        }
      })
      .catch(() => {
        rejected += 1;
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ message: "Internal server error" }));
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${address.port}`,
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
