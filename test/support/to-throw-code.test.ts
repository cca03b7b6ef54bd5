import { describe, expect, it } from "vitest";

class CodedError extends Error {
  constructor(
    readonly code: string,
    readonly path?: string,
  ) {
    super(`failed with ${code}`);
    this.name = "CodedError";
  }
}

const throwing = (code: string, path?: string) => () => {
  throw new CodedError(code, path);
};

describe("toThrowCode", () => {
  it("passes when the thrown error carries the code and fields", () => {
    expect(throwing("invalid_arn")).toThrowCode("invalid_arn");
    expect(throwing("invalid_arn", "resource")).toThrowCode("invalid_arn", { path: "resource" });
    expect(throwing("invalid_arn")).not.toThrowCode("invalid_context");
  });

  it("fails with a message naming the wrong code", () => {
    expect(() => expect(throwing("invalid_context")).toThrowCode("invalid_arn")).toThrow(
      /code: expected "invalid_arn", got "invalid_context"/,
    );
  });

  it("fails with a message naming the wrong field", () => {
    expect(() =>
      expect(throwing("invalid_arn", "a")).toThrowCode("invalid_arn", { path: "b" }),
    ).toThrow(/path: expected "b", got "a"/);
  });

  it("fails when nothing is thrown", () => {
    expect(() => expect(() => 42).toThrowCode("invalid_arn")).toThrow(/but it returned 42/);
  });

  it("rejects a function returning a promise, pointing at .rejects", () => {
    expect(() => expect(async () => undefined).toThrowCode("x")).toThrow(/rejects\.toThrowCode/);
  });

  it("checks a rejected promise through .rejects", async () => {
    await expect(Promise.reject(new CodedError("jwks_timeout"))).rejects.toThrowCode(
      "jwks_timeout",
    );
    await expect(
      expect(Promise.reject(new CodedError("jwks_invalid"))).rejects.toThrowCode("jwks_timeout"),
    ).rejects.toThrow(/got "jwks_invalid"/);
    await expect(expect(Promise.resolve(1)).rejects.toThrowCode("jwks_timeout")).rejects.toThrow();
  });
});
