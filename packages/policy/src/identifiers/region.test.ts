import { describe, expect, it } from "vitest";
import { isRegion, parseRegion } from "./region.js";

describe("regions", () => {
  it("accepts regions of every partition and returns them unchanged", () => {
    for (const region of [
      "us-east-1",
      "cn-north-1",
      "us-gov-west-1",
      "us-iso-east-1",
      "eusc-de-east-1",
    ]) {
      expect(isRegion(region)).toBe(true);
      expect(parseRegion(region)).toBe(region);
    }
  });

  it("checks the region against a partition when given", () => {
    expect(parseRegion("cn-north-1", "region", "aws-cn")).toBe("cn-north-1");
    expect(() => parseRegion("cn-north-1", "target.region", "aws")).toThrowCode("invalid_region", {
      path: "target.region",
      message: 'region "cn-north-1" belongs to partition aws-cn, not aws',
      expected: "a region of partition aws",
    });
  });

  it("refuses non-strings and availability zones", () => {
    for (const value of [undefined, 1, "us-east-1a", "use1-az1"]) {
      expect(isRegion(value)).toBe(false);
      expect(() => parseRegion(value)).toThrowCode("invalid_region", { path: "region" });
    }
  });
});
