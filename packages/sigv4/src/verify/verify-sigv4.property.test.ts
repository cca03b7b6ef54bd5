import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signRequest } from "../sign-request.js";
import { API, received, signOptions, verifierOptions } from "./test-support.js";
import { verifySigV4 } from "./verify-sigv4.js";

const PATH = "/prod/pets/rex-42/toys";
const HEADER = "tenant-blue.v1_abc";

// Visible ASCII, space and a few non-ASCII characters: anything a request line or header may carry.
const replacement = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  fc.constantFrom("é", "ü", "🐕", "\u00a0"),
);

function replaceAt(text: string, index: number, char: string): string {
  return text.slice(0, index) + char + text.slice(index + 1);
}

describe("verifySigV4 under single-character tampering", () => {
  const signing = signRequest(
    { method: "GET", url: `${API}${PATH}`, headers: { "x-tenant": HEADER } },
    signOptions,
  );

  it("rejects any single-character change to the signed path", async () => {
    const signed = await signing;
    expect((await verifySigV4(received(signed), verifierOptions)).ok).toBe(true);
    await fc.assert(
      fc.asyncProperty(
        // Index 0 is the leading "/" of the path.
        fc.integer({ min: 1, max: PATH.length - 1 }),
        replacement,
        async (index, char) => {
          fc.pre(PATH[index] !== char);
          const url = `${API}${replaceAt(PATH, index, char)}`;
          const verdict = await verifySigV4(received(signed, { url }), verifierOptions);
          expect(verdict.ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("rejects any single-character change to a signed header value", async () => {
    const signed = await signing;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: HEADER.length - 1 }),
        replacement,
        async (index, char) => {
          fc.pre(HEADER[index] !== char);
          const headers = { ...signed.headers, "x-tenant": replaceAt(HEADER, index, char) };
          const verdict = await verifySigV4(received(signed, { headers }), verifierOptions);
          expect(verdict).toMatchObject({ ok: false, code: "signature_mismatch" });
        },
      ),
      { numRuns: 300 },
    );
  });
});
