import { describe, expect, it } from "vitest";
import { isApiId, parseApiId } from "./api-id.js";

describe("API ids", () => {
  it("accepts 1 to 32 lower-case letters and digits", () => {
    for (const id of ["puhdx84jy9", "a", "x".repeat(32), "a1b2c3d4e5"]) {
      expect(isApiId(id)).toBe(true);
      expect(parseApiId(id)).toBe(id);
    }
  });

  it("suggests the lower-case id for an upper-case one", () => {
    expect(() => parseApiId("AbC123")).toThrowCode("invalid_api_id", {
      path: "apiId",
      message: expect.stringContaining('write "abc123"'),
    });
  });

  it.each([[""], ["my-api"], ["x".repeat(33)], ["*"], [7]])("refuses %j", (value) => {
    expect(isApiId(value)).toBe(false);
    expect(() => parseApiId(value, "apis[0].apiId")).toThrowCode("invalid_api_id", {
      path: "apis[0].apiId",
    });
  });
});
