import { escapeUri } from "@smithy/core/protocols";
import {
  ALGORITHM_IDENTIFIER,
  ALWAYS_UNSIGNABLE_HEADERS,
  PROXY_HEADER_PATTERN,
  SEC_HEADER_PATTERN,
  SignatureV4,
} from "@smithy/signature-v4";
import type { AwsCredentials } from "../credentials/aws-credentials.js";
import { hmacSha256Hex, Sha256, sha256Hex } from "./sha256.js";
import { getSigningKey } from "./signing-key.js";

/** The request shape smithy's canonicalisation reads (a subset of its `HttpRequest`). */
export interface SmithyRequest {
  method: string;
  protocol: string;
  hostname: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
}

/**
 * The one place Gatehouse reaches into `SignatureV4`: a subclass that makes its protected
 * canonical-request step callable, so {@link SigningDetails} come from the same code that computes
 * the signature. Path normalisation and escaping, the canonical query and the canonical-request
 * layout are smithy's. It holds no credentials, region or service, so two instances (normalising
 * or not) serve every call.
 *
 * One deviation from smithy, and why: smithy ties path normalisation to `uriEscapePath`, so turning
 * normalisation off (`uriEscapePath: false`) also drops the second percent-encoding that every
 * service but S3 requires. The normalising instance uses `uriEscapePath: true`; the other uses
 * `false` plus a path escaped here with smithy's own `escapeUri`.
 */
class GatehouseSigner extends SignatureV4 {
  readonly #normalizePath: boolean;

  constructor(normalizePath: boolean) {
    super({
      // Never read: every call signs with its own credentials, region and service.
      credentials: () => Promise.reject(new Error("GatehouseSigner holds no credentials")),
      region: "",
      service: "",
      sha256: Sha256,
      uriEscapePath: normalizePath,
      // Our `contentSha256Header` option decides; smithy defaults this to on.
      applyChecksum: false,
    });
    this.#normalizePath = normalizePath;
  }

  canonicalRequest(
    request: SmithyRequest,
    canonicalHeaders: Record<string, string>,
    payloadHash: string,
  ): string {
    if (!this.#normalizePath) request.path = escapeUri(request.path).replace(/%2F/g, "/");
    return this.createCanonicalRequest(request, canonicalHeaders, payloadHash);
  }
}

/**
 * Whether smithy's trimall would change the value: a tab, CR, LF, two spaces in a row, or a space
 * at either end. `includes` scans a 600-character session token several times faster than a regex.
 */
function needsTrimAll(value: string): boolean {
  return (
    value.charCodeAt(0) === 32 ||
    value.charCodeAt(value.length - 1) === 32 ||
    value.includes("\t") ||
    value.includes("\n") ||
    value.includes("\r") ||
    value.includes("  ")
  );
}

/**
 * smithy's `getCanonicalHeaders` for headers already merged under lower-case names: the same
 * unsignable list and `proxy-` / `sec-` patterns (smithy's exported constants), the same trimall
 * (`[\r\n]` → space, `[ \t]+` → one space, one leading / trailing space dropped), names sorted by
 * code unit. The difference is speed only: a value that trimall would leave unchanged (almost all)
 * is tested once instead of rewritten by three regular expressions, and names are not lower-cased
 * again. `canonical-headers.test.ts` checks it against smithy's function on random headers.
 * @internal
 */
export function getCanonicalHeaders(headers: ReadonlyMap<string, string>): Record<string, string> {
  const names: string[] = [];
  for (const name of headers.keys()) {
    if (
      Object.hasOwn(ALWAYS_UNSIGNABLE_HEADERS, name) ||
      PROXY_HEADER_PATTERN.test(name) ||
      SEC_HEADER_PATTERN.test(name)
    ) {
      continue;
    }
    names.push(name);
  }
  names.sort();
  const canonical = Object.create(null) as Record<string, string>;
  for (const name of names) {
    const value = headers.get(name) as string;
    canonical[name] = needsTrimAll(value)
      ? value
          .replace(/[\r\n]/g, " ")
          .replace(/[ \t]+/g, " ")
          .replace(/^ | $/g, "")
      : value;
  }
  return canonical;
}

let normalising: GatehouseSigner | undefined;
let verbatim: GatehouseSigner | undefined;

/**
 * smithy's canonical request (method, normalised and/or escaped path, canonical query, canonical
 * headers, signed header list, payload hash). May rewrite `request.path` (pass a fresh object);
 * throws `URIError` for a lone surrogate in the path or query.
 * @internal
 */
export function createCanonicalRequest(
  request: SmithyRequest,
  canonicalHeaders: Record<string, string>,
  payloadHash: string,
  normalizePath: boolean,
): string {
  if (normalizePath) {
    normalising ??= new GatehouseSigner(true);
    return normalising.canonicalRequest(request, canonicalHeaders, payloadHash);
  }
  verbatim ??= new GatehouseSigner(false);
  return verbatim.canonicalRequest(request, canonicalHeaders, payloadHash);
}

let lastSecond = Number.NaN;
let lastDates = { longDate: "", shortDate: "" };

/**
 * `YYYYMMDD'T'HHMMSS'Z'` and `YYYYMMDD` in UTC, as smithy's `formatDate` (ISO 8601 without
 * milliseconds, `-` and `:`). The last second formatted is remembered: calls within one second
 * share the strings.
 * @internal
 */
export function formatDates(date: Date): { longDate: string; shortDate: string } {
  const second = Math.floor(date.getTime() / 1000);
  if (second === lastSecond) return lastDates;
  const iso = date.toISOString();
  const longDate =
    iso.length === 24
      ? `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`
      : // Years outside 0000..9999 (`+010000-...`): smithy's own formula.
        iso.replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
  lastSecond = second;
  lastDates = { longDate, shortDate: longDate.slice(0, 8) };
  return lastDates;
}

/**
 * The string to sign for `AWS4-HMAC-SHA256`: algorithm, date, scope, hex SHA-256 of the canonical
 * request (smithy's `createStringToSign`, hashed in one synchronous call).
 * @internal
 */
export function createStringToSign(
  longDate: string,
  scope: string,
  canonicalRequest: string,
): string {
  return `${ALGORITHM_IDENTIFIER}\n${longDate}\n${scope}\n${sha256Hex(canonicalRequest)}`;
}

/**
 * Hex HMAC of the string to sign under the (cached) derived signing key.
 * @internal
 */
export function createSignature(
  credentials: Pick<AwsCredentials, "accessKeyId" | "secretAccessKey">,
  shortDate: string,
  region: string,
  service: string,
  stringToSign: string,
): string {
  return hmacSha256Hex(getSigningKey(credentials, shortDate, region, service), stringToSign);
}
