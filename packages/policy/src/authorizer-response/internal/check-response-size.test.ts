import { describe, expect, it } from "vitest";
import { isPolicyError } from "../../errors.js";
import { checkResponseSize } from "./check-response-size.js";

// `{"v":"..."}` is 8 bytes of JSON around the string.
const padTo = (bytes: number, char = "x") => ({ v: char.repeat(bytes - 8) });

describe("checkResponseSize", () => {
  it("accepts exactly 8192 bytes", () => {
    expect(() => checkResponseSize(padTo(8192))).not.toThrow();
  });

  it("rejects 8193 bytes with response_too_large", () => {
    try {
      checkResponseSize(padTo(8193));
      expect.unreachable();
    } catch (error) {
      expect(isPolicyError(error) && [error.code, error.actual]).toEqual([
        "response_too_large",
        8193,
      ]);
    }
  });

  it("counts UTF-8 bytes, not UTF-16 code units", () => {
    // 3000 "é" are 3000 code units but 6000 bytes: 6008 + 3000 more bytes of "é" is over 8192.
    const response = { v: "é".repeat(4100) };
    expect(JSON.stringify(response).length).toBeLessThan(8192);
    expect(() => checkResponseSize(response)).toThrow(/bytes/);
  });
});
