import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import { isPolicyError } from "../errors.js";
import type { LintFinding } from "./lint-finding.js";
import type { LintResourcePolicyOptions } from "./lint-options.js";
import { lintResourcePolicy } from "./lint-resource-policy.js";
import { lintRuleSeverities } from "./lint-rule-severities.js";

const allowAll = {
  Effect: "Allow",
  Principal: "*",
  Action: "execute-api:Invoke",
  Resource: "execute-api:/*",
};

function denyWhen(condition: Record<string, unknown>) {
  return { ...allowAll, Effect: "Deny", Condition: condition };
}

const regional = { endpointType: "REGIONAL", ipAddressType: "ipv4" } as const;

// The patterns of apigateway-resource-policies-examples.html, each on the API it is meant for.
const documentedExamples: [string, unknown, LintResourcePolicyOptions][] = [
  [
    "account allowlist",
    {
      Version: "2012-10-17",
      Statement: [{ ...allowAll, Principal: { AWS: ["arn:aws:iam::111122223333:root"] } }],
    },
    { ...regional, authTypes: ["AWS_IAM"] },
  ],
  [
    "IP denylist on an API without authorizers",
    {
      Version: "2012-10-17",
      Statement: [
        allowAll,
        denyWhen({ IpAddress: { "aws:SourceIp": ["192.0.2.0/24", "198.51.100.0/24"] } }),
      ],
    },
    { ...regional, authTypes: ["NONE"] },
  ],
  [
    "IP allowlist with a Lambda authorizer, written as a Deny only",
    {
      Version: "2012-10-17",
      Statement: [
        denyWhen({ NotIpAddress: { "aws:SourceIp": ["192.0.2.0/24", "198.51.100.0/24"] } }),
      ],
    },
    { ...regional, authTypes: ["LAMBDA"] },
  ],
  [
    "IP denylist with a Lambda authorizer and CORS preflights, per route",
    {
      Version: "2012-10-17",
      Statement: [
        { ...allowAll, Resource: ["execute-api:/*/OPTIONS/pets", "execute-api:/*/OPTIONS/pets/*"] },
        denyWhen({ IpAddress: { "aws:SourceIp": ["192.0.2.0/24", "198.51.100.0/24"] } }),
      ],
    },
    {
      ...regional,
      authTypes: { "OPTIONS /pets": "NONE", "OPTIONS /pets/{id}": "NONE", "*": "CUSTOM" },
    },
  ],
  [
    "IP denylist on a dual-stack API (with IPv6 blocks)",
    {
      Version: "2012-10-17",
      Statement: [
        allowAll,
        denyWhen({ IpAddress: { "aws:SourceIp": ["192.0.2.0/24", "2001:db8::/32"] } }),
      ],
    },
    { endpointType: "EDGE", ipAddressType: "dualstack", authTypes: ["NONE", "COGNITO_USER_POOLS"] },
  ],
  [
    "source VPC allowlist on a private API",
    {
      Version: "2012-10-17",
      Statement: [denyWhen({ StringNotEquals: { "aws:SourceVpc": "vpc-1a2b3c4d" } }), allowAll],
    },
    { endpointType: "PRIVATE", authTypes: ["NONE"] },
  ],
  [
    "VPC endpoint allowlist on a private API",
    {
      Version: "2012-10-17",
      Statement: [denyWhen({ StringNotEquals: { "aws:sourceVpce": "vpce-1a2b3c4d" } }), allowAll],
    },
    { endpointType: "PRIVATE", authTypes: ["COGNITO_USER_POOLS"] },
  ],
  [
    "private API IP denylist (with IPv6 blocks)",
    {
      Version: "2012-10-17",
      Statement: [
        allowAll,
        denyWhen({ IpAddress: { "aws:VpcSourceIp": ["10.0.0.0/24", "fd00:ec2::/64"] } }),
      ],
    },
    { endpointType: "PRIVATE", ipAddressType: "dualstack", authTypes: ["NONE"] },
  ],
  [
    "full-form ARNs in the expected partition",
    {
      Version: "2012-10-17",
      Statement: [
        {
          ...allowAll,
          Resource: [
            "arn:aws-us-gov:execute-api:us-gov-west-1:111122223333:a1b2c3d4e5/prod/GET/pets",
            "arn:aws-us-gov:execute-api:us-gov-west-1:111122223333:a1b2c3d4e5/prod/POST/pets/*",
          ],
        },
      ],
    },
    { ...regional, authTypes: ["NONE"], partition: "aws-us-gov" },
  ],
];

