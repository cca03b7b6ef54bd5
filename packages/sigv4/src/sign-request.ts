import type { CredentialsInput } from "./credentials/aws-credentials.js";
import { prepareBody } from "./internal/prepare-body.js";
import { resolveSignOptions } from "./internal/resolve-sign-options.js";
import { signHttpRequest } from "./internal/sign-http-request.js";

/**
 * A request body the signer can hash. A `ReadableStream` cannot be hashed up front: pass
 * {@link SignOptions.payloadHash} with it.
 */
export type SignableBody =
  | string
  | Uint8Array
  | ArrayBuffer
  | URLSearchParams
  | ReadableStream<Uint8Array>
  | null
  | undefined;

/** The request to sign: a method, an absolute URL, optional headers and body. */
export interface SignableRequest {
  /** HTTP method, e.g. `GET`. Sent upper-case as given. */
  method: string;
  /** Absolute `https://`, `http://`, `wss://` or `ws://` URL. */
  url: string | URL;
  headers?: Record<string, string> | Headers | ReadonlyArray<readonly [string, string]>;
  body?: SignableBody;
  /** Not with `url`: a request given by `path` is a {@link SignableHttpRequest}. */
  path?: undefined;
}

/**
 * A request to sign given as it goes on the wire rather than as a URL, in the shape of Node's
 * `http.request` options and smithy's `HttpRequest`: `path` is the request target exactly as sent,
 * signed as written. A URL parser would percent-encode a space or a non-ASCII character and drop
 * `.` / `..` segments; this form keeps them (with `normalizePath: false`, dot segments are signed
 * too, as S3 needs).
 */
export interface SignableHttpRequest {
  /** HTTP method, e.g. `GET`. Sent upper-case as given. */
  method: string;
  /**
   * `https:`, `http:`, `wss:` or `ws:` (the trailing colon optional): only decides which port is
   * the default one.
   * @default "https:"
   */
  protocol?: string | undefined;
  /** Host name without scheme, port or path, e.g. `abc123.execute-api.eu-west-1.amazonaws.com`; an IPv6 address with or without brackets. */
  hostname: string;
  /** TCP port; left out of the signed `host` header when it is the protocol's default. */
  port?: number | string | undefined;
  /**
   * The origin-form request target as sent: starts with `/`, may carry a raw query
   * (`/prod/pets?limit=10`), percent-encoded once or not at all (`/example space/`). No `#`, CR, LF
   * or other control character.
   */
  path: string;
  /** Query parameters appended to the ones in `path` (smithy's `HttpRequest.query`). */
  query?: Readonly<Record<string, string | ReadonlyArray<string>>> | undefined;
  headers?: SignableRequest["headers"];
  body?: SignableBody;
  /** Not with `path`: a request given by `url` is a {@link SignableRequest}. */
  url?: undefined;
}

/** Options shared by {@link signRequest} and `presignUrl`. */
export interface SignOptions {
  /** Credentials or an async provider of them. */
  credentials: CredentialsInput;
  /**
   * Signing region. Inferred from `{id}.execute-api.{region}.amazonaws.com(.cn)` and
   * `{id}.lambda-url.{region}.on.aws` hosts; required for any other host.
   */
  region?: string;
  /**
   * Signing service name. Inferred as `lambda` for Lambda function URL hosts.
   * @default "execute-api"
   */
  service?: string;
  /**
   * Signing time. Pass it to freeze time in tests or to apply a clock offset.
   * @default new Date()
   */
  date?: Date;
  /**
   * Remove `.`/`..` segments and empty segments (`//`) from the path before signing, as every
   * service but S3 expects.
   * @default true
   */
  normalizePath?: boolean;
  /**
   * Add an `x-amz-content-sha256` header holding the payload hash (and sign it).
   * @default false
   */
  contentSha256Header?: boolean;
  /**
   * The payload hash to sign instead of hashing the body: lower-case hex SHA-256 or
   * `"UNSIGNED-PAYLOAD"`. Required for `ReadableStream` bodies.
   */
  payloadHash?: string;
  /**
   * Stops the wait for a credentials provider: the call rejects with `SigV4Error` `aborted` (the
   * signal's reason as `cause`). Passed on to the provider as `{ signal }`. A provider that is
   * not memoized is also bounded by a deadline of 20 s (`timeout`); a memoized one by its own
   * `timeoutMs`. Static credentials never wait.
   */
  signal?: AbortSignal | undefined;
}

/**
 * What went into a signature, for debugging signature mismatches and for tests.
 * `canonicalRequest` may contain the session token: never log it unredacted.
 */
