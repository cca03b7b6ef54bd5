import { SigV4Error } from "../errors.js";
import type { SignedRequest, SigningDetails } from "../sign-request.js";

/** One part of the canonical request (or the string to sign) where the server and you disagree. */
export interface SignatureMismatchDifference {
  part:
    | "method"
    | "path"
    | "query"
    | "headers"
    | "signed-headers"
    | "payload-hash"
    | "string-to-sign";
  /** What API Gateway computed (session tokens redacted). For `headers`: `name:value`. */
  expected: string;
  /** What you signed (session tokens redacted). */
  actual: string;
}

/** The result of {@link explainSignatureMismatch}. Safe to log: session tokens are redacted. */
export interface SignatureMismatchExplanation {
  /** The canonical request API Gateway computed, session token redacted. */
  expectedCanonicalRequest: string;
  /** The string to sign API Gateway computed, when the body had it. */
  expectedStringToSign: string | undefined;
  /** Every difference, in canonical-request order (`headers` once per differing header). */
  differences: SignatureMismatchDifference[];
  /** One paragraph for a human: what differs and the usual cause. */
  summary: string;
}

interface CanonicalParts {
  method: string;
  path: string;
  query: string;
  headers: Map<string, string>;
  signedHeaders: string;
  payloadHash: string;
}

const CANONICAL_INTRO = "The Canonical String for this request should have been\n'";
const STRING_TO_SIGN_INTRO = "'\n\nThe String-to-Sign should have been\n'";
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const TOKEN_HEADER = "x-amz-security-token";

/**
 * Explains API Gateway's `403 The request signature we calculated does not match the signature you
 * provided`: the response body carries the canonical request and string to sign the server
 * computed; this compares them with what you signed and says, part by part, what differs and why
 * that usually happens (path encoded once too few or too many times, a header changed by a proxy
 * or the HTTP client, a body re-serialised after signing, a wrong region...). When nothing differs
 * the secret access key is wrong.
 *
 * Session tokens (`x-amz-security-token` header, `X-Amz-Security-Token` query parameter) are
 * redacted everywhere in the result, so it can be logged.
 *
 * @param responseBody - The 403 body: API Gateway's JSON `{"message": ...}`, or the message text.
 * @param signed - What `signRequest` returned for that request, or its `signing` details.
 * @returns The server's canonical request, the differences and a one-paragraph summary.
 * @throws SigV4Error `signature_mismatch_unparseable` when the body has no canonical string.
 * @throws TypeError when `responseBody` is not a string or `signed` has no canonical request.
 * @example
 * ```ts
 * const signed = await signRequest(request, { credentials });
 * const response = await fetch(signed.url, signed);
 * if (response.status === 403) {
 *   console.log(explainSignatureMismatch(await response.text(), signed).summary);
 * }
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html
 */
export function explainSignatureMismatch(
  responseBody: string,
  signed: SignedRequest | SigningDetails,
): SignatureMismatchExplanation {
  if (typeof responseBody !== "string") {
    throw new TypeError("explainSignatureMismatch: responseBody must be a string");
  }
  const details = signingDetailsOf(signed);
  const server = extractServerStrings(responseBody);
  const expected = parseCanonical(server.canonicalRequest);
  if (expected === undefined) throw unparseable();
  const actual = parseCanonical(details.canonicalRequest);
  if (actual === undefined) {
    throw new TypeError(
      "explainSignatureMismatch: signed.canonicalRequest is not a canonical request",
    );
  }

  fillRedactedToken(expected, actual);
  const secrets = new Set([expected, actual].flatMap(tokensOf).filter((token) => token.length > 0));
  const redact = (text: string) => redactText(text, secrets);

  const differences: SignatureMismatchDifference[] = [];
  const hints: string[] = [];
  const add = (part: SignatureMismatchDifference["part"], e: string, a: string, hint: string) => {
    differences.push({ part, expected: redact(e), actual: redact(a) });
    hints.push(redact(hint));
  };

  if (expected.method !== actual.method) {
    add("method", expected.method, actual.method, methodHint(expected.method, actual.method));
  }
  if (expected.path !== actual.path) {
    add("path", expected.path, actual.path, pathHint(expected.path, actual.path));
  }
  if (expected.query !== actual.query) {
    add("query", expected.query, actual.query, queryHint(expected.query, actual.query));
  }
  for (const name of [...new Set([...expected.headers.keys(), ...actual.headers.keys()])].sort()) {
    const e = expected.headers.get(name);
    const a = actual.headers.get(name);
    if (e === a) continue;
    add(
      "headers",
      e === undefined ? "(not signed)" : `${name}:${e}`,
      a === undefined ? "(not signed)" : `${name}:${a}`,
      headerHint(name, e, a),
    );
  }
  if (expected.signedHeaders !== actual.signedHeaders) {
    add(
      "signed-headers",
      expected.signedHeaders,
      actual.signedHeaders,
      `The server read SignedHeaders=${expected.signedHeaders} from the Authorization header but the details you passed list ${actual.signedHeaders}: the Authorization header was changed after signing, or these details belong to another request.`,
    );
  }
  if (expected.payloadHash !== actual.payloadHash) {
    add(
      "payload-hash",
      expected.payloadHash,
      actual.payloadHash,
      payloadHint(expected.payloadHash, actual.payloadHash),
    );
  }
  const canonicalDiffers = differences.length > 0;
  if (server.stringToSign !== undefined) {
    const hint = stringToSignHint(server.stringToSign, details.stringToSign, canonicalDiffers);
    if (hint !== undefined) {
      add("string-to-sign", server.stringToSign, details.stringToSign, hint);
    }
  }

  return {
    expectedCanonicalRequest: redact(server.canonicalRequest),
    expectedStringToSign: server.stringToSign,
    differences,
    summary: redact(summarise(differences.length, canonicalDiffers, hints, server.stringToSign)),
  };
}

