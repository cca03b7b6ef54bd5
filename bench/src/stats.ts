/**
 * The statistics of the report: each function takes the per-run results of one case (ops/s, one
 * number per run, each run in a fresh process) and never assumes they are sorted.
 */

/** Middle value of `values` (mean of the two middle values for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median absolute deviation: the median distance of a run from the median run. */
export function mad(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

/** MAD as a percentage of the median (0 for a single run); robust to one outlier run. */
export function madPercent(values: readonly number[]): number {
  const m = median(values);
  return m === 0 ? Number.NaN : (mad(values) / m) * 100;
}

/** Smallest and largest run. */
export function range(values: readonly number[]): { min: number; max: number } {
  return { min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Speed of a case relative to the baseline, paired by round: the median of `case[i] / baseline[i]`.
 * Runs of one round sit next to each other in time (A, B, A, B, ...), so pairing them cancels
 * drift of the machine (thermal, noisy neighbours) that a ratio of two medians would keep.
 * Above 1: the case is faster than the baseline.
 */
export function pairedRatio(
  caseRuns: readonly number[],
  baselineRuns: readonly number[],
): { median: number; min: number; max: number } {
  if (caseRuns.length !== baselineRuns.length || caseRuns.length === 0) {
    throw new RangeError("pairedRatio needs the same non-zero number of runs on both sides");
  }
  const ratios = caseRuns.map((v, i) => v / baselineRuns[i]!);
  return { median: median(ratios), ...range(ratios) };
}

/** The summary of one case shown in a report row. */
export interface CaseSummary {
  /** Median ops/s over the runs. */
  opsPerSec: number;
  /** Nanoseconds per operation at the median. */
  nsPerOp: number;
  /** MAD as a percentage of the median. */
  madPercent: number;
  min: number;
  max: number;
}

/** Summarise the per-run ops/s of one case. */
export function summarize(runs: readonly number[]): CaseSummary {
  const opsPerSec = median(runs);
  return { opsPerSec, nsPerOp: 1e9 / opsPerSec, madPercent: madPercent(runs), ...range(runs) };
}
