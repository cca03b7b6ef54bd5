import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requestPath } from "./request-target.js";

describe("requestPath", () => {
  it.each([
    ["/", "/"],
    ["//", "//"],
    ["//evil.example/x", "//evil.example/x"],
    ["/a/b?x=1#f", "/a/b"],
    ["/%zz/%E0%A4%A", "/%zz/%E0%A4%A"],
    ["http://host/a/b?q", "/a/b"],
    ["http://host", "/"],
    ["http://host?q=1", "/"],
    ["HTTPS://host:8443//x", "//x"],
    ["http://[::1", "/"],
    ["*", undefined],
    ["", undefined],
    [undefined, undefined],
    ["pets", undefined],
  ])("reads %j as %j", (target, path) => {
    expect(requestPath(target)).toBe(path);
  });

  it("never throws and gives a path starting with / (or nothing) for any target", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((rest) => `/${rest}`),
          fc.string().map((rest) => `http://${rest}`),
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
        ),
        (target) => {
          const path = requestPath(target);
          if (path !== undefined) {
            expect(path.startsWith("/")).toBe(true);
            expect(path).not.toMatch(/[?#]/);
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("keeps an origin-form path as received, up to the query", () => {
    fc.assert(
      fc.property(
        fc.string().filter((rest) => !/[?#]/.test(rest)),
        fc.string(),
        (rest, query) => {
          expect(requestPath(`/${rest}?${query}`)).toBe(`/${rest}`);
        },
      ),
    );
  });
});
