/**
 * The test of a key's variable-free values, compiled once per comparison: CIDR blocks as network
 * bytes, wildcard and ARN patterns compiled, numbers, dates, booleans and base64 read ahead.
 * @internal
 * @packageDocumentation
 */

import type { CidrNetwork } from "../../cidr/cidr-contains.js";
import { cidrNetwork, networkContains } from "../../cidr/cidr-contains.js";
import { compilePattern, matchCompiledWildcard } from "../../wildcard/wildcard.js";
import { cidrOf, compareNumbers, matchesArnParts, splitArn } from "./condition-comparison.js";
import type { Comparison } from "./condition-operator.js";
import { FALSE, TRUE, type Truth, UNKNOWN } from "./condition-truth.js";
import {
  decodeBase64Value,
  parseBoolValue,
  parseDateValue,
  parseNumericValue,
} from "./condition-values.js";
import type { RequestState } from "./request-state.js";
import { addressOf } from "./request-state.js";

/** @internal Does any of a key's variable-free values match this request value? */
export type StaticTest = (actual: string, request: RequestState) => Truth;

const NEVER: StaticTest = () => FALSE;

function defined<T>(items: readonly (T | undefined)[]): T[] {
  return items.filter((item): item is T => item !== undefined);
}

/** A boolean test for the comparisons that cannot be undecided. */
type BooleanTest = (actual: string) => boolean;

function compileNumbers(
  comparison: Comparison,
  texts: readonly string[],
  parse: (text: string) => number | undefined,
): BooleanTest | undefined {
  const expected = defined(texts.map(parse));
  if (expected.length === 0) return undefined;
  return (actual) => {
    const value = parse(actual);
    return value !== undefined && expected.some((item) => compareNumbers(comparison, value, item));
  };
}

function compileIpAddress(texts: readonly string[]): StaticTest {
  const v4: CidrNetwork[] = [];
  const v6: CidrNetwork[] = [];
  for (const text of texts) {
    const cidr = cidrOf(text);
    if (cidr === null) continue;
    const network = cidrNetwork(cidr);
    (network.version === 4 ? v4 : v6).push(network);
  }
  if (v4.length === 0 && v6.length === 0) return NEVER;
  return (actual, request) => {
    // The address is read once per request, whatever the number of blocks and statements.
    const address = addressOf(request, actual);
    // A refused spelling is undecided, never "not in the list" (a Deny then applies).
    if (address === undefined) return UNKNOWN;
    const networks = address.version === 4 ? v4 : v6;
    for (const network of networks) if (networkContains(network, address)) return TRUE;
    return FALSE;
  };
}

/** @internal The test for the variable-free values of one key. */
export function compileStatic(
  comparison: Comparison,
  texts: readonly string[],
): StaticTest | undefined {
  if (texts.length === 0) return undefined;
  if (comparison === "IpAddress") return compileIpAddress(texts);
  const test = compileBoolean(comparison, texts);
  if (test === undefined) return NEVER;
  return (actual) => (test(actual) ? TRUE : FALSE);
}

/** The comparisons other than `IpAddress`: always decided. `undefined` matches nothing. */
function compileBoolean(comparison: Comparison, texts: readonly string[]): BooleanTest | undefined {
  switch (comparison) {
    case "StringEquals": {
      if (texts.length === 1) {
        const only = texts[0] as string;
        return (actual) => actual === only;
      }
      const set = new Set(texts);
      return (actual) => set.has(actual);
    }
    case "StringEqualsIgnoreCase": {
      const set = new Set(texts.map((text) => text.toLowerCase()));
      return (actual) => set.has(actual.toLowerCase());
    }
    case "StringLike": {
      const patterns = texts.map((text) => compilePattern(text));
      return (actual) => patterns.some((pattern) => matchCompiledWildcard(pattern, actual));
    }
    case "Arn": {
      const patterns = defined(texts.map(splitArn)).map((parts) =>
        parts.map((part) => compilePattern(part)),
      );
      if (patterns.length === 0) return undefined;
      return (actual) => {
        const actualParts = splitArn(actual);
        return (
          actualParts !== undefined &&
          patterns.some((pattern) => matchesArnParts(actualParts, pattern))
        );
      };
    }
    case "NumericEquals":
    case "NumericLessThan":
    case "NumericLessThanEquals":
    case "NumericGreaterThan":
    case "NumericGreaterThanEquals":
      return compileNumbers(comparison, texts, parseNumericValue);
    case "DateEquals":
    case "DateLessThan":
    case "DateLessThanEquals":
    case "DateGreaterThan":
    case "DateGreaterThanEquals":
      return compileNumbers(comparison, texts, parseDateValue);
    case "Bool": {
      const bools = texts.map(parseBoolValue);
      const acceptsTrue = bools.includes(true);
      const acceptsFalse = bools.includes(false);
      return (actual) => {
        const bool = parseBoolValue(actual);
        return bool === true ? acceptsTrue : bool === false && acceptsFalse;
      };
    }
    case "BinaryEquals": {
      const set = new Set(defined(texts.map(decodeBase64Value)));
      if (set.size === 0) return undefined;
      return (actual) => {
        const bytes = decodeBase64Value(actual);
        return bytes !== undefined && set.has(bytes);
      };
    }
    default:
      return undefined;
  }
}
