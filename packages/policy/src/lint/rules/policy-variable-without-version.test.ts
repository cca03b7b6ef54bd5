import { describe, expect, it } from "vitest";
import { lintResourcePolicy } from "../lint-resource-policy.js";

function found(version: string | undefined) {
  const statement = {
    Effect: "Allow",
    Principal: "*",
    Action: "execute-api:Invoke",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
    Resource: "execute-api:/prod/GET/users/${aws:username}",
  };
  const policy =
    version === undefined
      ? { Statement: [statement] }
      : { Version: version, Statement: [statement] };
  return lintResourcePolicy(policy, {
    endpointType: "REGIONAL",
    authTypes: ["AWS_IAM"],
    ipAddressType: "ipv4",
  }).filter((finding) => finding.code === "policy_variable_without_version");
}

describe("policy_variable_without_version", () => {
  it("reports a policy variable under Version 2008-10-17", () => {
    expect(found("2008-10-17")).toEqual([
      expect.objectContaining({ severity: "error", path: "Statement[0].Resource" }),
    ]);
  });

  it("reports a policy variable in a policy without Version", () => {
    expect(found(undefined)).toHaveLength(1);
  });

  it("accepts a policy variable under Version 2012-10-17", () => {
    expect(found("2012-10-17")).toEqual([]);
  });
});
