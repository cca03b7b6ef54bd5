import { describe, expect, it } from "vitest";
import type { ApiTarget } from "../../arn/expand-resource-arn.js";
import { lintResourcePolicy } from "../lint-resource-policy.js";

function resources(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `execute-api:/prod/GET/items/${index}`);
}

function found(count: number, target?: ApiTarget) {
  const statement = {
    Effect: "Allow",
    Principal: "*",
    Action: "execute-api:Invoke",
    Resource: resources(count),
  };
  return lintResourcePolicy(
    { Version: "2012-10-17", Statement: [statement] },
    {
      endpointType: "REGIONAL",
      authTypes: ["NONE"],
      ipAddressType: "ipv4",
      ...(target === undefined ? {} : { target }),
    },
  ).filter((finding) => finding.code === "policy_too_large");
}

const target: ApiTarget = {
  partition: "aws",
  region: "eu-west-1",
  accountId: "111122223333",
  apiId: "a1b2c3d4e5",
};

describe("policy_too_large", () => {
  it("reports a policy over 8192 characters as written", () => {
    expect(found(300)).toEqual([expect.objectContaining({ severity: "error", path: "" })]);
  });

  it("accepts a policy under the limit", () => {
    expect(found(100)).toEqual([]);
  });

  it("reports a policy that only exceeds the limit once expanded for its API", () => {
    expect(found(200)).toEqual([]);
    expect(found(200, target)).toHaveLength(1);
  });
});
