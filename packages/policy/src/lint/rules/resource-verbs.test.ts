import { describe, expect, it } from "vitest";
import type { LintRuleCode } from "../lint-finding.js";
import { lintResourcePolicy } from "../lint-resource-policy.js";

function found(code: LintRuleCode, resource: string) {
  const statement = {
    Effect: "Allow",
    Principal: "*",
    Action: "execute-api:Invoke",
    Resource: resource,
  };
  return lintResourcePolicy(
    { Version: "2012-10-17", Statement: [statement] },
    { endpointType: "REGIONAL", authTypes: ["NONE"], ipAddressType: "ipv4" },
  ).filter((finding) => finding.code === code);
}

describe("lower_case_http_verb", () => {
  it("reports a lower-case verb", () => {
    expect(found("lower_case_http_verb", "execute-api:/prod/get/pets")).toEqual([
      expect.objectContaining({ severity: "error", path: "Statement[0].Resource" }),
    ]);
  });

  it("accepts an upper-case verb", () => {
    expect(found("lower_case_http_verb", "execute-api:/prod/GET/pets")).toEqual([]);
  });
});

describe("any_verb_in_resource", () => {
  it("reports ANY as a verb", () => {
    expect(found("any_verb_in_resource", "execute-api:/prod/ANY/pets")).toEqual([
      expect.objectContaining({ severity: "error", path: "Statement[0].Resource" }),
    ]);
  });

  it("accepts * as a verb", () => {
    expect(found("any_verb_in_resource", "execute-api:/prod/*/pets")).toEqual([]);
  });
});
