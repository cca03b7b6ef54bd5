// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are written ${...} in plain strings.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type {
  ConditionBlock,
  PolicyDocument,
  PolicyStatement,
} from "../document/policy-document.js";
import { isPolicyError, PolicyError } from "../errors.js";
import { compilePolicy } from "./compile-policy.js";
import type { EvaluationRequest, RequestPrincipal } from "./evaluate-policy.js";
import { evaluatePolicy } from "./evaluate-policy.js";
import { referenceEvaluatePolicy } from "./test-support.js";

const API = "arn:aws:execute-api:us-east-1:111122223333:abc123";
const ARN = `${API}/prod/GET/pets/42`;
const INVOKE = "execute-api:Invoke";

const denylist = {
  Version: "2012-10-17",
  Statement: [
    { Sid: "Open", Effect: "Allow", Principal: "*", Action: INVOKE, Resource: "execute-api:/*" },
    {
      Sid: "Blocked",
      Effect: "Deny",
      Principal: "*",
      Action: INVOKE,
      Resource: "execute-api:/*",
      Condition: { IpAddress: { "aws:SourceIp": ["192.0.2.0/24", "2001:db8::/32"] } },
    },
  ],
} as const;

function from(ip: string): EvaluationRequest {
  return { action: INVOKE, resource: ARN, context: { "aws:SourceIp": ip } };
}

describe("compilePolicy", () => {
  it("evaluates like the reference evaluator", () => {
    const compiled = compilePolicy(denylist);
    for (const ip of ["192.0.2.7", "198.51.100.7", "2001:db8::1", "2001:db9::1", "not-an-ip"]) {
      expect(compiled.evaluate(from(ip))).toEqual(referenceEvaluatePolicy(denylist, from(ip)));
    }
    expect(compiled.evaluate(from("192.0.2.7"))).toEqual({
      decision: "explicit-deny",
      matched: [
        { index: 0, sid: "Open", effect: "Allow" },
        { index: 1, sid: "Blocked", effect: "Deny" },
      ],
    });
  });

  it("accepts a JSON string", () => {
    const compiled = compilePolicy(JSON.stringify(denylist));
    expect(compiled.evaluate(from("192.0.2.7")).decision).toBe("explicit-deny");
    expect(compiled.evaluate(from("198.51.100.7")).decision).toBe("allow");
  });

  it("keeps its own copy: later changes to the object are not seen", () => {
    const blocks = ["192.0.2.0/24"];
    const policy = {
      Statement: [
        { Effect: "Allow", Action: INVOKE, Resource: "*" },
        {
          Effect: "Deny",
          Action: INVOKE,
          Resource: "*",
          Condition: { IpAddress: { "aws:SourceIp": blocks } },
        },
      ],
    };
    const compiled = compilePolicy(policy);
    blocks.push("198.51.100.0/24");
    expect(compiled.evaluate(from("198.51.100.7")).decision).toBe("allow");
    expect(evaluatePolicy(policy, from("198.51.100.7")).decision).toBe("explicit-deny");
  });

  it("gives each result its own objects", () => {
    const compiled = compilePolicy(denylist);
    const first = compiled.evaluate(from("192.0.2.7"));
    (first.matched[0] as { sid: string | undefined }).sid = "changed";
    first.matched.length = 0;
    expect(compiled.evaluate(from("192.0.2.7")).matched).toHaveLength(2);
    expect(compiled.evaluate(from("192.0.2.7")).matched[0]?.sid).toBe("Open");
  });

  it("has an evaluate that works detached and a frozen result", () => {
    const compiled = compilePolicy(denylist);
    const { evaluate } = compiled;
    expect(evaluate(from("192.0.2.7")).decision).toBe("explicit-deny");
    expect(Object.isFrozen(compiled)).toBe(true);
  });

  it("fails closed on a malformed request instead of throwing", () => {
    const compiled = compilePolicy(denylist);
    const bad = { ...from("192.0.2.7"), context: { "aws:SourceIp": 42 } };
    const result = compiled.evaluate(bad as unknown as EvaluationRequest);
    expect(result.decision).toBe("implicit-deny");
    expect(result.matched).toEqual([]);
    expect(result.error?.code).toBe("invalid_request");
    expect(result.error?.path).toBe("request.context.aws:SourceIp");
    for (const junk of [undefined, null, 42, "GET", [], { action: INVOKE }]) {
      const outcome = compiled.evaluate(junk as unknown as EvaluationRequest);
      expect(outcome.decision).toBe("implicit-deny");
      expect(outcome.error?.code).toBe("invalid_request");
    }
  });
});

