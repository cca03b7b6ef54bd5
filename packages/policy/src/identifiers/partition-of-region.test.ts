import { describe, expect, it } from "vitest";
import { partitionOfRegion } from "./partition-of-region.js";

// Every region of the AWS SDK's partitions.json (aws-sdk-js-v3 util-endpoints), by partition.
const REGIONS: ReadonlyArray<readonly [string, string]> = [
  ...[
    "af-south-1",
    "ap-east-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-7",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
  ].map((region) => [region, "aws"] as const),
  ["cn-north-1", "aws-cn"],
  ["cn-northwest-1", "aws-cn"],
  ["us-gov-east-1", "aws-us-gov"],
  ["us-gov-west-1", "aws-us-gov"],
  ["us-iso-east-1", "aws-iso"],
  ["us-iso-west-1", "aws-iso"],
  ["us-isob-east-1", "aws-iso-b"],
  ["eu-isoe-west-1", "aws-iso-e"],
  ["us-isof-east-1", "aws-iso-f"],
  ["us-isof-south-1", "aws-iso-f"],
  ["eusc-de-east-1", "aws-eusc"],
];

describe("partitionOfRegion", () => {
  it.each(REGIONS)("%s is in %s", (region, partition) => {
    expect(partitionOfRegion(region)).toBe(partition);
  });

  it("puts a well-formed region it has never seen in aws, as the AWS SDKs do", () => {
    expect(partitionOfRegion("xy-north-9")).toBe("aws");
    expect(partitionOfRegion("ap-southeast-12")).toBe("aws");
  });

  it.each([
    ["us-isoz-east-1", /no known AWS partition/],
    ["eu-gov-west-1", /no known AWS partition/],
    ["us-east-1a", /not an AWS region/],
    ["useast1", /not an AWS region/],
    ["US-EAST-1", /not an AWS region/],
    ["us-east", /not an AWS region/],
    ["aws-global", /not an AWS region/],
    ["eusc-east-1", /not an AWS region/],
    ["us-gov-1", /not an AWS region/],
    ["xyz-east-1", /not an AWS region/],
    ["us-east-123", /not an AWS region/],
    ["", /not an AWS region/],
    ["*", /not an AWS region/],
    [`us-${"a".repeat(40)}-1`, /not an AWS region/],
  ])("refuses %j with invalid_region", (region, message) => {
    expect(() => partitionOfRegion(region, "config.region")).toThrowCode("invalid_region", {
      path: "config.region",
      message: expect.stringMatching(message),
    });
  });
});
