import { describe, expect, it } from "vitest";
import { isIdentityPoolId, parseIdentityPoolId } from "./identity-pool-id.js";

describe("identity pool ids", () => {
  it.each([
    ["us-east-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11"],
    ["cn-north-1:00000000-0000-0000-0000-000000000000"],
    ["us-gov-west-1:abcdef01-2345-6789-abcd-ef0123456789"],
  ])("accepts %s", (id) => {
    expect(isIdentityPoolId(id)).toBe(true);
    expect(parseIdentityPoolId(id)).toBe(id);
  });

  it("suggests the lower-case GUID for an upper-case one", () => {
    expect(() => parseIdentityPoolId("eu-west-1:0B6F6A7E-2F7C-4C0F-9D55-1D0F7C9A3C11")).toThrowCode(
      "invalid_identity_pool_id",
      {
        path: "identityPoolId",
        message: expect.stringContaining('write "eu-west-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11"'),
      },
    );
  });

  it.each([
    ["us-east-1_AbCdEf123"],
    ["us-east-1:"],
    ["us-east-1a:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11"],
    [":0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11"],
    ["us-east-1:12345678-corner-cafe-123456790ab"],
    ["us-east-1:*"],
    [42],
    [undefined],
  ])("refuses %j", (value) => {
    expect(isIdentityPoolId(value)).toBe(false);
    expect(() => parseIdentityPoolId(value, "identityPoolIds[1]")).toThrowCode(
      "invalid_identity_pool_id",
      { path: "identityPoolIds[1]" },
    );
  });
});
