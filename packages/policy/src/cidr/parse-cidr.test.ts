import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPolicyError } from "../errors.js";
import { parseCidr } from "./parse-cidr.js";

/** Renders a 128-bit value as eight full, randomly cased groups: the plainest RFC 4291 form. */
function fullIpv6(value: bigint, upper: boolean): string {
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) {
    const group = ((value >> BigInt(i * 16)) & 0xffffn).toString(16).padStart(4, "0");
    groups.push(upper ? group.toUpperCase() : group);
  }
  return groups.join(":");
}

/** The parsed block, or the code it was refused with. */
function outcome(input: string): unknown {
  try {
    return parseCidr(input);
  } catch (error) {
    return isPolicyError(error) ? error.code : error;
  }
}

/** Whether eight groups lie in `::/96`, `::ffff:0:0/96`, `::ffff:0:0:0/96` or `64:ff9b::/96`. */
function isEmbeddedIpv4(groups: readonly number[]): boolean {
  const top = groups.slice(0, 6).join(":");
  return ["0:0:0:0:0:0", "0:0:0:0:0:65535", "0:0:0:0:65535:0", "100:65435:0:0:0:0"].includes(top);
}

/** A 128-bit value moved out of the embedded-IPv4 ranges (top bit set) when it was in one. */
function awayFromEmbeddedIpv4(value: bigint): bigint {
  const top = value >> 32n;
  const embedded = [0n, 0xffffn, 0xffff0000n, 0x0064ff9b0000000000000000n].includes(top);
  return embedded ? value | (1n << 127n) : value;
}

function ipv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 0xff).join(".");
}