function signingDetailsOf(signed: SignedRequest | SigningDetails): SigningDetails {
  const details =
    typeof signed === "object" && signed !== null && "signing" in signed ? signed.signing : signed;
  if (
    typeof details !== "object" ||
    details === null ||
    typeof details.canonicalRequest !== "string" ||
    typeof details.stringToSign !== "string"
  ) {
    throw new TypeError(
      "explainSignatureMismatch: signed must be a SignedRequest or its SigningDetails",
    );
  }
  return details;
}

function unparseable(): SigV4Error {
  // Never quote the body: it holds the server's canonical request, session token included.
  return new SigV4Error(
    "signature_mismatch_unparseable",
    "explainSignatureMismatch: the response body does not contain API Gateway's canonical string (is it a signature-mismatch 403?)",
    { path: "responseBody", expected: "API Gateway's 'signature does not match' 403 body" },
  );
}

function extractServerStrings(body: string): {
  canonicalRequest: string;
  stringToSign: string | undefined;
} {
  let text = messageOf(body).replace(/\r\n/g, "\n");
  // A message copied from a log line often keeps its JSON escapes.
  if (!text.includes(CANONICAL_INTRO) && text.includes("should have been\\n'")) {
    text = text.replace(/\\n/g, "\n").replace(/\\'/g, "'");
  }
  const start = text.indexOf(CANONICAL_INTRO);
  if (start < 0) throw unparseable();
  const from = start + CANONICAL_INTRO.length;
  const middle = text.indexOf(STRING_TO_SIGN_INTRO, from);
  if (middle < 0) {
    const end = text.lastIndexOf("'");
    if (end < from) throw unparseable();
    return { canonicalRequest: text.slice(from, end), stringToSign: undefined };
  }
  const stsFrom = middle + STRING_TO_SIGN_INTRO.length;
  const stsEnd = text.lastIndexOf("'");
  return {
    canonicalRequest: text.slice(from, middle),
    stringToSign: stsEnd > stsFrom ? text.slice(stsFrom, stsEnd) : undefined,
  };
}

function messageOf(body: string): string {
  const trimmed = body.trim();
  if (!trimmed.startsWith("{")) return body;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (typeof parsed === "object" && parsed !== null) {
      const { message, Message } = parsed as Record<string, unknown>;
      if (typeof message === "string") return message;
      if (typeof Message === "string") return Message;
    }
  } catch {
    // Not JSON after all: read it as text.
  }
  return body;
}

function parseCanonical(canonical: string): CanonicalParts | undefined {
  const lines = canonical.split("\n");
  const n = lines.length;
  if (n < 6 || lines[n - 3] !== "") return undefined;
  const headers = new Map<string, string>();
  for (const line of lines.slice(3, n - 3)) {
    const colon = line.indexOf(":");
    if (colon <= 0) return undefined;
    headers.set(line.slice(0, colon), line.slice(colon + 1));
  }
  return {
    method: lines[0]!,
    path: lines[1]!,
    query: lines[2]!,
    headers,
    signedHeaders: lines[n - 2]!,
    payloadHash: lines[n - 1]!,
  };
}

