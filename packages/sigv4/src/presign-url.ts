import { SigV4Error } from "./errors.js";
import { formatQuery } from "./internal/parse-url.js";
import { prepareBody } from "./internal/prepare-body.js";
import { resolveSignOptions } from "./internal/resolve-sign-options.js";
import { signHttpRequest } from "./internal/sign-http-request.js";
import type {
  SignableBody,
  SignableHttpRequest,
  SignableRequest,
  SignOptions,
} from "./sign-request.js";

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
 * The payload hash in the signature is the SHA-256 of `request.body`, hashed exactly as
 * `signRequest` hashes it (a string as UTF-8, bytes as they are; a `URLSearchParams` body also
 * signs the `content-type` fetch adds), so the URL works with exactly that body. Without a body it
 * is the hash of the empty body, right for `GET` and WebSocket upgrades. `options.payloadHash`
 * overrides both (`"UNSIGNED-PAYLOAD"` where the service accepts it). No `x-amz-content-sha256` is
 * added to the query or the headers.
 *
 * A request given as it goes on the wire ({@link SignableHttpRequest}: `hostname` and the target
 * as sent in `path`, for a target a URL cannot carry, e.g. dot segments with `normalizePath: false`)
 * returns the presigned request TARGET instead of a URL: `path` exactly as given, then its query and
 * the `X-Amz-*` parameters in SigV4's encoding. Send it as it is (Node's `http.request` `path`); a
 * URL parser would re-normalise it and break the signature.
 *
 * @param request - `url` (`https://`, `wss://`, ...) or `hostname` + `path` (the target as sent),
 *   optional `method` (default `GET`), headers and `body`.
 * @param options - the {@link SignOptions} plus `expiresIn`, the lifetime in seconds (1 to 604800).
 * @returns the presigned URL as a string; for a `path` request, the presigned request target.
 * @throws {SigV4Error} `invalid_expiry` when `expiresIn` is not an integer in 1..604800;
 *   `unsupported_body` for a stream body without `payloadHash`; `invalid_request_target` for a
 *   `path` that is not an origin-form target (no leading `/`, a `#`, CR, LF, ...).
 *
 * @example
 * ```ts
 * const url = await presignUrl(
 *   { url: "wss://abc123.execute-api.eu-west-1.amazonaws.com/prod" },
 *   { credentials: await fromCognito(), expiresIn: 60 },
 * );
 * const socket = new WebSocket(url);
 *
 * // A POST whose body is part of the signature: send exactly these bytes.
 * const body = JSON.stringify({ name: "Rex" });
 * const postUrl = await presignUrl(
 *   { method: "POST", url: "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/pets", body },
 *   { credentials: await fromCognito(), expiresIn: 300 },
 * );
 * await fetch(postUrl, { method: "POST", body });
 *
 * // A target as sent on the wire, dot segments kept: the presigned target, for http.request's path.
 * const target = await presignUrl(
 *   { hostname: "examplebucket.s3.amazonaws.com", path: "/photos/./a.jpg" },
 *   { credentials: await fromCognito(), region: "us-east-1", service: "s3", normalizePath: false, expiresIn: 300 },
 * );
 * // "/photos/./a.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=..."
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html#query-string-auth
 */
export async function presignUrl(
  request:
    | {
        method?: string;
        url: string | URL;
        headers?: SignableRequest["headers"];
        body?: SignableBody;
        path?: undefined;
      }
    | (Omit<SignableHttpRequest, "method"> & { method?: string }),
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
  const prepared = prepareBody(request.body, resolved.payloadHash !== undefined);
  const headers = resolved.headers;
  if (prepared.contentType && !headers.some(([name]) => name.toLowerCase() === "content-type")) {
    headers.push(["content-type", prepared.contentType]);
  }
  const result = signHttpRequest(
    {
      method: resolved.method,
      path: resolved.parsed.path,
      query: resolved.parsed.query,
      headers,
      body: prepared.bytes,
    },
    {
      credentials: resolved.credentials,
      region: resolved.region,
      service: resolved.service,
      date: resolved.date,
      normalizePath: resolved.normalizePath,
      // The query carries no body hash (as the official suite's query vectors and botocore's
      // SigV4QueryAuth): the server hashes the body it receives.
      contentSha256Header: false,
      // The body's hash; no body hashes as the empty body (GET, WebSocket upgrades).
      payloadHash: resolved.payloadHash,
      presign: { expiresIn },
    },
  );
  const { parsed } = resolved;
  if (parsed.kind === "target") {
    // The target as given, never through a URL parser: only the query is SigV4-serialised.
    const questionMark = parsed.target.indexOf("?");
    const path = questionMark === -1 ? parsed.target : parsed.target.slice(0, questionMark);
    return `${path}?${formatQuery(result.query)}`;
  }
  const url = new URL(parsed.url.href);
  url.hash = "";
  url.search = `?${formatQuery(result.query)}`;
  return url.href;
}