export interface SigningDetails {
  canonicalRequest: string;
  stringToSign: string;
  /** `YYYYMMDD/{region}/{service}/aws4_request`. */
  credentialScope: string;
  /** Lower-case names of the signed headers, sorted. */
  signedHeaders: string[];
}

/** A signed request, ready to send with `fetch` or any HTTP client. */
export interface SignedRequest {
  method: string;
  /** The URL as given (serialised by WHATWG URL). */
  url: string;
  /** Every header to send, with lower-case names: the request's own plus host, x-amz-date, authorization, ... */
  headers: Record<string, string>;
  /** The body to send, unchanged (URLSearchParams stays URLSearchParams). */
  body: SignableBody;
  signing: SigningDetails;
}

/** A signed {@link SignableHttpRequest}: pass it to Node's `http.request` / `https.request` as it is. */
export interface SignedHttpRequest {
  method: string;
  /** The protocol, with its colon. */
  protocol: "https:" | "http:" | "wss:" | "ws:";
  /** As given (an IPv6 address in brackets). */
  hostname: string;
  port: number | undefined;
  /**
   * The request target to send: `request.path` exactly as given, followed by `request.query` in
   * SigV4's encoding (RFC 3986, `%20` for spaces) when there was one.
   */
  path: string;
  /** Every header to send, with lower-case names: the request's own plus host, x-amz-date, authorization, ... */
  headers: Record<string, string>;
  /** The body to send, unchanged. */
  body: SignableBody;
  signing: SigningDetails;
}

/**
 * Signs a request with AWS Signature Version 4 (Authorization header) for API Gateway
 * (`execute-api`), Lambda function URLs or any other SigV4 service.
 *
 * The request is a `url` ({@link SignableRequest}: the path signed is the one fetch sends, after
 * the URL parser's encoding and dot-segment removal) or, for a target no URL can carry, a `hostname`
 * and the wire `path` ({@link SignableHttpRequest}: Node's `http.request` options, signed as
 * written; the result has the same shape, ready for `http.request`). A URL and the `path` it
 * sends sign alike.
 *
 * @param request - the request to sign: `url`, or `hostname` + `path` as sent on the wire.
 * @param options - credentials, region/service (inferred for API Gateway and Lambda URL hosts), date.
 * @returns the request with `host`, `x-amz-date`, `authorization` (and `x-amz-security-token`) headers.
 * @throws {SigV4Error} `missing_region` when the region cannot be inferred; `unsupported_body` for a
 *   stream body without `payloadHash`; `invalid_request_target` for a `path` that is not an
 *   origin-form target (no leading `/`, a `#`, CR, LF or another control character).
 *
 * @example
 * ```ts
 * import * as https from "node:https";
 *
 * const signed = await signRequest(
 *   { method: "GET", url: "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/pets" },
 *   { credentials: fromEnv() },
 * );
 * const response = await fetch(signed.url, { method: signed.method, headers: signed.headers });
 *
 * // Node's http.request with a target a URL would rewrite (S3-style: dot segments kept).
 * const raw = await signRequest(
 *   { method: "GET", hostname: "examplebucket.s3.amazonaws.com", path: "/photos/./2024/../a.jpg" },
 *   { credentials: fromEnv(), region: "us-east-1", service: "s3", normalizePath: false },
 * );
 * https.request(raw).end();
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 */
export function signRequest(request: SignableRequest, options: SignOptions): Promise<SignedRequest>;
export function signRequest(
  request: SignableHttpRequest,
  options: SignOptions,
): Promise<SignedHttpRequest>;
export async function signRequest(
  request: SignableRequest | SignableHttpRequest,
  options: SignOptions,
): Promise<SignedRequest | SignedHttpRequest> {
  const pending = resolveSignOptions(request, options);
  // Only a credentials provider makes this a promise: skip the microtask otherwise.
  const resolved = pending instanceof Promise ? await pending : pending;
  const body = request.body;
  const prepared = prepareBody(body, resolved.payloadHash !== undefined);
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
      contentSha256Header: resolved.contentSha256Header,
      payloadHash: resolved.payloadHash,
    },
  );
  const signedHeaders = Object.create(null) as Record<string, string>;
  for (const [name, value] of result.headers) signedHeaders[name] = value;
  const { parsed } = resolved;
  if (parsed.kind === "target") {
    return {
      method: resolved.method,
      protocol: parsed.protocol,
      hostname: parsed.hostname,
      port: parsed.port,
      path: parsed.target,
      headers: signedHeaders,
      body,
      signing: result.signing,
    };
  }
  return {
    method: resolved.method,
    url: parsed.url.href,
    headers: signedHeaders,
    body,
    signing: result.signing,
  };
}
