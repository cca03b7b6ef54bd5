/**
 * Text <-> bytes for IPv4 and IPv6 addresses, shared by {@link parseCidr} and {@link cidrContains}.
 * @internal
 */

/** An address as network-order bytes: 4 for IPv4, 16 for IPv6. @internal */
export interface IpAddressBytes {
  version: 4 | 6;
  bytes: Uint8Array;
}

// Leading zeros are rejected ("010" is 8 to inet_aton and 10 to most parsers): a denylist entry
// must not mean different things to different readers.
const IPV6_GROUP = /^[0-9a-fA-F]{1,4}$/;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

/** Exactly four dot-separated decimal octets, 0-255, no leading zeros, nothing else. */
function parseIpv4Into(text: string, out: Uint8Array, offset: number): boolean {
  // One pass over the characters: this runs once per request address, so no split or regex.
  let octet = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i === text.length ? DOT : text.charCodeAt(i);
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

function parseIpv6Groups(text: string, out: Uint8Array, start: number, end: number): boolean {
  // Fills bytes [start, end) from colon-separated groups; the last group may be dotted IPv4.
  if (text === "") return start === end;
  const groups = text.split(":");
  let at = start;
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i] as string;
    if (i === groups.length - 1 && group.includes(".")) {
      if (at + 4 !== end) return false;
      return parseIpv4Into(group, out, at);
    }
    if (!IPV6_GROUP.test(group) || at + 2 > end) return false;
    const value = Number.parseInt(group, 16);
    out[at] = value >> 8;
    out[at + 1] = value & 0xff;
    at += 2;
  }
  return at === end;
}

function parseIpv6(text: string): Uint8Array | undefined {
  const bytes = new Uint8Array(16);
  const gap = text.indexOf("::");
  if (gap === -1) return parseIpv6Groups(text, bytes, 0, 16) ? bytes : undefined;
  if (text.indexOf("::", gap + 1) !== -1) return undefined;
  const head = text.slice(0, gap);
  const tail = text.slice(gap + 2);
  if (head.includes(".")) return undefined;
  const headLength = countBytes(head);
  const tailLength = countBytes(tail);
  // `::` stands for at least one zero group (RFC 4291 2.2), so head + tail hold at most 7 groups.
  if (headLength + tailLength > 14) return undefined;
  if (!parseIpv6Groups(head, bytes, 0, headLength)) return undefined;
  return parseIpv6Groups(tail, bytes, 16 - tailLength, 16) ? bytes : undefined;
}

function countBytes(groupsText: string): number {
  if (groupsText === "") return 0;
  const groups = groupsText.split(":");
  const last = groups[groups.length - 1] as string;
  return last.includes(".") ? (groups.length - 1) * 2 + 4 : groups.length * 2;
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
  return parseIpv4Into(text, bytes, 0) ? { version: 4, bytes } : undefined;
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
