import { describe, expect, it } from "vitest";
import { encodeJsonContext } from "./encode-json-context.js";

describe("encodeJsonContext", () => {
  it("turns -0 into 0 at any depth, as JSON.stringify does", () => {
    const encoded = encodeJsonContext({ zero: -0, list: [-0], nested: { zero: -0 } });
    expect(Object.is(encoded["zero"], 0)).toBe(true);
    expect(Object.is((encoded["list"] as number[])[0], 0)).toBe(true);
    expect(Object.is((encoded["nested"] as Record<string, number>)["zero"], 0)).toBe(true);
  });

  it("turns undefined array items into null, as JSON.stringify does", () => {
    expect(encodeJsonContext({ list: [1, undefined, 3] })).toEqual({ list: [1, null, 3] });
  });

  it("accepts the same object twice when it is not a cycle", () => {
    const shared = { id: 1 };
    expect(encodeJsonContext({ a: shared, b: [shared] })).toEqual({ a: { id: 1 }, b: [{ id: 1 }] });
  });

  it("rejects a cycle at its path", () => {
    const node: { next?: unknown } = {};
    node.next = { back: node };
    expect(() => encodeJsonContext({ node })).toThrowCode("invalid_context", {
      path: "context.node.next.back",
    });
  });

  it("rejects a Map, which JSON would turn into {}", () => {
    expect(() => encodeJsonContext({ roles: new Map([["a", 1]]) })).toThrowCode("invalid_context", {
      path: "context.roles",
    });
  });

  it("rejects a non-finite number, which JSON would turn into null", () => {
    expect(() => encodeJsonContext({ deep: { n: Number.NEGATIVE_INFINITY } })).toThrowCode(
      "invalid_context",
      { path: "context.deep.n" },
    );
  });

  it("rejects a symbol", () => {
    expect(() => encodeJsonContext({ s: Symbol("x") })).toThrowCode("invalid_context", {
      path: "context.s",
    });
  });

  it("throws TypeError when the context is an array", () => {
    expect(() => encodeJsonContext([1])).toThrow(TypeError);
  });

  it("keeps a __proto__ key as an own member instead of changing the prototype", () => {
    const context = JSON.parse('{"__proto__": {"isAdmin": true}}') as Record<string, unknown>;
    const encoded = encodeJsonContext(context);
    expect((encoded as { isAdmin?: unknown }).isAdmin).toBeUndefined();
    expect(JSON.stringify(encoded)).toBe('{"__proto__":{"isAdmin":true}}');
  });
});
