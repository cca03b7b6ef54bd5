import { describe, expect, it } from "vitest";
import { normalizeIpAddress } from "./normalize-ip-address.js";

describe("normalizeIpAddress: accepted spellings", () => {
  it.each([
    // IPv4
    ["192.0.2.10", "192.0.2.10"],
    ["0.0.0.0", "0.0.0.0"],
    ["255.255.255.255", "255.255.255.255"],
    // IPv4-mapped IPv6, every spelling: the IPv4 caller
    ["::ffff:192.0.2.10", "192.0.2.10"],
    ["::FFFF:192.0.2.10", "192.0.2.10"],
    ["::ffff:c000:20a", "192.0.2.10"],
    ["::FFFF:C000:020A", "192.0.2.10"],
    ["0:0:0:0:0:ffff:192.0.2.10", "192.0.2.10"],
    ["0000:0000:0000:0000:0000:ffff:c000:020a", "192.0.2.10"],
    ["::0:ffff:192.0.2.10", "192.0.2.10"],
    ["0::ffff:c000:20a", "192.0.2.10"],
    ["::ffff:0.0.0.0", "0.0.0.0"],
    // IPv6: case, compression, leading zeros in groups
    ["2001:DB8::1", "2001:db8::1"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["2001:db8:0:0:0::1", "2001:db8::1"],
    ["2001:db8::0:1", "2001:db8::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["FE80::ABCD", "fe80::abcd"],
    ["2001:db8::192.0.2.1", "2001:db8::c000:201"],
    ["::", "::"],
    ["::1", "::1"],
    ["0:0:0:0:0:0:0:1", "::1"],
  ])("%j -> %j", (input, canonical) => {
    expect(normalizeIpAddress(input)).toBe(canonical);
  });
});

describe("normalizeIpAddress: refused spellings", () => {
  it.each([
    ["010.0.0.1", /leading zero/],
    ["10.0.0.01", /leading zero/],
    ["00.0.0.0", /leading zero/],
    ["::ffff:010.0.0.1", /leading zero/],
    [" 192.0.2.10", /whitespace/],
    ["192.0.2.10 ", /whitespace/],
    ["192.0.2.10\n", /whitespace/],
    ["fe80::1%eth0", /zone id/],
    ["fe80::1%25eth0", /zone id/],
    ["192.0.2.10:443", /port/],
    ["[2001:db8::1]", /port/],
    ["[2001:db8::1]:443", /port/],
    ["::192.0.2.10", /IPv4-compatible/],
    ["::c000:20a", /IPv4-compatible/],
    ["::0.0.0.1", /IPv4-compatible/],
    ["::ffff:0:192.0.2.10", /IPv4-translated/],
    ["64:ff9b::192.0.2.10", /NAT64/],
    ["64:ff9b::c000:20a", /NAT64/],
    ["192.0.2", /not an IPv4 or IPv6 address/],
    ["3221225994", /not an IPv4 or IPv6 address/],
    ["0xc0.0.2.10", /not an IPv4 or IPv6 address/],
    ["192.0.2.10/32", /not an IPv4 or IPv6 address/],
    ["", /not an IPv4 or IPv6 address/],
  ])("%j: %s", (input, why) => {
    const normalize = () => normalizeIpAddress(input, "sourceIp");
    expect(normalize).toThrowCode("invalid_ip_address", { message: expect.stringMatching(why) });
    expect(normalize).toThrowCode("invalid_ip_address", {
      message: expect.stringContaining("at sourceIp"),
    });
  });

  it("refuses a non-string", () => {
    expect(() => normalizeIpAddress(42 as unknown as string, "sourceIp")).toThrowCode(
      "invalid_ip_address",
    );
  });

  it("never echoes the input in the message, and keeps at most 64 characters of it", () => {
    const input = `${"1".repeat(5000)}.0.0.1`;
    expect(() => normalizeIpAddress(input)).toThrowCode("invalid_ip_address", {
      name: "PolicyError",
      message: expect.not.stringContaining("1111"),
      actual: expect.stringMatching(/^.{64}$/su),
    });
  });
});