describe("compilePolicy: errors", () => {
  it.each([
    [
      "a statement without Resource",
      { Statement: [{ Effect: "Allow", Action: "*" }] },
      "Statement[0]",
    ],
    [
      "an unknown Effect",
      { Statement: { Effect: "Permit", Action: "*", Resource: "*" } },
      "Statement.Effect",
    ],
    [
      "a bad CIDR",
      {
        Statement: {
          Effect: "Deny",
          Action: "*",
          Resource: "*",
          Condition: { IpAddress: { "aws:SourceIp": ["10.0.0.0/33"] } },
        },
      },
      "Statement.Condition.IpAddress.aws:SourceIp[0]",
    ],
    [
      "an unknown operator",
      {
        Statement: {
          Effect: "Deny",
          Action: "*",
          Resource: "*",
          Condition: { StringEqualz: { k: "v" } },
        },
      },
      "Statement.Condition.StringEqualz",
    ],
    ["an unknown Version", { Version: "2020-01-01", Statement: [] }, "Version"],
    ["a missing Statement", { Version: "2012-10-17" }, "Statement"],
  ])("throws invalid_policy for %s, with the path", (_, policy, path) => {
    // evaluatePolicy reports, without throwing, the error compilePolicy throws.
    const result = evaluatePolicy(policy, from("192.0.2.7"));
    expect(result).toEqual({
      decision: "implicit-deny",
      matched: [],
      error: expect.any(PolicyError),
    });
    expect(() => compilePolicy(policy)).toThrowCode("invalid_policy", {
      ...result.error,
      path,
      message: result.error?.message,
    });
  });

  it.each([
    ["not JSON", "{"],
    ["null", null],
    ["a number", 42],
    ["an array", []],
  ])("throws invalid_policy for %s", (_, policy) => {
    expect(() => compilePolicy(policy)).toThrowCode("invalid_policy");
  });

  it("throws a PolicyError for a policy whose getters throw", () => {
    const hostile = {
      get Statement(): never {
        throw new Error("boom");
      },
    };
    expect(() => compilePolicy(hostile)).toThrow("boom");
    const result = evaluatePolicy(hostile, from("192.0.2.7"));
    expect(result.decision).toBe("implicit-deny");
    expect(isPolicyError(result.error)).toBe(true);
    expect(result.error?.code).toBe("invalid_policy");
  });
});

