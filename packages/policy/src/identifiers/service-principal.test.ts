import { describe, expect, it } from "vitest";
import { isServicePrincipal, parseServicePrincipal } from "./service-principal.js";

describe("service principals", () => {
  it.each([
    ["lambda.amazonaws.com"],
    ["apigateway.amazonaws.com"],
    ["logs.eu-west-1.amazonaws.com"],
    ["ec2.amazonaws.com.cn"],
    ["cognito-identity.amazonaws.com"],
  ])("accepts %s", (value) => {
    expect(isServicePrincipal(value)).toBe(true);
    expect(parseServicePrincipal(value)).toBe(value);
  });

  it.each([
    ["arn:aws:iam::123456789012:root", /is an ARN: put it under Principal.AWS/],
    ["Lambda.amazonaws.com", /lower-case DNS name/],
    ["lambda", /lower-case DNS name/],
    ["lambda..amazonaws.com", /lower-case DNS name/],
    ["*", /lower-case DNS name/],
    [3, /is not a DNS name/],
  ])("refuses %j with invalid_principal", (value, message) => {
    expect(isServicePrincipal(value)).toBe(false);
    expect(() => parseServicePrincipal(value, "Statement[0].Principal.Service[0]")).toThrowCode(
      "invalid_principal",
      { path: "Statement[0].Principal.Service[0]", message: expect.stringMatching(message) },
    );
  });
});
