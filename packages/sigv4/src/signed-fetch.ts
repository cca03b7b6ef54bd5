import { type ClockOffset, createClockOffset } from "./clock/clock-offset.js";
import { memoizeCredentials } from "./credentials/memoize-credentials.js";
import { type SignableBody, type SignOptions, signRequest } from "./sign-request.js";

/**
 * Options of {@link createSignedFetch}: every signing option but `date` and `signal` (pass a
 * request's `signal` in its `init`), plus the two below.
 */
export interface SignedFetchOptions extends Omit<SignOptions, "date" | "signal"> {
  /**
   * The `fetch` to send signed requests with (a test double, `undici`'s, a tracing wrapper).
   * @default globalThis.fetch, looked up at each call
   */
  fetch?: typeof fetch;
  /**
   * The clock to sign with. Pass one shared clock to several signed fetches so that they all learn
   * from the first clock-skew rejection.
   * @default a new {@link createClockOffset} clock
   */
  clock?: ClockOffset;
}

/** A `fetch` that signs each request with SigV4 before sending it. */
export type SignedFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

interface Prepared {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: SignableBody;
  /** `false` for a `ReadableStream` body: it can be sent only once. */
  retryable: boolean;
}

const FETCH_NORMALISED_METHODS = new Set(["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"]);

/**
 * Creates a `fetch` that signs every request with SigV4, for IAM-authorised API Gateway routes
 * and Lambda function URLs, from Node 20+, browsers and other WebCrypto runtimes.
 *
 * - Credentials are memoized ({@link memoizeCredentials}): a provider is called once, then again
 *   shortly before `expiration`, never once per request; a provider call has a 20 s deadline
 *   (`SigV4Error` `timeout`), and the request's `signal` (in `init` or the `Request`) also stops
 *   the wait for credentials (`aborted`).
 * - Clock skew: when API Gateway answers 403 `Signature expired` / `Signature not yet current`,
 *   the clock learns the server time and the request is signed again and retried once. The offset
 *   is kept for later requests.
 * - Bodies: `string`, `Uint8Array` (any `ArrayBufferView`), `ArrayBuffer` and `URLSearchParams`
 *   are signed as they are; `Blob` and `FormData` are read into bytes first (a `FormData`'s
 *   multipart `content-type` is then set and signed); a `Request`'s body is read once. A
 *   `ReadableStream` body is sent as a stream and needs the `payloadHash` option; it cannot be
 *   sent twice, so a skew rejection is returned to the caller instead of retried (the offset is
 *   still learnt, so the next request succeeds).
 * - The signed `host` is always the URL's, and is left to `fetch` to send; a `host` header you
 *   set is ignored. To call a private API through a VPC endpoint's DNS name, send the
 *   `x-apigw-api-id` header instead of overriding `host`.
 *
 * @param options - Signing options (`credentials`, `region`, `service`, ...), `fetch` and `clock`.
 * @returns A function with `fetch`'s signature.
 * @throws TypeError for options that are not an object, a `date` option (use `clock`), a `fetch`
 *   or `clock` of the wrong shape, or when there is no `fetch` at all.
 * @throws SigV4Error `invalid_credentials` at once for malformed static credentials.
 * @example
 * ```ts
 * const signedFetch = createSignedFetch({ credentials: fromEnv() });
 * const response = await signedFetch(
 *   "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/pets",
 *   { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "Rex" }) },
 * );
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/permissions.html
 */
