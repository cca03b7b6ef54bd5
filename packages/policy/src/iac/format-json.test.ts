import { describe, expect, it } from "vitest";
import { formatJson } from "./format-json.js";

describe("formatJson", () => {
  it("indents nested lists and objects like JSON.stringify", () => {
    const value = { a: [1, true, "x"], b: { c: [] }, d: {} };
    expect(formatJson(value, { indent: 2 })).toBe(JSON.stringify(value, null, 2));
  });

  it("writes one line when indent is 0", () => {
    expect(formatJson({ a: ["x", "y"] }, { indent: 0 })).toBe('{"a":["x","y"]}');
  });

  it("passes the enclosing key of list items to quote", () => {
    const seen: string[] = [];
    formatJson(
      { Resource: ["r1"], Action: "a" },
      {
        indent: 0,
        quote: (text, key) => {
          seen.push(`${key ?? "-"}:${text}`);
          return JSON.stringify(text);
        },
      },
    );
    expect(seen).toEqual(["-:Resource", "Resource:r1", "-:Action", "Action:a"]);
  });

  it("rejects values JSON cannot carry", () => {
    expect(() => formatJson({ a: undefined }, { indent: 0 })).toThrow(TypeError);
  });
});
