import { createScope, getCanonicalHeaders, getPayloadHash } from "@smithy/signature-v4";
import type { AwsCredentials } from "../credentials/aws-credentials.js";
import { SigV4Error } from "../errors.js";
import type { SigningDetails } from "../sign-request.js";
import { Sha256 } from "./sha256.js";
import { GatehouseSigner, type SmithyRequest } from "./signer.js";

/**
 * A request as it goes on the wire: the raw path from the request line (already percent-encoded
 * once, no WHATWG normalisation), decoded query pairs in order, header pairs in order (`host` among
 * them), and the body bytes.
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
  body?: Uint8Array | undefined;
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
  /**
   * Whether the session token is part of the signature (default). `false` adds it after signing,
   * unsigned, as some services (STS-style) expect; the official suite's `omit_session_token`.
   */
  signSessionToken?: boolean;
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

/** Trimall of the SigV4 spec, per value, so repeated headers join as `a,b` (botocore, aws-c-auth). */
function trimAll(value: string): string {
  return value
    .replace(/[\r\n]/g, " ")
    .replace(/[ \t]+/g, " ")
    .trim();
}

function mergeHeaders(pairs: ReadonlyArray<readonly [string, string]>): Map<string, string> {
  const values = new Map<string, string[]>();
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
    if (/[\r\n\0]/.test(value)) {
      throw new SigV4Error("invalid_request", `Header ${name} contains CR, LF or NUL.`, {
        path: "request.headers",
      });
    }
    const key = name.toLowerCase();
    const list = values.get(key);
    if (list) list.push(value);
    else values.set(key, [value]);
  }
  const merged = new Map<string, string>();
  for (const [key, list] of values) {
    merged.set(key, list.length === 1 ? (list[0] as string) : list.map(trimAll).join(","));
  }
  return merged;
}

function toRecord(entries: Iterable<readonly [string, string]>): Record<string, string> {
  const record = Object.create(null) as Record<string, string>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}

function toQueryRecord(
  pairs: ReadonlyArray<readonly [string, string]>,
): Record<string, string | string[]> {
  const record = Object.create(null) as Record<string, string[]>;
  for (const [key, value] of pairs) {
    const list = record[key];
    if (list) list.push(value);
    else record[key] = [value];
  }
  return record;
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
 * the entry the official SigV4 suite runs against. Canonical forms (path escaping and
 * normalisation, query, headers, payload hash, scope, key derivation) all come from
 * `@smithy/signature-v4`; this function decides what goes in (host, dates, token, checksum header,
 * presign parameters) and what comes out.
 * @internal
 */
export async function signHttpRequest(
  request: HttpRequestToSign,
  options: HttpSignOptions,
): Promise<HttpSignResult> {
  const { credentials, region, service, presign } = options;
  const signSessionToken = options.signSessionToken ?? true;
  const token = credentials.sessionToken ? credentials.sessionToken : undefined;
  const signer = new GatehouseSigner({
    credentials,
    region,
    service,
    normalizePath: options.normalizePath,
  });
  const { longDate, shortDate } = signer.dates(options.date);
  const scope = createScope(shortDate, region, service);

  const headers = mergeHeaders(request.headers);
  if (!headers.has("host")) {
    throw new SigV4Error("invalid_request", "The request has no host header to sign.", {
      path: "request.headers",
    });
  }
  const hostname = headers.get("host") as string;
  const base = { method: request.method, protocol: "https:", hostname, path: request.path };
  let query: Array<[string, string]> = request.query.map(([key, value]) => [key, value]);

  if (options.payloadHash !== undefined && !PAYLOAD_HASH.test(options.payloadHash)) {
    throw new SigV4Error(
      "invalid_option",
      "payloadHash must be a lower-case hex SHA-256 digest or UNSIGNED-PAYLOAD.",
      { path: "options.payloadHash" },
    );
  }
  const payloadHash =
    options.payloadHash ??
    (await getPayloadHash({ ...base, headers: toRecord(headers), body: request.body }, Sha256));

  if (presign) {
    query = query.filter(([key]) => !AUTH_QUERY_KEYS.has(key.toLowerCase()));
    query.push(
      ["X-Amz-Algorithm", "AWS4-HMAC-SHA256"],
      ["X-Amz-Credential", `${credentials.accessKeyId}/${scope}`],
      ["X-Amz-Date", longDate],
    );
  } else {
    for (const name of GENERATED_HEADERS) headers.delete(name);
    if (token && signSessionToken) {
      headers.delete("x-amz-security-token");
      headers.set("x-amz-security-token", token);
    }
    headers.set("x-amz-date", longDate);
    if (options.contentSha256Header && !headers.has("x-amz-content-sha256")) {
      headers.set("x-amz-content-sha256", payloadHash);
    }
  }

  // smithy's rules: trimall, lower-case names, hop-by-hop and user-agent headers left unsigned.
  const canonicalHeaders = getCanonicalHeaders({ ...base, headers: toRecord(headers) });
  const signedHeaders = Object.keys(canonicalHeaders).sort();
  if (presign) {
    query.push(["X-Amz-SignedHeaders", signedHeaders.join(";")]);
    query.push(["X-Amz-Expires", String(presign.expiresIn)]);
    if (token && signSessionToken) query.push(["X-Amz-Security-Token", token]);
  }

  const smithyRequest: SmithyRequest = {
    ...base,
    query: toQueryRecord(query),
    headers: toRecord(headers),
  };
  let canonicalRequest: string;
  try {
    canonicalRequest = signer.canonicalRequest(smithyRequest, canonicalHeaders, payloadHash);
  } catch (error) {
    if (error instanceof URIError) throw uriError(error);
    throw error;
  }
  const stringToSign = await signer.stringToSign(longDate, scope, canonicalRequest);
  const signature = await signer.signature(shortDate, stringToSign);

  if (presign) {
    if (token && !signSessionToken) query.push(["X-Amz-Security-Token", token]);
    query.push(["X-Amz-Signature", signature]);
  } else {
    if (token && !signSessionToken) {
      headers.delete("x-amz-security-token");
      headers.set("x-amz-security-token", token);
    }
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
