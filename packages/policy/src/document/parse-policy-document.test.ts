// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are written ${...} in plain strings.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPolicyError } from "../errors.js";
import { parsePolicyDocument } from "./parse-policy-document.js";

const allow = { Effect: "Allow", Action: "execute-api:Invoke", Resource: "*" };

describe("parsePolicyDocument", () => {
  it("accepts an authorizer policy without Principal", () => {
    const input = { Version: "2012-10-17", Statement: [allow] };
    expect(parsePolicyDocument(input)).toEqual(input);
  });

  it("accepts a JSON string", () => {
    const policy = parsePolicyDocument(JSON.stringify({ Statement: allow }));
    expect(policy).toEqual({ Statement: allow });
  });

  it("returns a copy, not the input", () => {
    const input = { Version: "2012-10-17", Statement: [allow] };
    const output = parsePolicyDocument(input);
    expect(output).not.toBe(input);
    expect(output.Statement).not.toBe(input.Statement);
  });

  it("accepts a resource policy with every kind of principal and condition", () => {
    const input = {
      Version: "2012-10-17",
      Id: "api",
      Statement: [
        {
          Sid: "Accounts",
          Effect: "Allow",
          Principal: { AWS: ["111122223333", "arn:aws:iam::444455556666:role/Caller"] },
          Action: ["execute-api:Invoke"],
          Resource: ["execute-api:/*"],
        },
        {
          Effect: "Deny",
          NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" },
          NotAction: "execute-api:ManageConnections",
          NotResource: "execute-api:/prod/GET/health",
          Condition: {
            NotIpAddress: { "aws:SourceIp": ["192.0.2.0/24", "2001:db8::/32"] },
            "ForAnyValue:StringLikeIfExists": { "aws:PrincipalTag/team": "a*" },
            NumericLessThan: { "x:n": 3 },
            DateGreaterThan: { "aws:CurrentTime": "2024-01-01T00:00:00Z", "aws:EpochTime": 1 },
            Bool: { "aws:SecureTransport": false },
            BinaryEquals: { "x:b": "QmluYXJ5" },
            Null: { "aws:SourceVpc": "true" },
          },
        },
      ],
    };
    expect(parsePolicyDocument(input)).toEqual(input);
  });

  it("accepts policy variables in typed values under 2012-10-17", () => {
    const input = {
      Version: "2012-10-17",
      Statement: { ...allow, Condition: { IpAddress: { "aws:SourceIp": "${x:ip}" } } },
    };
    expect(parsePolicyDocument(input)).toEqual(input);
  });

  it("keeps a condition key named __proto__ as data", () => {
    const policy = parsePolicyDocument(
      '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"__proto__":"x"}}}}',
    );
    const statement = policy.Statement as unknown as { Condition: { StringEquals: object } };
    expect(Object.keys(statement.Condition.StringEquals)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(statement.Condition.StringEquals)).toBe(Object.prototype);
  });

  it.each<[string, unknown, string]>([
    ["not JSON", "{", ""],
    ["an array", [], ""],
    ["null", null, ""],
    ["unknown top-level key", { Statement: allow, Extra: 1 }, "Extra"],
    ["unknown Version", { Version: "2020-01-01", Statement: allow }, "Version"],
    ["numeric Version", { Version: 2012, Statement: allow }, "Version"],
    ["non-string Id", { Id: 1, Statement: allow }, "Id"],
    ["missing Statement", { Version: "2012-10-17" }, "Statement"],
    ["string Statement", { Statement: "Allow" }, "Statement"],
    ["non-object statement", { Statement: [allow, 3] }, "Statement[1]"],
    ["bad Effect", { Statement: [{ ...allow, Effect: "allow" }] }, "Statement[0].Effect"],
    ["missing Effect", { Statement: [{ Action: "*", Resource: "*" }] }, "Statement[0].Effect"],
    ["unknown statement key", { Statement: [{ ...allow, Actions: "*" }] }, "Statement[0].Actions"],
    ["non-string Sid", { Statement: [{ ...allow, Sid: 1 }] }, "Statement[0].Sid"],
    ["Action and NotAction", { Statement: [{ ...allow, NotAction: "*" }] }, "Statement[0]"],
    ["no Action", { Statement: [{ Effect: "Allow", Resource: "*" }] }, "Statement[0]"],
    ["Resource and NotResource", { Statement: [{ ...allow, NotResource: "*" }] }, "Statement[0]"],
    ["no Resource", { Statement: [{ Effect: "Allow", Action: "*" }] }, "Statement[0]"],
    ["empty Action list", { Statement: [{ ...allow, Action: [] }] }, "Statement[0].Action"],
    [
      "non-string action",
      { Statement: [{ ...allow, Action: ["*", 1] }] },
      "Statement[0].Action[1]",
    ],
    [
      "action without service",
      { Statement: [{ ...allow, Action: "Invoke" }] },
      "Statement[0].Action",
    ],
    ["empty resource", { Statement: [{ ...allow, Resource: [""] }] }, "Statement[0].Resource[0]"],
    [
      "Principal and NotPrincipal",
      { Statement: [{ ...allow, Principal: "*", NotPrincipal: "*" }] },
      "Statement[0]",
    ],
    [
      "string Principal",
      { Statement: [{ ...allow, Principal: "111122223333" }] },
      "Statement[0].Principal",
    ],
    ["empty Principal", { Statement: [{ ...allow, Principal: {} }] }, "Statement[0].Principal"],
    [
      "unknown principal type",
      { Statement: [{ ...allow, Principal: { User: "x" } }] },
      "Statement[0].Principal.User",
    ],
    [
      "bad AWS principal",
      { Statement: [{ ...allow, Principal: { AWS: ["111122223333", "alice"] } }] },
      "Statement[0].Principal.AWS[1]",
    ],
    [
      "non-object Condition",
      { Statement: [{ ...allow, Condition: [] }] },
      "Statement[0].Condition",
    ],
    [
      "unknown operator",
      { Statement: [{ ...allow, Condition: { StringEqual: { "aws:x": "a" } } }] },
      "Statement[0].Condition.StringEqual",
    ],
    [
      "lower-case operator",
      { Statement: [{ ...allow, Condition: { stringequals: { "aws:x": "a" } } }] },
      "Statement[0].Condition.stringequals",
    ],
    [
      "NullIfExists",
      { Statement: [{ ...allow, Condition: { NullIfExists: { "aws:x": "true" } } }] },
      "Statement[0].Condition.NullIfExists",
    ],
    [
      "unknown set prefix",
      { Statement: [{ ...allow, Condition: { "ForSomeValues:StringLike": { "aws:x": "a" } } }] },
      "Statement[0].Condition.ForSomeValues:StringLike",
    ],
    [
      "empty operator block",
      { Statement: [{ ...allow, Condition: { StringEquals: {} } }] },
      "Statement[0].Condition.StringEquals",
    ],
    [
      "object as value",
      { Statement: [{ ...allow, Condition: { StringEquals: { "aws:x": { a: 1 } } } }] },
      "Statement[0].Condition.StringEquals.aws:x",
    ],
    [
      "empty value list",
      { Statement: [{ ...allow, Condition: { StringEquals: { "aws:x": [] } } }] },
      "Statement[0].Condition.StringEquals.aws:x",
    ],
    [
      "null inside value list",
      { Statement: [{ ...allow, Condition: { StringEquals: { "aws:x": ["a", null] } } }] },
      "Statement[0].Condition.StringEquals.aws:x[1]",
    ],
    [
      "bad CIDR",
      { Statement: [allow, { ...allow, Condition: { IpAddress: { "aws:SourceIp": "1.2.3" } } }] },
      "Statement[1].Condition.IpAddress.aws:SourceIp",
    ],
    [
      "bad number",
      { Statement: [{ ...allow, Condition: { NumericEquals: { "x:n": ["1", "one"] } } }] },
      "Statement[0].Condition.NumericEquals.x:n[1]",
    ],
    [
      "bad date",
      {
        Statement: [{ ...allow, Condition: { DateLessThan: { "aws:CurrentTime": "2019-02-30" } } }],
      },
      "Statement[0].Condition.DateLessThan.aws:CurrentTime",
    ],
    [
      "bad Bool",
      { Statement: [{ ...allow, Condition: { Bool: { "aws:SecureTransport": "yes" } } }] },
      "Statement[0].Condition.Bool.aws:SecureTransport",
    ],
    [
      "bad base64",
      { Statement: [{ ...allow, Condition: { BinaryEquals: { "x:b": "not base64!" } } }] },
      "Statement[0].Condition.BinaryEquals.x:b",
    ],
  ])("rejects %s with its path", (_, input, path) => {
    expect(() => parsePolicyDocument(input)).toThrowCode("invalid_policy", { path });
  });

  it("rejects a CIDR policy variable under Version 2008-10-17, where it is literal text", () => {
    const input = {
      Version: "2008-10-17",
      Statement: { ...allow, Condition: { IpAddress: { "aws:SourceIp": "${x:ip}" } } },
    };
    expect(() => parsePolicyDocument(input)).toThrowCode("invalid_policy", {
      path: "Statement.Condition.IpAddress.aws:SourceIp",
    });
  });

  it("prefixes error paths with the given path", () => {
    expect(() =>
      parsePolicyDocument({ Statement: [{ ...allow, Effect: 1 }] }, "policyDocument"),
    ).toThrowCode("invalid_policy", { path: "policyDocument.Statement[0].Effect" });
  });

  it("either returns a document or throws a PolicyError on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.json(), fc.string()), (input) => {
        try {
          parsePolicyDocument(input);
        } catch (error) {
          expect(isPolicyError(error)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("either returns a document or throws a PolicyError on near-valid statements", () => {
    const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    const statement = fc.record(
      {
        Effect: fc.oneof(fc.constantFrom("Allow", "Deny"), scalar),
        Action: fc.oneof(fc.constant("execute-api:Invoke"), scalar, fc.array(scalar)),
        Resource: fc.oneof(fc.constant("*"), scalar, fc.array(scalar)),
        Principal: fc.oneof(fc.constant("*"), fc.dictionary(fc.string(), scalar)),
        Condition: fc.dictionary(
          fc.constantFrom("StringEquals", "IpAddress", "NumericLessThan", "Null", "Bogus"),
          fc.dictionary(fc.string(), fc.oneof(scalar, fc.array(scalar))),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(statement, { maxLength: 3 }), (statements) => {
        try {
          parsePolicyDocument({ Version: "2012-10-17", Statement: statements });
        } catch (error) {
          expect(isPolicyError(error)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
