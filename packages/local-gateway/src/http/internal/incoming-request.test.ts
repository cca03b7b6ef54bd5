import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { originForm } from "./incoming-request.js";

describe("originForm", () => {
  it.each([
    ["/dev/pets?x=1", "/dev/pets?x=1"],
    ["//", "//"],
    ["//evil.example/x", "//evil.example/x"],
    ["/%zz", "/%zz"],
    ["http://evil.example/dev/open?x=1", "/dev/open?x=1"],
    ["HTTPS://host:8443//x", "//x"],
    ["http://host", "/"],
    ["http://host?x=1", "/?x=1"],
    ["http://[::1", "/"],
    ["*", undefined],
    ["pets", undefined],
    ["", undefined],
    [undefined, undefined],
  ])("reads the target %j as %j", (target, expected) => {
    expect(originForm(target)).toBe(expected);
  });

  it("never throws, and gives a target starting with / or nothing", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((rest) => `http://${rest}`),
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
        ),
        (target) => {
          const form = originForm(target);
          if (form !== undefined) expect(form.startsWith("/")).toBe(true);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("keeps an origin-form target exactly as received", () => {
    fc.assert(
      fc.property(fc.string(), (rest) => {
        expect(originForm(`/${rest}`)).toBe(`/${rest}`);
      }),
    );
  });
});
