import { describe, expect, it } from "vitest";
import { routeSegment } from "./route-segment.js";

describe("routeSegment", () => {
  it("returns a literal value as it is, and a safe integer as its decimal text", () => {
    expect(routeSegment("acme")).toBe("acme");
    expect(routeSegment("tenant-01.eu")).toBe("tenant-01.eu");
    expect(routeSegment(42)).toBe("42");
    expect(routeSegment(-7)).toBe("-7");
  });

  it("reports the path it was given, or value", () => {
    expect(() => routeSegment("a/b", "claims.tenant")).toThrowCode("invalid_route_value", {
      path: "claims.tenant",
    });
    expect(() => routeSegment("*")).toThrowCode("invalid_route_value", { path: "value" });
  });

  it.each(["a/b", "*", "?", "{x}", "", ".", "..", "a b", "\u0000", "\u2028", "\ufeff"])(
    "refuses %j",
    (value) => {
      expect(() => routeSegment(value)).toThrowCode("invalid_route_value");
    },
  );

  it.each([2 ** 53, Number.POSITIVE_INFINITY, 1e-7, 10n, true, Symbol("x")])(
    "refuses the non-string %s",
    (value) => {
      expect(() => routeSegment(value)).toThrowCode("invalid_route_value");
    },
  );
});
