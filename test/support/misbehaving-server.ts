// A plain `node:http` server on 127.0.0.1 that misbehaves on purpose, for the deadline, size-cap
// and abort tests of every client that calls out (JWKS fetches in @gatehouse/authorizer, the
// Cognito-identity and STS calls of @gatehouse/identity-pool): one that accepts a request and
// never answers, one that trickles its body, one whose body never ends, or answers the test writes.
// Shared test support (not part of any package): import it by relative path from a test.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as the server received it, body read to the end. */
export interface ReceivedRequest {
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Answers one request (or, on purpose, does not). */
export type MisbehavingHandler = (request: ReceivedRequest, response: ServerResponse) => void;

export interface MisbehavingServer {
  /** `http://127.0.0.1:{port}/`. */
  readonly url: string;
  /** Every request received so far, in order (a live array). */
  readonly requests: ReceivedRequest[];
  /** Bytes of response body written so far, all requests together. */
  written(): number;
  /** Resolves when the next request has arrived (before it is answered). */
  nextRequest(): Promise<void>;
  /** Cuts the open connections (hung and endless answers keep theirs) and stops listening. */
  close(): Promise<void>;
}

/** Starts the server on an ephemeral loopback port. */
export async function startMisbehavingServer(
  handler: MisbehavingHandler,
): Promise<MisbehavingServer> {
  const requests: ReceivedRequest[] = [];
  let written = 0;
  let waiters: Array<() => void> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = {
        url: req.url ?? "/",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(request);
      const write = res.write.bind(res);
      res.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
        written += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
        return write(chunk, ...rest);
      }) as typeof res.write;
      for (const wake of waiters) wake();
      waiters = [];
      handler(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    written: () => written,
    nextRequest: () => new Promise<void>((resolve) => waiters.push(resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A handler that does not look at the request: fits any handler type built on `ServerResponse`. */
export type AnyRequestHandler = (request: unknown, response: ServerResponse) => void;

/** Accepts the request and never answers. */
export const hang: AnyRequestHandler = () => undefined;

/** Answers 200 at once with `{`, then one byte of JSON whitespace every `intervalMs`, never ending. */
export function trickle(intervalMs: number, contentType: string): AnyRequestHandler {
  return (_request, response) => {
    response.writeHead(200, { "content-type": contentType });
    response.write("{");
    const timer = setInterval(() => response.write(" "), intervalMs);
    response.on("close", () => clearInterval(timer));
  };
}

/** Answers 200 with a body that never ends (no Content-Length): `chunk` again and again, as fast as the client reads. */
export function endless(contentType: string, chunk: string): AnyRequestHandler {
  return (_request, response) => {
    response.writeHead(200, { "content-type": contentType });
    let open = true;
    response.on("close", () => {
      open = false;
    });
    const pump = () => {
      while (open && response.write(chunk)) {}
      if (open) response.once("drain", pump);
    };
    pump();
  };
}
