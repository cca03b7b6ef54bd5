import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPolicyError } from "../../errors.js";
import { encodeFlatContext } from "./encode-flat-context.js";

const REJECT = { nested: "reject", reservedKeys: [] } as const;
const PACK = { nested: "json-string", reservedKeys: [] } as const;

function failureOf(run: () => unknown): [string, string | undefined] | undefined {
  try {
    run();
  } catch (error) {
    if (isPolicyError(error)) return [error.code, error.path];
    throw error;
  }
  return undefined;
}

describe("encodeFlatContext", () => {
  it("turns -0 into 0, as JSON.stringify does", () => {
    expect(Object.is(encodeFlatContext({ zero: -0 }, REJECT)["zero"], 0)).toBe(true);
  });

  it("leaves null and undefined values out", () => {
    expect(encodeFlatContext({ a: null, b: undefined, c: "x" }, REJECT)).toEqual({ c: "x" });
  });

  it("rejects NaN and Infinity", () => {
    expect(failureOf(() => encodeFlatContext({ n: Number.NaN }, REJECT))).toEqual([
      "invalid_context",
      "context.n",
    ]);
    expect(failureOf(() => encodeFlatContext({ n: Number.POSITIVE_INFINITY }, PACK))).toEqual([
      "invalid_context",
      "context.n",
    ]);
  });

  it("rejects a bigint even with JSON packing", () => {
    expect(failureOf(() => encodeFlatContext({ big: 1n }, PACK))).toEqual([
      "invalid_context",
      "context.big",
    ]);
  });

  it("rejects a circular object with JSON packing, at the cycle's path", () => {
    const loop: { name: string; self?: unknown } = { name: "a" };
    loop.self = loop;
    expect(failureOf(() => encodeFlatContext({ loop }, PACK))).toEqual([
      "invalid_context",
      "context.loop.self",
    ]);
  });

  it("packs a Date as its JSON string", () => {
    const at = new Date("2024-06-17T15:02:03.000Z");
    expect(encodeFlatContext({ at }, PACK)).toEqual({ at: '"2024-06-17T15:02:03.000Z"' });
  });

  it("rejects a reserved key even when its value is undefined", () => {
    expect(
      failureOf(() =>
        encodeFlatContext({ claims: undefined }, { ...REJECT, reservedKeys: ["claims"] }),
      ),
    ).toEqual(["invalid_context", "context.claims"]);
  });

  it("does not put the rejected value in the error", () => {
    try {
      encodeFlatContext({ token: { secret: "s3cr3t" } }, REJECT);
      expect.unreachable();
    } catch (error) {
      expect(
        JSON.stringify({ ...(error as object), message: (error as Error).message }),
      ).not.toContain("s3cr3t");
    }
  });

  it("throws TypeError when the context is not an object", () => {
    expect(() => encodeFlatContext("user-42", REJECT)).toThrow(TypeError);
    expect(() => encodeFlatContext(["a"], REJECT)).toThrow(TypeError);
  });

  it("only ever outputs strings, finite numbers and booleans", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })), (context) => {
        for (const value of Object.values(encodeFlatContext(context, PACK))) {
          expect(["string", "number", "boolean"]).toContain(typeof value);
        }
      }),
    );
  });

  it("keeps a __proto__ key as an own member", () => {
    const context = JSON.parse('{"__proto__": "x"}') as Record<string, unknown>;
    expect(JSON.stringify(encodeFlatContext(context, REJECT))).toBe('{"__proto__":"x"}');
  });
});
