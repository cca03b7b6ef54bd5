import { describe, expect, it } from "vitest";
import { sourceVpcAllowlist } from "./source-vpc-allowlist.js";

describe("sourceVpcAllowlist", () => {
  it("accepts 8- and 17-digit VPC ids, de-duplicated and sorted", () => {
    const rule = sourceVpcAllowlist({
      vpcIds: ["vpc-0123456789abcdef0", "vpc-1a2b3c4d", "vpc-0123456789abcdef0"],
    });
    expect(rule.values).toEqual(["vpc-0123456789abcdef0", "vpc-1a2b3c4d"]);
  });

  it.each([
    "vpc-1A2B3C4D",
    "vpc-1a2b3c4",
    "vpc-0123456789abcdef01",
    "vpce-1a2b3c4d",
    " vpc-1a2b3c4d",
    "vpc-1a2b3c4g",
  ])("rejects %j with invalid_vpc_id and the path", (id) => {
    expect(() => sourceVpcAllowlist({ vpcIds: ["vpc-1a2b3c4d", id] })).toThrowCode(
      "invalid_vpc_id",
      { path: "sourceVpcAllowlist.vpcIds[1]" },
    );
  });

  it("rejects an empty list", () => {
    expect(() => sourceVpcAllowlist({ vpcIds: [] })).toThrowCode("invalid_vpc_id", {
      path: "sourceVpcAllowlist.vpcIds",
    });
  });

  it("throws TypeError when vpcIds is not an array", () => {
    expect(() => sourceVpcAllowlist({ vpcIds: "vpc-1a2b3c4d" as never })).toThrow(TypeError);
  });
});