describe("lintResourcePolicy", () => {
  it.each(documentedExamples)("finds nothing in the documented %s", (_, policy, options) => {
    expect(lintResourcePolicy(policy, options)).toEqual([]);
  });

  it("accepts the policy as a JSON string", () => {
    const policy = JSON.stringify({ Version: "2012-10-17", Statement: [allowAll] });
    expect(lintResourcePolicy(policy, { ...regional, authTypes: ["NONE"] })).toEqual([]);
  });

  it("sorts errors first, then paths in document order with numeric indexes", () => {
    const lowerCaseVerb = { ...allowAll, Resource: "execute-api:/prod/get/pets" };
    const statements = Array.from({ length: 11 }, () => lowerCaseVerb);
    const findings = lintResourcePolicy(
      { Statement: statements },
      { ...regional, authTypes: ["NONE"] },
    );
    expect(findings.map((finding) => finding.path)).toEqual([
      ...statements.map((_, index) => `Statement[${index}].Resource`),
      "Version",
    ]);
  });

  it("throws the parser's PolicyError for a malformed policy", () => {
    const policy = { Version: "2012-10-17", Statement: [{ ...allowAll, Effect: "Permit" }] };
    expect(() => lintResourcePolicy(policy, { ...regional, authTypes: ["NONE"] })).toThrowCode(
      "invalid_policy",
      { path: "Statement[0].Effect" },
    );
  });

  it("throws TypeError for a private API said to be IPv4-only", () => {
    const options = { endpointType: "PRIVATE", ipAddressType: "ipv4", authTypes: [] };
    expect(() =>
      lintResourcePolicy({ Statement: [] }, options as unknown as LintResourcePolicyOptions),
    ).toThrow(TypeError);
  });

  it("throws TypeError for an unknown auth type", () => {
    const options = { ...regional, authTypes: ["OAUTH"] };
    expect(() =>
      lintResourcePolicy({ Statement: [] }, options as unknown as LintResourcePolicyOptions),
    ).toThrow(TypeError);
  });

  it("reads CUSTOM (CloudFormation's name) as LAMBDA", () => {
    const policy = { Version: "2012-10-17", Statement: [allowAll] };
    const codes = (authTypes: LintResourcePolicyOptions["authTypes"]) =>
      lintResourcePolicy(policy, { ...regional, authTypes }).map((finding) => finding.code);
    expect(codes(["CUSTOM"])).toEqual(codes(["LAMBDA"]));
    expect(codes(["CUSTOM"])).toContain("allow_overrides_authorizer");
  });

  it("throws TypeError for an empty authTypes list or map", () => {
    for (const authTypes of [[], {}]) {
      expect(() =>
        lintResourcePolicy({ Statement: [] }, {
          ...regional,
          authTypes,
        } as LintResourcePolicyOptions),
      ).toThrow(TypeError);
    }
  });

  it("throws TypeError for a partition that contradicts the target", () => {
    const target = {
      partition: "aws",
      region: "us-east-1",
      accountId: "111122223333",
      apiId: "a1",
    } as const;
    expect(() =>
      lintResourcePolicy(
        { Statement: [] },
        { ...regional, authTypes: ["NONE"], partition: "aws-cn", target },
      ),
    ).toThrow(TypeError);
  });

  it("rejects a private API with ipv4 at compile time", () => {
    expectTypeOf<{
      endpointType: "PRIVATE";
      ipAddressType: "ipv4";
      authTypes: [];
    }>().not.toMatchTypeOf<LintResourcePolicyOptions>();
    expectTypeOf<{
      endpointType: "REGIONAL";
      authTypes: [];
    }>().not.toMatchTypeOf<LintResourcePolicyOptions>();
  });

  it("throws nothing but PolicyError on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.jsonValue()), (input) => {
        try {
          lintResourcePolicy(input, { ...regional, authTypes: ["LAMBDA"] });
        } catch (error) {
          expect(isPolicyError(error)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

const resource = fc.constantFrom(
  "*",
  "execute-api:/*",
  "execute-api:/prod/get/pets",
  "execute-api:/prod/ANY/pets",
  "execute-api:/prod/GET/users/*/profile",
  "arn:aws:execute-api:us-east-1:111122223333:a1b2c3d4e5/*",
  "arn:aws-cn:execute-api:cn-north-1:111122223333:a1b2c3d4e5/prod/GET/",
  "arn:aws:s3:::bucket",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
  "execute-api:/prod/GET/users/${aws:username}",
);
const condition = fc.oneof(
  fc.record({
    operator: fc.constantFrom("IpAddress", "NotIpAddress", "NotIpAddressIfExists"),
    key: fc.constantFrom("aws:SourceIp", "aws:VpcSourceIp", "AWS:SOURCEIP"),
    values: fc.array(fc.constantFrom("192.0.2.0/24", "2001:db8::/32", "10.1.2.3"), {
      minLength: 1,
    }),
  }),
  fc.record({
    operator: fc.constantFrom(
      "StringEquals",
      "StringNotEquals",
      "StringEqualsIfExists",
      "ForAllValues:StringEquals",
      "ForAnyValue:StringLike",
    ),
    key: fc.constantFrom(
      "aws:SourceVpc",
      "aws:SourceVpce",
      "aws:PrincipalTag/team",
      "aws:username",
    ),
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
    values: fc.array(fc.constantFrom("vpc-1", "vpce-1", "${aws:username}"), { minLength: 1 }),
  }),
  fc.record({
    operator: fc.constant("Null"),
    key: fc.constantFrom("aws:SourceVpce", "aws:SourceIp"),
    values: fc.constantFrom(["true"], ["false"]),
  }),
);
const statement = fc.record(
  {
    Effect: fc.constantFrom("Allow", "Deny"),
    Principal: fc.constantFrom(
      "*",
      { AWS: "111122223333" },
      { AWS: ["arn:aws:iam::111122223333:root"] },
    ),
    Action: fc.constantFrom("execute-api:Invoke", "execute-api:*", "*", ["s3:GetObject"]),
    Resource: fc.oneof(resource, fc.array(resource, { minLength: 1, maxLength: 3 })),
    Condition: fc
      .array(condition, { maxLength: 3 })
      .map((entries) =>
        Object.fromEntries(entries.map((entry) => [entry.operator, { [entry.key]: entry.values }])),
      ),
  },
  { requiredKeys: ["Effect", "Action", "Resource"] },
);
const policy = fc.record(
  {
    Version: fc.constantFrom("2012-10-17", "2008-10-17"),
    Statement: fc.oneof(statement, fc.array(statement, { maxLength: 5 })),
  },
  { requiredKeys: ["Statement"] },
);
const authType = fc.constantFrom(
  "NONE" as const,
  "AWS_IAM" as const,
  "LAMBDA" as const,
  "CUSTOM" as const,
  "COGNITO_USER_POOLS" as const,
  "JWT" as const,
);
const authTypes: fc.Arbitrary<LintResourcePolicyOptions["authTypes"]> = fc.oneof(
  fc.uniqueArray(authType, { minLength: 1, maxLength: 4 }),
  fc.dictionary(
    fc.constantFrom("*", "GET /pets", "GET /users/{id}/profile", "OPTIONS /{proxy+}", "ANY /prod"),
    authType,
    { minKeys: 1, maxKeys: 4 },
  ),
);
const options: fc.Arbitrary<LintResourcePolicyOptions> = fc.oneof(
  fc.record({
    endpointType: fc.constantFrom("REGIONAL" as const, "EDGE" as const),
    ipAddressType: fc.constantFrom("ipv4" as const, "dualstack" as const),
    authTypes,
  }),
  fc.record({ endpointType: fc.constant("PRIVATE" as const), authTypes }),
);

function isSorted(findings: LintFinding[]): boolean {
  const rank = { error: 0, warning: 1, info: 2 };
  return findings.every((finding, index) => {
    const previous = findings[index - 1];
    return previous === undefined || rank[previous.severity] <= rank[finding.severity];
  });
}

describe("lintResourcePolicy on generated policies", () => {
  it("returns sorted findings with the rule's severity and a fix, the same on every run", () => {
    fc.assert(
      fc.property(policy, options, (input, lintOptions) => {
        let findings: LintFinding[];
        try {
          findings = lintResourcePolicy(input, lintOptions);
        } catch (error) {
          expect(isPolicyError(error)).toBe(true);
          return;
        }
        expect(isSorted(findings)).toBe(true);
        for (const finding of findings) {
          expect(finding.severity).toBe(lintRuleSeverities[finding.code]);
          expect(finding.fix).not.toBe("");
        }
        expect(lintResourcePolicy(structuredClone(input), lintOptions)).toEqual(findings);
      }),
      { numRuns: 1000 },
    );
  });
});
