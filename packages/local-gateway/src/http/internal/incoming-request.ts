/**
 * What the gateway reads from a Node request once: method, paths, query, headers (case kept),
 * body, client IP.
 * @internal
 * @packageDocumentation
 */
import type { IncomingMessage } from "node:http";
import {
  type ClientCertificate,
  type MutualTlsRefusal,
  normalizeIpAddress,
} from "@gatehouse/policy";

/** @internal */
export interface IncomingRequest {
  method: string;
  /** The absolute URL as received, for SigV4. */
  url: string;
  /** The request path, percent-decoded where possible. */
  path: string;
  /** The query string without `?`. */
  rawQuery: string;
  query: Record<string, string[]>;
  /** Header values by name as the client wrote it. */
  headers: Record<string, string[]>;
  /** Header values by lower-case name. */
  lowerHeaders: Record<string, string[]>;
  body: Buffer;
  /** The client address, normalised by `@gatehouse/policy`'s one reader (`""` when refused). */
  sourceIp: string;
  /**
   * The trusted `X-Forwarded-For` (or the socket) gave an address that reader refuses
   * (`010.0.0.1`, a port, a zone id, not an address): the request is refused, never evaluated
   * with some other address.
   */
  sourceIpRefused: boolean;
  userAgent: string;
  /** Mutual TLS: the client certificate that passed, for the events' `clientCert`. */
  clientCert?: ClientCertificate | undefined;
  /** Mutual TLS: the access model's refusal of the client certificate (`decideMutualTls`). */
  mutualTlsRefusal?: MutualTlsRefusal | undefined;
}

const ABSOLUTE_FORM = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * @internal The origin-form (`/path?query`) of a request-target, read without URL parsing, so `//`
 * or `//evil.example/x` stay paths: an absolute-form target (`http://host/path?q`, which a server
 * must accept, RFC 9112 section 3.2.2) gives its path and query (`/` without a path); the
 * asterisk-form `*` and anything else give `undefined`.
 */
export function originForm(target: string | undefined): string | undefined {
  if (target === undefined) return undefined;
  if (!ABSOLUTE_FORM.test(target)) return target.startsWith("/") ? target : undefined;
  const afterScheme = target.indexOf("//") + 2;
  const pathAt = target.slice(afterScheme).search(/[/?#]/);
  if (pathAt === -1) return "/";
  const rest = target.slice(afterScheme + pathAt);
  if (rest.startsWith("/")) return rest;
  return rest.startsWith("?") ? `/${rest}` : "/";
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * The client address: the first `X-Forwarded-For` entry when trusted and present, else the
 * socket's, read as `normalizeIpAddress` reads it (`::ffff:a.b.c.d` is the IPv4 caller, IPv6 in
 * RFC 5952 form); `undefined` when that entry is refused (never a silent fall-back to the socket
 * address, which a Deny list would not name).
 * @internal
 */
export function clientIp(request: IncomingMessage, trustForwardedFor: boolean): string | undefined {
  let candidate: string = request.socket.remoteAddress ?? "127.0.0.1";
  if (trustForwardedFor) {
    const header = request.headers["x-forwarded-for"];
    const value = Array.isArray(header) ? header.join(",") : header;
    // A list of entries separated by commas with optional whitespace around them (RFC 9110 5.6.1).
    if (value !== undefined) candidate = value.split(",")[0]?.replace(/^[ \t]+|[ \t]+$/g, "") ?? "";
  }
  try {
    return normalizeIpAddress(candidate, "X-Forwarded-For");
  } catch {
    return undefined;
  }
}

/** @internal `target` is the request's {@link originForm}. */
export function readIncoming(
  request: IncomingMessage,
  target: string,
  body: Buffer,
  sourceIp: string | undefined,
): IncomingRequest {
  const queryIndex = target.indexOf("?");
  const rawPath = queryIndex === -1 ? target : target.slice(0, queryIndex);
  const rawQuery = queryIndex === -1 ? "" : target.slice(queryIndex + 1);
  const query: Record<string, string[]> = {};
  // Names come from the wire: `constructor` or `__proto__` must be plain keys.
  const push = (map: Record<string, string[]>, name: string, value: string) => {
    if (Object.hasOwn(map, name)) (map[name] as string[]).push(value);
    else if (name !== "__proto__") map[name] = [value];
    else Object.defineProperty(map, name, { value: [value], enumerable: true, writable: true });
  };
  for (const [name, value] of new URLSearchParams(rawQuery)) push(query, name, value);
  const headers: Record<string, string[]> = {};
  const lowerHeaders: Record<string, string[]> = {};
  const caseOf = new Map<string, string>();
  const raw = request.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const name = raw[index] as string;
    const value = raw[index + 1] as string;
    const lower = name.toLowerCase();
    const written = caseOf.get(lower) ?? name;
    caseOf.set(lower, written);
    push(headers, written, value);
    push(lowerHeaders, lower, value);
  }
  return {
    method: (request.method ?? "GET").toUpperCase(),
    url: `http://${request.headers.host ?? "127.0.0.1"}${target}`,
    path: decodePath(rawPath) || "/",
    rawQuery,
    query,
    headers,
    lowerHeaders,
    body,
    sourceIp: sourceIp ?? "",
    sourceIpRefused: sourceIp === undefined,
    userAgent: lowerHeaders["user-agent"]?.[0] ?? "",
  };
}
