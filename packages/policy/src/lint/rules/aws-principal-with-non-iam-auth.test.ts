import { describe, expect, it } from "vitest";
import type { MethodAuthType } from "../../gateway/api-gateway-access.js";
import { lintResourcePolicy } from "../lint-resource-policy.js";

const CODE = "aws-principal-with-non-iam-auth";

function found(principal: unknown, authTypes: MethodAuthType[]) {
  const statement = {
    Effect: "Allow",
    Principal: principal,
    Action: "execute-api:Invoke",
    Resource: "execute-api:/*",
  };
  return lintResourcePolicy(
    { Version: "2012-10-17", Statement: [statement] },
    { endpointType: "REGIONAL", authTypes, ipAddressType: "ipv4" },
  ).filter((finding) => finding.code === CODE);
}

const account = { AWS: ["arn:aws:iam::111122223333:root"] };

describe(CODE, () => {
  it("reports an AWS principal when some methods use a Lambda authorizer", () => {
    expect(found(account, ["AWS_IAM", "LAMBDA"])).toEqual([
      expect.objectContaining({ severity: "error", path: "Statement[0].Principal.AWS" }),
    ]);
  });

  it("accepts an AWS principal when every method uses AWS_IAM", () => {
    expect(found(account, ["AWS_IAM"])).toEqual([]);
  });

  it('accepts Principal "*" with non-IAM methods', () => {
    expect(found("*", ["NONE", "COGNITO_USER_POOLS"])).toEqual([]);
  });
});
