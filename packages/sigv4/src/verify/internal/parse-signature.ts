import type { SigV4Rejection } from "../sigv4-verdict.js";
import type { VerifiableRequest } from "../verifiable-request.js";
import { parseAmzDate } from "./amz-date.js";
import { headerValue } from "./header-value.js";
import { reject } from "./reject.js";

const ALGORITHM = "AWS4-HMAC-SHA256";

/** The presigned-URL parameters a re-signed URL gets back from the signer. */
const PRESIGN_PARAMS = [
  "X-Amz-Algorithm",
  "X-Amz-Credential",
  "X-Amz-Date",
  "X-Amz-Expires",
  "X-Amz-SignedHeaders",
  "X-Amz-Signature",
  "X-Amz-Security-Token",
] as const;

/** What a SigV4 request claims, before anything is checked. @internal */
export interface ParsedSignature {
  presigned: boolean;
  accessKeyId: string;
  scope: { date: string; region: string; service: string; terminator: string };
  signedHeaders: string[];
  /** The signature sent, lower-case hex as received. Never put it in a message. */
  signature: string;
  /** `X-Amz-Date` as sent. */
  amzDate: string;
  requestTime: Date;
  /** `X-Amz-Security-Token` as sent (header or query). Never put it in a message. */
  sessionToken: string | undefined;
  /** Presigned only: `X-Amz-Expires` in seconds. */
  expiresSeconds: number | undefined;
  /** The URL to re-sign: the received URL, less the presign parameters for a presigned request. */
  unsignedUrl: string;
  /**
   * False when URL parsing would change the received path or query (`\\` to `/`, a space, a `#`,
   * dot segments): with path normalisation, such a request cannot be matched to what was signed.
   */
  wireIsSerialized: boolean;
}

/** The result of {@link parseSignature}: nothing to verify, a malformed signature, or the claims. @internal */
export type ParseResult =
  | { kind: "none" }
  | { kind: "rejected"; rejection: SigV4Rejection }
  | { kind: "parsed"; parsed: ParsedSignature };

function rejected(
  code: "incomplete_signature" | "missing_authentication",
  message: string,
): ParseResult {
  return { kind: "rejected", rejection: reject(code, message) };
}

function decodeQueryComponent(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    return raw;
  }
}

/** Splits a raw query into `[rawPair, decodedKey, decodedValue]`, order and encoding kept. */
function queryPairs(rawQuery: string): Array<[string, string, string]> {
  if (rawQuery === "") return [];
  return rawQuery.split("&").map((pair) => {
    const eq = pair.indexOf("=");
    const key = eq === -1 ? pair : pair.slice(0, eq);
    const value = eq === -1 ? "" : pair.slice(eq + 1);
    return [pair, decodeQueryComponent(key), decodeQueryComponent(value)];
  });
}

