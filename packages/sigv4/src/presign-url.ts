import { SigV4Error } from "./errors.js";
import { formatQuery } from "./internal/parse-url.js";
import { resolveSignOptions } from "./internal/resolve-sign-options.js";
import { signHttpRequest } from "./internal/sign-http-request.js";
import type { SignableRequest, SignOptions } from "./sign-request.js";

/** The longest lifetime SigV4 allows for a presigned URL: 7 days. */
const MAX_EXPIRES_IN = 604_800;

/**
 * Creates a presigned URL (SigV4 query-string authentication): the signature, credential scope,
 * date, lifetime and, with temporary credentials, the session token travel in the query, all of
 * them signed. Use it where no Authorization header can be set, above all to open an IAM-protected
 * API Gateway WebSocket (`wss://`) from a browser.
 *
 * The URL's query is re-serialised in SigV4's encoding (RFC 3986, `%20` for spaces); any headers
 * you pass are signed as headers and must be sent with the request (`host` always is).
 *
 * @param request - `url` (`https://`, `wss://`, ...), optional `method` (default `GET`) and headers.
 * @param options - the {@link SignOptions} plus `expiresIn`, the lifetime in seconds (1 to 604800).
 * @returns the presigned URL as a string.
 * @throws {SigV4Error} `invalid_expiry` when `expiresIn` is not an integer in 1..604800.
 *
 * @example
 * ```ts
 * const url = await presignUrl(
 *   { url: "wss://abc123.execute-api.eu-west-1.amazonaws.com/prod" },
 *   { credentials: await fromCognito(), expiresIn: 60 },
 * );
 * const socket = new WebSocket(url);
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html#query-string-auth
 */
export async function presignUrl(
  request: { method?: string; url: string | URL; headers?: SignableRequest["headers"] },
  options: SignOptions & { expiresIn: number },
): Promise<string> {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("options must be an object with credentials and expiresIn");
  }
  const { expiresIn } = options;
  if (typeof expiresIn !== "number") throw new TypeError("options.expiresIn must be a number");
  if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_EXPIRES_IN) {
    throw new SigV4Error(
      "invalid_expiry",
      `options.expiresIn must be a whole number of seconds from 1 to ${MAX_EXPIRES_IN} (7 days), got ${expiresIn}.`,
      { path: "options.expiresIn", expected: `integer 1..${MAX_EXPIRES_IN}` },
    );
  }
  const pending = resolveSignOptions(request, options);
  // Only a credentials provider makes this a promise: skip the microtask otherwise.
  const resolved = pending instanceof Promise ? await pending : pending;
  const result = signHttpRequest(
    {
      method: resolved.method,
      path: resolved.parsed.path,
      query: resolved.parsed.query,
      headers: resolved.headers,
    },
    {
      credentials: resolved.credentials,
      region: resolved.region,
      service: resolved.service,
      date: resolved.date,
      normalizePath: resolved.normalizePath,
      contentSha256Header: false,
      // A presigned URL carries no body hash: GET / WebSocket upgrades have an empty body, and
      // anything else would pin the body at signing time.
      payloadHash:
        resolved.payloadHash ?? "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      presign: { expiresIn },
    },
  );
  const url = new URL(resolved.parsed.url.href);
  url.hash = "";
  url.search = `?${formatQuery(result.query)}`;
  return url.href;
}
