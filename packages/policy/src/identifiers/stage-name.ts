import { type IdentifierProblem, identifierError, quote } from "./internal/identifier-error.js";

const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;

/** @internal Why `value` is not a concrete stage name, or `undefined`. */
export function stageNameProblem(value: unknown): IdentifierProblem | undefined {
  if (typeof value === "string" && (value === "$default" || STAGE_NAME.test(value))) {
    return undefined;
  }
  return {
    message: `stage ${quote(value)} is not a stage name: letters, digits, - and _ (at most 128), or $default`,
    expected: "a stage name such as prod, dev_2 or $default",
  };
}

/**
 * Whether `value` is a concrete API Gateway stage name: letters, digits, `-` and `_`, at most 128
 * characters, or `$default` (HTTP APIs). Wildcards are patterns, not stage names.
 *
 * @param value - Anything.
 * @example
 * ```ts
 * isStageName("prod"); // true
 * isStageName("a$b"); // false
 * ```
 * @see https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-stages-stagename.html
 */
export function isStageName(value: unknown): boolean {
  return stageNameProblem(value) === undefined;
}

/**
 * Checks a concrete stage name.
 *
 * @param value - The stage, e.g. `prod` or `$default`.
 * @param path - Where the value sits in the caller's input, reported as the error `path`.
 * @returns `value`.
 * @throws PolicyError `invalid_stage` for anything API Gateway would not deploy.
 * @example
 * ```ts
 * parseStageName("$default"); // "$default"
 * parseStageName("prod/v1"); // throws PolicyError invalid_stage
 * ```
 * @see https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-stages-stagename.html
 */
export function parseStageName(value: unknown, path = "stage"): string {
  const problem = stageNameProblem(value);
  if (problem !== undefined) throw identifierError("invalid_stage", problem, path, value);
  return value as string;
}
