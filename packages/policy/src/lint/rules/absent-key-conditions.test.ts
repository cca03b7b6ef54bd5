import { describe, expect, it } from "vitest";
import type { LintRuleCode } from "../lint-finding.js";
import { lintResourcePolicy } from "../lint-resource-policy.js";

function statement(effect: "Allow" | "Deny", condition: Record<string, unknown>) {
  return {
    Effect: effect,
    Principal: "*",
    Action: "execute-api:Invoke",
    Resource: "execute-api:/*",
    Condition: condition,
  };
}

function found(code: LintRuleCode, endpointType: "REGIONAL" | "PRIVATE", ...statements: unknown[]) {
  const options =
    endpointType === "PRIVATE"
      ? ({ endpointType, authTypes: ["NONE"] } as const)
      : ({ endpointType, authTypes: ["NONE"], ipAddressType: "ipv4" } as const);
  return lintResourcePolicy({ Version: "2012-10-17", Statement: statements }, options).filter(
    (finding) => finding.code === code,
  );
}

const denyOutsideVpce = statement("Deny", {
  StringNotEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" },
});
const denyOutsideIps = statement("Deny", { NotIpAddress: { "aws:SourceIp": "192.0.2.0/24" } });

describe("vpc_key_on_public_api", () => {
  it("reports a VPC condition key on a REGIONAL API", () => {
    const allowFromVpc = statement("Allow", { StringEquals: { "aws:SourceVpc": "vpc-1a2b3c4d" } });
    expect(found("vpc_key_on_public_api", "REGIONAL", allowFromVpc)).toEqual([
      expect.objectContaining({
        severity: "warning",
        path: "Statement[0].Condition.StringEquals.aws:SourceVpc",
      }),
    ]);
  });

  it("accepts the same VPC condition on a PRIVATE API", () => {
    const allowFromVpc = statement("Allow", { StringEquals: { "aws:SourceVpc": "vpc-1a2b3c4d" } });
    expect(found("vpc_key_on_public_api", "PRIVATE", allowFromVpc)).toEqual([]);
  });

  it("reports, not as deny-everyone, a negated VPC condition ANDed with a real one", () => {
    const mixed = statement("Deny", {
      StringNotEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" },
      IpAddress: { "aws:SourceIp": "192.0.2.0/24" },
    });
    const codes = lintResourcePolicy(
      { Version: "2012-10-17", Statement: [mixed] },
      { endpointType: "REGIONAL", authTypes: ["NONE"], ipAddressType: "ipv4" },
    ).map((finding) => finding.code);
    expect(codes).toContain("vpc_key_on_public_api");
    expect(codes).not.toContain("vpc_deny_denies_everyone");
  });
});

describe("vpc_deny_denies_everyone", () => {
  it("reports a Deny StringNotEquals aws:SourceVpce on a REGIONAL API", () => {
    expect(found("vpc_deny_denies_everyone", "REGIONAL", denyOutsideVpce)).toEqual([
      expect.objectContaining({
        severity: "error",
        path: "Statement[0].Condition.StringNotEquals.aws:SourceVpce",
      }),
    ]);
  });

  it("reads condition key names case-insensitively", () => {
    const deny = statement("Deny", { StringNotEquals: { "AWS:SOURCEVPCE": "vpce-1a2b3c4d" } });
    expect(found("vpc_deny_denies_everyone", "REGIONAL", deny)).toHaveLength(1);
  });

  it("reports a Deny with an IfExists operator on a VPC key", () => {
    const deny = statement("Deny", { StringEqualsIfExists: { "aws:SourceVpc": "vpc-1a2b3c4d" } });
    expect(found("vpc_deny_denies_everyone", "REGIONAL", deny)).toHaveLength(1);
  });

  it("accepts the documented VPC endpoint allowlist on a PRIVATE API", () => {
    expect(found("vpc_deny_denies_everyone", "PRIVATE", denyOutsideVpce)).toEqual([]);
  });
});

describe("source_ip_on_private_api", () => {
  it("reports aws:SourceIp in an Allow on a PRIVATE API", () => {
    const allow = statement("Allow", { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } });
    expect(found("source_ip_on_private_api", "PRIVATE", allow)).toEqual([
      expect.objectContaining({
        severity: "warning",
        path: "Statement[0].Condition.IpAddress.aws:SourceIp",
      }),
    ]);
  });

  it("accepts aws:VpcSourceIp on a PRIVATE API", () => {
    const allow = statement("Allow", { IpAddress: { "aws:VpcSourceIp": "10.0.0.0/8" } });
    expect(found("source_ip_on_private_api", "PRIVATE", allow)).toEqual([]);
  });
});

describe("source_ip_deny_denies_everyone", () => {
  it("reports a Deny NotIpAddress aws:SourceIp on a PRIVATE API", () => {
    expect(found("source_ip_deny_denies_everyone", "PRIVATE", denyOutsideIps)).toEqual([
      expect.objectContaining({
        severity: "error",
        path: "Statement[0].Condition.NotIpAddress.aws:SourceIp",
      }),
    ]);
  });

  it("accepts the same Deny written with aws:VpcSourceIp", () => {
    const deny = statement("Deny", { NotIpAddress: { "aws:VpcSourceIp": "10.0.0.0/8" } });
    expect(found("source_ip_deny_denies_everyone", "PRIVATE", deny)).toEqual([]);
  });

  it("accepts a Deny NotIpAddress aws:SourceIp on a REGIONAL API", () => {
    expect(found("source_ip_deny_denies_everyone", "REGIONAL", denyOutsideIps)).toEqual([]);
  });
});
