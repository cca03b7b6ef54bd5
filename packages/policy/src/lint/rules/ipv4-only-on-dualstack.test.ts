import { describe, expect, it } from "vitest";
import type { LintRuleCode } from "../lint-finding.js";
import { lintResourcePolicy } from "../lint-resource-policy.js";

function deny(operator: "IpAddress" | "NotIpAddress", cidrs: string[]) {
  return {
    Effect: "Deny",
    Principal: "*",
    Action: "execute-api:Invoke",
    Resource: "execute-api:/*",
    Condition: { [operator]: { "aws:SourceIp": cidrs } },
  };
}

function found(code: LintRuleCode, ipAddressType: "ipv4" | "dualstack", statement: unknown) {
  return lintResourcePolicy(
    { Version: "2012-10-17", Statement: [statement] },
    { endpointType: "REGIONAL", authTypes: ["NONE"], ipAddressType },
  ).filter((finding) => finding.code === code);
}

describe("ipv4_only_denylist_on_dualstack", () => {
  it("reports an IPv4-only denylist on a dual-stack API", () => {
    expect(
      found("ipv4_only_denylist_on_dualstack", "dualstack", deny("IpAddress", ["192.0.2.0/24"])),
    ).toEqual([
      expect.objectContaining({
        severity: "error",
        path: "Statement[0].Condition.IpAddress.aws:SourceIp",
      }),
    ]);
  });

  it("accepts a denylist that also lists IPv6 blocks", () => {
    const statement = deny("IpAddress", ["192.0.2.0/24", "2001:db8::/32"]);
    expect(found("ipv4_only_denylist_on_dualstack", "dualstack", statement)).toEqual([]);
  });

  it("accepts an IPv4-only denylist on an IPv4 API", () => {
    const statement = deny("IpAddress", ["192.0.2.0/24"]);
    expect(found("ipv4_only_denylist_on_dualstack", "ipv4", statement)).toEqual([]);
  });
});

describe("ipv4_only_allowlist_on_dualstack", () => {
  it("reports an IPv4-only allowlist on a dual-stack API", () => {
    const statement = deny("NotIpAddress", ["192.0.2.0/24"]);
    expect(found("ipv4_only_allowlist_on_dualstack", "dualstack", statement)).toEqual([
      expect.objectContaining({
        severity: "warning",
        path: "Statement[0].Condition.NotIpAddress.aws:SourceIp",
      }),
    ]);
  });

  it("accepts an allowlist that also lists IPv6 blocks", () => {
    const statement = deny("NotIpAddress", ["192.0.2.0/24", "2001:db8::/32"]);
    expect(found("ipv4_only_allowlist_on_dualstack", "dualstack", statement)).toEqual([]);
  });
});
