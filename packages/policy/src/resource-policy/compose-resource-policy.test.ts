import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ApiTarget } from "../arn/expand-resource-arn.js";
import { accountAllowlist } from "./account-allowlist.js";
import { composeResourcePolicy } from "./compose-resource-policy.js";
import { ipAllowlist } from "./ip-allowlist.js";
import { ipDenylist } from "./ip-denylist.js";
import { policyHash } from "./policy-hash.js";
import { privateIpDenylist } from "./private-ip-denylist.js";
import type { ResourcePolicyRule } from "./resource-policy-rule.js";
import { sourceVpcAllowlist } from "./source-vpc-allowlist.js";
import { vpcEndpointAllowlist } from "./vpc-endpoint-allowlist.js";

const TARGET: ApiTarget = {
  partition: "aws",
  region: "eu-west-1",
  accountId: "123456789012",
  apiId: "a1b2c3d4e5",
};
const API_ARN = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5";

const ALLOW_ALL = {
  Sid: "AllowInvoke",
  Effect: "Allow",
  Principal: "*",
  Action: "execute-api:Invoke",
  Resource: ["execute-api:/*"],
};

function deny(sid: string, condition: object, resource = ["execute-api:/*"]) {
  return {
    Sid: sid,
    Effect: "Deny",
    Principal: "*",
    Action: "execute-api:Invoke",
    Resource: resource,
    Condition: condition,
  };
}

// The shapes of apigateway-resource-policies-examples.html, one preset each, with our Sids.
const AWS_EXAMPLES: [string, ResourcePolicyRule, object][] = [
  [
    "IP denylist",
    ipDenylist({ cidrs: ["192.0.2.0/24", "198.51.100.0/24"] }),
    {
      Version: "2012-10-17",
      Statement: [
        ALLOW_ALL,
        deny("DenyIpDenylist", {
          IpAddress: { "aws:SourceIp": ["192.0.2.0/24", "198.51.100.0/24"] },
        }),
      ],
    },
  ],
  [
    "IP allowlist",
    ipAllowlist({ cidrs: ["192.0.2.0/24", "198.51.100.0/24"] }),
    {
      Version: "2012-10-17",
      Statement: [
        ALLOW_ALL,
        deny("DenyIpAllowlist", {
          NotIpAddress: { "aws:SourceIp": ["192.0.2.0/24", "198.51.100.0/24"] },
        }),
      ],
    },
  ],
  [
    "private API IP denylist",
    privateIpDenylist({ cidrs: ["192.0.2.0/24", "198.51.100.0/24"] }),
    {
      Version: "2012-10-17",
      Statement: [
        ALLOW_ALL,
        deny("DenyPrivateIpDenylist", {
          IpAddress: { "aws:VpcSourceIp": ["192.0.2.0/24", "198.51.100.0/24"] },
        }),
      ],
    },
  ],
  [
    "source VPC allowlist",
    sourceVpcAllowlist({ vpcIds: ["vpc-1a2b3c4d"] }),
    {
      Version: "2012-10-17",
      Statement: [
        ALLOW_ALL,
        deny("DenySourceVpcAllowlist", { StringNotEquals: { "aws:SourceVpc": ["vpc-1a2b3c4d"] } }),
      ],
    },
  ],
  [
    "VPC endpoint allowlist",
    vpcEndpointAllowlist({ vpceIds: ["vpce-1a2b3c4d"] }),
    {
      Version: "2012-10-17",
      Statement: [
        ALLOW_ALL,
        deny("DenyVpcEndpointAllowlist", {
          StringNotEquals: { "aws:SourceVpce": ["vpce-1a2b3c4d"] },
        }),
      ],
    },
  ],
  [
    "account allowlist",
    accountAllowlist({
      principals: ["arn:aws:iam::111122223333:user/Alice", "111122223333"],
      resources: ["execute-api:/stage/GET/pets"],
    }),
    {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "AllowInvoke",
          Effect: "Allow",
          Principal: { AWS: ["111122223333", "arn:aws:iam::111122223333:user/Alice"] },
          Action: "execute-api:Invoke",
          Resource: ["execute-api:/stage/GET/pets"],
        },
      ],
    },
  ],
];

