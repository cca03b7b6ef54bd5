import type { AwsCredentials } from "../credentials/aws-credentials.js";
import { SigV4Error } from "../errors.js";
import type { SigningDetails } from "../sign-request.js";
import { createCanonicalRequest } from "./canonical-request.js";
import { sha256Hex } from "./sha256.js";
import {
  createScope,
  createSignature,
  createStringToSign,
  formatDates,
  getCanonicalHeaders,
} from "./signer.js";

/**
 * A request as it goes on the wire: the raw path from the request line (already percent-encoded
 * once, no WHATWG normalisation), decoded query pairs in order, header pairs in order (`host` among
 * them), and the body: bytes, or text hashed as UTF-8.
 * @internal
 */
export interface HttpRequestToSign {
  method: string;
  /** The wire path, e.g. `/prod/a%20b` (or the raw `/example space/` of the official suite). */
  path: string;
  /** Decoded `[key, value]` pairs; repeated keys and empty values are kept. */
  query: ReadonlyArray<readonly [string, string]>;
  /** `[name, value]` pairs, any case; repeated names are joined with `,`. Must contain `host`. */
  headers: ReadonlyArray<readonly [string, string]>;
  body?: Uint8Array | string | undefined;
}

/** @internal */
export interface HttpSignOptions {
  /** Resolved, validated credentials. */
  credentials: AwsCredentials;
  region: string;
  service: string;
  date: Date;
  normalizePath: boolean;
  /** Header signing only: add (and sign) `x-amz-content-sha256`. */
  contentSha256Header: boolean;
  /** Hex SHA-256 or `UNSIGNED-PAYLOAD`, used instead of hashing `body`. */
  payloadHash?: string | undefined;
  /** Query (presigned URL) signing instead of the Authorization header. */
  presign?: { expiresIn: number } | undefined;
}

/** @internal */
export interface HttpSignResult {
  /** Headers to send, lower-case names, in input order followed by the ones signing added. */
  headers: Array<[string, string]>;
  /** Decoded query pairs to send: the input's, then the `X-Amz-*` ones when presigning. */
  query: Array<[string, string]>;
  signature: string;
  signing: SigningDetails;
}

const AUTH_QUERY_KEYS = new Set([
  "x-amz-algorithm",
  "x-amz-credential",
  "x-amz-date",
  "x-amz-signedheaders",
  "x-amz-expires",
  "x-amz-security-token",
  "x-amz-signature",
]);
// What smithy's prepareRequest strips before header signing: stale auth and a Date x-amz-date replaces.
const GENERATED_HEADERS = new Set(["authorization", "x-amz-date", "date"]);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const PAYLOAD_HASH = /^(?:[0-9a-f]{64}|UNSIGNED-PAYLOAD)$/;

const EMPTY_PAYLOAD_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** Trimall of the SigV4 spec, per value, so repeated headers join as `a,b` (botocore, aws-c-auth). */
function trimAll(value: string): string {
  return value
    .replace(/[\r\n]/g, " ")
    .replace(/[ \t]+/g, " ")
    .trim();
}

/** Header pairs by lower-case name, in first-seen order; repeated names trimmed and joined with `,`. */
function mergeHeaders(pairs: ReadonlyArray<readonly [string, string]>): Map<string, string> {
  const merged = new Map<string, string>();
  let repeated: Map<string, string[]> | undefined;
  for (const [name, value] of pairs) {
    if (!HEADER_NAME.test(name)) {
      throw new SigV4Error(
        "invalid_request",
        `Header name ${JSON.stringify(name)} is not a valid HTTP token.`,
        {
          path: "request.headers",
        },
      );
    }
    // `includes` rather than /[\r\n\0]/: several times faster on a long session token.
    if (value.includes("\r") || value.includes("\n") || value.includes("\0")) {
      throw new SigV4Error("invalid_request", `Header ${name} contains CR, LF or NUL.`, {
        path: "request.headers",
      });
    }
    const key = name.toLowerCase();
    const first = merged.get(key);
    if (first === undefined) {
      merged.set(key, value);
      continue;
    }
    repeated ??= new Map();
    const list = repeated.get(key);
    if (list) list.push(trimAll(value));
    else repeated.set(key, [trimAll(first), trimAll(value)]);
  }
  if (repeated) for (const [key, list] of repeated) merged.set(key, list.join(","));
  return merged;
}