/** `<redacted>`, `<redacted, 812 chars>`, `****`: a token someone (a logger, a test server) hid. */
function isRedactedValue(value: string): boolean {
  return /^(?:<[^>]*redacted[^>]*>|%3C[^%]*redacted.*%3E|\*{3,}|\[redacted\])$/i.test(value);
}

/**
 * When the server's canonical request shows the session token redacted, compare as if it held the
 * token you signed: a redacted value says nothing about whether the token matched.
 */
function fillRedactedToken(expected: CanonicalParts, actual: CanonicalParts): void {
  const header = expected.headers.get(TOKEN_HEADER);
  const actualHeader = actual.headers.get(TOKEN_HEADER);
  if (header !== undefined && actualHeader !== undefined && isRedactedValue(header)) {
    expected.headers.set(TOKEN_HEADER, actualHeader);
  }
  const actualToken = queryToken(actual.query);
  if (actualToken === undefined) return;
  expected.query = expected.query
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const isToken = eq > 0 && pair.slice(0, eq).toLowerCase() === TOKEN_HEADER;
      return isToken && isRedactedValue(pair.slice(eq + 1))
        ? `${pair.slice(0, eq)}=${actualToken}`
        : pair;
    })
    .join("&");
}

function queryToken(query: string): string | undefined {
  for (const pair of query.split("&")) {
    const eq = pair.indexOf("=");
    if (eq > 0 && pair.slice(0, eq).toLowerCase() === TOKEN_HEADER) return pair.slice(eq + 1);
  }
  return undefined;
}

function tokensOf(parts: CanonicalParts): string[] {
  const tokens: string[] = [];
  const header = parts.headers.get(TOKEN_HEADER);
  if (header !== undefined) tokens.push(header);
  const query = queryToken(parts.query);
  if (query !== undefined) tokens.push(query, safeDecode(query));
  return tokens;
}

function mask(value: string): string {
  return `<redacted, ${value.length} chars>`;
}

function redactText(text: string, secrets: ReadonlySet<string>): string {
  let out = text
    .replace(
      /(^|\n)(x-amz-security-token:)([^\n]+)/gi,
      (_m, pre: string, name: string, value: string) =>
        value.startsWith("<redacted") ? `${pre}${name}${value}` : `${pre}${name}${mask(value)}`,
    )
    .replace(/((?:^|[?&\n])X-Amz-Security-Token=)([^&\n]+)/gi, (_m, pre: string, value: string) =>
      value.startsWith("<redacted") ? `${pre}${value}` : `${pre}${mask(value)}`,
    );
  // Belt and braces: a token quoted anywhere else (a hint, a header) is masked too.
  for (const secret of secrets) {
    if (secret.length >= 8) out = out.split(secret).join(mask(secret));
  }
  return out;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** How many rounds of percent-decoding change `value`, and what is left after them. */
function encodingDepth(value: string): { depth: number; plain: string } {
  let depth = 0;
  let current = value;
  while (depth < 5) {
    const next = safeDecode(current);
    if (next === current) break;
    current = next;
    depth += 1;
  }
  return { depth, plain: current };
}

function methodHint(expected: string, actual: string): string {
  return `The server saw method ${expected} but you signed ${actual}: a redirect, a proxy or the HTTP client changed the method after signing (fetch sends only DELETE, GET, HEAD, OPTIONS, POST and PUT upper-cased; sign "PATCH", not "patch").`;
}

function pathHint(expected: string, actual: string): string {
  const lead = `The server saw path ${expected} but you signed ${actual}`;
  const e = encodingDepth(expected);
  const a = encodingDepth(actual);
  if (e.plain === a.plain && e.depth !== a.depth) {
    return a.depth < e.depth
      ? `${lead}: encode the path once more. SigV4 for API Gateway signs the wire path (already percent-encoded) encoded a second time; sign the URL exactly as it is sent and let the signer do the second encoding.`
      : `${lead}: you encoded the path once too many times; pass the URL as it is sent on the wire (encoded once) and do not encode it again before signing.`;
  }
  if (expected.toLowerCase() === actual.toLowerCase()) {
    return `${lead}: they differ in letter case only; percent-escapes must be upper-case (%2F, not %2f) and paths are case-sensitive.`;
  }
  if (normaliseSegments(actual) === expected) {
    return `${lead}: the server removes '.' and '..' segments and empty segments ('//') before checking; sign the normalised path (normalizePath: true).`;
  }
  if (expected === `${actual}/` || actual === `${expected}/`) {
    return `${lead}: they differ by a trailing slash; sign exactly the path that is sent.`;
  }
  if (expected.endsWith(actual) || actual.endsWith(expected)) {
    const longer = expected.length > actual.length ? expected : actual;
    const prefix = longer.slice(0, longer.length - Math.min(expected.length, actual.length));
    return expected.length > actual.length
      ? `${lead}: the server saw the extra prefix ${prefix}; sign the full path of the URL you call (stage name or custom-domain base path included), not the route.`
      : `${lead}: you signed the prefix ${prefix} that the server did not see; a proxy or a custom domain's base path mapping rewrote the path between signing and API Gateway.`;
  }
  return `${lead}: sign the exact path of the URL that is sent; something between you and API Gateway (a proxy, a rewrite, a redirect) changed it.`;
}

function normaliseSegments(path: string): string {
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") out.pop();
    else out.push(segment);
  }
  const joined = `/${out.join("/")}`;
  return path.endsWith("/") && joined !== "/" ? `${joined}/` : joined;
}

