import { describe, expect, it } from "vitest";
import { isAccountId, parseAccountId } from "./account-id.js";

describe("account ids", () => {
  it("accepts 12 digits, leading zeros included", () => {
    expect(parseAccountId("012345678901")).toBe("012345678901");
    expect(isAccountId("123456789012")).toBe(true);
  });

  it.each([
    ["12345", /is not 12 digits \(it has 5\)/],
    ["1234567890123", /it has 13/],
    ["12345678901a", /is not 12 digits$/],
    ["*", /is not 12 digits$/],
    [123456789012, /write it as a string/],
    [null, /is not 12 digits$/],
  ])("refuses %j with invalid_account_id and a hint", (value, message) => {
    expect(isAccountId(value)).toBe(false);
    expect(() => parseAccountId(value, "caller.accountId")).toThrowCode("invalid_account_id", {
      path: "caller.accountId",
      message: expect.stringMatching(message),
    });
  });
});
