/**
 * Which browser origins may call a loopback server (CORS): `"loopback"` for pages served from
 * `127.0.0.1`, `localhost` or `[::1]` on any port (http or https); a list of exact origins such as
 * `"https://app.example.com"`; `[]` for none (no CORS headers at all).
 */
export type AllowedOrigins = "loopback" | ReadonlyArray<string>;

/** Options every HTTP server of this package takes besides its own. */
export interface LoopbackServerOptions {
  /**
   * Port on 127.0.0.1.
   * @default 0 (a free port)
   */
  port?: number | undefined;
  /**
   * Largest request body read, in bytes. A larger declared `Content-Length` is answered 413 before
   * a byte of the body is read; a chunked body is read up to the limit, then answered 413 and the
   * connection closed, so the rest is never read or buffered.
   * @default 1048576 (1 MiB)
   */
  maxBodyBytes?: number | undefined;
  /**
   * The origins answered with CORS headers (`Access-Control-Allow-Origin` naming the origin,
   * `Vary: Origin`); any other `Origin` gets no CORS headers, so the browser refuses the response.
   * Credentials are never allowed (`Access-Control-Allow-Credentials` is not sent).
   * @default "loopback"
   */
  allowedOrigins?: AllowedOrigins | undefined;
}
