import { type IdentifierProblem, identifierError, quote } from "./internal/identifier-error.js";

const API_ID = /^[a-z0-9]{1,32}$/;

/** @internal Why `value` is not a concrete API id, or `undefined`. */
export function apiIdProblem(value: unknown): IdentifierProblem | undefined {
  if (typeof value === "string" && API_ID.test(value)) return undefined;
  const hint =
    typeof value === "string" && /^[A-Za-z0-9]{1,32}$/.test(value)
      ? ` (write ${quote(value.toLowerCase())}: API Gateway ids are lower case)`
      : "";
  return {
    message: `API id ${quote(value)} is not 1 to 32 lower-case letters and digits${hint}`,
    expected: "an API id such as a1b2c3d4e5",
  };
}

/**
 * Whether `value` is a concrete API Gateway API id: lower-case letters and digits, 1 to 32 of them
 * (API Gateway generates 10).
 *
 * @param value - Anything.
 * @example
 * ```ts
 * isApiId("puhdx84jy9"); // true
 * isApiId("my-api"); // false
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html
 */
export function isApiId(value: unknown): boolean {
  return apiIdProblem(value) === undefined;
}

/**
 * Checks a concrete API Gateway API id (REST, HTTP or WebSocket).
 *
 * @param value - The id, e.g. `puhdx84jy9`.
 * @param path - Where the value sits in the caller's input, reported as the error `path`.
 * @returns `value`.
 * @throws PolicyError `invalid_api_id` for anything but 1 to 32 lower-case letters and digits.
 * @example
 * ```ts
 * parseApiId("a1b2c3d4e5"); // "a1b2c3d4e5"
 * parseApiId("A1B2"); // throws, and suggests "a1b2"
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html
 */
export function parseApiId(value: unknown, path = "apiId"): string {
  const problem = apiIdProblem(value);
  if (problem !== undefined) throw identifierError("invalid_api_id", problem, path, value);
  return value as string;
}
