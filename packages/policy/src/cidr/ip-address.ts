/**
 * Text <-> bytes for IPv4 and IPv6 addresses, shared by {@link parseCidr} and {@link cidrContains}.
 * @internal
 */

/** An address as network-order bytes: 4 for IPv4, 16 for IPv6. @internal */
export interface IpAddressBytes {
  version: 4 | 6;
  bytes: Uint8Array;
}

// Both parsers walk the characters once without split or regex: a request's source address is
// parsed on every evaluation.
const DOT = 46;
const COLON = 58;
const ZERO = 48;
const NINE = 57;

/**
 * Exactly four dot-separated decimal octets 0-255 in `text[from, to)`, nothing else. Leading
 * zeros are rejected ("010" is 8 to inet_aton and 10 to most parsers): a denylist entry must not
 * mean different things to different readers.
 */
function parseIpv4Into(
  text: string,
  from: number,
  to: number,
  out: Uint8Array,
  offset: number,
): boolean {
  let octet = 0;
  let value = 0;
  let digits = 0;
  for (let i = from; i <= to; i++) {
    const code = i === to ? DOT : text.charCodeAt(i);
    if (code === DOT) {
      if (digits === 0 || value > 255 || octet > 3) return false;
      out[offset + octet] = value;
      octet++;
      value = 0;
      digits = 0;
    } else if (code >= ZERO && code <= NINE) {
      if ((digits > 0 && value === 0) || digits === 3) return false;
      value = value * 10 + (code - ZERO);
      digits++;
    } else {
      return false;
    }
  }
  return octet === 4;
}

/** The value of 1 to 4 hex digits in `text[from, to)`, or -1. */
function hexGroup(text: string, from: number, to: number): number {
  if (to - from < 1 || to - from > 4) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    let digit: number;
    if (code >= ZERO && code <= NINE) {
      digit = code - ZERO;
    } else {
      const lower = code | 0x20; // only A-F and a-f land on a-f
      if (lower < 0x61 || lower > 0x66) return -1;
      digit = lower - 0x57;
    }
    value = value * 16 + digit;
  }
  return value;
}

function hasDot(text: string, from: number, to: number): boolean {
  const dot = text.indexOf(".", from);
  return dot !== -1 && dot < to;
}

/**
 * Fills bytes [start, end) from the colon-separated groups of `text[from, to)`; the last group may
 * be dotted IPv4.
 */
function parseIpv6Groups(
  text: string,
  from: number,
  to: number,
  out: Uint8Array,
  start: number,
  end: number,
): boolean {
  if (from === to) return start === end;
  let at = start;
  let groupStart = from;
  for (let i = from; i <= to; i++) {
    if (i < to && text.charCodeAt(i) !== COLON) continue;
    if (i === to && hasDot(text, groupStart, to)) {
      return at + 4 === end && parseIpv4Into(text, groupStart, to, out, at);
    }
    const value = hexGroup(text, groupStart, i);
    if (value === -1 || at + 2 > end) return false;
    out[at] = value >> 8;
    out[at + 1] = value & 0xff;
    at += 2;
    groupStart = i + 1;
  }
  return at === end;
}

/** How many bytes the groups in `text[from, to)` stand for (a dotted last group: 4). */
function countBytes(text: string, from: number, to: number): number {
  if (from === to) return 0;
  let groups = 1;
  let lastStart = from;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) === COLON) {
      groups++;
      lastStart = i + 1;
    }
  }
  return hasDot(text, lastStart, to) ? (groups - 1) * 2 + 4 : groups * 2;
}

function parseIpv6(text: string): Uint8Array | undefined {
  const bytes = new Uint8Array(16);
  const gap = text.indexOf("::");
  if (gap === -1) return parseIpv6Groups(text, 0, text.length, bytes, 0, 16) ? bytes : undefined;
  if (text.indexOf("::", gap + 1) !== -1) return undefined;
  // head = text[0, gap), tail = text[gap + 2, length)
  if (hasDot(text, 0, gap)) return undefined;
  const headLength = countBytes(text, 0, gap);
  const tailLength = countBytes(text, gap + 2, text.length);
  // `::` stands for at least one zero group (RFC 4291 2.2), so head + tail hold at most 7 groups.
  if (headLength + tailLength > 14) return undefined;
  if (!parseIpv6Groups(text, 0, gap, bytes, 0, headLength)) return undefined;
  return parseIpv6Groups(text, gap + 2, text.length, bytes, 16 - tailLength, 16)
    ? bytes
    : undefined;
}

