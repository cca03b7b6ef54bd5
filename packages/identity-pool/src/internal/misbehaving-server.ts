/**
 * @internal Test-only: a plain `node:http` server on 127.0.0.1 for the failures the loopback
 * Cognito-identity server of `@gatehouse/testing` does not play: one that accepts a request and
 * never answers, one that trickles its body, one whose body never ends, one whose answers are
 * written by the test (an `Expiration` in the past, in the year 3000, ...).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Answers one request; `body` is the request body, `target` its `X-Amz-Target` operation. */
export type Handler = (
  request: { target: string; body: string; url: string },
  response: ServerResponse,
) => void;

export interface MisbehavingServer {
  url: string;
  /** The operation (`X-Amz-Target` suffix, or the STS `Action`) of every request received. */
  operations: string[];
  /** Bytes of response body written so far, all requests together. */
  written: () => number;
  /** Resolves when the next request has arrived (before it is answered). */
  nextRequest: () => Promise<void>;
  close: () => Promise<void>;
}

export async function startMisbehavingServer(handler: Handler): Promise<MisbehavingServer> {
  const operations: string[] = [];
  let written = 0;
  let waiters: Array<() => void> = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const target =
        String(req.headers["x-amz-target"] ?? "")
          .split(".")
          .pop() ?? "";
      operations.push(target || (new URLSearchParams(body).get("Action") ?? ""));
      const write = res.write.bind(res);
      res.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
        written += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
        return write(chunk, ...rest);
      }) as typeof res.write;
      for (const wake of waiters) wake();
      waiters = [];
      handler({ target, body, url: req.url ?? "/" }, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    operations,
    written: () => written,
    nextRequest: () => new Promise<void>((resolve) => waiters.push(resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        // Hung and endless answers keep their sockets open: cut them.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Accepts the request and never answers. */
export const hang: Handler = () => undefined;

/** Answers 200 at once, then one byte of JSON whitespace every `intervalMs`, never ending. */
export const trickle =
  (intervalMs: number): Handler =>
  (_request, response) => {
    response.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
    response.write("{");
    const timer = setInterval(() => response.write(" "), intervalMs);
    response.on("close", () => clearInterval(timer));
  };

/** Answers 200 with a body that never ends, as fast as the client reads it. */
export const endless: Handler = (_request, response) => {
  response.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
  const chunk = `{"IdentityId":"${"x".repeat(64 * 1024)}`;
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

/** Answers each operation with the JSON its function returns (HTTP 200). */
export const answers =
  (byOperation: Record<string, (input: Record<string, unknown>) => unknown>): Handler =>
  ({ target, body }, response) => {
    const answer = byOperation[target];
    if (answer === undefined) {
      response.writeHead(400, { "content-type": "application/x-amz-json-1.1" });
      response.end(JSON.stringify({ __type: "UnknownOperationException" }));
      return;
    }
    response.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
    response.end(JSON.stringify(answer(JSON.parse(body || "{}") as Record<string, unknown>)));
  };
