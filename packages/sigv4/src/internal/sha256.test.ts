import { createHash, createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  Sha256 as BrowserSha256,
  hmacSha256 as browserHmacSha256,
  hmacSha256Hex as browserHmacSha256Hex,
  sha256Hex as browserSha256Hex,
} from "./sha256.browser.js";
import { hmacSha256, hmacSha256Hex, Sha256, sha256Hex } from "./sha256.js";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

async function digest(
  Ctor: typeof Sha256 | typeof BrowserSha256,
  key: string | Uint8Array | undefined,
  chunks: Uint8Array[],
): Promise<string> {
  const hash = new Ctor(key);
  for (const chunk of chunks) hash.update(chunk);
  return hex(await hash.digest());
}

describe("Sha256 (node:crypto)", () => {
  it("hashes the empty input to the well-known SHA-256", async () => {
    expect(await digest(Sha256, undefined, [])).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
  });

  it("agrees with the browser implementation for hashes and HMACs of any input", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.oneof(fc.string(), fc.uint8Array({ maxLength: 100 })), { nil: undefined }),
        fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 4 }),
        async (key, chunks) => {
          expect(await digest(Sha256, key, chunks)).toBe(await digest(BrowserSha256, key, chunks));
        },
      ),
    );
  });

  it("starts over after reset()", async () => {
    const hash = new Sha256("key");
    hash.update(new Uint8Array([1, 2, 3]));
    hash.reset();
    expect(hex(await hash.digest())).toBe(await digest(Sha256, "key", []));
  });
});

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
