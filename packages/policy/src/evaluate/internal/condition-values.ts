/**
 * How condition values are read for the typed operators (numbers, dates, booleans, base64), shared
 * by the document parser (static checks) and the evaluator. Each returns `undefined` when the text
 * is not a value of that type.
 *
 * @internal
 * @packageDocumentation
 */

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const EPOCH = /^\d+(?:\.\d+)?$/;
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A condition value as a string, the way IAM compares them (`1.0` -> `"1"`, `true` -> `"true"`). @internal */
export function conditionValueText(value: string | number | boolean): string {
  return typeof value === "string" ? value : String(value);
}

/** `NumericEquals` and friends: decimal integers and floats. @internal */
export function parseNumericValue(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * `DateEquals` and friends: epoch seconds (`1563278400`) or ISO 8601 (`2019-07-16T12:00:00Z`);
 * returns milliseconds. A date-time without an offset is read as UTC, never as local time.
 * @internal
 */
export function parseDateValue(text: string): number | undefined {
  if (EPOCH.test(text)) {
    const seconds = Number(text);
    return Number.isFinite(seconds) ? seconds * 1000 : undefined;
  }
  const match = ISO_8601.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = "", zone = "Z"] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2019-02-30 over to March; IAM would not.
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offset = 0;
  if (zone.toUpperCase() !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMinutes = Number(digits.slice(2));
    if (offsetHours > 23 || offsetMinutes > 59) return undefined;
    offset = sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  const millis = fraction === "" ? 0 : Math.floor(Number(`0${fraction}`) * 1000);
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset;
}

/** `Bool` (and `Null`): `true` / `false`, case-insensitive. @internal */
export function parseBoolValue(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  return undefined;
}

/** `BinaryEquals`: standard padded base64, decoded to a binary string for comparison. @internal */
export function decodeBase64Value(text: string): string | undefined {
  if (!BASE64.test(text)) return undefined;
  try {
    return atob(text);
  } catch {
    return undefined;
  }
}
