// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are written ${...} in plain strings.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PolicyDocument, PolicyStatement } from "../document/policy-document.js";
import { isPolicyError } from "../errors.js";
import type { ConditionContext, EvaluationRequest, RequestPrincipal } from "./evaluate-policy.js";
import { evaluatePolicy } from "./evaluate-policy.js";

const ARN = "arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/pets/42";
const INVOKE = "execute-api:Invoke";

function request(overrides: Partial<EvaluationRequest> = {}): EvaluationRequest {
  return { action: INVOKE, resource: ARN, ...overrides };
}

function allowIf(condition: unknown, version = "2012-10-17"): unknown {
  return {
    Version: version,
    Statement: [{ Effect: "Allow", Action: INVOKE, Resource: "*", Condition: condition }],
  };
}

function decisionFor(policy: unknown, overrides: Partial<EvaluationRequest> = {}) {
  const result = evaluatePolicy(policy, request(overrides));
  expect(result.error).toBeUndefined();
  return result.decision;
}

describe("evaluatePolicy: statements", () => {
  it("denies implicitly when nothing matches", () => {
    const policy = { Statement: { Effect: "Allow", Action: INVOKE, Resource: "arn:aws:other" } };
    expect(evaluatePolicy(policy, request())).toEqual({ decision: "implicit-deny", matched: [] });
  });

  it("allows when an Allow matches, and lists it", () => {
    const policy = { Statement: [{ Sid: "All", Effect: "Allow", Action: INVOKE, Resource: "*" }] };
    expect(evaluatePolicy(policy, request())).toEqual({
      decision: "allow",
      matched: [{ index: 0, sid: "All", effect: "Allow" }],
    });
  });

  it("lets an explicit Deny win over an Allow, whatever the order", () => {
    const deny = { Effect: "Deny", Action: INVOKE, Resource: "*" };
    const allow = { Effect: "Allow", Action: INVOKE, Resource: "*" };
    const result = evaluatePolicy({ Statement: [deny, allow] }, request());
    expect(result.decision).toBe("explicit-deny");
    expect(result.matched.map((m) => m.effect)).toEqual(["Deny", "Allow"]);
  });

  it("matches actions case-insensitively", () => {
    const policy = { Statement: { Effect: "Allow", Action: "EXECUTE-API:invoke", Resource: "*" } };
    expect(decisionFor(policy)).toBe("allow");
  });

  it("matches resources case-sensitively", () => {
    const policy = { Statement: { Effect: "Allow", Action: INVOKE, Resource: ARN.toUpperCase() } };
    expect(decisionFor(policy)).toBe("implicit-deny");
  });

  it("lets * in a resource cross /", () => {
    const resource = "arn:aws:execute-api:us-east-1:111122223333:abc123/prod/*";
    const policy = { Statement: { Effect: "Allow", Action: INVOKE, Resource: resource } };
    expect(decisionFor(policy)).toBe("allow");
  });

  it("matches the short execute-api:/ form against the request's own API", () => {
    const policy = {
      Statement: { Effect: "Allow", Action: INVOKE, Resource: "execute-api:/prod/GET/*" },
    };
    expect(decisionFor(policy)).toBe("allow");
    expect(decisionFor(policy, { resource: ARN.replace("/GET/", "/POST/") })).toBe("implicit-deny");
  });

  it("treats NotAction as every action but the listed ones", () => {
    const policy = {
      Statement: { Effect: "Allow", NotAction: "execute-api:ManageConnections", Resource: "*" },
    };
    expect(decisionFor(policy)).toBe("allow");
    expect(decisionFor(policy, { action: "execute-api:ManageConnections" })).toBe("implicit-deny");
  });

  it("treats NotResource as every resource but the listed ones", () => {
    const policy = { Statement: { Effect: "Deny", Action: INVOKE, NotResource: "*/GET/pets/*" } };
    expect(decisionFor(policy)).toBe("implicit-deny");
    expect(decisionFor(policy, { resource: `${ARN}/x`.replace("GET", "PUT") })).toBe(
      "explicit-deny",
    );
  });

  it("ANDs different operators and keys", () => {
    const policy = allowIf({
      StringEquals: { "aws:UserAgent": "curl" },
      Bool: { "aws:SecureTransport": "true" },
    });
    const both = { "aws:UserAgent": "curl", "aws:SecureTransport": "true" };
    expect(decisionFor(policy, { context: both })).toBe("allow");
    expect(decisionFor(policy, { context: { ...both, "aws:SecureTransport": "false" } })).toBe(
      "implicit-deny",
    );
  });

  it("reads condition key names case-insensitively", () => {
    const policy = allowIf({ StringEquals: { "AWS:USERAGENT": "curl" } });
    expect(decisionFor(policy, { context: { "aws:useragent": "curl" } })).toBe("allow");
  });
});

type Row = [
  operator: string,
  policyValue: unknown,
  context: string | readonly string[] | undefined,
  expected: boolean,
];

