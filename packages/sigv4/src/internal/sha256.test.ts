import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Sha256 as BrowserSha256 } from "./sha256.browser.js";
import { Sha256 } from "./sha256.js";

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