/**
 * Parses an IPv4 dotted quad or any RFC 4291 IPv6 text form (`::`, embedded IPv4); `undefined`
 * for anything else, zone ids (`fe80::1%eth0`) included.
 * @internal
 */
export function parseIpAddress(text: string): IpAddressBytes | undefined {
  if (text.includes(":")) {
    const bytes = parseIpv6(text);
    return bytes === undefined ? undefined : { version: 6, bytes };
  }
  const bytes = new Uint8Array(4);
  return parseIpv4Into(text, 0, text.length, bytes, 0) ? { version: 4, bytes } : undefined;
}

function isIpv4Mapped(bytes: Uint8Array): boolean {
  for (let i = 0; i < 10; i++) if (bytes[i] !== 0) return false;
  return bytes[10] === 0xff && bytes[11] === 0xff;
}

/**
 * Why a text is not accepted as an IP address by {@link readIpAddress} (and {@link parseCidr}):
 * - `malformed`: not an IPv4 dotted quad or an RFC 4291 IPv6 text at all;
 * - `leading-zero`: an IPv4 octet such as `010` (octal 8 to `inet_aton`, 10 to most parsers);
 * - `whitespace`, `zone-id` (`fe80::1%eth0`), `port` (`192.0.2.1:443`, `[2001:db8::1]:443`, or
 *   brackets): not part of an address;
 * - `ipv4-compatible` (`::192.0.2.1`, deprecated by RFC 4291 2.5.5.1), `ipv4-translated`
 *   (`::ffff:0:192.0.2.1`, RFC 2765) and `nat64` (`64:ff9b::192.0.2.1`, RFC 6052): IPv6 forms that
 *   embed an IPv4 address but are not the IPv4-mapped form; whether they name the IPv4 caller
 *   is ambiguous, so they are refused rather than matched as unrelated IPv6 addresses.
 * @internal
 */
export type IpRefusal =
  | "malformed"
  | "leading-zero"
  | "whitespace"
  | "zone-id"
  | "port"
  | "ipv4-compatible"
  | "ipv4-translated"
  | "nat64";

/** What each {@link IpRefusal} means, for error messages (never echoes the input). @internal */
export const IP_REFUSAL_TEXT: Readonly<Record<IpRefusal, string>> = {
  malformed: "not an IPv4 or IPv6 address",
  "leading-zero": "an IPv4 octet has a leading zero (ambiguous: octal to some parsers)",
  whitespace: "whitespace is not part of an address",
  "zone-id": "zone ids (%eth0) are not part of an address",
  port: "a port or brackets are not part of an address",
  "ipv4-compatible":
    "an IPv4-compatible IPv6 address (::a.b.c.d, deprecated): write the IPv4 address",
  "ipv4-translated": "an IPv4-translated IPv6 address (::ffff:0:a.b.c.d): write the IPv4 address",
  nat64: "a NAT64 address (64:ff9b::/96): write the IPv4 address",
};

/**
 * Which embedded-IPv4 range the first 96 bits of `bytes` (IPv6) fall in: `mapped`
 * (`::ffff:0:0/96`), a refused range, or `undefined` for an ordinary IPv6 prefix. The
 * all-zero prefix (`::/96`) counts as `ipv4-compatible` here; callers exempt `::` and `::1`.
 */
function embeddedIpv4Range(
  bytes: Uint8Array,
): "mapped" | "ipv4-compatible" | "ipv4-translated" | "nat64" | undefined {
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b) {
    for (let i = 4; i < 12; i++) if (bytes[i] !== 0) return undefined;
    return "nat64";
  }
  for (let i = 0; i < 8; i++) if (bytes[i] !== 0) return undefined;
  const g4 = ((bytes[8] as number) << 8) | (bytes[9] as number);
  const g5 = ((bytes[10] as number) << 8) | (bytes[11] as number);
  if (g4 === 0 && g5 === 0xffff) return "mapped";
  if (g4 === 0 && g5 === 0) return "ipv4-compatible";
  if (g4 === 0xffff && g5 === 0) return "ipv4-translated";
  return undefined;
}