function uriError(error: unknown): SigV4Error {
  return new SigV4Error(
    "invalid_request",
    "The path or query contains a lone UTF-16 surrogate and cannot be percent-encoded.",
    { cause: error },
  );
}

/**
 * Signs a low-level HTTP request: the single code path behind `signRequest` and `presignUrl`, and
 * both of their request forms (a URL, or a wire target). The canonical request is built in
 * `canonical-request.ts` (canonical headers with smithy's public unsignable-header lists, see
 * `signer.ts`); hashing, the string to sign and key derivation are done here synchronously on
 * `node:crypto` (Node) or sha256-js (browsers), with the derived key cached (`signing-key.ts`). This function decides what goes in (host, dates, token, checksum
 * header, presign parameters) and what comes out. Synchronous: callers may `await` it.
 * @internal
 */
export function signHttpRequest(
  request: HttpRequestToSign,
  options: HttpSignOptions,
): HttpSignResult {
  const { credentials, region, service, presign } = options;
  const token = credentials.sessionToken ? credentials.sessionToken : undefined;
  const { longDate, shortDate } = formatDates(options.date);
  const scope = createScope(shortDate, region, service);

  const headers = mergeHeaders(request.headers);
  const hostname = headers.get("host");
  if (hostname === undefined) {
    throw new SigV4Error("invalid_request", "The request has no host header to sign.", {
      path: "request.headers",
    });
  }

  if (options.payloadHash !== undefined && !PAYLOAD_HASH.test(options.payloadHash)) {
    throw new SigV4Error(
      "invalid_option",
      "payloadHash must be a lower-case hex SHA-256 digest or UNSIGNED-PAYLOAD.",
      { path: "options.payloadHash" },
    );
  }
  // smithy's getPayloadHash: an x-amz-content-sha256 header wins, then the body's hash.
  const payloadHash =
    options.payloadHash ??
    headers.get("x-amz-content-sha256") ??
    (request.body === undefined ? EMPTY_PAYLOAD_HASH : sha256Hex(request.body));

  // A shallow copy: pairs are never mutated, only added.
  const query = (
    presign
      ? request.query.filter(([key]) => !AUTH_QUERY_KEYS.has(key.toLowerCase()))
      : request.query.slice()
  ) as Array<[string, string]>;
  if (presign) {
    query.push(
      ["X-Amz-Algorithm", "AWS4-HMAC-SHA256"],
      ["X-Amz-Credential", `${credentials.accessKeyId}/${scope}`],
      ["X-Amz-Date", longDate],
    );
  } else {
    for (const name of GENERATED_HEADERS) headers.delete(name);
    if (token) {
      headers.delete("x-amz-security-token");
      headers.set("x-amz-security-token", token);
    }
    headers.set("x-amz-date", longDate);
    if (options.contentSha256Header && !headers.has("x-amz-content-sha256")) {
      headers.set("x-amz-content-sha256", payloadHash);
    }
  }

  // smithy's rules: trimall, lower-case names, hop-by-hop and user-agent headers left unsigned.
  const canonicalHeaders = getCanonicalHeaders(headers);
  const signedHeaders = Object.keys(canonicalHeaders).sort();
  if (presign) {
    query.push(["X-Amz-SignedHeaders", signedHeaders.join(";")]);
    query.push(["X-Amz-Expires", String(presign.expiresIn)]);
    if (token) query.push(["X-Amz-Security-Token", token]);
  }

  let canonicalRequest: string;
  try {
    canonicalRequest = createCanonicalRequest({
      method: request.method,
      path: request.path,
      query,
      canonicalHeaders,
      signedHeaders,
      payloadHash,
      normalizePath: options.normalizePath,
    });
  } catch (error) {
    if (error instanceof URIError) throw uriError(error);
    throw error;
  }
  const stringToSign = createStringToSign(longDate, scope, canonicalRequest);
  const signature = createSignature(credentials, shortDate, region, service, stringToSign);

  if (presign) {
    query.push(["X-Amz-Signature", signature]);
  } else {
    headers.set(
      "authorization",
      `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, ` +
        `SignedHeaders=${signedHeaders.join(";")}, Signature=${signature}`,
    );
  }

  return {
    headers: [...headers],
    query,
    signature,
    signing: { canonicalRequest, stringToSign, credentialScope: scope, signedHeaders },
  };
}
