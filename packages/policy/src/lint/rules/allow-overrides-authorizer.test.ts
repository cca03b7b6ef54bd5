import { describe, expect, it } from "vitest";
import type { ApiAuthTypes } from "../../auth-types/api-auth-types.js";
import { lintResourcePolicy } from "../lint-resource-policy.js";

const CODE = "allow_overrides_authorizer";
const allow = (extra: object = {}) => ({
  Effect: "Allow",
  Principal: "*",
  Action: "execute-api:Invoke",
  Resource: "execute-api:/*",
  ...extra,
});
const denyIps = {
  Effect: "Deny",
  Principal: "*",
  Action: "execute-api:Invoke",
  Resource: "execute-api:/*",
  Condition: { IpAddress: { "aws:SourceIp": ["192.0.2.0/24"] } },
};

function without(statement: Record<string, unknown>, key: string) {
  const { [key]: _removed, ...rest } = statement;
  return rest;
}

function found(statements: unknown[], authTypes: ApiAuthTypes) {
  return lintResourcePolicy(
    { Version: "2012-10-17", Statement: statements },
    { endpointType: "REGIONAL", authTypes, ipAddressType: "ipv4" },
  ).filter((finding) => finding.code === CODE);
}

describe(CODE, () => {
  it("reports the AWS example IP denylist (Allow * + Deny) next to a Lambda authorizer", () => {
    const findings = found([allow(), denyIps], ["LAMBDA"]);
    expect(findings).toEqual([
      expect.objectContaining({ severity: "error", path: "Statement[0].Resource" }),
    ]);
    expect(findings[0]?.message).toMatch(/Lambda authorizer's implicit deny \(Table A\)/);
    expect(findings[0]?.fix).toMatch(/^Remove this Allow/);
  });

  it("explains the IAM side: the account without identity policies, and other accounts", () => {
    const [finding] = found([allow()], ["AWS_IAM"]);
    expect(finding?.message).toMatch(/without an identity policy.*any other account/);
    expect(finding?.fix).toMatch(/accountAllowlist/);
  });

  it.each([
    ["NONE", ["NONE"]],
    ["COGNITO_USER_POOLS (a valid token is still required)", ["COGNITO_USER_POOLS"]],
    ["JWT (a REST JWT authorizer: a valid token is still required)", ["JWT"]],
  ] as const)("does not report an Allow * on an API whose methods are all %s", (_n, types) => {
    expect(found([allow(), denyIps], types)).toEqual([]);
  });

  it.each([
    ["execute-api:/*", true],
    ["*", true],
    ["execute-api:/prod/*", true],
    ["execute-api:/*/*", true],
    ["arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*", true],
    ["arn:aws:execute-api:us-east-1:123456789012:*", true],
    ["execute-api:/*/OPTIONS/*", false],
    ["execute-api:/prod/GET/health", false],
  ])(
    "with a list mixing NONE and LAMBDA, reports only blanket Allows: %s -> %s",
    (resource, reported) => {
      expect(found([allow({ Resource: resource })], ["NONE", "LAMBDA"])).toHaveLength(
        reported ? 1 : 0,
      );
    },
  );

  it("with a route map, accepts an Allow scoped to the NONE routes", () => {
    const authTypes = {
      "OPTIONS /{proxy+}": "NONE",
      "GET /pets": "LAMBDA",
      "*": "LAMBDA",
    } as const;
    expect(found([allow({ Resource: ["execute-api:/*/OPTIONS/*"] })], authTypes)).toEqual([]);
    expect(found([allow({ Resource: ["execute-api:/prod/OPTIONS/pets"] })], authTypes)).toEqual([]);
  });

  it("with a route map, accepts an Allow scoped to the JWT routes and reports one reaching a LAMBDA route", () => {
    const authTypes = {
      "GET /orders/{id}": "JWT",
      "GET /orders/{id}/invoice": "LAMBDA",
      "POST /orders": "JWT",
    } as const;
    expect(found([allow({ Resource: ["execute-api:/*/POST/orders"] })], authTypes)).toEqual([]);
    const findings = found([allow({ Resource: ["execute-api:/*/GET/orders/*"] })], authTypes);
    expect(findings).toEqual([expect.objectContaining({ path: "Statement[0].Resource[0]" })]);
    expect(findings[0]?.message).toContain('"GET /orders/{id}/invoice" (LAMBDA)');
    expect(findings[0]?.fix).toContain("(NONE, COGNITO_USER_POOLS, JWT)");
  });

  it("with a route map, names the authorized route IAM's * reaches", () => {
    const authTypes = {
      "GET /pets/{id}": "NONE",
      "GET /pets/{id}/owner": "LAMBDA",
      "DELETE /pets/{id}": "AWS_IAM",
    } as const;
    const findings = found([allow({ Resource: ["execute-api:/*/GET/pets/*"] })], authTypes);
    expect(findings).toEqual([expect.objectContaining({ path: "Statement[0].Resource[0]" })]);
    expect(findings[0]?.message).toContain('"GET /pets/{id}/owner" (LAMBDA)');
    expect(findings[0]?.message).not.toContain("DELETE");
    expect(findings[0]?.fix).toContain("execute-api:/*/GET/pets/*");
  });

  it('with a route map, reports an Allow reaching the methods of "*"', () => {
    const authTypes = { "OPTIONS /{proxy+}": "NONE", "*": "LAMBDA" } as const;
    const [finding] = found([allow({ Resource: "execute-api:/*/GET/*" })], authTypes);
    expect(finding?.message).toContain('the methods of "*" (LAMBDA)');
    expect(finding?.fix).toContain("execute-api:/*/OPTIONS/*");
  });

  it("does not report Allows that name IAM principals, grant no Invoke, or Deny", () => {
    expect(
      found(
        [
          allow({ Principal: { AWS: ["111122223333"] } }),
          allow({ Action: "s3:GetObject" }),
          denyIps,
        ],
        ["AWS_IAM"],
      ),
    ).toEqual([]);
  });

  it("reports Principal { AWS: * }, NotPrincipal, NotAction and NotResource Allows", () => {
    const findings = found(
      [
        allow({ Principal: { AWS: "*" } }),
        without(allow({ NotPrincipal: { AWS: "111122223333" } }), "Principal"),
        without(allow({ NotAction: "s3:*" }), "Action"),
        without(allow({ NotResource: "execute-api:/*/OPTIONS/*" }), "Resource"),
      ],
      ["LAMBDA"],
    );
    expect(findings.map((finding) => finding.path)).toEqual([
      "Statement[0].Resource",
      "Statement[1].Resource",
      "Statement[2].Resource",
      "Statement[3].NotResource",
    ]);
    expect(findings[1]?.message).toContain("everyone not listed in NotPrincipal");
    expect(findings[3]?.message).toContain("NotResource allows everything not listed");
  });

  it("reports each resource of a statement that reaches an authorized method", () => {
    const authTypes = { "OPTIONS /pets": "NONE", "GET /pets": "LAMBDA" } as const;
    const resources = ["execute-api:/*/OPTIONS/pets", "execute-api:/*/GET/pets"];
    expect(found([allow({ Resource: resources })], authTypes).map((f) => f.path)).toEqual([
      "Statement[0].Resource[1]",
    ]);
  });
});
