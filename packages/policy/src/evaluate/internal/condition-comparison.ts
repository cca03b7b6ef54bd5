/**
 * One request value against one policy value, per comparison (string, wildcard, ARN, numeric,
 * date, bool, binary, IP): the per-request path of values holding a policy variable, and the
 * helpers the compiled tests share.
 * @internal
 * @packageDocumentation
 */

import { cidrNetwork, networkContains } from "../../cidr/cidr-contains.js";
import type { Cidr } from "../../cidr/parse-cidr.js";
import { parseCidr } from "../../cidr/parse-cidr.js";
import type { CompiledWildcard, WildcardPart } from "../../wildcard/wildcard.js";
import { compilePattern, matchCompiledWildcard } from "../../wildcard/wildcard.js";
import type { Comparison } from "./condition-operator.js";
import { FALSE, type Truth, truth, UNKNOWN } from "./condition-truth.js";
import {
  decodeBase64Value,
  parseBoolValue,
  parseDateValue,
  parseNumericValue,
} from "./condition-values.js";
import { partsToText } from "./policy-variables.js";
import type { RequestState } from "./request-state.js";
import { addressOf } from "./request-state.js";

/**
 * @internal A policy value after variable substitution; `null` = unresolved variable, matches
 * nothing.
 */
export type PolicyValue = string | readonly WildcardPart[] | null;

const cidrCache = new Map<string, Cidr | null>();

/** @internal A CIDR block, parsed once (`null`: not a block). */
export function cidrOf(text: string): Cidr | null {
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

/** @internal `actual` against `expected` for a numeric or date comparison. */
export function compareNumbers(
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

/**
 * @internal ARNs are compared per colon-separated part; the sixth part (resource) keeps its own
 * colons.
 */
export function splitArn(arn: string): string[] | undefined {
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

/** @internal Each part of an ARN against its compiled pattern. */
export function matchesArnParts(
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

/**
 * @internal One request value against one substituted value (the per-request path of variable
 * values).
 */
export function compareResolved(
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
