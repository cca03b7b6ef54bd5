/**
 * A statement's `Condition` block, compiled once: operator names parsed, key names lower-cased,
 * and every value that holds no policy variable read ahead into what its operator compares (CIDR
 * blocks as network bytes, wildcard patterns compiled, numbers, dates, booleans, base64 decoded).
 * Values with a variable (`${aws:username}`) are substituted per request, as before.
 *
 * @internal
 * @packageDocumentation
 */

import type { CidrNetwork } from "../../cidr/cidr-contains.js";
import { cidrNetwork, networkContains } from "../../cidr/cidr-contains.js";
import type { Cidr } from "../../cidr/parse-cidr.js";
import { parseCidr } from "../../cidr/parse-cidr.js";
import type { ConditionBlock, ConditionValue } from "../../document/policy-document.js";
import type { CompiledWildcard, WildcardPart } from "../../wildcard/wildcard.js";
import { compilePattern, matchCompiledWildcard } from "../../wildcard/wildcard.js";
import type { Comparison, ConditionOperator } from "./condition-operator.js";
import { parseConditionOperator } from "./condition-operator.js";
import {
  conditionValueText,
  decodeBase64Value,
  parseBoolValue,
  parseDateValue,
  parseNumericValue,
} from "./condition-values.js";
import { partsToText, substituteVariables } from "./policy-variables.js";
import type { RequestState } from "./request-state.js";
import { addressOf } from "./request-state.js";

/** A policy value after variable substitution; `null` = unresolved variable, matches nothing. */
type PolicyValue = string | readonly WildcardPart[] | null;

/**
 * A three-valued truth: a condition on an IP key whose request value is not a usable address
 * (refused by the one address reader) is `UNKNOWN`, which a Deny treats as applying and an Allow
 * as not applying (fail closed), so that no spelling of an address gets past a Deny list.
 * @internal
 */
export type Truth = 0 | 1 | 2;
/** @internal */
export const FALSE: Truth = 0;
/** @internal */
export const TRUE: Truth = 1;
/** @internal */
export const UNKNOWN: Truth = 2;

const truth = (value: boolean): Truth => (value ? TRUE : FALSE);
const not = (value: Truth): Truth => (value === UNKNOWN ? UNKNOWN : value === TRUE ? FALSE : TRUE);

/** Does any of a key's variable-free values match this request value? */
type StaticTest = (actual: string, request: RequestState) => Truth;

interface CompiledKey {
  readonly operator: ConditionOperator;
  /** Lower-cased, as the request context is. */
  readonly key: string;
  /** `undefined` when every value holds a variable. */
  readonly test: StaticTest | undefined;
  /** `Null` only: whether a variable-free value asks for absence (`"true"`) / presence. */
  readonly nullAbsent: boolean;
  readonly nullPresent: boolean;
  /** Values holding a policy variable, substituted per request. */
  readonly dynamic: readonly string[];
}

/** The keys of a block, ANDed; `false`: an unknown operator, the block never holds. @internal */
export type CompiledCondition = readonly CompiledKey[] | false;

const NEVER: StaticTest = () => FALSE;
const NO_VALUES: readonly PolicyValue[] = [];

const cidrCache = new Map<string, Cidr | null>();

function cidrOf(text: string): Cidr | null {
  let cidr = cidrCache.get(text);
  if (cidr === undefined) {
    try {
      cidr = parseCidr(text);
    } catch {
      cidr = null;
    }
    if (cidrCache.size >= 1024) cidrCache.clear();
    cidrCache.set(text, cidr);
  }
  return cidr;
}

function compareNumbers(
  comparison: Comparison,
  actual: number | undefined,
  expected: number | undefined,
): boolean {
  if (actual === undefined || expected === undefined) return false;
  switch (comparison) {
    case "NumericEquals":
    case "DateEquals":
      return actual === expected;
    case "NumericLessThan":
    case "DateLessThan":
      return actual < expected;
    case "NumericLessThanEquals":
    case "DateLessThanEquals":
      return actual <= expected;
    case "NumericGreaterThan":
    case "DateGreaterThan":
      return actual > expected;
    case "NumericGreaterThanEquals":
    case "DateGreaterThanEquals":
      return actual >= expected;
    default:
      return false;
  }
}

