import { describe, expect, it } from "vitest";
import { periodEnd, periodStart } from "./quota-window.js";

const at = (iso: string) => Date.parse(iso);

describe("quota periods (UTC)", () => {
  // [period, now, start, end]
  const table: ["DAY" | "WEEK" | "MONTH", string, string, string][] = [
    ["DAY", "2026-12-05T13:28:00Z", "2026-12-05T00:00:00Z", "2026-12-06T00:00:00Z"],
    ["DAY", "2026-12-05T00:00:00Z", "2026-12-05T00:00:00Z", "2026-12-06T00:00:00Z"],
    // 2026-12-05 is a Saturday: the week started on Monday the 30th of November.
    ["WEEK", "2026-12-05T13:28:00Z", "2026-11-30T00:00:00Z", "2026-12-07T00:00:00Z"],
    ["WEEK", "2026-12-06T23:59:59Z", "2026-11-30T00:00:00Z", "2026-12-07T00:00:00Z"],
    ["WEEK", "2026-12-07T00:00:00Z", "2026-12-07T00:00:00Z", "2026-12-14T00:00:00Z"],
    ["MONTH", "2026-12-31T23:59:59Z", "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z"],
    ["MONTH", "2028-02-29T12:00:00Z", "2028-02-01T00:00:00Z", "2028-03-01T00:00:00Z"],
  ];
  it.each(table)("%s holding %s runs from %s to %s", (period, now, start, end) => {
    expect(periodStart(period, at(now))).toBe(at(start));
    expect(periodEnd(period, at(start))).toBe(at(end));
  });
});
