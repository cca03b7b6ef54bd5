import { describe, expect, it } from "vitest";
import { lintResourcePolicy } from "../lint-resource-policy.js";

const CODE = "allow_only_ip_list_with_authorizer";
const allowFromList = {
  Effect: "Allow",
  Principal: "*",
  Action: "execute-api:Invoke",
  Resource: "execute-api:/*",
  Condition: { IpAddress: { "aws:SourceIp": ["192.0.2.0/24"] } },
};

function found(statements: unknown[], authTypes: ("NONE" | "LAMBDA")[]) {
  return lintResourcePolicy(
    { Version: "2012-10-17", Statement: statements },
    { endpointType: "REGIONAL", authTypes, ipAddressType: "ipv4" },
  ).filter((finding) => finding.code === CODE);
}

describe(CODE, () => {
  it("reports an Allow-only IP list on an API with a Lambda authorizer", () => {
    expect(found([allowFromList], ["LAMBDA"])).toEqual([
      expect.objectContaining({
        severity: "error",
        path: "Statement[0].Condition.IpAddress.aws:SourceIp",
      }),
    ]);
  });

  it("accepts the same list written as Allow plus Deny NotIpAddress", () => {
    const statements = [
      { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" },
      {
        Effect: "Deny",
        Principal: "*",
        Action: "execute-api:Invoke",
        Resource: "execute-api:/*",
        Condition: { NotIpAddress: { "aws:SourceIp": ["192.0.2.0/24"] } },
      },
    ];
    expect(found(statements, ["LAMBDA"])).toEqual([]);
  });

  it("does not report an Allow-only IP list when no method uses a Lambda authorizer", () => {
    expect(found([allowFromList], ["NONE"])).toEqual([]);
  });
});
