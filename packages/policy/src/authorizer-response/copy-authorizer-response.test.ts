import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildRestAuthorizerResponse } from "./build-rest-authorizer-response.js";
import { copyAuthorizerResponse } from "./copy-authorizer-response.js";
import { copyIamAuthorizerStatements } from "./copy-iam-authorizer-statements.js";
import type { IamAuthorizerStatement } from "./iam-authorizer-statement.js";

const METHOD_ARN = "arn:aws:execute-api:eu-west-1:111122223333:k3x9q2m7ab/prod/POST/orders";

describe("copyAuthorizerResponse", () => {
  it("copies any JSON value to equal JSON, sharing no object", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = copyAuthorizerResponse(value);
        expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
        if (typeof value === "object" && value !== null) expect(copy).not.toBe(value);
      }),
    );
  });

  it("keeps an own __proto__ key as data, never as the prototype", () => {
    const context = JSON.parse('{"__proto__":{"polluted":true},"a":1}') as Record<string, unknown>;
    const copy = copyAuthorizerResponse(context);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(["__proto__", "a"]);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(context));
  });

  it("copies a builder's response so that changing the copy leaves it alone", () => {
    const response = buildRestAuthorizerResponse({
      methodArn: METHOD_ARN,
      principalId: "user-42",
      allow: ["GET /orders", "POST /orders"],
      context: { tenant: "acme" },
    });
    const before = JSON.stringify(response);
    const copy = copyAuthorizerResponse(response);
    expect(copy).toEqual(response);
    (copy.policyDocument.Statement[0]!.Resource as string[]).push("*");
    copy.context!["tenant"] = "other";
    expect(JSON.stringify(response)).toBe(before);
  });
});

describe("copyAuthorizerResponse on IAM responses", () => {
  const iamResponse = fc.record(
    {
      principalId: fc.string(),
      policyDocument: fc.record({
        Version: fc.constant("2012-10-17"),
        Statement: fc.array(
          fc.oneof(
            fc.record({
              Action: fc.constant("execute-api:Invoke"),
              Effect: fc.constantFrom("Allow", "Deny"),
              Resource: fc.array(fc.string(), { maxLength: 3 }),
            }),
            // Other key orders and members: copied as JSON, in their own order.
            fc.record({
              Resource: fc.oneof(fc.string(), fc.array(fc.jsonValue(), { maxLength: 2 })),
              Effect: fc.constant("Allow"),
              Action: fc.string(),
            }),
          ),
          { maxLength: 3 },
        ),
      }),
      context: fc.dictionary(
        fc.oneof(fc.string({ maxLength: 4 }), fc.constant("__proto__")),
        fc.jsonValue({ maxDepth: 2 }),
        { maxKeys: 4 },
      ),
      usageIdentifierKey: fc.string(),
    },
    { requiredKeys: ["principalId", "policyDocument"] },
  );

  it("keeps the JSON (key order included) and shares no object", () => {
    fc.assert(
      fc.property(iamResponse, (response) => {
        const copy = copyAuthorizerResponse(response);
        expect(JSON.stringify(copy)).toBe(JSON.stringify(response));
        const before = JSON.stringify(response);
        vandalise(copy);
        expect(JSON.stringify(response)).toBe(before);
      }),
    );
  });

  it("keeps a context's __proto__ key as data", () => {
    const response = buildRestAuthorizerResponse({
      methodArn: METHOD_ARN,
      principalId: "user-42",
      allow: "stage",
      context: JSON.parse('{"__proto__":"x","a":1}') as Record<string, string | number>,
    });
    const copy = copyAuthorizerResponse(response);
    expect(Object.getPrototypeOf(copy.context)).toBe(Object.prototype);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(response));
  });
});

/** Changes every object and list inside a value. */
function vandalise(value: unknown): void {
  if (typeof value !== "object" || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) vandalise(item);
    value.push("vandalised");
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) vandalise(record[key]);
  record["vandalised"] = true;
}

describe("copyIamAuthorizerStatements", () => {
  it("copies the builders' statements into fresh lists and statements", () => {
    const { Statement } = buildRestAuthorizerResponse({
      methodArn: METHOD_ARN,
      principalId: "user-42",
      allow: ["GET /orders"],
    }).policyDocument;
    const copy = copyIamAuthorizerStatements(Statement);
    expect(copy).toEqual(Statement);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(Statement));
    expect(copy[0]).not.toBe(Statement[0]);
    expect(copy[0]!.Resource).not.toBe(Statement[0]!.Resource);
  });

  it("copies other statements (conditions, string resources) as JSON", () => {
    const statements: IamAuthorizerStatement[] = [
      {
        Action: ["execute-api:Invoke"],
        Effect: "Allow",
        Resource: "*",
        Condition: { IpAddress: { "aws:SourceIp": ["192.0.2.0/24"] } },
      },
    ];
    const copy = copyIamAuthorizerStatements(statements);
    expect(copy).toEqual(statements);
    expect(copy[0]!.Condition).not.toBe(statements[0]!.Condition);
    expect(copy[0]!.Action).not.toBe(statements[0]!.Action);
  });
});
