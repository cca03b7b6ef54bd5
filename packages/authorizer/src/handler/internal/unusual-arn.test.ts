import { describe, expect, it } from "vitest";
import { oddities, restoreSentIds, standInArn } from "./unusual-arn.js";

const SENT = "arn:aws:execute-api:eu-west-1:random-account-id:random-api-id";
const STAND_IN = "arn:aws:execute-api:eu-west-1:000000000000:0000000000";

describe("standInArn", () => {
  it.each([
    [`${SENT}/dev/GET/pets/{id}`, `${STAND_IN}/dev/GET/pets/{id}`],
    [
      "arn:aws:execute-api:us-east-1:123456789012:random-api-id/dev/GET/x",
      "arn:aws:execute-api:us-east-1:000000000000:0000000000/dev/GET/x",
    ],
    [
      "arn:aws-cn:execute-api:cn-north-1:local:abc/dev/GET/",
      "arn:aws-cn:execute-api:cn-north-1:000000000000:0000000000/dev/GET/",
    ],
  ])("reads %s with stand-in ids", (arn, expected) => {
    expect(standInArn(arn)?.arn).toBe(expected);
  });

  it.each([
    [`${SENT}/dev/POST/admin/{proxy*}`, `${STAND_IN}/dev/POST/admin/{proxy+}`],
    [`${SENT}/dev/GET/a/{rest*}/b`, `${STAND_IN}/dev/GET/a/{rest+}/b`],
    // Only a whole `{name*}` segment is hapi's greedy variable: any other `*` stays (and a
    // request-only policy refuses it, fail closed).
    [`${SENT}/dev/GET/admin/*`, `${STAND_IN}/dev/GET/admin/*`],
    [`${SENT}/dev/GET/admin/x{proxy*}`, `${STAND_IN}/dev/GET/admin/x{proxy*}`],
    [`${SENT}/dev/GET/pets/{id}`, `${STAND_IN}/dev/GET/pets/{id}`],
  ])(
    "gives the builders %s as %s (hapi's {proxy*} as serverless.yml's {proxy+})",
    (arn, expected) => {
      const standIn = standInArn(arn);
      expect(standIn?.policyArn).toBe(expected);
      expect(standIn?.sentArn).toBe(arn);
      // The ARN parsed for routes keeps the path as sent.
      expect(standIn?.arn).toBe(arn.replace(SENT, STAND_IN));
    },
  );

  it.each([
    ["real ids", "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/dev/GET/pets/1"],
    ["a wildcard id", "arn:aws:execute-api:eu-west-1:*:random-api-id/dev/GET/pets"],
    ["an empty id", "arn:aws:execute-api:eu-west-1::random-api-id/dev/GET/pets"],
    ["no resource after the API id", `${SENT}`],
    ["a space in an id", "arn:aws:execute-api:eu-west-1:random account:x/dev/GET/"],
    ["another service", "arn:aws:lambda:eu-west-1:random-account-id:random-api-id/dev/GET/"],
    ["the short form", "execute-api:/dev/GET/pets"],
  ])("leaves %s alone", (_name, arn) => {
    expect(standInArn(arn)).toBeUndefined();
  });
});

describe("oddities", () => {
  it.each([
    ["/pets/{id}", ["method_arn_route_template"]],
    ["/admin/{proxy+}", ["method_arn_route_template"]],
    ["/admin/{proxy*}", ["method_arn_route_template"]],
    ["/pets/42", []],
    ["/pets/a{b}", []],
    ["/pets/{}", []],
  ])("of the path %s", (path, expected) => {
    expect(oddities(undefined, path)).toEqual(expected);
  });

  it("names placeholder ids first", () => {
    expect(oddities(standInArn(`${SENT}/dev/GET/pets/{id}`), "/pets/{id}")).toEqual([
      "method_arn_placeholder_ids",
      "method_arn_route_template",
    ]);
  });
});

describe("restoreSentIds", () => {
  const standIn = standInArn(`${SENT}/dev/GET/pets`);
  if (standIn === undefined) throw new Error("expected a stand-in");

  it("writes every resource back to the ids as sent, leaving the input untouched", () => {
    const built = {
      principalId: "p",
      policyDocument: {
        Version: "2012-10-17" as const,
        Statement: [
          {
            Action: "execute-api:Invoke",
            Effect: "Allow" as const,
            Resource: [`${STAND_IN}/dev/GET/pets`],
          },
          { Action: "execute-api:Invoke", Effect: "Deny" as const, Resource: `${STAND_IN}/dev/*` },
        ],
      },
    };
    const copy = structuredClone(built);
    expect(restoreSentIds(built, standIn).policyDocument.Statement).toEqual([
      { Action: "execute-api:Invoke", Effect: "Allow", Resource: [`${SENT}/dev/GET/pets`] },
      { Action: "execute-api:Invoke", Effect: "Deny", Resource: `${SENT}/dev/*` },
    ]);
    expect(built).toEqual(copy);
  });

  it("writes the request-only resource back as sent, {proxy*} and all", () => {
    const greedy = standInArn(`${SENT}/dev/POST/admin/{proxy*}`);
    if (greedy === undefined) throw new Error("expected a stand-in");
    const built = {
      principalId: "p",
      policyDocument: {
        Version: "2012-10-17" as const,
        Statement: [
          {
            Action: "execute-api:Invoke",
            Effect: "Allow" as const,
            Resource: [`${STAND_IN}/dev/POST/admin/{proxy+}`],
          },
        ],
      },
    };
    expect(restoreSentIds(built, greedy).policyDocument.Statement[0]?.Resource).toEqual([
      `${SENT}/dev/POST/admin/{proxy*}`,
    ]);
  });

  it("refuses a resource outside the stand-in API (internal_error)", () => {
    const built = {
      principalId: "p",
      policyDocument: {
        Version: "2012-10-17" as const,
        Statement: [{ Action: "execute-api:Invoke", Effect: "Allow" as const, Resource: "*" }],
      },
    };
    expect(() => restoreSentIds(built, standIn)).toThrowCode("internal_error");
  });
});