// Each operator: positive, negative, missing key, and several values (ORed, or ANDed if negated).
const OPERATORS: Row[] = [
  ["StringEquals", "abc", "abc", true],
  ["StringEquals", "abc", "ABC", false],
  ["StringEquals", "abc", undefined, false],
  ["StringEquals", ["x", "abc"], "abc", true],
  ["StringNotEquals", "abc", "xyz", true],
  ["StringNotEquals", "abc", "abc", false],
  ["StringNotEquals", "abc", undefined, true],
  ["StringNotEquals", ["x", "abc"], "abc", false],
  ["StringEqualsIgnoreCase", "abc", "ABC", true],
  ["StringEqualsIgnoreCase", "abc", "abd", false],
  ["StringEqualsIgnoreCase", "abc", undefined, false],
  ["StringEqualsIgnoreCase", ["x", "ABC"], "abc", true],
  ["StringNotEqualsIgnoreCase", "abc", "xyz", true],
  ["StringNotEqualsIgnoreCase", "abc", "ABC", false],
  ["StringNotEqualsIgnoreCase", "abc", undefined, true],
  ["StringNotEqualsIgnoreCase", ["x", "ABC"], "abc", false],
  ["StringLike", "a*c?", "a/b/cd", true],
  ["StringLike", "a*c?", "a/b/c", false],
  ["StringLike", "a*", undefined, false],
  ["StringLike", ["x*", "a*"], "abc", true],
  ["StringNotLike", "a*", "bcd", true],
  ["StringNotLike", "a*", "abc", false],
  ["StringNotLike", "a*", undefined, true],
  ["StringNotLike", ["x*", "a*"], "abc", false],
  ["NumericEquals", "10", "10.0", true],
  ["NumericEquals", 10, "11", false],
  ["NumericEquals", 10, undefined, false],
  ["NumericEquals", [1, 10], "10", true],
  ["NumericNotEquals", 10, "11", true],
  ["NumericNotEquals", 10, "10", false],
  ["NumericNotEquals", 10, undefined, true],
  ["NumericNotEquals", [1, 10], "10", false],
  ["NumericLessThan", 10, "9", true],
  ["NumericLessThan", 10, "10", false],
  ["NumericLessThan", 10, undefined, false],
  ["NumericLessThan", [5, 10], "9", true],
  ["NumericLessThanEquals", 10, "10", true],
  ["NumericLessThanEquals", 10, "11", false],
  ["NumericLessThanEquals", 10, undefined, false],
  ["NumericLessThanEquals", [5, 10], "10", true],
  ["NumericGreaterThan", 10, "11", true],
  ["NumericGreaterThan", 10, "10", false],
  ["NumericGreaterThan", 10, undefined, false],
  ["NumericGreaterThan", [50, 10], "11", true],
  ["NumericGreaterThanEquals", 10, "10", true],
  ["NumericGreaterThanEquals", 10, "9", false],
  ["NumericGreaterThanEquals", 10, undefined, false],
  ["NumericGreaterThanEquals", [50, 10], "10", true],
  ["NumericEquals", 10, "ten", false],
  ["DateEquals", "2024-01-01T00:00:00Z", "1704067200", true],
  ["DateEquals", "2024-01-01T00:00:00Z", "2024-01-01T00:00:01Z", false],
  ["DateEquals", "2024-01-01T00:00:00Z", undefined, false],
  ["DateEquals", ["2020-01-01", "2024-01-01T01:00:00+01:00"], "2024-01-01T00:00:00Z", true],
  ["DateNotEquals", "2024-01-01", "2024-01-02", true],
  ["DateNotEquals", "2024-01-01", "2024-01-01T00:00:00.000Z", false],
  ["DateNotEquals", "2024-01-01", undefined, true],
  ["DateNotEquals", ["2020-01-01", "2024-01-01"], "2024-01-01", false],
  ["DateLessThan", "2024-01-01T00:00:00Z", "2023-12-31T23:59:59Z", true],
  ["DateLessThan", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", false],
  ["DateLessThan", "2024-01-01T00:00:00Z", undefined, false],
  ["DateLessThan", ["2000-01-01", "2024-01-01"], "2023-06-01", true],
  ["DateLessThanEquals", 1704067200, "2024-01-01T00:00:00Z", true],
  ["DateLessThanEquals", 1704067200, "1704067201", false],
  ["DateLessThanEquals", 1704067200, undefined, false],
  ["DateLessThanEquals", [1, 1704067200], "1704067200", true],
  ["DateGreaterThan", "2024-01-01", "2024-01-02", true],
  ["DateGreaterThan", "2024-01-01", "2023-01-02", false],
  ["DateGreaterThan", "2024-01-01", undefined, false],
  ["DateGreaterThan", ["2030-01-01", "2024-01-01"], "2024-01-02", true],
  ["DateGreaterThanEquals", "2024-01-01", "2024-01-01", true],
  ["DateGreaterThanEquals", "2024-01-01", "2023-12-31", false],
  ["DateGreaterThanEquals", "2024-01-01", undefined, false],
  ["DateGreaterThanEquals", ["2030-01-01", "2024-01-01"], "2024-01-01", true],
  ["DateEquals", "2024-01-01", "not a date", false],
  ["Bool", "true", "true", true],
  ["Bool", true, "false", false],
  ["Bool", "true", undefined, false],
  ["Bool", ["false", "true"], "TRUE", true],
  ["BinaryEquals", "QmluYXJ5", "QmluYXJ5", true],
  ["BinaryEquals", "QmluYXJ5", "QmluYXJ6", false],
  ["BinaryEquals", "QmluYXJ5", undefined, false],
  ["BinaryEquals", ["AAAA", "QmluYXJ5"], "QmluYXJ5", true],
  ["IpAddress", "192.0.2.0/24", "192.0.2.7", true],
  ["IpAddress", "192.0.2.0/24", "198.51.100.7", false],
  ["IpAddress", "192.0.2.0/24", undefined, false],
  ["IpAddress", ["192.0.2.0/24", "2001:db8::/32"], "2001:db8::1", true],
  ["IpAddress", "192.0.2.7", "192.0.2.7", true],
  ["IpAddress", "192.0.2.7", "192.0.2.8", false],
  ["IpAddress", "2001:db8::1", "2001:db8::1", true],
  // An IPv4-mapped IPv6 value is the IPv4 caller.
  ["IpAddress", "0.0.0.0/0", "::ffff:192.0.2.1", true],
  ["IpAddress", "192.0.2.0/24", "::FFFF:c000:201", true],
  ["IpAddress", "::ffff:192.0.2.0/120", "192.0.2.7", true],
  ["IpAddress", "2001:db8::1", "2001:DB8:0:0:0:0:0:1", true],
  // A refused spelling never grants an Allow (see the fail-closed tests for Deny).
  ["IpAddress", "0.0.0.0/0", "010.0.0.1", false],
  ["NotIpAddress", "192.0.2.0/24", "010.0.0.1", false],
  ["NotIpAddress", "192.0.2.0/24", "fe80::1%eth0", false],
  ["NotIpAddress", "192.0.2.0/24", "198.51.100.7", true],
  ["NotIpAddress", "192.0.2.0/24", "192.0.2.7", false],
  ["NotIpAddress", "192.0.2.0/24", undefined, true],
  ["NotIpAddress", ["192.0.2.0/24", "2001:db8::/32"], "2001:db8::1", false],
  ["ArnEquals", "arn:aws:iam::111122223333:role/*", "arn:aws:iam::111122223333:role/a/b", true],
  ["ArnEquals", "arn:aws:iam::111122223333:role/a", "arn:aws:iam::444455556666:role/a", false],
  ["ArnEquals", "arn:aws:iam::111122223333:role/a", undefined, false],
  ["ArnLike", ["arn:aws:s3:::x", "arn:aws:iam::*:role/a"], "arn:aws:iam::1:role/a", true],
  ["ArnLike", "arn:*:iam::1:role/a", "arn:aws-cn:iam::1:role/a", true],
  // `*` in one part never spills into the next one.
  ["ArnLike", "arn:aws:iam::*", "arn:aws:iam::1:role/a", false],
  ["ArnLike", "arn:aws:iam::1:role/a", "not-an-arn", false],
  ["ArnNotEquals", "arn:aws:iam::1:role/a", "arn:aws:iam::1:role/b", true],
  ["ArnNotEquals", "arn:aws:iam::1:role/a", "arn:aws:iam::1:role/a", false],
  ["ArnNotEquals", "arn:aws:iam::1:role/a", undefined, true],
  ["ArnNotLike", "arn:aws:iam::*:role/*", "arn:aws:sts::1:assumed-role/a/s", true],
  ["ArnNotLike", "arn:aws:iam::*:role/*", "arn:aws:iam::1:role/a", false],
  ["ArnNotLike", "arn:aws:iam::*:role/*", undefined, true],
  ["ArnNotLike", ["arn:aws:s3:::*", "arn:aws:iam::*:role/*"], "arn:aws:iam::1:role/a", false],
  ["Null", "true", undefined, true],
  ["Null", "true", "x", false],
  ["Null", "false", "x", true],
  ["Null", "false", undefined, false],
  ["Null", ["false", "true"], undefined, true],
  ["StringEqualsIfExists", "abc", undefined, true],
  ["StringEqualsIfExists", "abc", "abc", true],
  ["StringEqualsIfExists", "abc", "xyz", false],
  ["NotIpAddressIfExists", "192.0.2.0/24", "192.0.2.1", false],
  ["IpAddressIfExists", "192.0.2.0/24", undefined, true],
  ["NumericLessThanIfExists", 3, "5", false],
  // Multi-valued request keys without a set operator: positive if any value matches.
  ["StringEquals", "b", ["a", "b"], true],
  ["StringNotEquals", "b", ["a", "b"], false],
  ["ForAnyValue:StringEquals", ["a", "b"], ["c", "b"], true],
  ["ForAnyValue:StringEquals", ["a", "b"], ["c", "d"], false],
  ["ForAnyValue:StringEquals", ["a", "b"], undefined, false],
  ["ForAnyValue:StringEquals", ["a", "b"], [], false],
  // ForAnyValue is false on an absent key, IfExists or not (AWS re:Post QU9HFmDzP0QGuU-fd7rS6B7w).
  ["ForAnyValue:StringEqualsIfExists", ["a", "b"], undefined, false],
  ["ForAnyValue:StringNotEquals", ["a", "b"], ["a", "c"], true],
  ["ForAnyValue:StringNotEquals", ["a", "b"], ["a", "b"], false],
  ["ForAllValues:StringEquals", ["a", "b"], ["a", "b"], true],
  ["ForAllValues:StringEquals", ["a", "b"], ["a", "c"], false],
  ["ForAllValues:StringEquals", ["a", "b"], undefined, true],
  ["ForAllValues:StringEquals", ["a", "b"], [], true],
  ["ForAllValues:StringLike", ["team-*"], ["team-a", "team-b"], true],
  ["ForAllValues:StringNotEquals", ["a", "b"], ["c", "d"], true],
  ["ForAllValues:StringNotEquals", ["a", "b"], ["c", "a"], false],
];

describe("evaluatePolicy: condition operators", () => {
  it.each(OPERATORS)("%s %j with %j is %s", (operator, value, actual, expected) => {
    const context: ConditionContext = actual === undefined ? {} : { "test:key": actual };
    const policy = allowIf({ [operator]: { "test:key": value } });
    expect(decisionFor(policy, { context })).toBe(expected ? "allow" : "implicit-deny");
  });
});

describe("evaluatePolicy: principals", () => {
  const caller = (arn: string): RequestPrincipal => ({ arn, accountId: arn.split(":")[4] ?? "" });
  const user = caller("arn:aws:iam::111122223333:user/alice");
  const session = caller("arn:aws:sts::111122223333:assumed-role/Deployer/build-42");
  const stranger = caller("arn:aws:iam::444455556666:user/mallory");
  const withPrincipal = (principal: unknown, key = "Principal") => ({
    Statement: { Effect: "Allow", [key]: principal, Action: INVOKE, Resource: "*" },
  });

  it.each<[string, unknown, RequestPrincipal | undefined, boolean]>([
    ['"*" and an anonymous caller', "*", "anonymous", true],
    ['"*" and no principal given', "*", undefined, true],
    ['{AWS: "*"} and an anonymous caller', { AWS: "*" }, "anonymous", true],
    ["an account id and a user of it", { AWS: "111122223333" }, user, true],
    ["an account root ARN and a user of it", { AWS: "arn:aws:iam::111122223333:root" }, user, true],
    ["an account id and another account", { AWS: "111122223333" }, stranger, false],
    ["an account id and an anonymous caller", { AWS: "111122223333" }, "anonymous", false],
    ["a user ARN and that user", { AWS: "arn:aws:iam::111122223333:user/alice" }, user, true],
    ["a user ARN and another user", { AWS: "arn:aws:iam::111122223333:user/bob" }, user, false],
    [
      "a role ARN and its session",
      { AWS: "arn:aws:iam::111122223333:role/ci/Deployer" },
      session,
      true,
    ],
    [
      "a role ARN and another role's session",
      { AWS: "arn:aws:iam::111122223333:role/Other" },
      session,
      false,
    ],
    ["a Service principal and a user", { Service: "lambda.amazonaws.com" }, user, false],
  ])("Principal %s: %s", (_, principal, who, expected) => {
    const overrides = who === undefined ? {} : { principal: who };
    expect(decisionFor(withPrincipal(principal), overrides)).toBe(
      expected ? "allow" : "implicit-deny",
    );
  });

  it("applies NotPrincipal to everyone but the listed principals", () => {
    const policy = withPrincipal({ AWS: "111122223333" }, "NotPrincipal");
    expect(decisionFor(policy, { principal: user })).toBe("implicit-deny");
    expect(decisionFor(policy, { principal: stranger })).toBe("allow");
    expect(decisionFor(policy, { principal: "anonymous" })).toBe("allow");
  });

  it("applies statements without Principal to any caller", () => {
    const policy = { Statement: { Effect: "Allow", Action: INVOKE, Resource: "*" } };
    expect(decisionFor(policy, { principal: "anonymous" })).toBe("allow");
    expect(decisionFor(policy, { principal: stranger })).toBe("allow");
  });
});

describe("evaluatePolicy: policy variables", () => {
  const home = (version: string, resource: string) => ({
    Version: version,
    Statement: { Effect: "Allow", Action: INVOKE, Resource: resource },
  });
  const base = "arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/users";

  it("substitutes context values in Resource under 2012-10-17", () => {
    const policy = home("2012-10-17", `${base}/\${aws:username}/*`);
    const context = { "aws:username": "alice" };
    expect(decisionFor(policy, { resource: `${base}/alice/x`, context })).toBe("allow");
    expect(decisionFor(policy, { resource: `${base}/bob/x`, context })).toBe("implicit-deny");
  });

  it("keeps variables as literal text under 2008-10-17", () => {
    const policy = home("2008-10-17", `${base}/\${aws:username}`);
    const context = { "aws:username": "alice" };
    expect(decisionFor(policy, { resource: `${base}/alice`, context })).toBe("implicit-deny");
    expect(decisionFor(policy, { resource: `${base}/\${aws:username}`, context })).toBe("allow");
  });

  it("never treats a substituted * as a wildcard", () => {
    const policy = home("2012-10-17", `${base}/\${aws:username}`);
    const context = { "aws:username": "*" };
    expect(decisionFor(policy, { resource: `${base}/alice`, context })).toBe("implicit-deny");
    expect(decisionFor(policy, { resource: `${base}/*`, context })).toBe("allow");
  });

  it("reads the ${*} ${?} ${$} escapes as literal characters", () => {
    const policy = allowIf({ StringLike: { "test:key": "a${*}b${?}${$}*" } });
    expect(decisionFor(policy, { context: { "test:key": "a*b?$tail" } })).toBe("allow");
    expect(decisionFor(policy, { context: { "test:key": "axbx$tail" } })).toBe("implicit-deny");
  });

  it("makes a value with an unresolved variable match nothing", () => {
    const policy = allowIf({ StringEquals: { "test:key": "${aws:username}" } });
    expect(decisionFor(policy, { context: { "test:key": "" } })).toBe("implicit-deny");
  });

  it("lets a negated operator pass on a value with an unresolved variable", () => {
    const policy = allowIf({ StringNotEquals: { "test:key": "${aws:username}" } });
    expect(decisionFor(policy, { context: { "test:key": "alice" } })).toBe("allow");
  });

  it("uses a default value when the variable has none", () => {
    const policy = allowIf({ StringEquals: { "test:key": "${aws:username, 'it''s me'}" } });
    expect(decisionFor(policy, { context: { "test:key": "it's me" } })).toBe("allow");
    const present = { "test:key": "alice", "aws:username": "alice" };
    expect(decisionFor(policy, { context: present })).toBe("allow");
  });

  it("substitutes variables in condition values", () => {
    const policy = allowIf({
      StringEquals: { "aws:PrincipalTag/team": "${aws:ResourceTag/team}" },
    });
    const context = { "aws:PrincipalTag/team": "blue", "aws:resourcetag/team": "blue" };
    expect(decisionFor(policy, { context })).toBe("allow");
  });
});

// The resource-policy examples of apigateway-resource-policies-examples.html, as JSON.
describe("evaluatePolicy: AWS documentation resource policies", () => {
  const resource = "arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/pets";
  const anonymous = (context: ConditionContext) => ({
    resource,
    principal: "anonymous" as const,
    context,
  });

  // The documentation's placeholders filled in for stage "prod", any verb and any path.
  const ipDenylist = JSON.parse(`{
    "Version": "2012-10-17",
    "Statement": [
      { "Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke",
        "Resource": "execute-api:/prod/*/*" },
      { "Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke",
        "Resource": "execute-api:/prod/*/*",
        "Condition": { "IpAddress": { "aws:SourceIp": ["192.0.2.0/24", "198.51.100.0/24"] } } }
    ]
  }`);

  it("IP denylist: denies a listed IP explicitly", () => {
    expect(decisionFor(ipDenylist, anonymous({ "aws:SourceIp": "192.0.2.10" }))).toBe(
      "explicit-deny",
    );
  });

  it("IP denylist: allows another IP", () => {
    expect(decisionFor(ipDenylist, anonymous({ "aws:SourceIp": "203.0.113.5" }))).toBe("allow");
  });

  it("IP denylist: is bypassed by an IPv6 caller when it lists only IPv4 (dual-stack trap)", () => {
    expect(decisionFor(ipDenylist, anonymous({ "aws:SourceIp": "2001:db8::1" }))).toBe("allow");
  });

  const ipAllowlist = JSON.parse(`{
    "Version": "2012-10-17",
    "Statement": [
      { "Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke",
        "Resource": "execute-api:/*" },
      { "Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke",
        "Resource": "execute-api:/*",
        "Condition": { "NotIpAddress": { "aws:SourceIp": ["192.0.2.0/24", "198.51.100.0/24"] } } }
    ]
  }`);

  it("IP allowlist: allows a listed IP", () => {
    expect(decisionFor(ipAllowlist, anonymous({ "aws:SourceIp": "198.51.100.9" }))).toBe("allow");
  });

  it("IP allowlist: denies any other IP explicitly (values ANDed under NotIpAddress)", () => {
    expect(decisionFor(ipAllowlist, anonymous({ "aws:SourceIp": "203.0.113.5" }))).toBe(
      "explicit-deny",
    );
  });

  it("IP allowlist: denies everyone on a private API, where aws:SourceIp is absent", () => {
    expect(decisionFor(ipAllowlist, anonymous({ "aws:VpcSourceIp": "192.0.2.1" }))).toBe(
      "explicit-deny",
    );
  });

  const privateIpDenylist = JSON.parse(`{
    "Version": "2012-10-17",
    "Statement": [
      { "Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke",
        "Resource": "execute-api:/*" },
      { "Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke",
        "Resource": "execute-api:/*",
        "Condition": { "IpAddress": { "aws:VpcSourceIp": ["10.0.0.0/24", "10.0.1.0/24"] } } }
    ]
  }`);

  it("private API IP denylist: denies a listed VPC source IP", () => {
    const context = { "aws:VpcSourceIp": "10.0.1.20", "aws:SourceVpce": "vpce-1a2b3c4d" };
    expect(decisionFor(privateIpDenylist, anonymous(context))).toBe("explicit-deny");
  });

  it("private API IP denylist: allows another VPC source IP", () => {
    const context = { "aws:VpcSourceIp": "10.0.2.20", "aws:SourceVpce": "vpce-1a2b3c4d" };
    expect(decisionFor(privateIpDenylist, anonymous(context))).toBe("allow");
  });

  const sourceVpcAllowlist = JSON.parse(`{
    "Version": "2012-10-17",
    "Statement": [
      { "Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke",
        "Resource": "execute-api:/*",
        "Condition": { "StringNotEquals": { "aws:SourceVpc": "vpc-1a2b3c4d" } } },
      { "Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke",
        "Resource": "execute-api:/*" }
    ]
  }`);

  it("source VPC allowlist: allows the listed VPC", () => {
    expect(decisionFor(sourceVpcAllowlist, anonymous({ "aws:SourceVpc": "vpc-1a2b3c4d" }))).toBe(
      "allow",
    );
  });

  it("source VPC allowlist: denies another VPC", () => {
    expect(decisionFor(sourceVpcAllowlist, anonymous({ "aws:SourceVpc": "vpc-99999999" }))).toBe(
      "explicit-deny",
    );
  });

  const vpceAllowlist = JSON.parse(`{
    "Version": "2012-10-17",
    "Statement": [
      { "Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke",
        "Resource": "execute-api:/*",
        "Condition": { "StringNotEquals": { "aws:SourceVpce": ["vpce-1a2b3c4d", "vpce-5e6f7a8b"] } } },
      { "Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke",
        "Resource": "execute-api:/*" }
    ]
  }`);

  it("VPC endpoint allowlist: allows either listed endpoint", () => {
    expect(decisionFor(vpceAllowlist, anonymous({ "aws:SourceVpce": "vpce-5e6f7a8b" }))).toBe(
      "allow",
    );
  });

  it("VPC endpoint allowlist: denies another endpoint (values ANDed under StringNotEquals)", () => {
    expect(decisionFor(vpceAllowlist, anonymous({ "aws:SourceVpce": "vpce-00000000" }))).toBe(
      "explicit-deny",
    );
  });

  it("VPC endpoint allowlist: denies everyone on a public API, where aws:SourceVpce is absent", () => {
    expect(decisionFor(vpceAllowlist, anonymous({ "aws:SourceIp": "203.0.113.5" }))).toBe(
      "explicit-deny",
    );
  });

  const accountAllowlist = JSON.parse(`{
    "Version": "2012-10-17",
    "Statement": [
      { "Effect": "Allow",
        "Principal": { "AWS": ["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:role/Partner", "777788889999"] },
        "Action": "execute-api:Invoke",
        "Resource": "execute-api:/prod/*" }
    ]
  }`);

  it("account allowlist: allows a role of a listed account", () => {
    const principal = { arn: "arn:aws:iam::111122223333:role/Any", accountId: "111122223333" };
    expect(decisionFor(accountAllowlist, { resource, principal })).toBe("allow");
  });

  it("account allowlist: allows an account listed by bare id", () => {
    const principal = { arn: "arn:aws:iam::777788889999:user/u", accountId: "777788889999" };
    expect(decisionFor(accountAllowlist, { resource, principal })).toBe("allow");
  });

  it("account allowlist: allows the listed role and not another role of its account", () => {
    const partner = { arn: "arn:aws:iam::444455556666:role/Partner", accountId: "444455556666" };
    const other = { arn: "arn:aws:iam::444455556666:role/Other", accountId: "444455556666" };
    expect(decisionFor(accountAllowlist, { resource, principal: partner })).toBe("allow");
    expect(decisionFor(accountAllowlist, { resource, principal: other })).toBe("implicit-deny");
  });

  it("account allowlist: leaves anonymous callers implicitly denied", () => {
    expect(decisionFor(accountAllowlist, anonymous({}))).toBe("implicit-deny");
  });
});

describe("evaluatePolicy: failing closed", () => {
  it("reports a malformed policy as implicit-deny with the reason", () => {
    const result = evaluatePolicy({ Statement: [{ Effect: "Allow", Action: "*" }] }, request());
    expect(result.decision).toBe("implicit-deny");
    expect(result.matched).toEqual([]);
    expect(result.error?.code).toBe("invalid_policy");
    expect(result.error?.path).toBe("Statement[0]");
  });

  it("reports a malformed request as implicit-deny with the reason", () => {
    const policy = { Statement: { Effect: "Allow", Action: "*", Resource: "*" } };
    const bad = { ...request(), context: { "aws:SourceIp": 42 } } as unknown as EvaluationRequest;
    const result = evaluatePolicy(policy, bad);
    expect(result.decision).toBe("implicit-deny");
    expect(result.error?.code).toBe("invalid_request");
    expect(result.error?.path).toBe("request.context.aws:SourceIp");
  });

  it("reports a policy whose getters throw instead of throwing", () => {
    const hostile = {
      get Statement(): never {
        throw new Error("boom");
      },
    };
    const result = evaluatePolicy(hostile, request());
    expect(result.decision).toBe("implicit-deny");
    expect(isPolicyError(result.error)).toBe(true);
  });
});

describe("evaluatePolicy: IP conditions on a refused address fail closed", () => {
  const allowAll = { Effect: "Allow", Action: INVOKE, Resource: "*" };
  const denyIf = (condition: unknown) => ({
    Version: "2012-10-17",
    Statement: [
      allowAll,
      { Sid: "Ip", Effect: "Deny", Action: INVOKE, Resource: "*", Condition: condition },
    ],
  });
  const REFUSED = [
    "010.0.0.1",
    "192.0.2.01",
    "fe80::1%eth0",
    "192.0.2.1:443",
    "[2001:db8::1]",
    " 192.0.2.1",
    "::192.0.2.1",
    "::ffff:0:192.0.2.1",
    "64:ff9b::192.0.2.1",
    "not-an-ip",
    "",
  ];

  it.each(REFUSED)("applies a Deny IpAddress (denylist) to %j, marked failClosed", (ip) => {
    const result = evaluatePolicy(
      denyIf({ IpAddress: { "aws:SourceIp": ["198.51.100.0/24"] } }),
      request({ context: { "aws:SourceIp": ip } }),
    );
    expect(result.decision).toBe("explicit-deny");
    expect(result.matched).toContainEqual({
      index: 1,
      sid: "Ip",
      effect: "Deny",
      failClosed: true,
    });
  });

  it.each(REFUSED)("applies a Deny NotIpAddress (allowlist) to %j", (ip) => {
    const policy = denyIf({ NotIpAddress: { "aws:SourceIp": ["0.0.0.0/0", "::/0"] } });
    expect(decisionFor(policy, { context: { "aws:SourceIp": ip } })).toBe("explicit-deny");
  });

  it.each(["IpAddress", "NotIpAddress", "IpAddressIfExists", "ForAnyValue:IpAddress"])(
    "never lets an Allow %s apply to a refused address",
    (operator) => {
      const policy = allowIf({ [operator]: { "aws:SourceIp": ["0.0.0.0/0", "::/0"] } });
      expect(decisionFor(policy, { context: { "aws:SourceIp": "010.0.0.1" } })).toBe(
        "implicit-deny",
      );
    },
  );

  it("keeps a Deny off when another condition of it is false anyway", () => {
    const policy = denyIf({
      IpAddress: { "aws:SourceIp": "198.51.100.0/24" },
      StringEquals: { "aws:SourceVpce": "vpce-1" },
    });
    const context = { "aws:SourceIp": "010.0.0.1", "aws:SourceVpce": "vpce-2" };
    expect(decisionFor(policy, { context })).toBe("allow");
  });

  it("decides a list with a refused value when another value settles it", () => {
    // ForAnyValue: one listed address is inside: the Deny applies, undecided or not.
    const any = denyIf({ "ForAnyValue:IpAddress": { "test:ips": "198.51.100.0/24" } });
    const inside = evaluatePolicy(
      any,
      request({ context: { "test:ips": ["010.0.0.1", "198.51.100.7"] } }),
    );
    expect(inside.matched).toContainEqual({ index: 1, sid: "Ip", effect: "Deny" });
    // ForAllValues: one value is outside: the condition is false whatever the refused one is.
    const all = denyIf({ "ForAllValues:IpAddress": { "test:ips": "198.51.100.0/24" } });
    expect(decisionFor(all, { context: { "test:ips": ["010.0.0.1", "192.0.2.1"] } })).toBe("allow");
  });

  it("leaves a condition with no usable block at false (nothing could match)", () => {
    const policy = denyIf({ IpAddress: { "test:ip": "${aws:username}" } });
    expect(
      decisionFor(policy, { context: { "test:ip": "010.0.0.1", "aws:username": "alice" } }),
    ).toBe("allow");
  });
});

describe("evaluatePolicy: properties", () => {
  const contextArb = fc.dictionary(
    fc.constantFrom("aws:SourceIp", "aws:SourceVpce", "aws:username", "test:key", "AWS:SOURCEIP"),
    fc.oneof(
      fc.constantFrom("192.0.2.1", "2001:db8::1", "vpce-1", "alice", "a*", "1", "true"),
      fc.array(fc.constantFrom("a", "b", "192.0.2.1"), { maxLength: 3 }),
    ),
  );
  const requestArb = fc.record({
    action: fc.constantFrom(
      INVOKE,
      "execute-api:invoke",
      "execute-api:ManageConnections",
      "s3:Get",
    ),
    resource: fc.constantFrom(ARN, `${ARN}/x`, "arn:aws:execute-api:us-east-1:1:abc/prod/POST/"),
    principal: fc.constantFrom<RequestPrincipal>(
      "anonymous",
      { arn: "arn:aws:iam::111122223333:user/alice", accountId: "111122223333" },
      { arn: "arn:aws:iam::444455556666:role/r", accountId: "444455556666" },
    ),
    context: contextArb,
  });
  const patterns = fc.constantFrom(
    "*",
    INVOKE,
    "execute-api:*",
    "execute-api:/*",
    "execute-api:/prod/GET/*",
    ARN,
    "arn:aws:execute-api:*:*:*/prod/*",
    "arn:aws:execute-api:us-east-1:1:abc/*/POST/${aws:username}",
  );
  const keyArb = fc.constantFrom("aws:SourceIp", "aws:SourceVpce", "test:key", "aws:username");
  const valuesFor = (values: string[]) =>
    fc.dictionary(
      keyArb,
      fc.oneof(fc.constantFrom(...values), fc.subarray(values, { minLength: 1 })),
      {
        minKeys: 1,
        maxKeys: 2,
      },
    );
  const conditionArb = fc.record(
    {
      StringEquals: valuesFor(["alice", "vpce-1", "${aws:username}"]),
      StringNotEquals: valuesFor(["alice", "vpce-1", "b"]),
      "ForAnyValue:StringNotLike": valuesFor(["a*", "${aws:username}*"]),
      "ForAllValues:StringEquals": valuesFor(["a", "b"]),
      IpAddress: valuesFor(["192.0.2.0/24", "2001:db8::/32"]),
      NotIpAddress: valuesFor(["192.0.2.0/24", "2001:db8::/32"]),
      NumericLessThan: valuesFor(["5", "1"]),
      Null: valuesFor(["true", "false"]),
      BoolIfExists: valuesFor(["true"]),
    },
    { requiredKeys: [] },
  );
  const statementArb = (effect: fc.Arbitrary<"Allow" | "Deny">) =>
    fc.record(
      {
        Effect: effect,
        Principal: fc.constantFrom<PolicyStatement["Principal"]>("*", { AWS: "111122223333" }),
        Action: fc.oneof(patterns, fc.array(patterns, { minLength: 1, maxLength: 2 })),
        Resource: fc.oneof(patterns, fc.array(patterns, { minLength: 1, maxLength: 2 })),
        Condition: conditionArb,
      },
      { requiredKeys: ["Effect", "Action", "Resource"] },
    ) as fc.Arbitrary<PolicyStatement>;
  const policyArb = fc.record({
    Version: fc.constantFrom<PolicyDocument["Version"]>("2012-10-17", "2008-10-17"),
    Statement: fc.array(statementArb(fc.constantFrom("Allow", "Deny")), { maxLength: 4 }),
  });

  it("never throws on arbitrary JSON and arbitrary requests", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.anything(), (policy, anyRequest) => {
        const result = evaluatePolicy(policy, anyRequest as EvaluationRequest);
        expect(["allow", "explicit-deny", "implicit-deny"]).toContain(result.decision);
        if (result.error !== undefined) expect(result.decision).toBe("implicit-deny");
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on arbitrary well-formed policies and requests", () => {
    fc.assert(
      fc.property(policyArb, requestArb, (policy, req) => {
        expect(evaluatePolicy(policy, req).error).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });

  it("never turns a non-allow into an allow by adding a Deny", () => {
    fc.assert(
      fc.property(policyArb, statementArb(fc.constant("Deny")), requestArb, (policy, deny, req) => {
        const before = evaluatePolicy(policy, req).decision;
        const statements = [...(policy.Statement as PolicyStatement[]), deny];
        const after = evaluatePolicy({ ...policy, Statement: statements }, req).decision;
        if (before !== "allow") expect(after).not.toBe("allow");
      }),
      { numRuns: 1000 },
    );
  });

  it("never turns an explicit deny into an allow by adding an Allow", () => {
    fc.assert(
      fc.property(
        policyArb,
        statementArb(fc.constant("Allow")),
        requestArb,
        (policy, allow, req) => {
          const before = evaluatePolicy(policy, req).decision;
          const statements = [allow, ...(policy.Statement as PolicyStatement[])];
          const after = evaluatePolicy({ ...policy, Statement: statements }, req).decision;
          if (before === "explicit-deny") expect(after).not.toBe("allow");
        },
      ),
      { numRuns: 1000 },
    );
  });
});
