import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lintResourcePolicy } from "../lint-resource-policy.js";

function found(resource: string) {
  const statement = {
    Effect: "Allow",
    Principal: "*",
    Action: "execute-api:Invoke",
    Resource: [resource],
  };
  return lintResourcePolicy(
    { Version: "2012-10-17", Statement: [statement] },
    { endpointType: "REGIONAL", authTypes: ["NONE"], ipAddressType: "ipv4" },
  ).filter((finding) => finding.code === "mid_path_wildcard");
}

describe("mid_path_wildcard", () => {
  it("reports a * between path segments", () => {
    expect(found("execute-api:/prod/GET/users/*/profile")).toEqual([
      expect.objectContaining({ severity: "warning", path: "Statement[0].Resource[0]" }),
    ]);
  });

  it("reports a * verb followed by a concrete path", () => {
    expect(found("arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/prod/*/pets")).toHaveLength(
      1,
    );
  });

  it("accepts wildcards that only end the resource", () => {
    expect(found("execute-api:/prod/GET/users/*")).toEqual([]);
  });

  it("accepts execute-api:/*/*/* and any concrete path ending in /*", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { maxLength: 4 }), (segments) => {
        const path = [...segments, "*"].join("/");
        expect(found(`execute-api:/*/GET/${path}`)).toEqual([]);
        expect(found("execute-api:/*/*/*")).toEqual([]);
      }),
    );
  });
});
