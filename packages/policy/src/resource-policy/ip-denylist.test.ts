import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ipDenylist } from "./ip-denylist.js";

describe("ipDenylist", () => {
  it("normalises, de-duplicates and sorts a mixed IPv4/IPv6 list", () => {
    const rule = ipDenylist({
      cidrs: ["2001:DB8::1/32", "198.51.100.9/24", "10.0.0.0/8", "192.0.2.0/24", "198.51.100.0/24"],
    });
    expect(rule.values).toEqual(["10.0.0.0/8", "192.0.2.0/24", "198.51.100.0/24", "2001:db8::/32"]);
  });

  it("orders blocks numerically, not as text", () => {
    expect(ipDenylist({ cidrs: ["10.0.0.0/8", "9.0.0.0/8"] }).values).toEqual([
      "9.0.0.0/8",
      "10.0.0.0/8",
    ]);
  });

  it("applies to the whole API by default", () => {
    expect(ipDenylist({ cidrs: ["192.0.2.0/24"] }).resources).toEqual(["execute-api:/*"]);
  });

  it("de-duplicates and sorts the resources", () => {
    const rule = ipDenylist({
      cidrs: ["192.0.2.0/24"],
      resources: ["execute-api:/prod/*", "execute-api:/dev/*", "execute-api:/prod/*"],
    });
    expect(rule.resources).toEqual(["execute-api:/dev/*", "execute-api:/prod/*"]);
  });

  it("returns a frozen rule", () => {
    const rule = ipDenylist({ cidrs: ["192.0.2.0/24"] });
    expect(Object.isFrozen(rule) && Object.isFrozen(rule.values)).toBe(true);
  });

  it("reports a bad CIDR with its path", () => {
    expect(() => ipDenylist({ cidrs: ["192.0.2.0/24", "192.0.2.0/24", "256.0.0.1"] })).toThrowCode(
      "invalid_cidr",
      { path: "ipDenylist.cidrs[2]" },
    );
  });

  it("reports a non-string entry as invalid_cidr", () => {
    expect(() => ipDenylist({ cidrs: [42 as unknown as string] })).toThrowCode("invalid_cidr", {
      path: "ipDenylist.cidrs[0]",
    });
  });

  it("rejects an empty list", () => {
    expect(() => ipDenylist({ cidrs: [] })).toThrowCode("invalid_cidr", {
      path: "ipDenylist.cidrs",
    });
  });

  it("reports a bad resource with its path", () => {
    expect(() => ipDenylist({ cidrs: ["192.0.2.0/24"], resources: ["s3:/bucket"] })).toThrowCode(
      "invalid_arn",
      { path: "ipDenylist.resources[0]" },
    );
  });

  it("rejects an empty resource list", () => {
    expect(() => ipDenylist({ cidrs: ["192.0.2.0/24"], resources: [] })).toThrowCode(
      "invalid_arn",
      { path: "ipDenylist.resources" },
    );
  });

  it("throws TypeError when cidrs is not an array", () => {
    expect(() => ipDenylist({ cidrs: "192.0.2.0/24" as unknown as string[] })).toThrow(TypeError);
  });

  it("throws TypeError when resources is not an array", () => {
    expect(() =>
      ipDenylist({ cidrs: ["192.0.2.0/24"], resources: "execute-api:/*" as unknown as string[] }),
    ).toThrow(TypeError);
  });

  it("throws TypeError without options", () => {
    expect(() => ipDenylist(undefined as never)).toThrow(TypeError);
  });

  it("does not depend on the order of the list", () => {
    const cidrs = ["192.0.2.0/24", "2001:db8::/32", "10.0.0.0/8", "::/0", "0.0.0.0/0", "fe80::/10"];
    const reference = ipDenylist({ cidrs });
    fc.assert(
      fc.property(fc.shuffledSubarray(cidrs, { minLength: cidrs.length }), (shuffled) => {
        expect(ipDenylist({ cidrs: shuffled })).toEqual(reference);
      }),
    );
  });
});
