import { describe, expect, it } from "vitest";
import { formatExpiration } from "./format-expiration.js";

describe("formatExpiration", () => {
  it.each([
    [1_736_946_000, "seconds", "1736946000"],
    [1_736_946_000, "exponent", "1.736946E9"],
    [1_500_000_000, "exponent", "1.5E9"],
    [2_000_000_000, "exponent", "2.0E9"],
    [1_736_946_001.7, "exponent", "1.736946001E9"],
  ] as const)("writes %s as %s: %s", (seconds, format, expected) => {
    expect(formatExpiration(seconds, format)).toBe(expected);
    expect(JSON.parse(expected)).toBe(Math.floor(seconds));
  });
});