describe("parseCidr", () => {
  it.each([
    ["192.0.2.0/24", 4, "192.0.2.0", 24, "192.0.2.0/24"],
    ["192.0.2.7", 4, "192.0.2.7", 32, "192.0.2.7/32"],
    ["192.0.2.77/26", 4, "192.0.2.64", 26, "192.0.2.64/26"],
    ["0.0.0.0/0", 4, "0.0.0.0", 0, "0.0.0.0/0"],
    ["255.255.255.255/32", 4, "255.255.255.255", 32, "255.255.255.255/32"],
    ["10.1.2.3/0", 4, "0.0.0.0", 0, "0.0.0.0/0"],
  ])("normalises IPv4 %s", (input, version, address, prefix, text) => {
    expect(parseCidr(input)).toEqual({ version, address, prefix, text });
  });

  it.each([
    ["::", "::/128"],
    ["::/0", "::/0"],
    ["::1", "::1/128"],
    ["1::", "1::/128"],
    ["2001:DB8::1/32", "2001:db8::/32"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1/128"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1/128"],
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1/128"],
    ["1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0/128"],
    ["::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8/128"],
    ["fe80::/10", "fe80::/10"],
    ["FE80::ABCD/10", "fe80::/10"],
    // IPv4-mapped blocks are the IPv4 blocks (source addresses are read the same way).
    ["::ffff:192.0.2.1", "192.0.2.1/32"],
    ["::FFFF:192.0.2.1/120", "192.0.2.0/24"],
    ["::ffff:c000:0201", "192.0.2.1/32"],
    ["0:0:0:0:0:ffff:c000:201/127", "192.0.2.0/31"],
    ["::ffff:0:0/96", "0.0.0.0/0"],
    // Wider than the mapped range: an IPv6 block.
    ["::ffff:0:0/95", "::fffe:0:0/95"],
    ["::/96", "::/96"],
    ["::/127", "::/127"],
    ["1:2:3:4:5:6:192.0.2.1", "1:2:3:4:5:6:c000:201/128"],
    ["64:ff9b::/95", "64:ff9b::/95"],
    ["2001:db8::/128", "2001:db8::/128"],
  ])("normalises IPv6 %s", (input, text) => {
    expect(parseCidr(input).text).toBe(text);
  });

  it("reports version 6 and the prefix for an IPv6 block", () => {
    expect(parseCidr("2001:db8::/48")).toEqual({
      version: 6,
      address: "2001:db8::",
      prefix: 48,
      text: "2001:db8::/48",
    });
  });

  it.each([
    "",
    "1.2.3",
    "1.2.3.4.5",
    "256.0.0.1",
    "1.2.3.-1",
    "010.0.0.1",
    "1.2.3.04",
    "00.1.2.3",
    "0x1.2.3.4",
    "1.2.3.4/33",
    "1.2.3.4/",
    "1.2.3.4/08",
    "1.2.3.4/+8",
    "1.2.3.4/-1",
    "1.2.3.4/24/1",
    " 1.2.3.4",
    "1.2.3.4 ",
    "1.2.3.4/ 24",
    "::/129",
    "2001:db8::/1000",
    ":::",
    "1:::2",
    "1::2::3",
    ":1::2",
    "1::2:",
    "1:2:3:4:5:6:7:8:9",
    "1:2:3:4:5:6:7",
    "1:2:3:4:5:6:7:8::",
    "::1:2:3:4:5:6:7:8",
    "12345::",
    "g::1",
    "fe80::1%eth0",
    "fe80::1%25eth0/64",
    "::ffff:1.2.3",
    "::ffff:256.1.2.3",
    "::1.2.3.4:5",
    "1.2.3.4::",
    "1:2:3:4:5:6:7:1.2.3.4",
    "[::1]",
    "localhost",
    // IPv6 forms embedding IPv4 other than the mapped one: ambiguous, refused.
    "::192.0.2.1",
    "::2",
    "::c000:201/120",
    "::ffff:0:192.0.2.1",
    "64:ff9b::192.0.2.33",
    "64:ff9b::/96",
  ])("rejects %j", (input) => {
    expect(() => parseCidr(input)).toThrowCode("invalid_cidr");
  });

  it("reports the path it was given", () => {
    expect(() => parseCidr("300.1.1.1", "ipDenylist.cidrs[2]")).toThrowCode("invalid_cidr", {
      path: "ipDenylist.cidrs[2]",
    });
  });

  it("rejects a non-string value with invalid_cidr", () => {
    expect(() => parseCidr(42 as unknown as string)).toThrowCode("invalid_cidr");
  });

  it("returns a frozen value", () => {
    expect(Object.isFrozen(parseCidr("192.0.2.0/24"))).toBe(true);
  });

  it("round-trips any IPv4 block through its canonical text", () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), fc.integer({ min: 0, max: 32 }), (value, prefix) => {
        const parsed = parseCidr(`${ipv4(value)}/${prefix}`);
        const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
        expect(parsed.address).toBe(ipv4((value & mask) >>> 0));
        expect(parseCidr(parsed.text)).toEqual(parsed);
      }),
    );
  });

  it("says why an address is refused, without echoing more than 60 characters", () => {
    const cases: [string, RegExp][] = [
      ["010.0.0.1/8", /leading zero/],
      ["fe80::1%eth0", /zone id/],
      ["192.0.2.1:443", /port/],
      [" 192.0.2.1", /whitespace/],
      ["::192.0.2.1", /IPv4-compatible/],
      ["64:ff9b::1/128", /NAT64/],
      [`${"a".repeat(200)}/8`, /not an IPv4 or IPv6 address/],
    ];
    for (const [input, why] of cases) {
      expect(() => parseCidr(input)).toThrowCode("invalid_cidr", {
        message: expect.stringMatching(why),
      });
      expect(() => parseCidr(input)).toThrow(/^.{0,199}$/s);
    }
  });

  it("round-trips any IPv6 block through its canonical text", () => {
    fc.assert(
      fc.property(
        // Outside the embedded-IPv4 ranges (covered by their own tests above).
        fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map(awayFromEmbeddedIpv4),
        fc.integer({ min: 0, max: 128 }),
        fc.boolean(),
        (value, prefix, upper) => {
          const parsed = parseCidr(`${fullIpv6(value, upper)}/${prefix}`);
          expect(parseCidr(parsed.text)).toEqual(parsed);
          const mask = ((1n << 128n) - 1n) ^ ((1n << BigInt(128 - prefix)) - 1n);
          // Host bits do not matter.
          expect(parseCidr(`${fullIpv6(value & mask, false)}/${prefix}`)).toEqual(parsed);
        },
      ),
    );
  });

  it("formats IPv6 as the WHATWG URL serialiser does (RFC 5952 compression)", () => {
    const sparse = fc
      .array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff })), {
        minLength: 8,
        maxLength: 8,
      })
      .filter((groups) => !isEmbeddedIpv4(groups));
    fc.assert(
      fc.property(sparse, (groups) => {
        const text = groups.map((g) => g.toString(16)).join(":");
        const expected = new URL(`http://[${text}]/`).hostname.slice(1, -1);
        expect(parseCidr(text).address).toBe(expected);
      }),
    );
  });

  it("accepts compressed forms with zero runs anywhere", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 1, max: 8 }),
        (groups, start, length) => {
          const end = Math.min(8, start + length);
          const zeroed = groups.map((g, i) => (i >= start && i < end ? 0 : g));
          const compressed = `${zeroed
            .slice(0, start)
            .map((g) => g.toString(16))
            .join(":")}::${zeroed
            .slice(end)
            .map((g) => g.toString(16))
            .join(":")}`;
          const full = zeroed.map((g) => g.toString(16)).join(":");
          expect(outcome(compressed)).toEqual(outcome(full));
        },
      ),
    );
  });
});
