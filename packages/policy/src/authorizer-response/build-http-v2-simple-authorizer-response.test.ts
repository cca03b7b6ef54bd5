import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPolicyError } from "../errors.js";
import { buildHttpV2SimpleAuthorizerResponse } from "./build-http-v2-simple-authorizer-response.js";

describe("buildHttpV2SimpleAuthorizerResponse", () => {
  it("returns the decision alone when there is no context", () => {
    expect(buildHttpV2SimpleAuthorizerResponse({ isAuthorized: false })).toEqual({
      isAuthorized: false,
    });
  });

  it("keeps arrays, maps and null in the context", () => {
    const response = buildHttpV2SimpleAuthorizerResponse({
      isAuthorized: true,
      context: { groups: ["ops", "dev"], limits: { rps: 10 }, email: null },
    });
    expect(response).toEqual({
      isAuthorized: true,
      context: { groups: ["ops", "dev"], limits: { rps: 10 }, email: null },
    });
  });

  it("throws TypeError when isAuthorized is not a boolean", () => {
    expect(() => buildHttpV2SimpleAuthorizerResponse({ isAuthorized: "true" } as never)).toThrow(
      TypeError,
    );
  });

  it("rejects a function in the context with invalid_context at its path", () => {
    try {
      buildHttpV2SimpleAuthorizerResponse({
        isAuthorized: true,
        context: { user: { roles: ["a", () => "b"] } },
      });
      expect.unreachable();
    } catch (error) {
      expect(isPolicyError(error) && [error.code, error.path]).toEqual([
        "invalid_context",
        "context.user.roles[1]",
      ]);
    }
  });

  it("rejects a context above 8192 bytes with response_too_large", () => {
    try {
      buildHttpV2SimpleAuthorizerResponse({
        isAuthorized: true,
        context: { blob: "x".repeat(8200) },
      });
      expect.unreachable();
    } catch (error) {
      expect(isPolicyError(error) && error.code).toBe("response_too_large");
    }
  });

  it("returns a context equal to its JSON round trip for any JSON input", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })), (context) => {
        const response = buildHttpV2SimpleAuthorizerResponse({ isAuthorized: true, context });
        expect(response.context).toEqual(JSON.parse(JSON.stringify(context)));
      }),
    );
  });
});
