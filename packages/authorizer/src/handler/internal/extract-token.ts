import { authorizerError } from "../../errors.js";
import type { BearerMode, TokenSource } from "../authorizer-options.js";
import type { RawEvent, RecognisedEvent } from "./recognise-event.js";

/** token68 (RFC 7235): what a bearer token, and every compact JWS, is made of. */
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function malformed(message: string): never {
  throw authorizerError("malformed_token", message);
}

/** The single distinct value, `undefined` for none, or a refusal for several. */
function single(values: readonly string[], what: string): string | undefined {
  const distinct = [...new Set(values.filter((value) => value !== ""))];
  if (distinct.length > 1) malformed(`${what} has several different values`);
  return distinct[0];
}

function headerValues(record: RawEvent, name: string): string[] {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  const { headers, multiValueHeaders: multi } = record;
  if (isRecord(headers)) {
    for (const [key, value] of Object.entries(headers)) {
      if (key.toLowerCase() === wanted && typeof value === "string") values.push(value);
    }
  }
  if (isRecord(multi)) {
    for (const [key, list] of Object.entries(multi)) {
      if (key.toLowerCase() !== wanted || !Array.isArray(list)) continue;
      for (const value of list) if (typeof value === "string") values.push(value);
    }
  }
  return values;
}

function queryValues(record: RawEvent, name: string): string[] {
  const values: string[] = [];
  const { queryStringParameters: query, multiValueQueryStringParameters: multi } = record;
  if (isRecord(query) && Object.hasOwn(query, name) && typeof query[name] === "string") {
    values.push(query[name]);
  }
  if (isRecord(multi) && Object.hasOwn(multi, name) && Array.isArray(multi[name])) {
    for (const value of multi[name] as unknown[]) if (typeof value === "string") values.push(value);
  }
  return values;
}

function cookieValues(record: RawEvent, name: string): string[] {
  const pairs: string[] = [];
  const { cookies } = record;
  if (Array.isArray(cookies)) {
    for (const cookie of cookies) if (typeof cookie === "string") pairs.push(...cookie.split(";"));
  }
  for (const header of headerValues(record, "cookie")) pairs.push(...header.split(";"));
  const values: string[] = [];
  for (const pair of pairs) {
    const equals = pair.indexOf("=");
    if (equals === -1 || pair.slice(0, equals).trim() !== name) continue;
    let value = pair.slice(equals + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
      value = value.slice(1, -1);
    values.push(value);
  }
  return values;
}

function protocolValues(record: RawEvent, prefix: string): string[] {
  const values: string[] = [];
  for (const header of headerValues(record, "sec-websocket-protocol")) {
    for (const entry of header.split(",")) {
      const protocol = entry.trim();
      if (protocol.startsWith(prefix)) values.push(protocol.slice(prefix.length));
    }
  }
  return values;
}

/**
 * `BEARER.exec(text)?.[1]` without the regex (whose `(.*)` copies the whole token): a
 * case-insensitive `bearer`, one or more spaces, then the rest, which (like `.`) must hold no line
 * terminator; `undefined` when `text` is not of that form.
 */
function afterBearer(text: string): string | undefined {
  // Each letter in either case (`c | 0x20` folds exactly the ASCII upper case onto the lower).
  if (
    text.length < 7 ||
    (text.charCodeAt(0) | 0x20) !== 0x62 ||
    (text.charCodeAt(1) | 0x20) !== 0x65 ||
    (text.charCodeAt(2) | 0x20) !== 0x61 ||
    (text.charCodeAt(3) | 0x20) !== 0x72 ||
    (text.charCodeAt(4) | 0x20) !== 0x65 ||
    (text.charCodeAt(5) | 0x20) !== 0x72 ||
    text.charCodeAt(6) !== 0x20
  ) {
    return undefined;
  }
  let start = 7;
  while (text.charCodeAt(start) === 32) start++;
  const rest = text.slice(start);
  if (
    rest.includes("\n") ||
    rest.includes("\r") ||
    rest.includes("\u2028") ||
    rest.includes("\u2029")
  ) {
    return undefined;
  }
  return rest;
}

function stripBearer(value: string, mode: BearerMode, what: string): string {
  const trimmed = value.trim();
  const rest = afterBearer(trimmed);
  if (rest !== undefined) return rest.trim();
  if (mode === "required") malformed(`${what} is not a Bearer credential`);
  return trimmed;
}

function tokenEventBearer(sources: readonly TokenSource[]): BearerMode {
  for (const source of sources) {
    if (source.from === "authorizationToken" || source.from === "header") {
      return source.bearer ?? "required";
    }
  }
  return "required";
}

/** The raw value of one source, with any `Bearer ` removed; `undefined` when absent. */
function readSource(source: TokenSource, event: RecognisedEvent): string | undefined {
  const { record } = event;
  switch (source.from) {
    case "authorizationToken": {
      if (event.shape !== "http-v1") return undefined;
      const value = record.authorizationToken;
      if (typeof value !== "string" || value === "") return undefined;
      // HTTP API 1.0 joins every identity source with commas: only a single value is a token.
      if (value.includes(",")) {
        malformed(
          'the HTTP API 1.0 authorizationToken joins several identity sources; read the token with { from: "header" }',
        );
      }
      return stripBearer(value, source.bearer ?? "required", "authorizationToken");
    }
    case "header": {
      const value = single(headerValues(record, source.name), `header ${source.name}`);
      return value === undefined
        ? undefined
        : stripBearer(value, source.bearer ?? "required", `header ${source.name}`);
    }
    case "query":
      return single(queryValues(record, source.name), `query parameter ${source.name}`);
    case "cookie":
      return single(cookieValues(record, source.name), `cookie ${source.name}`);
    case "webSocketProtocol":
      return single(protocolValues(record, source.prefix ?? "bearer."), "Sec-WebSocket-Protocol");
  }
}

/**
 * Reads the token from the first configured source present in the event.
 * @throws AuthorizerError `missing_token` when no source is present, `malformed_token` for a
 *   present value that is ambiguous or lacks a required `Bearer ` (token68 is checked by
 *   {@link checkTokenCharacters}).
 * @internal
 */
export function extractToken(event: RecognisedEvent, sources: readonly TokenSource[]): string {
  let token: string | undefined;
  if (event.shape === "rest-token") {
    const value = event.record.authorizationToken;
    if (typeof value === "string" && value.trim() !== "") {
      token = stripBearer(value, tokenEventBearer(sources), "authorizationToken");
    }
  } else {
    for (const source of sources) {
      token = readSource(source, event);
      if (token !== undefined) break;
    }
  }
  if (token === undefined || token === "") {
    throw authorizerError("missing_token", "no token in the event where the token sources look");
  }
  return token;
}

/**
 * The second half of extraction: the token must be token68. Separate so that a decision-cache hit
 * can skip it (a cached token is the same string, already checked); anything else calls it right
 * after {@link extractToken}.
 * @throws AuthorizerError `malformed_token`.
 * @internal
 */
export function checkTokenCharacters(token: string): void {
  if (!TOKEN68.test(token)) malformed("the token has characters a bearer token cannot have");
}