describe("composeResourcePolicy", () => {
  // The AWS examples' `Allow *` is right where no method has an authorizer (NONE), and the account
  // allowlist where every method is AWS_IAM.
  it.each(AWS_EXAMPLES)("matches the AWS example for the %s", (_name, rule, expected) => {
    const authTypes = rule.kind === "accountAllowlist" ? ["AWS_IAM" as const] : ["NONE" as const];
    expect(composeResourcePolicy([rule], { authTypes })).toEqual(expected);
  });

  it("keeps the Allow, then one Deny per restriction, for a denylist plus an allowlist", () => {
    const policy = composeResourcePolicy(
      [
        ipAllowlist({ cidrs: ["203.0.113.0/24"], resources: ["execute-api:/prod/*/admin/*"] }),
        ipDenylist({ cidrs: ["192.0.2.0/24"] }),
      ],
      { authTypes: ["NONE"] },
    );
    expect(policy.Statement).toEqual([
      ALLOW_ALL,
      deny("DenyIpDenylist", { IpAddress: { "aws:SourceIp": ["192.0.2.0/24"] } }),
      deny("DenyIpAllowlist", { NotIpAddress: { "aws:SourceIp": ["203.0.113.0/24"] } }, [
        "execute-api:/prod/*/admin/*",
      ]),
    ]);
  });

  it("allows only the listed accounts, never `*`, when an account allowlist is combined with an IP list", () => {
    const policy = composeResourcePolicy(
      [
        ipAllowlist({ cidrs: ["203.0.113.0/24"] }),
        accountAllowlist({ principals: ["444455556666"] }),
      ],
      { authTypes: ["AWS_IAM"] },
    );
    expect(policy.Statement).toEqual([
      {
        Sid: "AllowInvoke",
        Effect: "Allow",
        Principal: { AWS: ["444455556666"] },
        Action: "execute-api:Invoke",
        Resource: ["execute-api:/*"],
      },
      deny("DenyIpAllowlist", { NotIpAddress: { "aws:SourceIp": ["203.0.113.0/24"] } }),
    ]);
  });

  it("merges lists of the same kind on the same resources into one statement", () => {
    const policy = composeResourcePolicy(
      [
        ipDenylist({ cidrs: ["198.51.100.0/24", "2001:db8::/32"] }),
        ipDenylist({ cidrs: ["192.0.2.0/24", "198.51.100.0/24"] }),
      ],
      { authTypes: ["NONE"] },
    );
    expect(policy.Statement).toEqual([
      ALLOW_ALL,
      deny("DenyIpDenylist", {
        IpAddress: { "aws:SourceIp": ["192.0.2.0/24", "198.51.100.0/24", "2001:db8::/32"] },
      }),
    ]);
  });

  it("merges the resources of lists of the same kind with the same values", () => {
    const policy = composeResourcePolicy(
      [
        ipDenylist({ cidrs: ["192.0.2.0/24"], resources: ["execute-api:/prod/*"] }),
        ipDenylist({ cidrs: ["192.0.2.0/24"], resources: ["execute-api:/dev/*"] }),
      ],
      { authTypes: ["NONE"] },
    );
    expect(policy.Statement).toEqual([
      ALLOW_ALL,
      deny("DenyIpDenylist", { IpAddress: { "aws:SourceIp": ["192.0.2.0/24"] } }, [
        "execute-api:/dev/*",
        "execute-api:/prod/*",
      ]),
    ]);
  });

  it("numbers the Sids when one kind needs several statements", () => {
    const policy = composeResourcePolicy(
      [
        ipAllowlist({ cidrs: ["203.0.113.0/24"], resources: ["execute-api:/prod/*"] }),
        ipAllowlist({ cidrs: ["198.51.100.0/24"], resources: ["execute-api:/dev/*"] }),
      ],
      { authTypes: ["NONE"] },
    );
    expect(policy.Statement).toEqual([
      ALLOW_ALL,
      deny("DenyIpAllowlist", { NotIpAddress: { "aws:SourceIp": ["198.51.100.0/24"] } }, [
        "execute-api:/dev/*",
      ]),
      deny("DenyIpAllowlist2", { NotIpAddress: { "aws:SourceIp": ["203.0.113.0/24"] } }, [
        "execute-api:/prod/*",
      ]),
    ]);
  });

  it("never merges different condition keys into one statement (conditions would be ANDed)", () => {
    const policy = composeResourcePolicy(
      [
        sourceVpcAllowlist({ vpcIds: ["vpc-1a2b3c4d"] }),
        vpcEndpointAllowlist({ vpceIds: ["vpce-0123456789abcdef0"] }),
        privateIpDenylist({ cidrs: ["10.0.0.0/8"] }),
      ],
      { authTypes: ["NONE"] },
    );
    expect(policy.Statement).toEqual([
      ALLOW_ALL,
      deny("DenyPrivateIpDenylist", { IpAddress: { "aws:VpcSourceIp": ["10.0.0.0/8"] } }),
      deny("DenySourceVpcAllowlist", { StringNotEquals: { "aws:SourceVpc": ["vpc-1a2b3c4d"] } }),
      deny("DenyVpcEndpointAllowlist", {
        StringNotEquals: { "aws:SourceVpce": ["vpce-0123456789abcdef0"] },
      }),
    ]);
  });

  it("merges account allowlists on the same resources into one Allow", () => {
    const policy = composeResourcePolicy(
      [
        accountAllowlist({ principals: ["444455556666"] }),
        accountAllowlist({ principals: ["111122223333", "444455556666"] }),
      ],
      { authTypes: ["AWS_IAM"] },
    );
    expect(policy.Statement).toEqual([
      {
        Sid: "AllowInvoke",
        Effect: "Allow",
        Principal: { AWS: ["111122223333", "444455556666"] },
        Action: "execute-api:Invoke",
        Resource: ["execute-api:/*"],
      },
    ]);
  });

  it("keeps the base Allow on the whole API when a restriction is scoped", () => {
    const policy = composeResourcePolicy(
      [ipDenylist({ cidrs: ["192.0.2.0/24"], resources: ["execute-api:/prod/POST/admin"] })],
      { authTypes: ["NONE"] },
    );
    expect(policy.Statement).toContainEqual(ALLOW_ALL);
  });

  it("writes full ARNs everywhere in the expanded form", () => {
    const policy = composeResourcePolicy(
      [ipDenylist({ cidrs: ["192.0.2.0/24"], resources: ["execute-api:/prod/*"] })],
      { authTypes: ["NONE"], form: "expanded", target: TARGET },
    );
    expect(policy).toEqual({
      Version: "2012-10-17",
      Statement: [
        { ...ALLOW_ALL, Resource: [`${API_ARN}/*`] },
        deny("DenyIpDenylist", { IpAddress: { "aws:SourceIp": ["192.0.2.0/24"] } }, [
          `${API_ARN}/prod/*`,
        ]),
      ],
    });
  });

  it("de-duplicates a short and a full resource that expand to the same ARN", () => {
    const policy = composeResourcePolicy(
      [
        ipDenylist({
          cidrs: ["192.0.2.0/24"],
          resources: ["execute-api:/prod/*", `${API_ARN}/prod/*`],
        }),
      ],
      { authTypes: ["NONE"], form: "expanded", target: TARGET },
    );
    expect(policy.Statement).toContainEqual(
      deny("DenyIpDenylist", { IpAddress: { "aws:SourceIp": ["192.0.2.0/24"] } }, [
        `${API_ARN}/prod/*`,
      ]),
    );
  });

  it("gives the same document and hash whatever the order of rules and lists", () => {
    const cidrs = ["192.0.2.0/24", "198.51.100.7", "2001:db8::/32", "10.0.0.0/8", "::1"];
    const principals = ["111122223333", "arn:aws:iam::444455556666:role/Deployer"];
    const build = (order: number[], shuffle: <T>(list: T[]) => T[]) => {
      const rules = [
        ipDenylist({ cidrs: shuffle(cidrs) }),
        ipAllowlist({ cidrs: shuffle(["203.0.113.0/24", "2001:db8:1::/48"]) }),
        accountAllowlist({ principals: shuffle(principals) }),
        ipDenylist({ cidrs: shuffle(["192.0.2.128/25"]), resources: ["execute-api:/prod/*"] }),
      ];
      return composeResourcePolicy(
        order.map((index) => rules[index]!),
        { authTypes: ["AWS_IAM"] },
      );
    };
    const reference = build([0, 1, 2, 3], (list) => list);
    fc.assert(
      fc.property(
        fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        (order, randoms) => {
          const shuffle = <T>(list: T[]) =>
            list
              .map((item) => ({ item, key: randoms.next().value as number }))
              .sort((a, b) => a.key - b.key)
              .map(({ item }) => item);
          const policy = build(order, shuffle);
          expect(policy).toEqual(reference);
          expect(policyHash(policy)).toBe(policyHash(reference));
        },
      ),
    );
  });

  it("rejects a policy over 8192 characters in the short form", () => {
    const resources = Array.from({ length: 400 }, (_, i) => `execute-api:/prod/GET/items/${i}`);
    expect(() =>
      composeResourcePolicy([ipDenylist({ cidrs: ["192.0.2.0/24"], resources })], {
        authTypes: ["NONE"],
      }),
    ).toThrowCode("policy_too_large");
  });

  it("rejects a policy that fits in the short form but not once expanded", () => {
    // The short form is checked first, so an "expanded" error means the short form fitted.
    const resources = Array.from({ length: 200 }, (_, i) => `execute-api:/prod/GET/r${i}`);
    const rules = [ipDenylist({ cidrs: ["192.0.2.0/24"], resources })];
    expect(() =>
      composeResourcePolicy(rules, { authTypes: ["NONE"], form: "expanded", target: TARGET }),
    ).toThrowCode("policy_too_large", { message: expect.stringMatching(/ expanded form/) });
  });

  it("rejects in short form a policy whose worst-case expansion is too large", () => {
    const resources = Array.from({ length: 200 }, (_, i) => `execute-api:/prod/GET/r${i}`);
    expect(() =>
      composeResourcePolicy([ipDenylist({ cidrs: ["192.0.2.0/24"], resources })], {
        authTypes: ["NONE"],
      }),
    ).toThrowCode("policy_too_large", { message: expect.stringMatching(/estimated/) });
  });

  it("accepts a policy that fits in both forms", () => {
    const resources = Array.from({ length: 60 }, (_, i) => `execute-api:/prod/GET/r${i}`);
    const rules = [ipDenylist({ cidrs: ["192.0.2.0/24"], resources })];
    expect(
      composeResourcePolicy(rules, { authTypes: ["NONE"], form: "expanded", target: TARGET })
        .Statement,
    ).toHaveLength(2);
  });

  it("rejects an ipAllowlist combined with a VPC allowlist as impossible", () => {
    expect(() =>
      composeResourcePolicy(
        [
          ipAllowlist({ cidrs: ["203.0.113.0/24"] }),
          vpcEndpointAllowlist({ vpceIds: ["vpce-1a2b3c4d"] }),
        ],
        { authTypes: ["NONE"] },
      ),
    ).toThrow(TypeError);
  });

  it("accepts an ipDenylist next to private-API rules", () => {
    const policy = composeResourcePolicy(
      [ipDenylist({ cidrs: ["192.0.2.0/24"] }), sourceVpcAllowlist({ vpcIds: ["vpc-1a2b3c4d"] })],
      { authTypes: ["NONE"] },
    );
    expect(policy.Statement).toHaveLength(3);
  });

  it.each([
    ["an empty rule list", []],
    ["a non-array", "ipDenylist" as unknown as ResourcePolicyRule[]],
    ["an unknown kind", [{ kind: "geoBlock", values: ["FR"], resources: ["execute-api:/*"] }]],
    ["a rule without values", [{ kind: "ipDenylist" }]],
  ])("throws TypeError for %s", (_name, rules) => {
    expect(() =>
      composeResourcePolicy(rules as ResourcePolicyRule[], { authTypes: ["NONE"] }),
    ).toThrow(TypeError);
  });

  it("throws TypeError for an unknown form", () => {
    const rules = [ipDenylist({ cidrs: ["192.0.2.0/24"] })];
    expect(() =>
      composeResourcePolicy(rules, { authTypes: ["NONE"], form: "long" } as never),
    ).toThrow(TypeError);
  });

  it("throws TypeError for the expanded form without a target", () => {
    const rules = [ipDenylist({ cidrs: ["192.0.2.0/24"] })];
    expect(() =>
      composeResourcePolicy(rules, { authTypes: ["NONE"], form: "expanded" } as never),
    ).toThrow(TypeError);
  });

  it("re-validates a hand-built rule and reports the path", () => {
    const rule = {
      kind: "ipDenylist",
      values: ["192.0.2.0/24", "300.0.0.0/8"],
      resources: ["execute-api:/*"],
    };
    expect(() =>
      composeResourcePolicy([rule as ResourcePolicyRule], { authTypes: ["NONE"] }),
    ).toThrowCode("invalid_cidr", { path: "ipDenylist.cidrs[1]" });
  });
});
