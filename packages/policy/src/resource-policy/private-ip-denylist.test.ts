import { describe, expect, it } from "vitest";
import { privateIpDenylist } from "./private-ip-denylist.js";

describe("privateIpDenylist", () => {
  it("builds a privateIpDenylist rule with canonical blocks", () => {
    expect(privateIpDenylist({ cidrs: ["10.0.8.1/21", "fd00::/8"] })).toEqual({
      kind: "privateIpDenylist",
      values: ["10.0.8.0/21", "fd00::/8"],
      resources: ["execute-api:/*"],
    });
  });

  it("reports a bad CIDR with its path", () => {
    expect(() => privateIpDenylist({ cidrs: ["10.0.0.0/8", "10.0.0"] })).toThrowCode(
      "invalid_cidr",
      { path: "privateIpDenylist.cidrs[1]" },
    );
  });
});