function queryHint(expected: string, actual: string): string {
  const lead = `The server saw query ${expected === "" ? "(empty)" : expected} but you signed ${actual === "" ? "(empty)" : actual}`;
  const e = queryPairs(expected);
  const a = queryPairs(actual);
  const eNames = new Set(e.map(([name]) => safeDecode(name)));
  const aNames = new Set(a.map(([name]) => safeDecode(name)));
  const onlyServer = [...eNames].filter((name) => !aNames.has(name));
  const onlyYou = [...aNames].filter((name) => !eNames.has(name));
  if (onlyServer.length > 0 || onlyYou.length > 0) {
    const parts: string[] = [];
    if (onlyServer.length > 0)
      parts.push(`the server received ${onlyServer.join(", ")} that you did not sign`);
    if (onlyYou.length > 0)
      parts.push(`you signed ${onlyYou.join(", ")} that the server did not receive`);
    return `${lead}: ${parts.join(" and ")}; sign the final URL, after every parameter is added.`;
  }
  const sorted = (pairs: Array<[string, string]>) =>
    pairs
      .map((p) => p.join("="))
      .sort()
      .join("&");
  if (sorted(e) === sorted(a)) {
    return `${lead}: same parameters, different order; the canonical query is sorted by encoded name, then value.`;
  }
  if (actual.includes("+") && expected.includes("%2B")) {
    return `${lead}: SigV4 reads '+' in a query string as a literal plus (%2B); encode spaces as %20, not '+' (URLSearchParams writes '+').`;
  }
  const plain = (pairs: Array<[string, string]>) =>
    pairs
      .map(([name, value]) => `${safeDecode(name)}=${safeDecode(value)}`)
      .sort()
      .join("&");
  if (plain(e) === plain(a)) {
    return `${lead}: they differ only in percent-encoding; encode names and values once, RFC 3986 style (A-Z a-z 0-9 - _ . ~ left as is, everything else %XX upper-case).`;
  }
  return `${lead}: a parameter value changed between signing and the server.`;
}

function queryPairs(query: string): Array<[string, string]> {
  if (query === "") return [];
  return query.split("&").map((pair) => {
    const eq = pair.indexOf("=");
    return eq < 0 ? [pair, ""] : [pair.slice(0, eq), pair.slice(eq + 1)];
  });
}

