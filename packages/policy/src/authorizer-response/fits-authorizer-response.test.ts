import { describe, expect, it } from "vitest";
import { fitsAuthorizerResponse } from "./fits-authorizer-response.js";
import { checkResponseSize } from "./internal/check-response-size.js";
import { MAX_AUTHORIZER_RESPONSE_BYTES } from "./max-authorizer-response-bytes.js";

// `{"v":"..."}` is 8 bytes of JSON around the string.
const padTo = (bytes: number, char = "x") => ({ v: char.repeat(bytes - 8) });

describe("fitsAuthorizerResponse", () => {
  it("is API Gateway's 8192-byte quota", () => {
    expect(MAX_AUTHORIZER_RESPONSE_BYTES).toBe(8192);
  });

  it("accepts exactly the quota and refuses one byte more", () => {
    expect(fitsAuthorizerResponse(padTo(8192))).toBe(true);
    expect(fitsAuthorizerResponse(padTo(8193))).toBe(false);
  });

  it("counts UTF-8 bytes, not UTF-16 code units", () => {
    const response = { v: "é".repeat(4100) };
    expect(JSON.stringify(response).length).toBeLessThan(8192);
    expect(fitsAuthorizerResponse(response)).toBe(false);
  });

  it("agrees with the builders' size check", () => {
    for (const bytes of [8, 100, 8191, 8192, 8193, 9000]) {
      for (const char of ["x", "é", "😀"]) {
        const response = { v: char.repeat(Math.max(0, Math.floor((bytes - 8) / char.length))) };
        let thrown = false;
        try {
          checkResponseSize(response);
        } catch {
          thrown = true;
        }
        expect(fitsAuthorizerResponse(response)).toBe(!thrown);
      }
    }
  });
});
