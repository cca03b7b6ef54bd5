import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPolicyError } from "../errors.js";
import { cidrContains } from "./cidr-contains.js";
import { parseCidr } from "./parse-cidr.js";

function fullIpv6(value: bigint): string {
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((value >> BigInt(i * 16)) & 0xffffn).toString(16));
  return groups.join(":");
}

function ipv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => ((value >> shift) & 0xffn).toString()).join(".");
}

/** Reference: same network bits, computed on BigInt. */
function referenceContains(network: bigint, prefix: number, address: bigint, bits: number) {
  const shift = BigInt(bits - prefix);
  return network >> shift === address >> shift;
}

describe("cidrContains", () => {
  it.each([
    ["192.0.2.0/24", "192.0.2.0", true],
    ["192.0.2.0/24", "192.0.2.255", true],
    ["192.0.2.0/24", "192.0.3.0", false],
    ["192.0.2.64/26", "192.0.2.127", true],
    ["192.0.2.64/26", "192.0.2.128", false],
    ["0.0.0.0/0", "203.0.113.9", true],
    ["192.0.2.7", "192.0.2.7", true],
    ["192.0.2.7", "192.0.2.8", false],
    ["2001:db8::/32", "2001:db8:ffff::1", true],
    ["2001:db8::/32", "2001:db9::1", false],
    ["::/0", "::1", true],
    ["fe80::/10", "febf::1", true],
    ["fe80::/10", "fec0::1", false],
    ["::ffff:192.0.2.0/120", "::ffff:192.0.2.9", true],
    // IPv4-mapped addresses and blocks are IPv4, in any spelling.
    ["::ffff:192.0.2.0/120", "192.0.2.9", true],
    ["192.0.2.0/24", "::ffff:192.0.2.9", true],
    ["192.0.2.0/24", "::FFFF:C000:0209", true],
    ["192.0.2.0/24", "0:0:0:0:0:ffff:192.0.2.9", true],
    ["192.0.2.0/24", "::ffff:192.0.3.9", false],
    ["::/0", "::ffff:192.0.2.9", false],
    ["2001:db8::/32", "2001:0DB8:0000::0001", true],
  ])("%s contains %s: %s", (cidr, address, expected) => {
    expect(cidrContains(cidr, address)).toBe(expected);
  });

  it("matches an IPv4-mapped IPv6 address with an IPv4 block (it is the IPv4 caller)", () => {
    expect(cidrContains("0.0.0.0/0", "::ffff:192.0.2.1")).toBe(true);
  });

  it("does not match an IPv4 address with an IPv6 block", () => {
    expect(cidrContains("::/0", "192.0.2.1")).toBe(false);
  });

  it.each([
    "",
    "not-an-ip",
    "192.0.2.1/32",
    "010.0.0.1",
    "192.0.2.01",
    "::ffff:010.0.0.1",
    "fe80::1%eth0",
    " 192.0.2.1",
    "192.0.2.1 ",
    "192.0.2.1:443",
    "[2001:db8::1]",
    "[2001:db8::1]:443",
    "::192.0.2.1",
    "::ffff:0:192.0.2.1",
    "64:ff9b::192.0.2.1",
  ])("refuses %j with invalid_ip_address instead of answering false", (address) => {
    for (const block of ["0.0.0.0/0", "::/0", "192.0.2.0/24"]) {
      expect(() => cidrContains(block, address)).toThrowCode("invalid_ip_address");
    }
  });

  it("gives each address its own answer when addresses alternate (the last one is remembered)", () => {
    const blocks = ["192.0.2.0/24", "198.51.100.0/24", "2001:db8::/32"];
    const addresses = ["192.0.2.1", "198.51.100.1", "2001:db8::1", "bogus", "192.0.2.1"];
    const expected = [
      [true, false, false, "throws", true],
      [false, true, false, "throws", false],
      [false, false, true, "throws", false],
    ];
    const answer = (block: string, address: string) => {
      try {
        return cidrContains(block, address);
      } catch {
        return "throws";
      }
    };
    for (let round = 0; round < 2; round++) {
      addresses.forEach((address, a) => {
        blocks.forEach((block, b) => {
          expect(answer(block, address)).toBe(expected[b]?.[a]);
        });
      });
    }
  });

  it("refuses a non-string address", () => {
    expect(() => cidrContains("0.0.0.0/0", undefined as unknown as string)).toThrowCode(
      "invalid_ip_address",
    );
  });

  it("throws invalid_cidr for a malformed block", () => {
    expect(() => cidrContains("192.0.2.0/33", "192.0.2.1")).toThrowCode("invalid_cidr");
  });

  it("re-validates a hand-built Cidr object", () => {
    const bogus = { version: 4 as const, address: "x", prefix: 8, text: "x/8" };
    let error: unknown;
    try {
      cidrContains(bogus, "10.0.0.1");
    } catch (caught) {
      error = caught;
    }
    expect(isPolicyError(error)).toBe(true);
  });

  it("agrees with a BigInt reference for IPv4", () => {
    const value = fc.bigInt({ min: 0n, max: 0xffffffffn });
    fc.assert(
      fc.property(
        value,
        fc.integer({ min: 0, max: 32 }),
        value,
        fc.boolean(),
        (net, prefix, other, near) => {
          // Half the cases share the block's high bits so that "inside" is exercised too.
          const shift = BigInt(32 - prefix);
          const address = near ? ((net >> shift) << shift) | (other & ((1n << shift) - 1n)) : other;
          const block = parseCidr(`${ipv4(net)}/${prefix}`);
          expect(cidrContains(block, ipv4(address))).toBe(
            referenceContains(net, prefix, address, 32),
          );
        },
      ),
    );
  });

  it("agrees with a BigInt reference for IPv6", () => {
    // Outside the embedded-IPv4 ranges (`::/96`, `::ffff:0:0/96`, `::ffff:0:0:0/96`,
    // `64:ff9b::/96`), which are read as IPv4 or refused (see the spelling tests).
    const embedded = (v: bigint) =>
      [0n, 0xffffn, 0xffff0000n, 0x0064ff9b0000000000000000n].includes(v >> 32n);
    const value = fc
      .bigInt({ min: 0n, max: (1n << 128n) - 1n })
      .map((v) => (embedded(v) ? v | (1n << 127n) : v));
    fc.assert(
      fc.property(
        value,
        fc.integer({ min: 0, max: 128 }),
        value,
        fc.boolean(),
        (net, prefix, other, near) => {
          const shift = BigInt(128 - prefix);
          const address = near ? ((net >> shift) << shift) | (other & ((1n << shift) - 1n)) : other;
          fc.pre(!embedded(address));
          const block = `${fullIpv6(net)}/${prefix}`;
          expect(cidrContains(block, fullIpv6(address))).toBe(
            referenceContains(net, prefix, address, 128),
          );
        },
      ),
    );
  });
});
