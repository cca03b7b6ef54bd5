import {
  ALGORITHM_IDENTIFIER,
  ALWAYS_UNSIGNABLE_HEADERS,
  PROXY_HEADER_PATTERN,
  SEC_HEADER_PATTERN,
} from "@smithy/signature-v4";
import type { AwsCredentials } from "../credentials/aws-credentials.js";
import { hmacSha256Hex, sha256Hex } from "./sha256.js";
import { getSigningKey } from "./signing-key.js";

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
 * The credential scope, `YYYYMMDD/{region}/{service}/aws4_request`.
 * @internal
 */
export function createScope(shortDate: string, region: string, service: string): string {
  return `${shortDate}/${region}/${service}/aws4_request`;
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
