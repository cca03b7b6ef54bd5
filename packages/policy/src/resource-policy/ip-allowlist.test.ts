import { describe, expect, it } from "vitest";
import { ipAllowlist } from "./ip-allowlist.js";

describe("ipAllowlist", () => {
  it("builds an ipAllowlist rule with canonical blocks", () => {
    expect(ipAllowlist({ cidrs: ["203.0.113.77/24", "2001:db8:1::/48"] })).toEqual({
      kind: "ipAllowlist",
      values: ["203.0.113.0/24", "2001:db8:1::/48"],
      resources: ["execute-api:/*"],
    });
  });

  it("reports a bad CIDR with its path", () => {
    expect(() => ipAllowlist({ cidrs: ["fe80::1%eth0"] })).toThrowCode("invalid_cidr", {
      path: "ipAllowlist.cidrs[0]",
    });
  });

  it("throws TypeError when cidrs is missing", () => {
    expect(() => ipAllowlist({} as never)).toThrow(TypeError);
  });
});