function parseCredential(
  credential: string,
):
  | { ok: true; accessKeyId: string; scope: ParsedSignature["scope"] }
  | { ok: false; message: string } {
  const parts = credential.split("/");
  const [accessKeyId, date, region, service, terminator] = parts;
  if (
    parts.length !== 5 ||
    accessKeyId === undefined ||
    date === undefined ||
    region === undefined ||
    service === undefined ||
    terminator === undefined
  ) {
    return {
      ok: false,
      message: `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
    };
  }
  return { ok: true, accessKeyId, scope: { date, region, service, terminator } };
}

function wireIsSerialized(received: string, url: URL): boolean {
  const target = received.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "");
  return (target === "" ? "/" : target) === url.pathname + url.search;
}

function parseDate(amzDate: string): Date | undefined {
  return parseAmzDate(amzDate);
}

function parseHeaderSignature(
  request: VerifiableRequest,
  url: URL,
  authorization: string,
): ParseResult {
  const trimmed = authorization.trim();
  const space = trimmed.indexOf(" ");
  const algorithm = space === -1 ? trimmed : trimmed.slice(0, space);
  if (algorithm !== ALGORITHM) {
    return rejected(
      "incomplete_signature",
      `Authorization header requires the '${ALGORITHM}' algorithm (SigV4); got an Authorization header of another scheme.`,
    );
  }
  const fields = new Map<string, string>();
  for (const part of trimmed.slice(space + 1).split(",")) {
    const item = part.trim();
    const eq = item.indexOf("=");
    if (eq === -1) continue;
    fields.set(item.slice(0, eq).trim(), item.slice(eq + 1).trim());
  }
  const credential = fields.get("Credential");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  const amzDate = headerValue(request.headers, "x-amz-date");
  const missing: string[] = [];
  if (credential === undefined)
    missing.push("Authorization header requires 'Credential' parameter.");
  if (signature === undefined) missing.push("Authorization header requires 'Signature' parameter.");
  if (signedHeaders === undefined)
    missing.push("Authorization header requires 'SignedHeaders' parameter.");
  if (amzDate === undefined) {
    missing.push(
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  }
  if (
    credential === undefined ||
    signature === undefined ||
    signedHeaders === undefined ||
    amzDate === undefined
  ) {
    return rejected("incomplete_signature", missing.join(" "));
  }
  return finish({
    wireIsSerialized: wireIsSerialized(request.url, url),
    presigned: false,
    credential,
    signedHeaders,
    signature,
    amzDate,
    sessionToken: headerValue(request.headers, "x-amz-security-token"),
    expires: undefined,
    unsignedUrl: request.url,
  });
}

function parsePresignedSignature(request: VerifiableRequest, url: URL): ParseResult {
  const hashAt = request.url.indexOf("#");
  const withoutHash = hashAt === -1 ? request.url : request.url.slice(0, hashAt);
  const queryAt = withoutHash.indexOf("?");
  const base = queryAt === -1 ? withoutHash : withoutHash.slice(0, queryAt);
  const pairs = queryPairs(queryAt === -1 ? "" : withoutHash.slice(queryAt + 1));
  const found = new Map<string, string[]>();
  const kept: string[] = [];
  for (const [raw, key, value] of pairs) {
    if ((PRESIGN_PARAMS as ReadonlyArray<string>).includes(key)) {
      found.set(key, [...(found.get(key) ?? []), value]);
    } else {
      kept.push(raw);
    }
  }
  const one = (name: string): string | undefined => {
    const values = found.get(name);
    return values?.length === 1 ? values[0] : undefined;
  };
  const missing = [
    "X-Amz-Algorithm",
    "X-Amz-Credential",
    "X-Amz-Signature",
    "X-Amz-Date",
    "X-Amz-SignedHeaders",
    "X-Amz-Expires",
  ]
    .filter((name) => one(name) === undefined)
    .map((name) => `AWS query-string parameters must include '${name}'.`);
  if ((found.get("X-Amz-Security-Token")?.length ?? 0) > 1) {
    missing.push("AWS query-string parameters must include 'X-Amz-Security-Token' at most once.");
  }
  if (missing.length > 0) {
    return rejected(
      "incomplete_signature",
      `${missing.join(" ")} Re-examine the query-string parameters.`,
    );
  }
  if (one("X-Amz-Algorithm") !== ALGORITHM) {
    return rejected("incomplete_signature", `X-Amz-Algorithm only supports '${ALGORITHM}'.`);
  }
  const expiresText = one("X-Amz-Expires")!;
  if (!/^\d{1,10}$/.test(expiresText) || Number(expiresText) < 1) {
    return rejected(
      "incomplete_signature",
      "X-Amz-Expires should be a number of seconds greater than 0.",
    );
  }
  return finish({
    wireIsSerialized: wireIsSerialized(request.url, url),
    presigned: true,
    credential: one("X-Amz-Credential")!,
    signedHeaders: one("X-Amz-SignedHeaders")!,
    signature: one("X-Amz-Signature")!,
    amzDate: one("X-Amz-Date")!,
    sessionToken: one("X-Amz-Security-Token"),
    expires: Number(expiresText),
    unsignedUrl: kept.length === 0 ? base : `${base}?${kept.join("&")}`,
  });
}

function finish(input: {
  wireIsSerialized: boolean;
  presigned: boolean;
  credential: string;
  signedHeaders: string;
  signature: string;
  amzDate: string;
  sessionToken: string | undefined;
  expires: number | undefined;
  unsignedUrl: string;
}): ParseResult {
  const credential = parseCredential(input.credential);
  if (!credential.ok) return rejected("incomplete_signature", credential.message);
  const requestTime = parseDate(input.amzDate);
  if (requestTime === undefined) {
    return rejected(
      "incomplete_signature",
      "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\".",
    );
  }
  const signedHeaders = input.signedHeaders.split(";");
  if (!signedHeaders.includes("host")) {
    return rejected(
      "incomplete_signature",
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }
  return {
    kind: "parsed",
    parsed: {
      presigned: input.presigned,
      accessKeyId: credential.accessKeyId,
      scope: credential.scope,
      signedHeaders,
      signature: input.signature,
      amzDate: input.amzDate,
      requestTime,
      sessionToken: input.sessionToken,
      expiresSeconds: input.expires,
      unsignedUrl: input.unsignedUrl,
      wireIsSerialized: input.wireIsSerialized,
    },
  };
}

/**
 * Reads the SigV4 claims of a request: the `Authorization` header, or the presigned query
 * (`X-Amz-Algorithm` ...). Checks only the form, not the values.
 * @internal
 */
export function parseSignature(request: VerifiableRequest): ParseResult {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return rejected("missing_authentication", "Missing Authentication Token");
  }
  const authorization = headerValue(request.headers, "authorization");
  const presigned = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature"].some((name) =>
    url.searchParams.has(name),
  );
  if (authorization !== undefined && presigned) {
    return rejected(
      "incomplete_signature",
      "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified.",
    );
  }
  if (authorization !== undefined) return parseHeaderSignature(request, url, authorization);
  if (presigned) return parsePresignedSignature(request, url);
  return { kind: "none" };
}
