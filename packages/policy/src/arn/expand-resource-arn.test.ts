import { describe, expect, it } from "vitest";
import { type ApiTarget, expandResourceArn } from "./expand-resource-arn.js";

const target: ApiTarget = {
  partition: "aws",
  region: "eu-west-1",
  accountId: "123456789012",
  apiId: "puhdx84jy9",
};
const base = "arn:aws:execute-api:eu-west-1:123456789012:puhdx84jy9";

describe("expandResourceArn", () => {
  it.each([
    ["execute-api:/*", `${base}/*`],
    ["execute-api:/prod/GET/pets/*", `${base}/prod/GET/pets/*`],
    ["execute-api:/prod/GET/", `${base}/prod/GET/`],
    ["execute-api:/prod/$connect", `${base}/prod/$connect`],
    ["execute-api:/*/*/*", `${base}/*/*/*`],
  ])("expands %s", (short, expanded) => {
    expect(expandResourceArn(short, target)).toBe(expanded);
  });

  it("uses the target's partition", () => {
    const china: ApiTarget = { ...target, partition: "aws-cn", region: "cn-north-1" };
    expect(expandResourceArn("execute-api:/*", china)).toBe(
      "arn:aws-cn:execute-api:cn-north-1:123456789012:puhdx84jy9/*",
    );
  });

  it.each(["*", `${base}/prod/GET/x`, "arn:aws:execute-api:*:*:*", "arn:aws:s3:::bucket"])(
    "returns %s unchanged",
    (resource) => {
      expect(expandResourceArn(resource, target)).toBe(resource);
    },
  );

  it("rejects a malformed short form with the path resource", () => {
    expect(() => expandResourceArn("execute-api:Invoke", target)).toThrowCode("invalid_arn", {
      path: "resource",
    });
  });

  it("rejects a target region of another partition with the path target.region", () => {
    expect(() =>
      expandResourceArn("execute-api:/*", { ...target, region: "cn-north-1" }),
    ).toThrowCode("invalid_arn", { path: "target.region" });
  });

  it("rejects a target account that is not 12 digits with the path target.accountId", () => {
    expect(() => expandResourceArn("execute-api:/*", { ...target, accountId: "1" })).toThrowCode(
      "invalid_arn",
      { path: "target.accountId" },
    );
  });

  it("throws TypeError for a missing target", () => {
    expect(() => expandResourceArn("execute-api:/*", undefined as unknown as ApiTarget)).toThrow(
      TypeError,
    );
  });

  it("throws TypeError for a non-string resource", () => {
    expect(() => expandResourceArn(["execute-api:/*"] as unknown as string, target)).toThrow(
      TypeError,
    );
  });
});
