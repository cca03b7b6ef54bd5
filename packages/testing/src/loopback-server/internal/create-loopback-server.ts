import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";

/** What a loopback server does with a request, and how it answers one its handler failed. @internal */
export interface LoopbackServerSetup {
  /** Answers the request; may throw or reject, which `fail` then answers. */
  handle(request: IncomingMessage, response: ServerResponse): void | Promise<void>;
  /** Answers a request whose handler threw (500 in the server's error shape); must not throw. */
  fail(request: IncomingMessage, response: ServerResponse): void;
}

/** Milliseconds a socket may linger half-closed after a 400 from `clientError`. */
const CLIENT_ERROR_LINGER_MS = 5_000;

function ignore(): void {}

/** A request that carries a body: a non-zero `Content-Length`, or any `Transfer-Encoding`. */
function hasBody(request: IncomingMessage): boolean {
  const length = request.headers["content-length"];
  return (
    request.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0")
  );
}

/**
 * Answers what Node's parser refused (malformed request line or headers, a refused method, a bad
 * chunk) instead of its silent default: 431 for headers over the limit, 408 for a request that
 * took too long, 400 otherwise, as JSON, then closes. A socket already answering, or gone, is
 * destroyed.
 * @internal
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
  // A client that never closes its side must not keep the socket open for ever.
  setTimeout(() => socket.destroy(), CLIENT_ERROR_LINGER_MS).unref();
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * A `node:http` server that does not fall over: the handler runs inside a try/catch (a throw or a
 * rejection is answered by `fail`, or ends the response when headers already went out), `error`
 * events of requests and responses are handled, `clientError` is answered, and a response to a
 * request whose body was not read to the end closes the connection, so an unread body is never
 * read on for keep-alive.
 * @internal
 */
export function createLoopbackServer(setup: LoopbackServerSetup): Server {
  const server = createServer((request, response) => {
    request.on("error", ignore);
    response.on("error", ignore);
    if (hasBody(request)) {
      response.setHeader("Connection", "close");
      request.once("end", () => {
        if (!response.headersSent) response.removeHeader("Connection");
      });
    }
    const failed = () => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      try {
        setup.fail(request, response);
      } catch {
        response.destroy();
      }
    };
    try {
      const pending = setup.handle(request, response);
      if (pending !== undefined) pending.catch(failed);
    } catch {
      failed();
    }
  });
  server.on("clientError", answerClientError);
  return server;
}

/** Listens on 127.0.0.1:`port` (0: a free one); resolves with the port. @internal */
export function listenOnLoopback(server: Server, port: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
