import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIpAddress, parseIpAddress } from "./ip-address.js";

// The split-and-regex parser this file had before it was rewritten as one pass over the
// characters, kept as the oracle.
// Leading zeros are rejected ("010" is 8 to inet_aton and 10 to most parsers): a denylist entry
// must not mean different things to different readers.
const IPV4_OCTET = /^(?:0|[1-9][0-9]{0,2})$/;
const IPV6_GROUP = /^[0-9a-fA-F]{1,4}$/;

function parseIpv4Into(text: string, out: Uint8Array, offset: number): boolean {
  const parts = text.split(".");
  if (parts.length !== 4) return false;
  for (let i = 0; i < 4; i++) {
    const part = parts[i] as string;
    if (!IPV4_OCTET.test(part)) return false;
    const value = Number(part);
    if (value > 255) return false;
    out[offset + i] = value;
  }
  return true;
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

function referenceParse(text: string): { version: 4 | 6; bytes: Uint8Array } | undefined {
  if (text.includes(":")) {
    const bytes = parseIpv6(text);
    return bytes === undefined ? undefined : { version: 6, bytes };
  }
  const bytes = new Uint8Array(4);
  return parseIpv4Into(text, bytes, 0) ? { version: 4, bytes } : undefined;
}

const ALPHABET = [..."0123456789abcdefABCDEFgG:.%/ \u0010\u0660"];

describe("parseIpAddress", () => {
  it.each([
    ["192.0.2.1", "192.0.2.1"],
    ["0.0.0.0", "0.0.0.0"],
    ["255.255.255.255", "255.255.255.255"],
    ["2001:DB8::1", "2001:db8::1"],
    ["::", "::"],
    ["::ffff:192.0.2.1", "::ffff:192.0.2.1"],
    ["1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"],
    ["1:2:3:4:5:6:192.0.2.1", "1:2:3:4:5:6:c000:201"],
    ["fe80::abcd:1", "fe80::abcd:1"],
  ])("reads %s", (text, canonical) => {
    const parsed = parseIpAddress(text);
    expect(parsed).toBeDefined();
    expect(formatIpAddress(parsed!)).toBe(canonical);
  });

  it.each([
    "",
    "1.2.3",
    "1.2.3.4.",
    ".1.2.3.4",
    "256.0.0.1",
    "01.2.3.4",
    "1.2.3.1000",
    "1..2.3",
    "\u0661.2.3.4",
    "1:2:3:4:5:6:7",
    "1:2:3:4:5:6:7:8:9",
    "1::2::3",
    ":::",
    ":1::2",
    "1::2:",
    "12345::",
    "g::1",
    "\u0010::1",
    "fe80::1%eth0",
    "1.2.3.4::",
    "::1.2.3",
    "1:2:3:4:5:6:7:1.2.3.4",
    "::1.2.3.4:5",
  ])("refuses %j", (text) => {
    expect(parseIpAddress(text)).toBeUndefined();
    expect(referenceParse(text)).toBeUndefined();
  });

  it("reads exactly what the split-and-regex parser read", () => {
    const soup = fc
      .array(fc.constantFrom(...ALPHABET), { maxLength: 45 })
      .map((chars) => chars.join(""));
    const ipv4 = fc
      .tuple(fc.nat(300), fc.nat(300), fc.nat(300), fc.nat(300))
      .map((octets) => octets.join("."));
    const group = fc.oneof(
      fc.nat(0xffff).map((n) => n.toString(16)),
      fc.nat(0xffff).map((n) => n.toString(16).toUpperCase().padStart(4, "0")),
      fc.constantFrom("", "0", "00000", "1.2.3.4", "10.0.0.1", "g"),
    );
    const ipv6 = fc.array(group, { minLength: 1, maxLength: 9 }).chain((groups) =>
      fc.nat(groups.length).map((gap) => {
        const text = groups.join(":");
        return gap === groups.length
          ? text
          : `${groups.slice(0, gap).join(":")}::${groups.slice(gap).join(":")}`;
      }),
    );
    fc.assert(
      fc.property(fc.oneof(soup, ipv4, ipv6, fc.string({ maxLength: 20 })), (text) => {
        expect(parseIpAddress(text)).toEqual(referenceParse(text));
      }),
      { numRuns: 20000 },
    );
  });
});
