import { TokenError } from "@gatehouse/authorizer";
import { describe, expect, it } from "vitest";
import { decodeJwt, notAJwt } from "./decode-jwt.js";

describe("decodeJwt", () => {
  it.each([
    ["a.b", "not a JWT: expected 3 dot-separated segments, got 2"],
    ["a.b.c.d.e", "not a JWS: this is an encrypted JWT (JWE, 5 segments)"],
    ["Bearer  ", "not a JWT: expected 3 dot-separated segments, got 1"],
  ])("refuses %j as a usage error: %s", (token, message) => {
    expect(() => decodeJwt(token)).toThrowCode("usage");
    expect(() => decodeJwt(token)).toThrow(message);
  });

  it("reads a well-formed token after a Bearer prefix", () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const token = `${part({ alg: "RS256" })}.${part({ sub: "user-1" })}.c2ln`;
    expect(decodeJwt(`Bearer ${token}`).claims).toEqual({ sub: "user-1" });
  });
});

describe("notAJwt", () => {
  // The decision is made on `code`, `expected` and `actual`: a message that says something else
  // entirely (another wording, another language) does not change it.
  it.each([
    [{ expected: 3, actual: 5 }, "not a JWS: this is an encrypted JWT (JWE, 5 segments)"],
    [{ expected: 3, actual: 4 }, "not a JWT: expected 3 dot-separated segments, got 4"],
  ])("decides from the structured fields %j", (fields, message) => {
    expect(notAJwt(new TokenError("malformed_token", "unrelated wording", fields))).toBe(message);
  });

  it("repeats the library's message, with the code, for anything else", () => {
    const error = new TokenError("malformed_token", "the payload is not JSON", {});
    expect(notAJwt(error)).toBe("not a JWT (malformed_token): the payload is not JSON");
    // A message that mentions segments is not read as a segment count.
    const wording = new TokenError("malformed_token", "expected 3 segments, got 5", {});
    expect(notAJwt(wording)).toBe("not a JWT (malformed_token): expected 3 segments, got 5");
  });
});
