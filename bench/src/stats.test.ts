import { describe, expect, it } from "vitest";
import { mad, madPercent, median, pairedRatio, range, summarize } from "./stats.js";

describe("median", () => {
  it("takes the middle value of an odd count, whatever the order", () => {
    expect(median([5, 1, 3])).toBe(3);
  });

  it("averages the two middle values of an even count", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("is NaN for no values", () => {
    expect(median([])).toBeNaN();
  });

  it("does not reorder its input", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("spread", () => {
  it("MAD is the median distance from the median", () => {
    // median 10; distances 0, 1, 1, 2, 30 -> 1
    expect(mad([10, 9, 11, 12, 40])).toBe(1);
  });

  it("MAD as a percentage of the median ignores one outlier run", () => {
    // median 100; distances 0, 2, 2, 1, 400 -> 2 (2%), the 500 run changes nothing
    expect(madPercent([100, 98, 102, 99, 500])).toBe(2);
  });

  it("is zero for identical runs and for a single run", () => {
    expect(madPercent([7, 7, 7])).toBe(0);
    expect(madPercent([7])).toBe(0);
  });

  it("range gives the slowest and fastest run", () => {
    expect(range([3, 9, 1])).toEqual({ min: 1, max: 9 });
  });
});

describe("pairedRatio", () => {
  it("is the median of per-round ratios, with their range", () => {
    expect(pairedRatio([200, 300, 100], [100, 100, 100])).toEqual({ median: 2, min: 1, max: 3 });
  });

  it("cancels drift that affects both cases of a round alike", () => {
    // The machine slows down by half over the rounds; the case stays twice as fast as the baseline.
    expect(pairedRatio([200, 150, 100], [100, 75, 50]).median).toBe(2);
  });

  it("is below 1 when the case is slower than the baseline", () => {
    expect(pairedRatio([25, 25], [100, 100]).median).toBe(0.25);
  });

  it("rejects runs of different lengths", () => {
    expect(() => pairedRatio([1, 2], [1])).toThrow(RangeError);
    expect(() => pairedRatio([], [])).toThrow(RangeError);
  });
});

describe("summarize", () => {
  it("reports median ops/s, ns per op at the median, MAD % and range", () => {
    expect(summarize([1_000_000, 2_000_000, 4_000_000])).toEqual({
      opsPerSec: 2_000_000,
      nsPerOp: 500,
      madPercent: 50,
      min: 1_000_000,
      max: 4_000_000,
    });
  });
});