describe("compilePolicy: agrees with the reference evaluator (test-support.ts)", () => {
  const PRINCIPALS: RequestPrincipal[] = [
    "anonymous",
    { arn: "arn:aws:iam::111122223333:user/alice", accountId: "111122223333" },
    { arn: "arn:aws:sts::111122223333:assumed-role/orders/session-1", accountId: "111122223333" },
    { arn: "arn:aws-cn:sts::111122223333:assumed-role/orders/s", accountId: "111122223333" },
    { arn: "arn:aws:sts::111122223333:assumed-role/payments/s", accountId: "111122223333" },
    { arn: "arn:aws:iam::444455556666:role/r", accountId: "444455556666" },
    { arn: "arn:aws:iam::444455556666:root", accountId: "444455556666" },
  ];
  /** Request values per kind of key, so that conditions meet values they can match. */
  const IP_VALUES = [
    "192.0.2.1",
    "192.0.2.200",
    "198.51.100.7",
    "198.51.100.200",
    "10.13.4.4",
    "2001:db8::1",
    "2001:db8:cafe::9",
    "2001:db9::1",
    "::ffff:192.0.2.1",
    "010.0.0.1",
    "192.0.2",
    "not-an-ip",
    // Spellings the reference evaluator reads with its own parser: mapped, refused, loopback.
    "::FFFF:c000:0201",
    "::ffff:0:192.0.2.1",
    "64:ff9b::192.0.2.1",
    "::192.0.2.1",
    "::1",
    "2001:DB8:0:0:0:0:0:1",
    "1:2:3:4:5:6:7::",
  ];
  const STRING_VALUES = ["vpce-1", "alice", "Alice", "ALICE", "a", "b", "a*", "", "xalice"];
  const ARN_VALUES = [
    "arn:aws:iam::111122223333:role/orders",
    "arn:aws:iam::111122223333:role/a:b",
    "arn:aws:iam::444455556666:role/orders",
    "not-an-arn",
  ];
  const NUMBER_VALUES = ["1", "1.5", "-3", "5", "7", "x", "1e3"];
  const DATE_VALUES = [
    "2019-07-16T12:00:00Z",
    "1563278400",
    "2031-02-03T00:00:00Z",
    "tomorrow",
    "2019-07-16T14:00:00.57+02:00",
    "1563278400.57",
    "2019-02-29",
  ];
  const FLAG_VALUES = ["true", "FALSE", "false", "yes", "aGVsbG8=", "YQ==", "YQ"];
  const contextValues = (pool: readonly string[]) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...pool) },
      { weight: 3, arbitrary: fc.array(fc.constantFrom(...pool), { maxLength: 3 }) },
      { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
    );
  const contextArb = fc.record(
    {
      "aws:SourceIp": contextValues(IP_VALUES),
      "AWS:SOURCEIP": contextValues(IP_VALUES),
      "aws:VpcSourceIp": contextValues(IP_VALUES),
      "aws:username": contextValues(STRING_VALUES),
      "test:key": contextValues([
        ...STRING_VALUES,
        ...FLAG_VALUES,
        "192.0.2.0/24",
        "2001:db8::/32",
      ]),
      "aws:PrincipalArn": contextValues(ARN_VALUES),
      "test:n": contextValues(NUMBER_VALUES),
      "aws:CurrentTime": contextValues(DATE_VALUES),
      "test:flag": contextValues(FLAG_VALUES),
    },
    { requiredKeys: [] },
  );
  const requestArb: fc.Arbitrary<EvaluationRequest> = fc.record(
    {
      action: fc.constantFrom(
        INVOKE,
        "EXECUTE-API:invoke",
        "execute-api:ManageConnections",
        "s3:Get",
      ),
      resource: fc.constantFrom(
        ARN,
        `${API}/prod/POST/orders`,
        `${API}/staging/GET/`,
        `${API}/prod/DELETE/admin/x`,
        "arn:aws:execute-api:us-east-1:1:abc/prod/POST/",
        "execute-api:/prod/GET/pets",
        "arn:aws:s3:::bucket/key",
        "nonsense",
      ),
      principal: fc.constantFrom(...PRINCIPALS),
      context: contextArb,
    },
    { requiredKeys: ["action", "resource"] },
  );

  const actionPatterns = fc.constantFrom(
    "*",
    INVOKE,
    "execute-api:*",
    "EXECUTE-API:Inv?ke",
    "s3:*",
  );
  const resourcePatterns = fc.constantFrom(
    "*",
    "execute-api:/*",
    "execute-api:/prod/GET/*",
    "execute-api:/*/POST/*",
    ARN,
    `${API}/*`,
    `${API}/prod/*/admin/*`,
    "arn:aws:execute-api:*:*:*/prod/*",
    "arn:aws:execute-api:us-east-1:1:abc/*/POST/${aws:username}",
    `${API}/prod/GET/\${aws:username}`,
    "execute-api:/${test:key, 'prod'}/*",
    "arn:aws:s3:::bucket/*",
  );
  const principalArb = fc.constantFrom<NonNullable<PolicyStatement["Principal"]>>(
    "*",
    { AWS: "*" },
    { AWS: "111122223333" },
    { AWS: ["444455556666", "arn:aws:iam::111122223333:root"] },
    { AWS: "arn:aws:iam::111122223333:root" },
    { AWS: "arn:aws:iam::111122223333:role/orders" },
    { AWS: "arn:aws:iam::111122223333:role/path/orders" },
    { AWS: "arn:aws:iam::111122223333:user/alice" },
    { Service: "lambda.amazonaws.com" },
  );
  const valuesFor = (keys: readonly string[], values: readonly (string | number | boolean)[]) =>
    fc.dictionary(
      fc.constantFrom(...keys),
      fc.oneof(fc.constantFrom(...values), fc.subarray([...values], { minLength: 1 })),
      { minKeys: 1, maxKeys: 2 },
    );
  const IP_KEYS = ["aws:SourceIp", "aws:sourceip", "aws:VpcSourceIp", "test:absent"];
  const STRING_KEYS = ["aws:username", "test:key", "test:absent"];
  const ARN_KEYS = ["aws:PrincipalArn", "test:key"];
  const NUMBER_KEYS = ["test:n", "test:absent"];
  const DATE_KEYS = ["aws:CurrentTime", "test:absent"];
  const FLAG_KEYS = ["test:flag", "test:key", "test:absent"];
  const CIDRS = [
    "192.0.2.0/24",
    "198.51.100.128/25",
    "10.13.0.0/16",
    "0.0.0.0/0",
    "2001:db8::/32",
    "2001:db8:cafe::/48",
    "::/0",
    "192.0.2.1",
    "${test:key}",
    "::ffff:192.0.2.0/120",
    "::ffff:0:0/96",
    "::/96",
    "64:ff9b::/96",
    "192.0.2.0/33",
  ];
  const STRINGS = ["alice", "vpce-1", "", "${aws:username}", "x${test:key}", "${*}", "a"];
  const PATTERNS = ["a*", "*l?ce", "${aws:username}*", "*${?}", "*", "?"];
  const ARNS = [
    "arn:aws:iam::111122223333:role/*",
    "arn:*:iam::*:role/orders",
    "arn:aws:iam::111122223333:role/a:b",
    "arn:aws:iam::${test:key}:*",
    "not-an-arn",
  ];
  const NUMBERS = ["1", "1.5", 5, -3, "${test:n}"];
  const DATES = [
    "2019-07-16T12:00:00Z",
    "1563278400",
    "2030-01-01",
    "${test:key}",
    "2019-07-16T12:00:00.570Z",
  ];
  const operators: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
    StringEquals: valuesFor(STRING_KEYS, STRINGS),
    StringNotEquals: valuesFor(STRING_KEYS, STRINGS),
    StringEqualsIgnoreCase: valuesFor(STRING_KEYS, ["ALICE", "Vpce-1", "${aws:username}"]),
    StringNotEqualsIgnoreCaseIfExists: valuesFor(STRING_KEYS, ["ALICE"]),
    StringLike: valuesFor(STRING_KEYS, PATTERNS),
    "ForAnyValue:StringNotLike": valuesFor(STRING_KEYS, PATTERNS),
    "ForAllValues:StringLike": valuesFor(STRING_KEYS, PATTERNS),
    "ForAllValues:StringEquals": valuesFor(STRING_KEYS, ["a", "b", "alice"]),
    "ForAnyValue:StringEqualsIfExists": valuesFor(STRING_KEYS, ["a", "alice"]),
    ArnLike: valuesFor(ARN_KEYS, ARNS),
    ArnNotEquals: valuesFor(ARN_KEYS, ARNS),
    IpAddress: valuesFor(IP_KEYS, CIDRS),
    NotIpAddress: valuesFor(IP_KEYS, CIDRS),
    "ForAnyValue:IpAddress": valuesFor(IP_KEYS, CIDRS),
    NotIpAddressIfExists: valuesFor(IP_KEYS, CIDRS),
    NumericLessThan: valuesFor(NUMBER_KEYS, NUMBERS),
    NumericEquals: valuesFor(NUMBER_KEYS, NUMBERS),
    NumericNotEquals: valuesFor(NUMBER_KEYS, NUMBERS),
    NumericGreaterThanEquals: valuesFor(NUMBER_KEYS, NUMBERS),
    DateGreaterThan: valuesFor(DATE_KEYS, DATES),
    DateNotEquals: valuesFor(DATE_KEYS, DATES),
    Bool: valuesFor(FLAG_KEYS, ["true", false, "${test:key}"]),
    BoolIfExists: valuesFor(FLAG_KEYS, [true]),
    BinaryEquals: valuesFor(FLAG_KEYS, ["aGVsbG8=", "YQ=="]),
    Null: valuesFor([...STRING_KEYS, ...IP_KEYS], ["true", "false", true, "${test:key}"]),
  };
  /** Zero to two operators per block, so that statements still apply often. */
  const conditionArb: fc.Arbitrary<ConditionBlock> = fc
    .uniqueArray(fc.constantFrom(...Object.keys(operators)), { maxLength: 2 })
    .chain((names) =>
      fc
        .tuple(...names.map((name) => operators[name]!))
        .map((blocks) => Object.fromEntries(names.map((name, index) => [name, blocks[index]]))),
    ) as fc.Arbitrary<ConditionBlock>;
  const statementArb: fc.Arbitrary<PolicyStatement> = fc
    .record(
      {
        Sid: fc.constantFrom("A", "B", ""),
        Effect: fc.constantFrom<"Allow" | "Deny">("Allow", "Deny"),
        principal: fc.option(
          fc.record({ not: fc.constantFrom(false, false, true), value: principalArb }),
          { nil: undefined, freq: 2 },
        ),
        notAction: fc.constantFrom(false, false, false, true),
        actions: fc.oneof(actionPatterns, fc.array(actionPatterns, { minLength: 1, maxLength: 3 })),
        notResource: fc.constantFrom(false, false, false, true),
        resources: fc.oneof(
          resourcePatterns,
          fc.array(resourcePatterns, { minLength: 1, maxLength: 3 }),
        ),
        Condition: conditionArb,
      },
      { requiredKeys: ["Effect", "notAction", "actions", "notResource", "resources"] },
    )
    .map(({ principal, notAction, actions, notResource, resources, ...rest }) => ({
      ...rest,
      ...(principal === undefined
        ? {}
        : { [principal.not ? "NotPrincipal" : "Principal"]: principal.value }),
      [notAction ? "NotAction" : "Action"]: actions,
      [notResource ? "NotResource" : "Resource"]: resources,
    }));
  const policyArb = fc.record(
    {
      // Variables in typed values are only valid with 2012-10-17: mostly that, for valid policies.
      Version: fc.constantFrom<PolicyDocument["Version"]>("2012-10-17", "2012-10-17", "2008-10-17"),
      Statement: fc.oneof(statementArb, fc.array(statementArb, { maxLength: 5 })),
    },
    { requiredKeys: ["Statement"] },
  );

  it("gives the same result as the reference evaluator, error or not", () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(policyArb, requestArb, (policy, request) => {
        const expected = referenceEvaluatePolicy(policy, request);
        const outcome = expected.error?.code ?? expected.decision;
        seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
        let compiled: ReturnType<typeof compilePolicy> | undefined;
        try {
          compiled = compilePolicy(policy);
        } catch (error) {
          // Compile errors are exactly the reference evaluator's invalid_policy results.
          expect(expected.error).toEqual(error);
          return;
        }
        expect(compiled.evaluate(request)).toEqual(expected);
        expect(evaluatePolicy(policy, request)).toEqual(expected);
        expect(evaluatePolicy(JSON.stringify(policy), request)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
    // The generator reaches every outcome, and mostly valid policies.
    // (About 220 allows in 3000: an IP condition on a refused address never lets an Allow apply.)
    for (const outcome of ["allow", "explicit-deny", "implicit-deny", "invalid_policy"]) {
      expect(seen.get(outcome) ?? 0, outcome).toBeGreaterThan(150);
    }
    expect(seen.get("invalid_policy") ?? 0).toBeLessThan(1500);
  });

  it("gives the same results when one compiled policy serves many requests", () => {
    fc.assert(
      fc.property(
        policyArb,
        fc.array(requestArb, { minLength: 2, maxLength: 8 }),
        (policy, requests) => {
          let compiled: ReturnType<typeof compilePolicy>;
          try {
            compiled = compilePolicy(policy);
          } catch {
            return;
          }
          for (const request of requests) {
            expect(compiled.evaluate(request)).toEqual(referenceEvaluatePolicy(policy, request));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("agrees on arbitrary JSON and arbitrary requests (both fail closed alike)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.anything(), (policy, request) => {
        const expected = referenceEvaluatePolicy(policy, request as EvaluationRequest);
        expect(evaluatePolicy(policy, request as EvaluationRequest)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
