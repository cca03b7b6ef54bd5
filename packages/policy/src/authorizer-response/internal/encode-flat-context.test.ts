import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeFlatContext } from "./encode-flat-context.js";

const REJECT = { nested: "reject", reservedKeys: [] } as const;
const PACK = { nested: "json-string", reservedKeys: [] } as const;

describe("encodeFlatContext", () => {
  it("turns -0 into 0, as JSON.stringify does", () => {
    expect(Object.is(encodeFlatContext({ zero: -0 }, REJECT)["zero"], 0)).toBe(true);
  });

  it("leaves null and undefined values out", () => {
    expect(encodeFlatContext({ a: null, b: undefined, c: "x" }, REJECT)).toEqual({ c: "x" });
  });

  it("rejects NaN and Infinity", () => {
    expect(() => encodeFlatContext({ n: Number.NaN }, REJECT)).toThrowCode("invalid_context", {
      path: "context.n",
    });
    expect(() => encodeFlatContext({ n: Number.POSITIVE_INFINITY }, PACK)).toThrowCode(
      "invalid_context",
      { path: "context.n" },
    );
  });

  it("rejects a bigint even with JSON packing", () => {
    expect(() => encodeFlatContext({ big: 1n }, PACK)).toThrowCode("invalid_context", {
      path: "context.big",
    });
  });

  it("rejects a circular object with JSON packing, at the cycle's path", () => {
    const loop: { name: string; self?: unknown } = { name: "a" };
    loop.self = loop;
    expect(() => encodeFlatContext({ loop }, PACK)).toThrowCode("invalid_context", {
      path: "context.loop.self",
    });
  });

  it("packs a Date as its JSON string", () => {
    const at = new Date("2024-06-17T15:02:03.000Z");
    expect(encodeFlatContext({ at }, PACK)).toEqual({ at: '"2024-06-17T15:02:03.000Z"' });
  });

  it("rejects a reserved key even when its value is undefined", () => {
    expect(() =>
      encodeFlatContext({ claims: undefined }, { ...REJECT, reservedKeys: ["claims"] }),
    ).toThrowCode("invalid_context", { path: "context.claims" });
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
