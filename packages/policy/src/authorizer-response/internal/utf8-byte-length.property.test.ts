import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8ByteLength } from "./utf8-byte-length.js";

describe("utf8ByteLength", () => {
  it("equals TextEncoder's length for any string, lone surrogates included", () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(
        fc.string({ unit: "binary" }),
        fc.string({
          unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)),
        }),
        (a, b) => {
          const text = a + b + a;
          expect(utf8ByteLength(text)).toBe(encoder.encode(text).length);
        },
      ),
    );
  });

  it("counts 1, 2, 3 and 4 byte characters", () => {
    expect(utf8ByteLength("a")).toBe(1);
    expect(utf8ByteLength("é")).toBe(2);
    expect(utf8ByteLength("€")).toBe(3);
    expect(utf8ByteLength("😀")).toBe(4);
    expect(utf8ByteLength("\ud800")).toBe(3);
  });
});
