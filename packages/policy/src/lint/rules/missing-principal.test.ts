import { describe, expect, it } from "vitest";
import { lintResourcePolicy } from "../lint-resource-policy.js";

function found(statement: Record<string, unknown>) {
  return lintResourcePolicy(
    {
      Version: "2012-10-17",
      Statement: {
        Effect: "Allow",
        Action: "execute-api:Invoke",
        Resource: "execute-api:/*",
        ...statement,
      },
    },
    { endpointType: "REGIONAL", authTypes: ["NONE"], ipAddressType: "ipv4" },
  ).filter((finding) => finding.code === "missing_principal");
}

describe("missing_principal", () => {
  it("reports a statement without Principal, at the single statement's path", () => {
    expect(found({})).toEqual([expect.objectContaining({ severity: "error", path: "Statement" })]);
  });

  it("accepts a statement with a Principal", () => {
    expect(found({ Principal: "*" })).toEqual([]);
  });
});
