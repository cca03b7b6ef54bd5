/**
 * Quota periods: DAY, WEEK and MONTH windows in UTC. AWS does not document where a period starts;
 * the model starts days at 00:00 UTC, weeks on Monday 00:00 UTC and months on the 1st, 00:00 UTC.
 * @internal
 * @packageDocumentation
 */
import type { QuotaPeriod } from "../usage-plan-config.js";

const DAY_MS = 86_400_000;

/** @internal Epoch milliseconds of the start of the period holding `now`. */
export function periodStart(period: QuotaPeriod, now: number): number {
  const date = new Date(now);
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  switch (period) {
    case "DAY":
      return day;
    case "WEEK":
      // getUTCDay: 0 is Sunday; Monday starts the week.
      return day - ((date.getUTCDay() + 6) % 7) * DAY_MS;
    case "MONTH":
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  }
}

/** @internal Epoch milliseconds of the start of the next period. */
export function periodEnd(period: QuotaPeriod, start: number): number {
  const date = new Date(start);
  switch (period) {
    case "DAY":
      return start + DAY_MS;
    case "WEEK":
      return start + 7 * DAY_MS;
    case "MONTH":
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  }
}
