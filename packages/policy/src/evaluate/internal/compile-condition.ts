/**
 * A statement's `Condition` block, compiled once: operator names parsed, key names lower-cased,
 * and every value that holds no policy variable read ahead into what its operator compares (CIDR
 * blocks as network bytes, wildcard patterns compiled, numbers, dates, booleans, base64 decoded).
 * Values with a variable (`${aws:username}`) are substituted per request, as before. This file
 * holds the keys and their evaluation (set operators, `IfExists`, `Null`, negation); the tests of
 * variable-free values are in `compile-static-test.ts`, the per-request comparisons in
 * `condition-comparison.ts`.
 *
 * @internal
 * @packageDocumentation
 */

import type { ConditionBlock, ConditionValue } from "../../document/policy-document.js";
import { compileStatic, type StaticTest } from "./compile-static-test.js";
import { compareResolved, type PolicyValue } from "./condition-comparison.js";
import type { ConditionOperator } from "./condition-operator.js";
import { parseConditionOperator } from "./condition-operator.js";
import { FALSE, not, TRUE, type Truth, truth, UNKNOWN } from "./condition-truth.js";
import { conditionValueText, parseBoolValue } from "./condition-values.js";
import { partsToText, substituteVariables } from "./policy-variables.js";
import type { RequestState } from "./request-state.js";

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

const NO_VALUES: readonly PolicyValue[] = [];

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
