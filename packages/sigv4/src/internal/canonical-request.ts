import { escapeUri } from "./escape-uri.js";

/**
 * The path after RFC 3986 dot-segment removal as SigV4 does it (smithy, botocore, aws-c-auth):
 * empty and `.` segments dropped, `..` removes the segment before it, a leading and a trailing `/`
 * kept.
 */
function removeDotSegments(path: string): string {
  // Almost every API path has neither `//` nor a segment starting with `.`: nothing to remove.
  if (!path.includes("//") && !path.includes("/.") && !path.startsWith(".")) return path;
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  const leading = path.startsWith("/") ? "/" : "";
  const trailing = segments.length > 0 && path.endsWith("/") ? "/" : "";
  return `${leading}${segments.join("/")}${trailing}`;
}

/**
 * The canonical URI: the wire path (already percent-encoded once), dot segments removed when
 * `normalizePath`, then percent-encoded again with `/` kept, as every service but S3 expects.
 */
function canonicalPath(path: string, normalizePath: boolean): string {
  const escaped = escapeUri(normalizePath ? removeDotSegments(path) : path);
  return escaped.includes("%2F") ? escaped.replace(/%2F/g, "/") : escaped;
}

function compareEncoded(a: readonly [string, string], b: readonly [string, string]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}

/**
 * The canonical query string: each key and value `UriEncode`d, pairs sorted by encoded key, then
 * by encoded value (repeated keys and empty values kept), joined with `&`. An `X-Amz-Signature`
 * parameter (any case) is left out, as the signature cannot sign itself.
 */
function canonicalQuery(pairs: ReadonlyArray<readonly [string, string]>): string {
  if (pairs.length === 0) return "";
  const encoded: Array<[string, string]> = [];
  for (const [key, value] of pairs) {
    if (key.length === 15 && key.toLowerCase() === "x-amz-signature") continue;
    encoded.push([escapeUri(key), escapeUri(value)]);
  }
  if (encoded.length > 1) encoded.sort(compareEncoded);
  let query = "";
  for (const [key, value] of encoded)
    query += query === "" ? `${key}=${value}` : `&${key}=${value}`;
  return query;
}

/** What goes into a canonical request. @internal */
export interface CanonicalRequestInput {
  method: string;
  /** The wire path, percent-encoded once (`/prod/a%20b`). */
  path: string;
  /** Decoded `[key, value]` query pairs, in any order. */
  query: ReadonlyArray<readonly [string, string]>;
  /** Canonical header values by lower-case name (see `getCanonicalHeaders`). */
  canonicalHeaders: Readonly<Record<string, string>>;
  /** The names of `canonicalHeaders`, sorted. */
  signedHeaders: readonly string[];
  /** Hex SHA-256 of the payload, or `UNSIGNED-PAYLOAD`. */
  payloadHash: string;
  /** Remove dot segments from the path (every service but S3). */
  normalizePath: boolean;
}

/**
 * The SigV4 canonical request: method, canonical URI, canonical query, canonical headers (one
 * `name:value` line each), a blank line, the signed header list and the payload hash, joined with
 * `\n`. Owned here end to end (smithy keeps this step in a protected method); the official suite,
 * botocore and smithy's public `SignatureV4.sign` check it (`conformance.test.ts`,
 * `botocore-differential.test.ts`, `canonical-request.test.ts`). Throws `URIError` for a lone
 * UTF-16 surrogate in the path or query.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
 * @internal
 */
export function createCanonicalRequest(input: CanonicalRequestInput): string {
  const { canonicalHeaders, signedHeaders } = input;
  let headerLines = "";
  for (const name of signedHeaders) {
    headerLines +=
      headerLines === ""
        ? `${name}:${canonicalHeaders[name]}`
        : `\n${name}:${canonicalHeaders[name]}`;
  }
  return (
    `${input.method}\n${canonicalPath(input.path, input.normalizePath)}\n` +
    `${canonicalQuery(input.query)}\n${headerLines}\n\n${signedHeaders.join(";")}\n${input.payloadHash}`
  );
}
