import { describe, expect, it } from "vitest";
import type { Partition } from "../../arn/execute-api-arn.js";
import { lintResourcePolicy } from "../lint-resource-policy.js";

const GLOBAL = "arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/prod/GET/pets";
const CHINA = "arn:aws-cn:execute-api:cn-north-1:111122223333:a1b2c3d4e5/prod/GET/pets";

function found(resources: string[], partition?: Partition) {
  const statement = {
    Effect: "Allow",
    Principal: "*",
    Action: "execute-api:Invoke",
    Resource: resources,
  };
  return lintResourcePolicy(
    { Version: "2012-10-17", Statement: [statement] },
    {
      endpointType: "REGIONAL",
      authTypes: ["NONE"],
      ipAddressType: "ipv4",
      ...(partition === undefined ? {} : { partition }),
    },
  ).filter((finding) => finding.code === "partition_mismatch");
}

describe("partition_mismatch", () => {
  it("reports the ARN whose partition differs from the rest of the policy", () => {
    expect(found([GLOBAL, GLOBAL.replace("/GET/", "/POST/"), CHINA])).toEqual([
      expect.objectContaining({ severity: "error", path: "Statement[0].Resource[2]" }),
    ]);
  });

  it("reports an ARN outside the expected partition", () => {
    expect(found([GLOBAL], "aws-cn")).toEqual([
      expect.objectContaining({ path: "Statement[0].Resource[0]" }),
    ]);
  });

  it("reports an IAM principal in another partition", () => {
    const statement = {
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::111122223333:root" },
      Action: "execute-api:Invoke",
      Resource: CHINA,
    };
    const findings = lintResourcePolicy(
      { Version: "2012-10-17", Statement: [statement] },
      {
        endpointType: "REGIONAL",
        authTypes: ["AWS_IAM"],
        ipAddressType: "ipv4",
        partition: "aws-cn",
      },
    ).filter((finding) => finding.code === "partition_mismatch");
    expect(findings.map((finding) => finding.path)).toEqual(["Statement[0].Principal.AWS"]);
  });

  it("accepts ARNs that all use the expected partition", () => {
    expect(found([CHINA], "aws-cn")).toEqual([]);
  });
});
