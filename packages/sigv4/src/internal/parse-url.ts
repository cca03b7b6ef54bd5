import { SigV4Error } from "../errors.js";
import { escapeUri } from "./escape-uri.js";

/** @internal */
export interface ParsedUrl {
  url: URL;
  /** Wire path: WHATWG-serialised pathname, percent-encoded once. */
  path: string;
  /** Decoded query pairs in order; repeated keys and empty values kept. */
  query: Array<[string, string]>;
}

const PROTOCOLS = new Set(["https:", "http:", "wss:", "ws:"]);

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    // Malformed escapes (`%zz`) go on the wire as they are; sign them literally.
    return part;
  }
}

/**
 * Parses a request URL into what goes on the wire. `+` in the query is a literal plus (RFC 3986, as
 * API Gateway reads it), not a space; send `%20` for spaces.
 * @internal
 */
export function parseUrl(input: string | URL): ParsedUrl {
  if (typeof input !== "string" && !(input instanceof URL)) {
    throw new TypeError("request.url must be a string or a URL");
  }
  let url: URL;
  try {
    url = new URL(String(input));
  } catch (error) {
    throw new SigV4Error("invalid_request", "request.url is not an absolute URL.", {
      path: "request.url",
      cause: error,
    });
  }
  if (!PROTOCOLS.has(url.protocol)) {
    throw new SigV4Error("invalid_request", `Unsupported URL scheme ${url.protocol}`, {
      path: "request.url",
      expected: "https:, http:, wss: or ws:",
    });
  }
  const query: Array<[string, string]> = [];
  for (const part of url.search.slice(1).split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    query.push(
      eq === -1 ? [decode(part), ""] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))],
    );
  }
  return { url, path: url.pathname, query };
}

/**
 * Serialises query pairs as they are signed: each key and value escaped with `escapeUri`
 * (RFC 3986 unreserved characters left alone), in the given order.
 * @internal
 */
export function formatQuery(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([key, value]) => `${escapeUri(key)}=${escapeUri(value)}`).join("&");
}

const FETCH_NORMALISED = new Set(["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"]);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * The method as fetch sends it: DELETE, GET, HEAD, OPTIONS, POST and PUT upper-cased, any other
 * (e.g. `patch`) as given.
 * @internal
 */
export function normaliseMethod(method: unknown): string {
  if (typeof method !== "string") throw new TypeError("request.method must be a string");
  if (!TOKEN.test(method)) {
    throw new SigV4Error("invalid_request", "request.method is not a valid HTTP method.", {
      path: "request.method",
    });
  }
  const upper = method.toUpperCase();
  return FETCH_NORMALISED.has(upper) ? upper : method;
}

/**
 * Header input (record, `Headers` or pairs) as ordered pairs.
 * @internal
 */
export function headerPairs(
  headers: Record<string, string> | Headers | ReadonlyArray<readonly [string, string]> | undefined,
): Array<[string, string]> {
  if (headers === undefined) return [];
  if (typeof Headers !== "undefined" && headers instanceof Headers) {
    const pairs: Array<[string, string]> = [];
    headers.forEach((value, name) => {
      pairs.push([name, value]);
    });
    return pairs;
  }
  if (Array.isArray(headers)) {
    return headers.map((pair) => {
      if (!Array.isArray(pair) || typeof pair[0] !== "string" || typeof pair[1] !== "string") {
        throw new TypeError("request.headers pairs must be [string, string]");
      }
      return [pair[0], pair[1]];
    });
  }
  if (typeof headers !== "object" || headers === null) {
    throw new TypeError(
      "request.headers must be a record, a Headers object or [name, value] pairs",
    );
  }
  return Object.entries(headers as Record<string, unknown>).map(([name, value]) => {
    if (typeof value !== "string") throw new TypeError(`request.headers.${name} must be a string`);
    return [name, value];
  });
}