function headerHint(
  name: string,
  expected: string | undefined,
  actual: string | undefined,
): string {
  if (expected === undefined) {
    return `The server signs header ${name} but you did not: the SignedHeaders the server read do not match your signing details.`;
  }
  if (actual === undefined) {
    return `You signed header ${name} but the server's SignedHeaders do not include it: these details belong to another request, or the Authorization header was changed.`;
  }
  if (name === TOKEN_HEADER) {
    return "The session token the server received is not the one you signed (values redacted): the token was re-encoded, truncated or replaced after signing.";
  }
  if (expected === "") {
    return `Header ${name} was signed with value '${actual}' but did not reach the server (a proxy, a CDN or the browser dropped it); sign only headers that arrive unchanged.`;
  }
  if (name === "host") {
    return `The server saw host '${expected}' but you signed '${actual}': sign the host the request is actually sent to (a port, a proxy or a custom domain changes it).`;
  }
  if (expected === actual.trim().replace(/\s+/g, " ")) {
    return `Header ${name} signed with value '${actual}' but the server saw '${expected}': trim the value and collapse runs of spaces before signing (the signer should do this).`;
  }
  if (name === "content-type" && expected.startsWith(actual)) {
    return `Header content-type signed as '${actual}' but the server saw '${expected}': the HTTP client added to it after signing; set the full content type (e.g. with ';charset=UTF-8') before signing.`;
  }
  if (name === "x-amz-date") {
    return `Header x-amz-date signed as '${actual}' but the server saw '${expected}': the request was signed again, or the header was replaced after signing.`;
  }
  return `Header ${name} signed with value '${actual}' but the server saw '${expected}': something between you and API Gateway (a proxy, the browser, the HTTP client) changed it.`;
}

function payloadHint(expected: string, actual: string): string {
  if (expected === EMPTY_SHA256) {
    return "The server received an empty body but you signed a non-empty one: the body was dropped (a GET or HEAD with a body, a stream already read, a redirect that turned POST into GET).";
  }
  if (actual === EMPTY_SHA256) {
    return "You signed an empty body but the server received one: sign the request with the body it is sent with.";
  }
  if (actual === "UNSIGNED-PAYLOAD") {
    return "You signed UNSIGNED-PAYLOAD but the server hashed the body: API Gateway needs the SHA-256 of the body; buffer the body instead of streaming it.";
  }
  return "The body the server received hashes differently from the body you signed: it changed after signing (JSON serialised twice or differently, another character encoding, compression by a proxy), or payloadHash does not match the bytes sent.";
}

function stringToSignHint(
  expected: string,
  actual: string,
  canonicalDiffers: boolean,
): string | undefined {
  const [eAlg, eDate, eScope, eHash] = expected.split("\n");
  const [aAlg, aDate, aScope, aHash] = actual.split("\n");
  const hints: string[] = [];
  if (eAlg !== aAlg) hints.push(`the algorithm is ${eAlg ?? "?"}, not ${aAlg ?? "?"}`);
  if (eDate !== aDate)
    hints.push(`the server used date ${eDate ?? "?"} but you signed ${aDate ?? "?"}`);
  if (eScope !== aScope) {
    const [eDay, eRegion, eService] = (eScope ?? "").split("/");
    const [aDay, aRegion, aService] = (aScope ?? "").split("/");
    if (eRegion !== aRegion)
      hints.push(
        `the API is in region ${eRegion ?? "?"} but you signed for ${aRegion ?? "?"} (set the region option)`,
      );
    if (eService !== aService)
      hints.push(
        `the service is ${eService ?? "?"} but you signed for ${aService ?? "?"} (API Gateway is execute-api)`,
      );
    if (eDay !== aDay)
      hints.push(`the credential scope date is ${eDay ?? "?"}, not ${aDay ?? "?"}`);
  }
  if (hints.length === 0 && !canonicalDiffers && eHash !== aHash) {
    hints.push(
      "the canonical requests match but hash differently: the details passed are not those of this request",
    );
  }
  if (hints.length === 0) return undefined;
  return `In the string to sign, ${hints.join("; ")}.`;
}

function summarise(
  count: number,
  canonicalDiffers: boolean,
  hints: string[],
  stringToSign: string | undefined,
): string {
  if (count === 0) {
    return stringToSign === undefined
      ? "The canonical request matches the one the server computed (its string to sign was not in the body): check the region, service and date of the credential scope, then the secret access key (a trailing newline or space from a file or variable is common)."
      : "The canonical request and the string to sign match what the server computed, so the signature differs because of the key: the secret access key does not belong to the access key id (a trailing newline or space from a file or variable is common), or the signature was changed in transit.";
  }
  const opening = canonicalDiffers
    ? `API Gateway computed a different canonical request from the one you signed (${count} difference${count === 1 ? "" : "s"}).`
    : "The canonical requests match but the string to sign differs.";
  return [opening, ...hints].join(" ");
}
