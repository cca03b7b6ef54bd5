import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "./sha256.js";

const nodeSha256 = (input: string | Uint8Array) => createHash("sha256").update(input).digest("hex");

describe("sha256Hex", () => {
  it.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    [
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ],
  ])("matches the FIPS 180-4 vector for %j", (input, expected) => {
    expect(sha256Hex(input)).toBe(expected);
  });

  it("matches the one-million-'a' vector", () => {
    expect(sha256Hex("a".repeat(1_000_000))).toBe(
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
    );
  });

  it("handles every length around the 55/56/64-byte padding boundaries", () => {
    for (let length = 0; length <= 130; length++) {
      const input = "x".repeat(length);
      expect(sha256Hex(input)).toBe(nodeSha256(input));
    }
  });

  it("agrees with node:crypto on arbitrary Unicode strings (UTF-8)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (input) => {
        expect(sha256Hex(input)).toBe(nodeSha256(input));
      }),
    );
  });

  it("encodes lone surrogates as U+FFFD like node:crypto", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.integer({ min: 0xd700, max: 0xe000 }).map((c) => String.fromCharCode(c)),
        }),
        (input) => {
          expect(sha256Hex(input)).toBe(nodeSha256(input));
        },
      ),
    );
  });

  it("agrees with node:crypto on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (input) => {
        expect(sha256Hex(input)).toBe(nodeSha256(input));
      }),
    );
  });
});
