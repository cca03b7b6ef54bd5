import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compilePattern,
  compileWildcard,
  matchCompiledWildcard,
  matchesWildcard,
} from "./wildcard.js";

/** A slow, obviously correct reference: dynamic programming over the whole table. */
function reference(pattern: string, value: string): boolean {
  const p = Array.from(pattern);
  const v = Array.from(value);
  let row = new Array<boolean>(v.length + 1).fill(false);
  row[0] = true;
  for (const token of p) {
    const next = new Array<boolean>(v.length + 1).fill(false);
    if (token === "*") {
      for (let j = 0; j <= v.length; j++)
        next[j] = (row[j] as boolean) || (j > 0 && (next[j - 1] as boolean));
    } else {
      for (let j = 1; j <= v.length; j++) {
        next[j] = (row[j - 1] as boolean) && (token === "?" || token === v[j - 1]);
      }
    }
    row = next;
  }
  return row[v.length] as boolean;
}

describe("matchesWildcard", () => {
  it.each([
    ["execute-api:Invoke", "execute-api:Invoke", true],
    ["execute-api:Invoke", "execute-api:Invok", false],
    ["*", "", true],
    ["*", "anything/at:all", true],
    ["", "", true],
    ["", "x", false],
    ["a*", "a", true],
    ["*a", "ba", true],
    ["*a", "ab", false],
    ["a*b", "ab", true],
    ["a*b", "a/x:y/b", true],
    ["a*b*a", "aba", true],
    ["ab*ba", "aba", false],
    ["a?c", "abc", true],
    ["a?c", "ac", false],
    ["a?c", "abbc", false],
    ["??", "ab", true],
    ["*?", "", false],
    ["a**b", "ab", true],
    ["*.*", "a.b", true],
  ])("%j against %j is %s", (pattern, value, expected) => {
    expect(matchesWildcard(pattern, value)).toBe(expected);
  });

  it("lets * cross / in method ARNs", () => {
    expect(
      matchesWildcard(
        "arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/users/*/profile",
        "arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/users/a/b/profile",
      ),
    ).toBe(true);
  });

  it("compares case-sensitively by default", () => {
    expect(matchesWildcard("arn:aws:x/Prod/*", "arn:aws:x/prod/GET")).toBe(false);
  });

  it("compares case-insensitively with ignoreCase", () => {
    expect(matchesWildcard("execute-api:Inv*", "EXECUTE-API:invoke", { ignoreCase: true })).toBe(
      true,
    );
  });

  it("treats regex metacharacters literally", () => {
    expect(matchesWildcard("a.b(c)+[d]$", "a.b(c)+[d]$")).toBe(true);
    expect(matchesWildcard("a.b", "axb")).toBe(false);
  });

  it("lets ? take a whole astral character", () => {
    expect(matchesWildcard("a?b", "a😀b")).toBe(true);
    expect(matchesWildcard("a??b", "a😀b")).toBe(false);
  });

  // A backtracking matcher would not finish these within the test timeout; no clock is read here.
  it("answers patterns that make backtracking matchers explode", () => {
    const value = "a".repeat(100_000);
    expect(matchesWildcard("*a*a*a*a*a*a*a*a*b", value)).toBe(false);
    expect(matchesWildcard("*a?a*a?a*a*a*?b", value)).toBe(false);
    expect(matchesWildcard("*a*a*a*a*a*a*a*a*", value)).toBe(true);
  });

  it("keeps characters from literal parts out of the wildcard grammar", () => {
    const compiled = compilePattern(["home/", { literal: "*" }, "/*"]);
    expect(matchCompiledWildcard(compiled, "home/*/file")).toBe(true);
    expect(matchCompiledWildcard(compiled, "home/alice/file")).toBe(false);
  });

  it("agrees with a reference matcher on arbitrary patterns", () => {
    const alphabet = fc.constantFrom("a", "b", "/", "*", "?", "😀");
    const text = fc.constantFrom("a", "b", "/", "😀");
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 10 }).map((chars) => chars.join("")),
        fc.array(text, { maxLength: 14 }).map((chars) => chars.join("")),
        (pattern, value) => {
          expect(matchesWildcard(pattern, value)).toBe(reference(pattern, value));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("compileWildcard (public)", () => {
  it("matches like matchesWildcard, with and without ignoreCase", () => {
    const cases: [string, string][] = [
      [
        "arn:aws:execute-api:*:*:abc/prod/GET/*",
        "arn:aws:execute-api:eu-west-1:1:abc/prod/GET/a/b",
      ],
      ["execute-api:Invoke", "EXECUTE-API:invoke"],
      ["*", ""],
      ["a?c", "abc"],
      ["a*b*c", "aXbYc"],
      ["exact", "exact"],
    ];
    for (const [pattern, value] of cases) {
      for (const ignoreCase of [false, true]) {
        expect(compileWildcard(pattern, { ignoreCase })(value)).toBe(
          matchesWildcard(pattern, value, { ignoreCase }),
        );
      }
    }
    expect(compileWildcard("execute-api:Invoke", { ignoreCase: true })("EXECUTE-API:invoke")).toBe(
      true,
    );
    expect(compileWildcard("execute-api:Invoke")("EXECUTE-API:invoke")).toBe(false);
  });

  it("reads policy variables only when asked", () => {
    const pattern = "home/$" + "{aws:username, 'guest'}/*";
    expect(compileWildcard(pattern, { policyVariables: true })("home/guest/x")).toBe(true);
    expect(compileWildcard(pattern)("home/guest/x")).toBe(false);
    expect(compileWildcard(pattern)(pattern)).toBe(true);
    expect(compileWildcard("home/$" + "{aws:username}", { policyVariables: true })("home/")).toBe(
      false,
    );
  });
});