export function createSignedFetch(options: SignedFetchOptions): SignedFetch {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("createSignedFetch: options must be an object");
  }
  if ("date" in options) {
    throw new TypeError(
      "createSignedFetch: options.date is not supported; pass a clock (createClockOffset) instead",
    );
  }
  const { fetch: fetchOption, clock: clockOption, credentials, ...signOptions } = options;
  if (fetchOption !== undefined && typeof fetchOption !== "function") {
    throw new TypeError("createSignedFetch: options.fetch must be a function");
  }
  if (fetchOption === undefined && typeof globalThis.fetch !== "function") {
    throw new TypeError("createSignedFetch: there is no global fetch; pass options.fetch");
  }
  if (
    clockOption !== undefined &&
    (typeof clockOption !== "object" ||
      clockOption === null ||
      typeof clockOption.now !== "function" ||
      typeof clockOption.learnFromResponse !== "function")
  ) {
    throw new TypeError("createSignedFetch: options.clock must be a ClockOffset");
  }
  const clock = clockOption ?? createClockOffset();
  // Compare `expiration` (server time) with the corrected clock.
  const provider = memoizeCredentials(credentials, { now: () => clock.now().getTime() });
  const send: typeof fetch = fetchOption ?? ((input, init) => globalThis.fetch(input, init));

  const attempt = async (
    input: string | URL | Request,
    init: RequestInit | undefined,
    prepared: Prepared,
  ): Promise<Response> => {
    const signed = await signRequest(
      {
        method: prepared.method,
        url: prepared.url,
        headers: prepared.headers,
        body: prepared.body,
      },
      {
        ...signOptions,
        credentials: provider,
        date: clock.now(),
        // The request's signal also stops the wait for credentials (`aborted`).
        signal: init?.signal ?? (input instanceof Request ? input.signal : undefined),
      },
    );
    const headers = new Headers();
    for (const [name, value] of Object.entries(signed.headers)) {
      // The signer signs the URL's host, which is what fetch sends (browsers refuse to set it).
      if (name === "host") continue;
      headers.set(name, value);
    }
    const outgoing: RequestInit & { duplex?: "half" } = {
      ...init,
      method: signed.method,
      headers,
      body: toBodyInit(signed.body),
    };
    if (isReadableStream(signed.body)) outgoing.duplex = "half";
    return input instanceof Request
      ? send(new Request(input, outgoing))
      : send(signed.url, outgoing);
  };

  return async (input, init) => {
    const prepared = await prepare(input, init);
    const response = await attempt(input, init, prepared);
    if (!(await learnedFrom(response, clock)) || !prepared.retryable) return response;
    await response.body?.cancel().catch(() => undefined);
    const retried = await attempt(input, init, prepared);
    // A second rejection is returned, not retried again; the newest offset is still worth keeping.
    await learnedFrom(retried, clock);
    return retried;
  };
}

async function learnedFrom(response: Response, clock: ClockOffset): Promise<boolean> {
  if (response.status !== 403) return false;
  let text: string;
  try {
    text = await response.clone().text();
  } catch {
    return false;
  }
  return clock.learnFromResponse(response, text);
}

async function prepare(
  input: string | URL | Request,
  init: RequestInit | undefined,
): Promise<Prepared> {
  if (init !== undefined && (typeof init !== "object" || init === null)) {
    throw new TypeError("signedFetch: init must be an object");
  }
  const request = typeof Request === "function" && input instanceof Request ? input : undefined;
  let url: string;
  if (request !== undefined) url = request.url;
  else if (input instanceof URL) url = input.href;
  else if (typeof input === "string") url = resolveUrl(input);
  else throw new TypeError("signedFetch: input must be a string, a URL or a Request");

  // As in fetch: init.headers replaces the Request's headers, it does not merge with them.
  const headers = new Headers(init?.headers ?? request?.headers);
  const method = normaliseMethod(init?.method ?? request?.method ?? "GET");

  let body: SignableBody;
  let retryable = true;
  if (init?.body !== undefined && init.body !== null) {
    const converted = await toSignableBody(init.body, headers);
    body = converted;
    retryable = !isReadableStream(converted);
  } else if (init?.body === undefined && request !== undefined && request.body !== null) {
    // Read once, so it can be hashed and sent (twice, on a skew retry).
    body = new Uint8Array(await request.arrayBuffer());
  }

  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = value;
  });
  return { method, url, headers: record, body, retryable };
}

function resolveUrl(input: string): string {
  // A browser's fetch resolves relative URLs against the page; the signer needs the absolute one.
  const base = (globalThis as { location?: { href?: unknown } }).location?.href;
  return typeof base === "string" ? new URL(input, base).href : input;
}

function normaliseMethod(method: string): string {
  // fetch upper-cases these six only ("patch" goes out as "patch"): sign what is sent.
  const upper = method.toUpperCase();
  return FETCH_NORMALISED_METHODS.has(upper) ? upper : method;
}

async function toSignableBody(body: BodyInit, headers: Headers): Promise<SignableBody> {
  if (
    typeof body === "string" ||
    body instanceof Uint8Array ||
    body instanceof ArrayBuffer ||
    body instanceof URLSearchParams ||
    isReadableStream(body)
  ) {
    return body;
  }
  if (ArrayBuffer.isView(body)) {
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  }
  // Blob, FormData: let the platform serialise them once, with their content type (the multipart
  // boundary must be the one in the bytes that are signed).
  const serialised = new Response(body);
  const contentType = serialised.headers.get("content-type");
  if (contentType !== null && !headers.has("content-type"))
    headers.set("content-type", contentType);
  return new Uint8Array(await serialised.arrayBuffer());
}

function toBodyInit(body: SignableBody): BodyInit | null {
  return body === undefined ? null : (body as BodyInit | null);
}

function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return typeof ReadableStream === "function" && value instanceof ReadableStream;
}