/** The last four bytes of an IPv6 address as an IPv4 address. */
function lastFour(bytes: Uint8Array): IpAddressBytes {
  return { version: 4, bytes: bytes.slice(12, 16) };
}

/**
 * An IPv6 block whose first 96 bits are an embedded-IPv4 range: the IPv4 block it stands for
 * (mapped), a refusal, or `undefined` to keep it as IPv6. `bytes` has its host bits cleared;
 * `dotted`: the text wrote the last 32 bits as a dotted quad.
 * @internal
 */
export function normalizeIpv6Block(
  bytes: Uint8Array,
  prefix: number,
  dotted: boolean,
): { address: IpAddressBytes; prefix: number } | IpRefusal | undefined {
  if (prefix < 96) return undefined;
  const range = embeddedIpv4Range(bytes);
  if (range === undefined) return undefined;
  if (range === "mapped") return { address: lastFour(bytes), prefix: prefix - 96 };
  // `::0.0.0.1` is written as IPv4-compatible even though its bytes are `::1`.
  if (range === "ipv4-compatible" && !dotted) {
    // `::/96` and narrower blocks starting at `::` hold `::` (and `::1`); `::1/128` is loopback.
    const tail = bytes.subarray(12);
    if (tail.every((byte) => byte === 0)) return undefined;
    if (prefix === 128 && tail[0] === 0 && tail[1] === 0 && tail[2] === 0 && tail[3] === 1) {
      return undefined;
    }
  }
  return range;
}

/** Why `text` failed the strict parse (only called on that path). */
function diagnose(text: string): IpRefusal {
  if (/\s/.test(text)) return "whitespace";
  if (text.includes("%")) return "zone-id";
  if (text.includes("[") || /^[0-9]+(?:\.[0-9]+){3}:[0-9]*$/.test(text)) return "port";
  // Strip leading zeros of decimal runs: if the rest parses, the zeros were the only problem.
  const stripped = text.replace(/(^|[.:])0+(?=[0-9])/g, "$1");
  if (stripped !== text && parseIpAddress(stripped) !== undefined) return "leading-zero";
  return "malformed";
}

/**
 * Reads a request value (a source IP) the one way every part of Gatehouse does: strictly
 * ({@link parseIpAddress}), then normalised for matching: an IPv4-mapped IPv6 address
 * (`::ffff:192.0.2.1`, any spelling) becomes the IPv4 address; the other embedded-IPv4 forms are
 * refused. Returns the address, or why it is refused.
 * @internal
 */
export function readIpAddress(text: string): IpAddressBytes | IpRefusal {
  const parsed = parseIpAddress(text);
  if (parsed === undefined) return diagnose(text);
  if (parsed.version === 4) return parsed;
  const normalized = normalizeIpv6Block(parsed.bytes, 128, text.includes("."));
  if (normalized === undefined) return parsed;
  return typeof normalized === "string" ? normalized : normalized.address;
}

/**
 * Canonical text: dotted decimal for IPv4; RFC 5952 for IPv6 (lower case, no leading zeros, the
 * longest run of two or more zero groups as `::`, the first on a tie, `::ffff:a.b.c.d` for
 * IPv4-mapped addresses per RFC 5952 section 5).
 * @internal
 */
export function formatIpAddress(address: IpAddressBytes): string {
  const { bytes } = address;
  if (address.version === 4) return Array.from(bytes).join(".");
  if (isIpv4Mapped(bytes)) return `::ffff:${Array.from(bytes.subarray(12)).join(".")}`;
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2)
    groups.push(((bytes[i] as number) << 8) | (bytes[i + 1] as number));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (list: number[]) => list.map((group) => group.toString(16)).join(":");
  if (bestStart === -1) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}
