import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { constantTimeEqual as browserConstantTimeEqual } from "./constant-time-equal.browser.js";
import { constantTimeEqual } from "./constant-time-equal.js";

describe("constantTimeEqual", () => {
  it("answers as === in both builds, for equal, near and unrelated strings", () => {
    const text = fc.string({ unit: "binary", maxLength: 80 });
    fc.assert(
      fc.property(
        text,
        fc.oneof(
          text,
          text.map((s) => s),
          fc
            .tuple(text, fc.nat(), fc.string({ minLength: 1, maxLength: 1 }))
            .map(([s, i, c]) =>
              s === "" ? c : s.slice(0, i % s.length) + c + s.slice((i % s.length) + 1),
            ),
        ),
        (a, b) => {
          expect(constantTimeEqual(a, b)).toBe(a === b);
          expect(browserConstantTimeEqual(a, b)).toBe(a === b);
          expect(constantTimeEqual(a, a)).toBe(true);
          expect(browserConstantTimeEqual(a, a)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("tells two different lone surrogates apart", () => {
    expect(constantTimeEqual("a\ud800", "a\udc00")).toBe(false);
    expect(browserConstantTimeEqual("a\ud800", "a\udc00")).toBe(false);
  });

  it("tells a prefix from the whole string", () => {
    const signature = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
    for (const compare of [constantTimeEqual, browserConstantTimeEqual]) {
      expect(compare(signature.slice(0, 63), signature)).toBe(false);
      expect(compare(signature, signature.slice(0, 63))).toBe(false);
      expect(compare("", signature)).toBe(false);
    }
  });
});
