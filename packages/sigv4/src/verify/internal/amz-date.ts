/**
 * `YYYYMMDD'T'HHMMSS'Z'` (ISO 8601 basic, as in `X-Amz-Date`) to a `Date`; `undefined` when malformed.
 * @internal
 */
export function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Reject dates that Date.UTC silently rolls over (month 13, 31 February, hour 24).
  return formatAmzDate(date) === value ? date : undefined;
}

/** A `Date` as `YYYYMMDD'T'HHMMSS'Z'`, milliseconds dropped. @internal */
export function formatAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}