/** ARNs are compared per colon-separated part; the sixth part (resource) keeps its own colons. */
function splitArn(arn: string): string[] | undefined {
  const parts: string[] = [];
  let position = 0;
  for (let i = 0; i < 5; i++) {
    const colon = arn.indexOf(":", position);
    if (colon === -1) return undefined;
    parts.push(arn.slice(position, colon));
    position = colon + 1;
  }
  parts.push(arn.slice(position));
  return parts;
}

function splitArnParts(parts: readonly WildcardPart[]): WildcardPart[][] | undefined {
  // Only colons in wildcard text separate parts; a colon inside substituted text is data.
  const segments: WildcardPart[][] = [[]];
  for (const part of parts) {
    if (typeof part !== "string") {
      (segments[segments.length - 1] as WildcardPart[]).push(part);
      continue;
    }
    const pieces = part.split(":");
    pieces.forEach((piece, index) => {
      if (index > 0) {
        if (segments.length < 6) segments.push([]);
        else (segments[5] as WildcardPart[]).push(":");
      }
      (segments[segments.length - 1] as WildcardPart[]).push(piece);
    });
  }
  return segments.length === 6 ? segments : undefined;
}

function matchesArnParts(
  actualParts: readonly string[],
  expected: readonly CompiledWildcard[],
): boolean {
  for (let i = 0; i < expected.length; i++) {
    if (!matchCompiledWildcard(expected[i] as CompiledWildcard, actualParts[i] as string)) {
      return false;
    }
  }
  return true;
}

/** One request value against one substituted value (the per-request path of variable values). */
function compareResolved(
  comparison: Comparison,
  actual: string,
  expected: PolicyValue,
  request: RequestState,
): Truth {
  if (expected === null) return FALSE;
  if (comparison === "IpAddress") {
    const cidr = cidrOf(partsToText(expected));
    if (cidr === null) return FALSE;
    const address = addressOf(request, actual);
    if (address === undefined) return UNKNOWN;
    return truth(networkContains(cidrNetwork(cidr), address));
  }
  return truth(compareResolvedText(comparison, actual, expected));
}

function compareResolvedText(
  comparison: Comparison,
  actual: string,
  expected: string | readonly WildcardPart[],
): boolean {
  switch (comparison) {
    case "StringLike":
      return matchCompiledWildcard(compilePattern(expected), actual);
    case "Arn": {
      const actualParts = splitArn(actual);
      if (actualParts === undefined) return false;
      const parts = typeof expected === "string" ? splitArn(expected) : splitArnParts(expected);
      if (parts === undefined) return false;
      return matchesArnParts(
        actualParts,
        parts.map((part) => compilePattern(part)),
      );
    }
    default:
      break;
  }
  const text = partsToText(expected);
  switch (comparison) {
    case "StringEquals":
      return actual === text;
    case "StringEqualsIgnoreCase":
      return actual.toLowerCase() === text.toLowerCase();
    case "NumericEquals":
    case "NumericLessThan":
    case "NumericLessThanEquals":
    case "NumericGreaterThan":
    case "NumericGreaterThanEquals":
      return compareNumbers(comparison, parseNumericValue(actual), parseNumericValue(text));
    case "DateEquals":
    case "DateLessThan":
    case "DateLessThanEquals":
    case "DateGreaterThan":
    case "DateGreaterThanEquals":
      return compareNumbers(comparison, parseDateValue(actual), parseDateValue(text));
    case "Bool": {
      const bool = parseBoolValue(text);
      return bool !== undefined && parseBoolValue(actual) === bool;
    }
    case "BinaryEquals": {
      const bytes = decodeBase64Value(text);
      return bytes !== undefined && decodeBase64Value(actual) === bytes;
    }
    default:
      return false;
  }
}

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

