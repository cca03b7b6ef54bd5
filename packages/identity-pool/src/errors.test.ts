import { describe, expect, it } from "vitest";
import { IdentityPoolError, isIdentityPoolError } from "./errors.js";

describe("IdentityPoolError", () => {
  it("appends the hint to the message", () => {
    const error = new IdentityPoolError("NotAuthorizedException", "GetId failed", {
      hint: "do this",
    });
    expect(error.message).toBe("GetId failed. Fix: do this");
  });

  it("is recognised by name and code across copies of the package", () => {
    const copy = Object.assign(new Error("x"), {
      name: "IdentityPoolError",
      code: "network_error",
    });
    expect([isIdentityPoolError(copy), isIdentityPoolError(new Error("x"))]).toEqual([true, false]);
  });
});
