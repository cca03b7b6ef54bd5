/**
 * How the identifier checks report a problem: one sentence that says what to write instead, and
 * the `expected` form, so the same rule can throw under its own code (`invalid_region`) or under
 * the code of the caller that embeds it (`invalid_arn` inside an ARN).
 *
 * @internal
 * @packageDocumentation
 */
import { PolicyError, type PolicyErrorCode } from "../../errors.js";

/** @internal What is wrong with a value, in words. */
export interface IdentifierProblem {
  /** A sentence without the field path, e.g. `region "us-east-1a" is not an AWS region`. */
  message: string;
  /** The expected form, e.g. `a region such as us-east-1`. */
  expected: string;
}

/** @internal Shortens a value for `actual` and messages (never a secret: identifiers only). */
export function shortValue(value: unknown): unknown {
  return typeof value === "string" && value.length > 120 ? `${value.slice(0, 117)}...` : value;
}

/**
 * @internal A value for a message: a string quoted and shortened, a primitive as text, anything
 * else by its kind (never by calling its own `toString`, which may throw or lie).
 */
export function quote(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(shortValue(value));
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "object":
      return "an object";
    case "function":
      return "a function";
    case "symbol":
      return "a symbol";
    default:
      return String(value);
  }
}

/** @internal A `PolicyError` for a problem; the field path goes in `path`, not the message. */
export function identifierError(
  code: PolicyErrorCode,
  problem: IdentifierProblem,
  path: string,
  actual: unknown,
): PolicyError {
  return new PolicyError(code, problem.message, {
    path,
    expected: problem.expected,
    actual: shortValue(actual),
  });
}
