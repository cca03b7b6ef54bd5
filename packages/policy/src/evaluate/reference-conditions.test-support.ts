/**
 * TEST SUPPORT ONLY, part of the reference evaluator (`test-support.ts`): the Condition element
 * as the IAM documentation describes it, with its own operator table, value readers and IP/CIDR
 * arithmetic (none of the package's condition compiler, value parsers or CIDR code).
 *
 * Three-valued on purpose: `null` means undecided (an IP operator met a request value that is not
 * a usable address). A Deny then applies and an Allow does not (Gatehouse fails closed there;
 * IAM has no such case because AWS fills `aws:SourceIp` itself).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 * @packageDocumentation
 */

import type { ConditionBlock } from "../document/policy-document.js";
import { addressIn, readCidr, readRequestAddress } from "./reference-ip.test-support.js";
import type { PatternChar, ReferenceContext } from "./reference-patterns.test-support.js";
import {
  arnMatches,
  globMatches,
  readPolicyValue,
  textOf,
} from "./reference-patterns.test-support.js";

type Verdict = boolean | null;

/** One request value against one policy value. */
type Compare = (actual: string, expected: readonly PatternChar[]) => Verdict;

const numberText = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function toNumber(text: string): number | undefined {
  const value = numberText.test(text) ? Number(text) : Number.NaN;
  return Number.isFinite(value) ? value : undefined;
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const iso =
  /^(\d{4})-(\d\d)-(\d\d)(?:[Tt ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?([Zz]|([+-])(\d\d):?(\d\d))?)?$/;

/** Epoch seconds, or ISO 8601 (W3C profile from a day on); milliseconds since the epoch. */
function toTime(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const m = iso.exec(text);
  if (m === null) return undefined;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as number[];
  const year = y as number;
  const month = mo as number;
  const day = d as number;
  const monthDays = month === 2 && !isLeap(year) ? 28 : DAYS[month - 1];
  if (monthDays === undefined || day < 1 || day > monthDays) return undefined;
  if ((h as number) > 23 || (mi as number) > 59 || (s as number) > 59) return undefined;
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const hours = Number(m[10]);
    const minutes = Number(m[11]);
    if (hours > 23 || minutes > 59) return undefined;
    offsetMinutes = (m[9] === "-" ? -1 : 1) * (hours * 60 + minutes);
  }
  const millis = Number((m[7] ?? "").padEnd(3, "0").slice(0, 3));
  const local = Date.UTC(year, month - 1, day, h, mi, s, millis);
  return local - offsetMinutes * 60_000;
}

function toBool(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  return lower === "true" ? true : lower === "false" ? false : undefined;
}

const BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Canonically padded base64 to its bytes (as text); bits left over in the last symbol are dropped. */
function toBytes(text: string): string | undefined {
  if (text.length % 4 !== 0) return undefined;
  const body = text.replace(/={1,2}$/, "");
  if (text.length - body.length > 0 && body.length % 4 < 2) return undefined;
  let bits = "";
  for (const char of body) {
    const index = BASE64_ALPHABET.indexOf(char);
    if (index === -1) return undefined;
    bits += index.toString(2).padStart(6, "0");
  }
  let bytes = "";
  for (let i = 0; i + 8 <= bits.length; i += 8) {
    bytes += String.fromCharCode(Number.parseInt(bits.slice(i, i + 8), 2));
  }
  return bytes;
}

const ordered =
  <T>(read: (text: string) => T | undefined, holds: (a: T, b: T) => boolean): Compare =>
  (actual, expected) => {
    const a = read(actual);
    const b = read(textOf(expected));
    return a !== undefined && b !== undefined && holds(a, b);
  };

const eq = (a: number, b: number) => a === b;
const lt = (a: number, b: number) => a < b;
const le = (a: number, b: number) => a <= b;
const gt = (a: number, b: number) => a > b;
const ge = (a: number, b: number) => a >= b;

const ipCompare: Compare = (actual, expected) => {
  const block = readCidr(textOf(expected));
  if (block === undefined) return false;
  const address = readRequestAddress(actual);
  return address === undefined ? null : addressIn(address, block);
};

/** The documented operators: name -> [comparison, negated]. */
const OPERATORS: Readonly<Record<string, readonly [Compare, boolean]>> = (() => {
  const table: Record<string, readonly [Compare, boolean]> = {};
  const pair = (positive: string, negative: string | undefined, compare: Compare) => {
    table[positive] = [compare, false];
    if (negative !== undefined) table[negative] = [compare, true];
  };
  pair("StringEquals", "StringNotEquals", (a, e) => a === textOf(e));
  pair("StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", (a, e) => {
    return a.toLowerCase() === textOf(e).toLowerCase();
  });
  pair("StringLike", "StringNotLike", (a, e) => globMatches(e, a));
  pair("NumericEquals", "NumericNotEquals", ordered(toNumber, eq));
  pair("NumericLessThan", undefined, ordered(toNumber, lt));
  pair("NumericLessThanEquals", undefined, ordered(toNumber, le));
  pair("NumericGreaterThan", undefined, ordered(toNumber, gt));
  pair("NumericGreaterThanEquals", undefined, ordered(toNumber, ge));
  pair("DateEquals", "DateNotEquals", ordered(toTime, eq));
  pair("DateLessThan", undefined, ordered(toTime, lt));
  pair("DateLessThanEquals", undefined, ordered(toTime, le));
  pair("DateGreaterThan", undefined, ordered(toTime, gt));
  pair("DateGreaterThanEquals", undefined, ordered(toTime, ge));
  pair(
    "Bool",
    undefined,
    ordered(toBool, (a, b) => a === b),
  );
  pair(
    "BinaryEquals",
    undefined,
    ordered(toBytes, (a, b) => a === b),
  );
  pair("IpAddress", "NotIpAddress", ipCompare);
  // The documentation gives ArnEquals and ArnLike the same behaviour (wildcards in both).
  pair("ArnEquals", "ArnNotEquals", (a, e) => arnMatches(e, a));
  pair("ArnLike", "ArnNotLike", (a, e) => arnMatches(e, a));
  return table;
})();

const anyOf = (verdicts: readonly Verdict[]): Verdict =>
  verdicts.some((v) => v === true) ? true : verdicts.some((v) => v === null) ? null : false;
const allOf = (verdicts: readonly Verdict[]): Verdict =>
  verdicts.some((v) => v === false) ? false : verdicts.some((v) => v === null) ? null : true;
const not = (verdict: Verdict): Verdict => (verdict === null ? null : !verdict);

/** One key under one operator name; `undefined` for a name the documentation does not define. */
function evaluateKey(
  name: string,
  present: readonly string[] | undefined,
  expected: readonly (readonly PatternChar[] | null)[],
): Verdict | undefined {
  const usable = expected.filter((value): value is readonly PatternChar[] => value !== null);
  if (name === "Null") {
    // "true": the key must be absent; "false": present.
    return usable.some((value) => toBool(textOf(value)) === (present === undefined));
  }
  const parts = /^(?:(ForAnyValue|ForAllValues):)?(.+?)(IfExists)?$/.exec(name);
  const entry = parts === null ? undefined : OPERATORS[parts[2] as string];
  if (parts === null || entry === undefined || !Object.hasOwn(OPERATORS, parts[2] as string)) {
    return undefined;
  }
  const [compare, negated] = entry;
  const qualifier = parts[1];
  const ifExists = parts[3] !== undefined;
  // Several policy values for one key are ORed; a negated operator holds when none matches.
  const one = (actual: string): Verdict => {
    const matched = anyOf(usable.map((value) => compare(actual, value)));
    return negated ? not(matched) : matched;
  };
  if (qualifier === "ForAllValues") {
    // True when the key is absent (the empty set) or every request value passes.
    return present === undefined ? true : allOf(present.map(one));
  }
  if (qualifier === "ForAnyValue") {
    return present === undefined ? false : anyOf(present.map(one));
  }
  // A missing key: false, but true for negated operators and for ...IfExists.
  if (present === undefined) return negated || ifExists;
  // A single-value operator on several values: positive when any matches, negated when none does.
  const matched = anyOf(present.map((actual) => anyOf(usable.map((v) => compare(actual, v)))));
  return negated ? not(matched) : matched;
}

/**
 * A whole Condition block: operators and keys are ANDed. `false` for an operator name the
 * documentation does not define (the block can never hold).
 */
export function evaluateConditionBlock(
  block: ConditionBlock,
  context: ReferenceContext,
  variables: boolean,
): Verdict {
  const verdicts: Verdict[] = [];
  for (const [name, keys] of Object.entries(block)) {
    for (const [key, raw] of Object.entries(keys)) {
      const values = (Array.isArray(raw) ? raw : [raw]) as readonly (string | number | boolean)[];
      const expected = values.map((value) => readPolicyValue(`${value}`, context, variables));
      const found = context.get(key.toLowerCase());
      // An empty list is no value at all; holes of a sparse list are skipped.
      const present =
        typeof found === "string"
          ? [found]
          : found === undefined || found.length === 0
            ? undefined
            : found.filter(() => true);
      const verdict = evaluateKey(name, present, expected);
      if (verdict === undefined) return false;
      verdicts.push(verdict);
    }
    if (Object.keys(keys).length === 0 && evaluateKey(name, undefined, []) === undefined) {
      return false;
    }
  }
  return allOf(verdicts);
}
