import { describe, expect, it } from "vitest";
import { lintResourcePolicy } from "../lint-resource-policy.js";

function found(effect: "Allow" | "Deny") {
  const statement = {
    Effect: effect,
    NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" },
    Action: "execute-api:Invoke",
    Resource: "execute-api:/*",
  };
  return lintResourcePolicy(
    { Version: "2012-10-17", Statement: [statement] },
    { endpointType: "REGIONAL", authTypes: ["AWS_IAM"], ipAddressType: "ipv4" },
  ).filter((finding) => finding.code === "not_principal_with_allow");
}

describe("not_principal_with_allow", () => {
  it("reports NotPrincipal in an Allow", () => {
    expect(found("Allow")).toEqual([
      expect.objectContaining({ severity: "error", path: "Statement[0].NotPrincipal" }),
    ]);
  });

  it("accepts NotPrincipal in a Deny", () => {
    expect(found("Deny")).toEqual([]);
  });
});
