/**
 * Evaluates a statement's `Condition` block against the request context.
 *
 * @internal
 * @packageDocumentation
 */

import { cidrContains } from "../../cidr/cidr-contains.js";
import type { Cidr } from "../../cidr/parse-cidr.js";
import { parseCidr } from "../../cidr/parse-cidr.js";
import type { ConditionBlock, ConditionValue } from "../../document/policy-document.js";
import type { WildcardPart } from "../../internal/wildcard.js";
import { compileWildcard, matchCompiledWildcard } from "../../internal/wildcard.js";
import type { ConditionOperator } from "./condition-operator.js";
import { parseConditionOperator } from "./condition-operator.js";
import {
  conditionValueText,
  decodeBase64Value,
  parseBoolValue,
  parseDateValue,
  parseNumericValue,
} from "./condition-values.js";
import type { NormalizedContext } from "./policy-variables.js";
import { partsToText, substituteVariables } from "./policy-variables.js";

/** A policy value after variable substitution; `null` = unresolved variable, matches nothing. */
type PolicyValue = string | readonly WildcardPart[] | null;

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
  comparison: ConditionOperator["comparison"],
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

function matchesArn(actual: string, expected: string | readonly WildcardPart[]): boolean {
  const actualParts = splitArn(actual);
  if (actualParts === undefined) return false;
  const expectedParts = typeof expected === "string" ? splitArn(expected) : splitArnParts(expected);
  if (expectedParts === undefined) return false;
  return expectedParts.every((pattern, index) =>
    matchCompiledWildcard(compileWildcard(pattern), actualParts[index] as string),
  );
}

function compare(operator: ConditionOperator, actual: string, expected: PolicyValue): boolean {
  if (expected === null) return false;
  const { comparison } = operator;
  switch (comparison) {
    case "StringLike":
      return matchCompiledWildcard(compileWildcard(expected), actual);
    case "Arn":
      return matchesArn(actual, expected);
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
    case "IpAddress": {
      const cidr = cidrOf(text);
      // Families never match across (IPv6 text always has a colon): skip parsing the address
      // against the blocks of the other family, half of a dual-stack list.
      return (
        cidr !== null && (cidr.version === 6) === actual.includes(":") && cidrContains(cidr, actual)
      );
    }
    default:
      return false;
  }
}

/** Several policy values for one key are ORed: does any of them match this request value? */
function matchesAny(
  operator: ConditionOperator,
  actual: string,
  expected: readonly PolicyValue[],
): boolean {
  return expected.some((value) => compare(operator, actual, value));
}

/** One request value against the operator; a negated operator matches when no value does. */
function test(operator: ConditionOperator, actual: string, expected: readonly PolicyValue[]) {
  return operator.negated
    ? !matchesAny(operator, actual, expected)
    : matchesAny(operator, actual, expected);
}

function evaluateKey(
  operator: ConditionOperator,
  present: readonly string[] | undefined,
  expected: readonly PolicyValue[],
): boolean {
  if (operator.comparison === "Null") {
    // `"true"` asks for the key to be absent, `"false"` for it to be present.
    return expected.some(
      (value) => value !== null && parseBoolValue(partsToText(value)) === (present === undefined),
    );
  }
  if (operator.set === "ForAllValues") {
    return present === undefined || present.every((actual) => test(operator, actual, expected));
  }
  if (operator.set === "ForAnyValue") {
    if (present === undefined) return operator.ifExists;
    return present.some((actual) => test(operator, actual, expected));
  }
  if (present === undefined) return operator.negated || operator.ifExists;
  // A multi-valued key under a single-value operator: positive if any value matches, negated if none does.
  const any = present.some((actual) => matchesAny(operator, actual, expected));
  return operator.negated ? !any : any;
}

function lookup(context: NormalizedContext, key: string): readonly string[] | undefined {
  const value = context.get(key.toLowerCase());
  if (value === undefined) return undefined;
  if (typeof value === "string") return [value];
  return value.length === 0 ? undefined : value;
}

/**
 * `true` when every operator, and every key under it, holds (AND); the values of one key are ORed,
 * or ANDed for negated operators.
 * @internal
 */
export function evaluateCondition(
  block: ConditionBlock,
  context: NormalizedContext,
  variables: boolean,
): boolean {
  for (const [name, keys] of Object.entries(block)) {
    const operator = parseConditionOperator(name);
    if (operator === undefined) return false;
    for (const [key, raw] of Object.entries(keys)) {
      const values: readonly ConditionValue[] = Array.isArray(raw) ? raw : [raw];
      const expected = values.map((value): PolicyValue => {
        const text = conditionValueText(value);
        return variables ? substituteVariables(text, context) : text;
      });
      if (!evaluateKey(operator, lookup(context, key), expected)) return false;
    }
  }
  return true;
}
