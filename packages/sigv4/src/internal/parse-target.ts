import { SigV4Error } from "../errors.js";
import type { SignableHttpRequest } from "../sign-request.js";
import { formatQuery } from "./parse-url.js";

/** @internal */
export interface ParsedTarget {
  kind: "target";
  protocol: "https:" | "http:" | "wss:" | "ws:";
  /** As given (an IPv6 literal in brackets); for region inference and the `host` header. */
  hostname: string;
  port: number | undefined;
  /** The `host` header: hostname, plus `:port` when the port is not the protocol's default. */
  host: string;
  /** The path part of the target, exactly as given (percent-encoded once, or raw). */
  path: string;
  /** Decoded query pairs: the target's own, then `request.query`'s. */
  query: Array<[string, string]>;
  /** The target to send: `request.path`, with `request.query` appended in SigV4's encoding. */
  target: string;
}

const DEFAULT_PORTS = { "https:": 443, "wss:": 443, "http:": 80, "ws:": 80 } as const;
// Control characters (CR, LF, NUL, TAB, DEL ...) never belong in a request line.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\x00-\x1f\x7f]/;
const HOSTNAME = /^[A-Za-z0-9._~!$&'()*+,;=%-]+$/;
const IPV6 = /^\[?[0-9A-Fa-f:.]+(?:%[0-9A-Za-z._~-]+)?\]?$/;

function targetError(message: string, expected: string): SigV4Error {
  return new SigV4Error("invalid_request_target", message, { path: "request.path", expected });
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    // Malformed escapes (`%zz`) go on the wire as they are; sign them literally.
    return part;
  }
}

/** Decoded pairs of a raw query, as `parseUrl` reads a URL's (`+` stays a plus). */
function rawQueryPairs(rawQuery: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const part of rawQuery.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    pairs.push(
      eq === -1 ? [decode(part), ""] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))],
    );
  }
  return pairs;
}

function parseProtocol(value: unknown): ParsedTarget["protocol"] {
  if (value === undefined) return "https:";
  if (typeof value !== "string") throw new TypeError("request.protocol must be a string");
  const protocol = (value.endsWith(":") ? value : `${value}:`).toLowerCase();
  if (!(protocol in DEFAULT_PORTS)) {
    throw new SigV4Error("invalid_request", `Unsupported protocol ${JSON.stringify(value)}.`, {
      path: "request.protocol",
      expected: "https:, http:, wss: or ws:",
    });
  }
  return protocol as ParsedTarget["protocol"];
}

function parseHostname(value: unknown): string {
  if (typeof value !== "string") throw new TypeError("request.hostname must be a string");
  if (value.includes(":")) {
    // An IPv6 literal, bracketed or not (Node's http.request takes it without brackets).
    if (!IPV6.test(value)) {
      throw new SigV4Error(
        "invalid_request",
        "request.hostname contains a colon but is not an IPv6 address: pass the port as request.port.",
        { path: "request.hostname", expected: 'a host name without port, e.g. "example.com"' },
      );
    }
    return value.startsWith("[") ? value : `[${value}]`;
  }
  if (!HOSTNAME.test(value)) {
    throw new SigV4Error(
      "invalid_request",
      `request.hostname ${JSON.stringify(value)} is not a host name.`,
      {
        path: "request.hostname",
        expected: 'a host name without scheme or path, e.g. "example.com"',
      },
    );
  }
  return value;
}

function parsePort(value: unknown): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const port = typeof value === "string" && /^\d{1,5}$/.test(value) ? Number(value) : value;
  if (typeof port !== "number" || !Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new SigV4Error("invalid_request", "request.port is not a TCP port.", {
      path: "request.port",
      expected: "an integer from 1 to 65535",
    });
  }
  return port;
}

function recordPairs(query: unknown): Array<[string, string]> {
  if (query === undefined || query === null) return [];
  if (typeof query !== "object" || Array.isArray(query)) {
    throw new TypeError("request.query must be a record of strings or string arrays");
  }
  const pairs: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item !== "string") {
        throw new TypeError(`request.query.${key} must be a string or an array of strings`);
      }
      pairs.push([key, item]);
    }
  }
  return pairs;
}

/**
 * Reads a request given as it goes on the wire (Node's `http.request` options, smithy's
 * `HttpRequest`): `path` is the origin-form request target, signed as written, never re-normalised
 * by a URL parser. Misuse (wrong types) throws `TypeError`; a target that is not an origin-form
 * path throws `SigV4Error` `invalid_request_target`.
 * @internal
 */
export function parseTarget(request: SignableHttpRequest): ParsedTarget {
  const protocol = parseProtocol(request.protocol);
  const hostname = parseHostname(request.hostname);
  const port = parsePort(request.port);
  const given = request.path;
  if (typeof given !== "string") throw new TypeError("request.path must be a string");
  if (!given.startsWith("/")) {
    throw targetError(
      'request.path must be the request target as sent, starting with "/" (origin form): put the scheme and host in protocol / hostname, or pass an absolute URL as request.url.',
      'an origin-form target, e.g. "/prod/pets?limit=10"',
    );
  }
  if (given.includes("#")) {
    throw targetError(
      "request.path contains '#': a fragment is never sent, so it cannot be signed. Remove it, or percent-encode a literal '#' as %23.",
      "a request target without '#'",
    );
  }
  if (CONTROL.test(given)) {
    throw targetError(
      "request.path contains a control character (CR, LF, NUL, TAB, ...), which no HTTP request line can carry. Percent-encode it.",
      "a request target without control characters",
    );
  }
  const extra = recordPairs(request.query);
  const questionMark = given.indexOf("?");
  const path = questionMark === -1 ? given : given.slice(0, questionMark);
  const query = questionMark === -1 ? [] : rawQueryPairs(given.slice(questionMark + 1));
  query.push(...extra);
  let target = given;
  if (extra.length > 0) {
    const separator =
      questionMark === -1 ? "?" : given.endsWith("?") || given.endsWith("&") ? "" : "&";
    target = `${given}${separator}${formatQuery(extra)}`;
  }
  const host =
    port === undefined || port === DEFAULT_PORTS[protocol] ? hostname : `${hostname}:${port}`;
  return { kind: "target", protocol, hostname, port, host, path, query, target };
}
