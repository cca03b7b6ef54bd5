import { parseExecuteApiArn } from "@gatehouse/policy";
import { describe, expect, it } from "vitest";
import { restTokenEvent } from "./rest-token-event.js";

// Shape of a real REST TOKEN authorizer event (own values).
const FIXTURE = {
  type: "TOKEN",
  methodArn: "arn:aws:execute-api:eu-west-1:123456789012:k3x9m2p7qa/prod/POST/orders",
  authorizationToken: "Bearer example-token",
};

describe("restTokenEvent", () => {
  it("has the keys of a real TOKEN event", () => {
    expect(Object.keys(restTokenEvent({ token: "t" })).sort()).toEqual(Object.keys(FIXTURE).sort());
  });

  it("carries the token as authorizationToken verbatim", () => {
    expect(restTokenEvent({ token: "Bearer abc" }).authorizationToken).toBe("Bearer abc");
  });

  it("builds the methodArn from method and path", () => {
    const event = restTokenEvent({ token: "t", method: "POST", path: "/orders/42" });
    expect(event.methodArn).toBe(
      "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/POST/orders/42",
    );
  });

  it("builds a methodArn that parses back to the API, stage, method and path", () => {
    const event = restTokenEvent({
      token: "t",
      region: "us-east-1",
      apiId: "zz99yy88xx",
      stage: "dev",
      method: "DELETE",
      path: "/a/b",
    });
    expect(parseExecuteApiArn(event.methodArn)).toMatchObject({
      partition: "aws",
      region: "us-east-1",
      accountId: "123456789012",
      apiId: "zz99yy88xx",
      stage: "dev",
      method: "DELETE",
      path: "/a/b",
    });
  });

  it("uses the aws-cn partition in China regions", () => {
    expect(restTokenEvent({ token: "t", region: "cn-north-1" }).methodArn).toMatch(/^arn:aws-cn:/);
  });

  it("keeps an explicit methodArn", () => {
    expect(restTokenEvent({ token: "t", methodArn: "arn:x" }).methodArn).toBe("arn:x");
  });
});
