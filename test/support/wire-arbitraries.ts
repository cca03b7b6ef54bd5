// fast-check arbitraries for the wire fuzz tests of every loopback server (the servers of
// @gatehouse/testing, the gateway of @gatehouse/local-gateway): bytes shaped like an HTTP/1.x
// request with random parts, or random bytes. Shared test support, not part of any package.
import fc from "fast-check";

const CRLF = "\r\n";

/** An HTTP token (method or header name). */
export const httpToken = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,12}$/);

/** Header lines every server should survive: framing, upgrades, folding, garbage. */
const COMMON_HEADER_LINES = [
  "Content-Length: 5",
  "Content-Length: -1",
  "Content-Length: 99999999999999999999",
  "Content-Length: 3, 4",
  "Transfer-Encoding: chunked",
  "Transfer-Encoding: gzip, chunked",
  "Expect: 100-continue",
  "Connection: keep-alive",
];

export interface RawRequestShape {
  /** Request targets worth trying on this server (odd ones included). */
  targets: readonly string[];
  /** Prefix for random paths (`/dev/` for a stage, `/` otherwise). */
  pathPrefix: string;
  /** Header lines that mean something to this server, added to the common ones. */
  headerLines: readonly string[];
  /** The target of the truncated POST whose rest is random bytes. */
  postTarget: string;
}

/** Something shaped like a request with random parts; raw random bytes; or a POST cut by random bytes. */
export function rawHttpInput(shape: RawRequestShape): fc.Arbitrary<Buffer> {
  const target = fc.oneof(
    fc.constantFrom(...shape.targets),
    fc.string({ maxLength: 40 }),
    fc.string({ maxLength: 40 }).map((rest) => `${shape.pathPrefix}${rest}`),
  );
  const headerLine = fc.oneof(
    fc.tuple(httpToken, fc.string({ maxLength: 40 })).map(([name, value]) => `${name}: ${value}`),
    fc.constantFrom(
      ...COMMON_HEADER_LINES,
      ...shape.headerLines,
      "Authorization: AWS4-HMAC-SHA256 Credential=/",
      "Host:",
      " folded",
      "no colon",
    ),
  );
  return fc.oneof(
    fc
      .record({
        method: fc.oneof(fc.constantFrom("GET", "POST", "OPTIONS", "PUT", "HEAD"), httpToken),
        target,
        version: fc.constantFrom("HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/1.1 extra", ""),
        headers: fc.array(headerLine, { maxLength: 6 }),
        body: fc.string({ maxLength: 200 }),
        eol: fc.constantFrom(CRLF, "\n", "\r"),
      })
      .map(({ method, target, version, headers, body, eol }) =>
        Buffer.from(
          [`${method} ${target} ${version}`, "Host: 127.0.0.1", ...headers, "", body].join(eol),
        ),
      ),
    fc.uint8Array({ maxLength: 1024 }).map((bytes) => Buffer.from(bytes)),
    fc
      .uint8Array({ maxLength: 512 })
      .map((bytes) =>
        Buffer.concat([
          Buffer.from(`POST ${shape.postTarget} HTTP/1.1${CRLF}Host: x${CRLF}`),
          Buffer.from(bytes),
        ]),
      ),
  );
}
