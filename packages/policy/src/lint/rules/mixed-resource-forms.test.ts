import { describe, expect, it } from "vitest";
import { lintResourcePolicy } from "../lint-resource-policy.js";

function found(resources: string[]) {
  const statement = {
    Effect: "Allow",
    Principal: "*",
    Action: "execute-api:Invoke",
    Resource: resources,
  };
  return lintResourcePolicy(
    { Version: "2012-10-17", Statement: [statement] },
    { endpointType: "REGIONAL", authTypes: ["NONE"], ipAddressType: "ipv4" },
  ).filter((finding) => finding.code === "mixed_resource_forms");
}

describe("mixed_resource_forms", () => {
  it("reports a full ARN in a policy that starts with the short form", () => {
    expect(
      found([
        "execute-api:/prod/GET/pets",
        "arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/prod/POST/pets",
      ]),
    ).toEqual([expect.objectContaining({ severity: "info", path: "Statement[0].Resource[1]" })]);
  });

  it("accepts resources all in the short form", () => {
    expect(found(["execute-api:/prod/GET/pets", "execute-api:/prod/POST/pets"])).toEqual([]);
  });
});
