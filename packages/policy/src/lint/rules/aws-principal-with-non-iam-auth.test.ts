import { describe, expect, it } from "vitest";
import type { MethodAuthTypeName } from "../../auth-types/api-auth-types.js";
import { lintResourcePolicy } from "../lint-resource-policy.js";

const CODE = "aws_principal_with_non_iam_auth";

function found(principal: unknown, authTypes: MethodAuthTypeName[]) {
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

  it("reports an AWS principal when some methods use a REST JWT authorizer (their callers are anonymous to IAM)", () => {
    expect(found(account, ["AWS_IAM", "JWT"])).toEqual([
      expect.objectContaining({ severity: "error", path: "Statement[0].Principal.AWS" }),
    ]);
  });

  it("accepts an AWS principal when every method uses AWS_IAM", () => {
    expect(found(account, ["AWS_IAM"])).toEqual([]);
  });

  it('accepts Principal "*" with non-IAM methods', () => {
    expect(found("*", ["NONE", "COGNITO_USER_POOLS"])).toEqual([]);
    expect(found("*", ["JWT"])).toEqual([]);
  });
});

describe(`${CODE} with a route map`, () => {
  const lint = (statements: unknown[], authTypes: Record<string, string>) =>
    lintResourcePolicy({ Version: "2012-10-17", Statement: statements }, {
      endpointType: "REGIONAL",
      authTypes,
      ipAddressType: "ipv4",
    } as never).filter((finding) => finding.code === CODE);
  const allowAccount = (Resource: string) => ({
    Effect: "Allow",
    Principal: account,
    Action: "execute-api:Invoke",
    Resource,
  });
  const allowAnyone = (Resource: string) => ({ ...allowAccount(Resource), Principal: "*" });

  it("accepts an account Allow scoped to the AWS_IAM routes", () => {
    const authTypes = { "GET /reports": "AWS_IAM", "*": "LAMBDA" };
    expect(lint([allowAccount("execute-api:/*/GET/reports")], authTypes)).toEqual([]);
  });

  it("reports an account Allow that reaches a LAMBDA route, even next to an Allow * for NONE", () => {
    const authTypes = { "GET /reports": "AWS_IAM", "GET /pets": "LAMBDA", "OPTIONS /pets": "NONE" };
    const findings = lint(
      [allowAccount("execute-api:/*"), allowAnyone("execute-api:/*/OPTIONS/pets")],
      authTypes,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('"GET /pets" (LAMBDA)');
    expect(findings[0]?.message).not.toContain("OPTIONS");
  });

  it('reports an account Allow that reaches the LAMBDA methods of "*"', () => {
    const findings = lint([allowAccount("execute-api:/*")], {
      "GET /reports": "AWS_IAM",
      "*": "LAMBDA",
    });
    expect(findings[0]?.message).toContain('the methods of "*" (LAMBDA)');
  });
});
