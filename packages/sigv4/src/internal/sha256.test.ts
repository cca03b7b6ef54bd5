import { createHash, createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  hmacSha256 as browserHmacSha256,
  hmacSha256Hex as browserHmacSha256Hex,
  sha256Hex as browserSha256Hex,
} from "./sha256.browser.js";
import { hmacSha256, hmacSha256Hex, sha256Hex } from "./sha256.js";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

describe("sha256Hex / hmacSha256 / hmacSha256Hex", () => {
  const nodeHex = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

  it("hash text as its UTF-8 bytes (lone surrogates as U+FFFD, like TextEncoder and fetch)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const bytes = new TextEncoder().encode(text);
        expect(sha256Hex(text)).toBe(nodeHex(bytes));
        expect(browserSha256Hex(text)).toBe(nodeHex(bytes));
        expect(sha256Hex(bytes)).toBe(nodeHex(bytes));
        expect(browserSha256Hex(bytes)).toBe(nodeHex(bytes));
      }),
    );
    expect(sha256Hex("\ud800")).toBe(nodeHex(new Uint8Array([0xef, 0xbf, 0xbd])));
  });

  it("agree with node:crypto's HMAC in both builds", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ minLength: 1 }), fc.uint8Array({ minLength: 1, maxLength: 100 })),
        fc.string(),
        (key, data) => {
          const expected = createHmac("sha256", key).update(data).digest("hex");
          expect(hex(hmacSha256(key, data))).toBe(expected);
          expect(hex(browserHmacSha256(key, data))).toBe(expected);
          const keyBytes = typeof key === "string" ? new TextEncoder().encode(key) : key;
          expect(hmacSha256Hex(keyBytes, data)).toBe(expected);
          expect(browserHmacSha256Hex(keyBytes, data)).toBe(expected);
        },
      ),
    );
  });
});
