import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { causesOf, findInChain, scrubSecrets } from "./error-chain.js";

class CodedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

describe("causesOf", () => {
  it("lists the causes outermost first, by code or name, with their depth", () => {
    const root = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), {
      code: "ECONNREFUSED",
    });
    const fetchFailed = new TypeError("fetch failed", { cause: root });
    const top = new CodedError("network_error", "GetId failed", { cause: fetchFailed });
    expect(causesOf(top).map(({ label, depth, message }) => ({ label, depth, message }))).toEqual([
      { label: "TypeError", depth: 1, message: "fetch failed" },
      { label: "ECONNREFUSED", depth: 2, message: "connect ECONNREFUSED 127.0.0.1:9" },
    ]);
  });

  it("includes an AggregateError's errors (a few) and survives cycles", () => {
    const a = new Error("a");
    const b = new Error("b", { cause: a });
    (a as { cause?: unknown }).cause = b;
    const aggregate = new AggregateError([new Error("::1"), new Error("127.0.0.1")], "connect");
    const top = new Error("top", { cause: aggregate });
    expect(causesOf(top).map((link) => link.message)).toEqual(["connect", "::1", "127.0.0.1"]);
    expect(causesOf(b).map((link) => link.message)).toEqual(["a"]);
  });

  it("reads a hint and a path from the error's fields", () => {
    const pool = Object.assign(new CodedError("NotAuthorizedException", "Token expired"), {
      hint: "pass a fresh token",
      path: "logins",
    });
    const [link] = causesOf(new Error("x", { cause: pool }));
    expect(link).toMatchObject({
      code: "NotAuthorizedException",
      hint: "pass a fresh token",
      path: "logins",
    });
  });
});

describe("findInChain", () => {
  it("finds an error by a type guard anywhere in the chain", () => {
    const inner = new CodedError("NotAuthorizedException", "no");
    const outer = new Error("provider failed", { cause: new Error("wrapped", { cause: inner }) });
    const isCoded = (value: unknown): value is CodedError => value instanceof CodedError;
    expect(findInChain(outer, isCoded)).toBe(inner);
    expect(findInChain(new Error("alone"), isCoded)).toBeUndefined();
  });
});

describe("scrubSecrets", () => {
  it("redacts JWTs, SigV4 signatures and the environment's secret values", () => {
    const env = { AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
    const text =
      "token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln sig Signature=" +
      "a".repeat(64) +
      ` key ${env.AWS_SECRET_ACCESS_KEY}`;
    expect(scrubSecrets(text, env)).toBe(
      "token <redacted jwt> sig Signature=<redacted> key <redacted>",
    );
  });

  it("never lets an environment secret through, wherever it is (property)", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9+/]{16,40}$/),
        fc.string(),
        fc.string(),
        (secret, before, after) => {
          const env = { AWS_SESSION_TOKEN: secret };
          expect(scrubSecrets(`${before}${secret}${after}`, env)).not.toContain(secret);
        },
      ),
    );
  });
});
