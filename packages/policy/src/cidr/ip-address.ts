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
