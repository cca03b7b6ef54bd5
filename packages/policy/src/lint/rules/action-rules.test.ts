import { describe, expect, it } from "vitest";
import type { LintRuleCode } from "../lint-finding.js";
import { lintResourcePolicy } from "../lint-resource-policy.js";

function found(code: LintRuleCode, effect: "Allow" | "Deny", action: Record<string, unknown>) {
  const statement = { Effect: effect, Principal: "*", Resource: "execute-api:/*", ...action };
  return lintResourcePolicy(
    { Version: "2012-10-17", Statement: [statement] },
    { endpointType: "REGIONAL", authTypes: ["NONE"], ipAddressType: "ipv4" },
  ).filter((finding) => finding.code === code);
}

describe("non_execute_api_action", () => {
  it("reports a statement whose actions are all of another service", () => {
    expect(found("non_execute_api_action", "Allow", { Action: ["s3:GetObject"] })).toEqual([
      expect.objectContaining({ severity: "warning", path: "Statement[0].Action" }),
    ]);
  });

  it("accepts execute-api:Invoke in any case", () => {
    expect(found("non_execute_api_action", "Allow", { Action: "Execute-API:invoke" })).toEqual([]);
  });
});

describe("action_broader_than_invoke", () => {
  it("reports execute-api:* in an Allow", () => {
    expect(found("action_broader_than_invoke", "Allow", { Action: ["execute-api:*"] })).toEqual([
      expect.objectContaining({ severity: "warning", path: "Statement[0].Action[0]" }),
    ]);
  });

  it("reports NotAction in an Allow", () => {
    expect(
      found("action_broader_than_invoke", "Allow", { NotAction: "execute-api:ManageConnections" }),
    ).toEqual([expect.objectContaining({ path: "Statement[0].NotAction" })]);
  });

  it("accepts execute-api:* in a Deny", () => {
    expect(found("action_broader_than_invoke", "Deny", { Action: "execute-api:*" })).toEqual([]);
  });

  it("accepts execute-api:Invoke in an Allow", () => {
    expect(found("action_broader_than_invoke", "Allow", { Action: "execute-api:Invoke" })).toEqual(
      [],
    );
  });
});
