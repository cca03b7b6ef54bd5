import { getCanonicalHeaders as smithyCanonicalHeaders } from "@smithy/signature-v4";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getCanonicalHeaders } from "./signer.js";

const name = fc.oneof(
  fc.constantFrom(
    "host",
    "user-agent",
    "authorization",
    "x-amzn-trace-id",
    "proxy-authorization",
    "sec-fetch-mode",
    "__proto__",
    "constructor",
    "123",
    "content-type",
  ),
  fc.stringMatching(/^[!#$%&'*+.^_`|~0-9a-z-]{1,12}$/),
);
const value = fc.string({
  unit: fc.constantFrom("a", "Z", "0", " ", "  ", "\t", "\r", "\n", ",", "é", ";"),
  maxLength: 16,
});

describe("getCanonicalHeaders", () => {
  it("agrees with smithy's getCanonicalHeaders on merged lower-case headers", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(name, value), { selector: ([n]) => n }), (pairs) => {
        const record = Object.create(null) as Record<string, string>;
        for (const [n, v] of pairs) record[n] = v;
        const ours = getCanonicalHeaders(new Map(pairs));
        const theirs = smithyCanonicalHeaders({
          method: "GET",
          protocol: "https:",
          hostname: "h",
          path: "/",
          query: {},
          headers: record,
        });
        expect(Object.entries(ours)).toEqual(Object.entries(theirs));
        expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
      }),
      { numRuns: 2000 },
    );
  });
});
