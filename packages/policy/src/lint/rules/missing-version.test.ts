import { describe, expect, it } from "vitest";
import { lintResourcePolicy } from "../lint-resource-policy.js";

const statement = {
  Effect: "Allow",
  Principal: "*",
  Action: "execute-api:Invoke",
  Resource: "execute-api:/*",
};
const options = { endpointType: "REGIONAL", authTypes: ["NONE"], ipAddressType: "ipv4" } as const;

describe("missing_version", () => {
  it("reports a policy without Version", () => {
    expect(
      lintResourcePolicy({ Statement: [statement] }, options).filter(
        (finding) => finding.code === "missing_version",
      ),
    ).toEqual([expect.objectContaining({ severity: "warning", path: "Version" })]);
  });

  it("accepts a policy with Version 2012-10-17", () => {
    expect(lintResourcePolicy({ Version: "2012-10-17", Statement: [statement] }, options)).toEqual(
      [],
    );
  });
});
