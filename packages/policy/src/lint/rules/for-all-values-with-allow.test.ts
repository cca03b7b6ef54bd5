import { describe, expect, it } from "vitest";
import { lintResourcePolicy } from "../lint-resource-policy.js";

function found(condition: Record<string, unknown>) {
  const statement = {
    Effect: "Allow",
    Principal: "*",
    Action: "execute-api:Invoke",
    Resource: "execute-api:/*",
    Condition: condition,
  };
  return lintResourcePolicy(
    { Version: "2012-10-17", Statement: [statement] },
    { endpointType: "REGIONAL", authTypes: ["AWS_IAM"], ipAddressType: "ipv4" },
  ).filter((finding) => finding.code === "for_all_values_with_allow");
}

describe("for_all_values_with_allow", () => {
  it("reports ForAllValues in an Allow", () => {
    expect(found({ "ForAllValues:StringEquals": { "aws:PrincipalTag/team": ["a", "b"] } })).toEqual(
      [
        expect.objectContaining({
          severity: "warning",
          path: "Statement[0].Condition.ForAllValues:StringEquals.aws:PrincipalTag/team",
        }),
      ],
    );
  });

  it("accepts ForAnyValue in an Allow", () => {
    expect(found({ "ForAnyValue:StringEquals": { "aws:PrincipalTag/team": ["a", "b"] } })).toEqual(
      [],
    );
  });
});
