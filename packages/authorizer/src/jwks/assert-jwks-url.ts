const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Checks a JWKS location at construction: `https:` everywhere, plain `http:` only for loopback
 * (`127.0.0.1`, `localhost`, `[::1]`, for tests and local gateways). Throws `TypeError` otherwise.
 *
 * @param url The JWKS URI from configuration (never from a token).
 * @param option The option name, for the error message.
 * @returns The parsed URL.
 * @example
 * ```ts
 * assertJwksUrl("https://example.auth0.com/.well-known/jwks.json", "jwksUri");
 * ```
 */
export function assertJwksUrl(url: unknown, option: string): URL {
  if (typeof url !== "string") throw new TypeError(`${option} must be a string URL`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`${option} is not a valid URL`);
  }
  if (parsed.username !== "" || parsed.password !== "") {
    throw new TypeError(`${option} must not contain credentials`);
  }
  if (parsed.protocol === "https:") return parsed;
  if (parsed.protocol === "http:" && LOOPBACK_HOSTS.has(parsed.hostname)) return parsed;
  throw new TypeError(`${option} must use https (plain http only for 127.0.0.1, localhost, [::1])`);
}
