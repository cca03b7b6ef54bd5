import { describe, expect, it } from "vitest";
import { isConcreteExecuteApiArn, parseConcreteExecuteApiArn } from "./concrete-execute-api-arn.js";
import { parseExecuteApiArn } from "./parse-execute-api-arn.js";

const HEAD = "arn:aws:execute-api:us-east-1:123456789012:abc123";

describe("concrete execute-api ARNs", () => {
  it.each([
    [`${HEAD}/prod/GET/pets/42`, { method: "GET", path: "/pets/42" }],
    [`${HEAD}/prod/GET/`, { method: "GET", path: "/" }],
    [`${HEAD}/$default/POST/lambda`, { stage: "$default", method: "POST" }],
    [`${HEAD}/prod/$connect`, { routeKey: "$connect" }],
    [`${HEAD}/prod/GET/files/a*b?c`, { path: "/files/a*b?c" }],
    [
      "arn:aws-iso-b:execute-api:us-isob-east-1:123456789012:abc123/dev/PUT/x",
      { partition: "aws-iso-b" },
    ],
  ])("accepts the request ARN %s", (arn, fields) => {
    expect(isConcreteExecuteApiArn(parseExecuteApiArn(arn))).toBe(true);
    expect(parseConcreteExecuteApiArn(arn)).toMatchObject({ form: "full", ...fields });
  });

  it.each([
    ["the short form", "execute-api:/prod/GET/pets"],
    ["a wildcard region", "arn:aws:execute-api:*:123456789012:abc123/prod/GET/"],
    ["a wildcard account", "arn:aws:execute-api:us-east-1:*:abc123/prod/GET/"],
    ["a wildcard API id", `arn:aws:execute-api:us-east-1:123456789012:abc*/prod/GET/`],
    ["an upper-case API id", `arn:aws:execute-api:us-east-1:123456789012:ABC123/prod/GET/`],
    ["a wildcard stage", `${HEAD}/*/GET/`],
    ["no stage", "arn:aws:execute-api:us-east-1:123456789012:abc123"],
    ["a stage only", `${HEAD}/prod`],
    ["a wildcard method", `${HEAD}/prod/*/pets`],
    ["ANY", `${HEAD}/prod/ANY/pets`],
    ["a lower-case method", `${HEAD}/prod/get/pets`],
    ["a method without path", `${HEAD}/prod/GET`],
  ])("refuses %s with invalid_arn", (_name, arn) => {
    expect(() => parseConcreteExecuteApiArn(arn, "event.methodArn")).toThrowCode("invalid_arn", {
      path: "event.methodArn",
    });
  });
});
