import { describe, expect, it } from "vitest";
import { lintResourcePolicy } from "../lint-resource-policy.js";

function found(resource: string) {
  const statement = {
    Effect: "Allow",
    Principal: "*",
    Action: "execute-api:Invoke",
    Resource: resource,
  };
  return lintResourcePolicy(
    { Version: "2012-10-17", Statement: [statement] },
    { endpointType: "REGIONAL", authTypes: ["NONE"], ipAddressType: "ipv4" },
  ).filter((finding) => finding.code === "invalid_resource_arn");
}

describe("invalid_resource_arn", () => {
  it("reports a resource of another service", () => {
    expect(found("arn:aws:s3:::bucket/*")).toEqual([
      expect.objectContaining({ severity: "error", path: "Statement[0].Resource" }),
    ]);
  });

  it('accepts Resource "*"', () => {
    expect(found("*")).toEqual([]);
  });
});