/** The test for the variable-free values of one key. */
function compileStatic(comparison: Comparison, texts: readonly string[]): StaticTest | undefined {
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

/**
 * Compiles a validated `Condition` block; `variables` for `Version: "2012-10-17"` documents.
 * @internal
 */
export function compileCondition(block: ConditionBlock, variables: boolean): CompiledCondition {
  const keys: CompiledKey[] = [];
  for (const [name, entries] of Object.entries(block)) {
    const operator = parseConditionOperator(name);
    if (operator === undefined) return false;
    for (const [key, raw] of Object.entries(entries)) {
      const values: readonly ConditionValue[] = Array.isArray(raw) ? raw : [raw];
      const fixed: string[] = [];
      const dynamic: string[] = [];
      for (const value of values) {
        const text = conditionValueText(value);
        (variables && text.includes("${") ? dynamic : fixed).push(text);
      }
      const nulls = operator.comparison === "Null" ? fixed.map(parseBoolValue) : [];
      keys.push({
        operator,
        key: key.toLowerCase(),
        test:
          operator.comparison === "Null" ? undefined : compileStatic(operator.comparison, fixed),
        nullAbsent: nulls.includes(true),
        nullPresent: nulls.includes(false),
        dynamic,
      });
    }
  }
  return keys;
}

/** Several policy values for one key are ORed: does any of them match this request value? */
function matchesAny(
  key: CompiledKey,
  actual: string,
  resolved: readonly PolicyValue[],
  request: RequestState,
): Truth {
  let result: Truth = FALSE;
  if (key.test !== undefined) {
    result = key.test(actual, request);
    if (result === TRUE) return TRUE;
  }
  for (const value of resolved) {
    const one = compareResolved(key.operator.comparison, actual, value, request);
    if (one === TRUE) return TRUE;
    if (one === UNKNOWN) result = UNKNOWN;
  }
  return result;
}

/** OR over a list's values (holes skipped, as `some` does). */
function anyOf(values: readonly string[], test: (actual: string) => Truth): Truth {
  let result: Truth = FALSE;
  for (let i = 0; i < values.length; i++) {
    if (!(i in values)) continue;
    const one = test(values[i] as string);
    if (one === TRUE) return TRUE;
    if (one === UNKNOWN) result = UNKNOWN;
  }
  return result;
}

/** AND over a list's values (holes skipped, as `every` does). */
function allOf(values: readonly string[], test: (actual: string) => Truth): Truth {
  let result: Truth = TRUE;
  for (let i = 0; i < values.length; i++) {
    if (!(i in values)) continue;
    const one = test(values[i] as string);
    if (one === FALSE) return FALSE;
    if (one === UNKNOWN) result = UNKNOWN;
  }
  return result;
}

function evaluateKey(key: CompiledKey, request: RequestState): Truth {
  const { operator } = key;
  const { context } = request;
  const raw = context.get(key.key);
  // Present values: one string, a non-empty list, or `undefined` for an absent key.
  const present: string | readonly string[] | undefined =
    raw === undefined || (typeof raw !== "string" && raw.length === 0) ? undefined : raw;
  const resolved =
    key.dynamic.length === 0
      ? NO_VALUES
      : key.dynamic.map((text) => substituteVariables(text, context));
  if (operator.comparison === "Null") {
    // `"true"` asks for the key to be absent, `"false"` for it to be present.
    const absent = present === undefined;
    if (absent ? key.nullAbsent : key.nullPresent) return TRUE;
    return truth(
      resolved.some((value) => value !== null && parseBoolValue(partsToText(value)) === absent),
    );
  }
  const one = (actual: string) => matchesAny(key, actual, resolved, request);
  const test = operator.negated ? (actual: string) => not(one(actual)) : one;
  if (operator.set === "ForAllValues") {
    if (present === undefined) return TRUE;
    return typeof present === "string" ? test(present) : allOf(present, test);
  }
  if (operator.set === "ForAnyValue") {
    // Absent key: false, `IfExists` or not (AWS: "if the key in the request is missing, the
    // condition returns false"; observed for ForAnyValue:StringEqualsIfExists on aws:TagKeys).
    if (present === undefined) return FALSE;
    return typeof present === "string" ? test(present) : anyOf(present, test);
  }
  if (present === undefined) return truth(operator.negated || operator.ifExists);
  // A multi-valued key under a single-value operator: positive if any value matches, negated if none does.
  const any = typeof present === "string" ? one(present) : anyOf(present, one);
  return operator.negated ? not(any) : any;
}

/**
 * `TRUE` when every operator, and every key under it, holds (AND); the values of one key are
 * ORed, or ANDed for negated operators. `UNKNOWN` when no key is false but one is undecided (an IP
 * condition on a refused address): the caller applies a Deny and skips an Allow.
 * @internal
 */
export function matchesCompiledCondition(
  condition: CompiledCondition,
  request: RequestState,
): Truth {
  if (condition === false) return FALSE;
  let result: Truth = TRUE;
  for (const key of condition) {
    const one = evaluateKey(key, request);
    if (one === FALSE) return FALSE;
    if (one === UNKNOWN) result = UNKNOWN;
  }
  return result;
}
