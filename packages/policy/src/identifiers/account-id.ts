import { type IdentifierProblem, identifierError, quote } from "./internal/identifier-error.js";

const ACCOUNT_ID = /^\d{12}$/;

/** @internal Why `value` is not an account id, or `undefined`. */
export function accountIdProblem(value: unknown): IdentifierProblem | undefined {
  if (typeof value === "string" && ACCOUNT_ID.test(value)) return undefined;
  const hint =
    typeof value === "number"
      ? " (write it as a string: a number loses leading zeros)"
      : typeof value === "string" && /^\d+$/.test(value)
        ? ` (it has ${value.length})`
        : "";
  return {
    message: `account id ${quote(value)} is not 12 digits${hint}`,
    expected: "a 12-digit account id such as 123456789012",
  };
}

/**
 * Whether `value` is an AWS account id: exactly 12 decimal digits, as a string.
 *
 * @param value - Anything.
 * @example
 * ```ts
 * isAccountId("012345678901"); // true
 * isAccountId(123456789012); // false: a number loses leading zeros
 * ```
 * @see https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html
 */
export function isAccountId(value: unknown): boolean {
  return accountIdProblem(value) === undefined;
}

/**
 * Checks an AWS account id.
 *
 * @param value - The account id, e.g. `123456789012`.
 * @param path - Where the value sits in the caller's input, reported as the error `path`.
 * @returns `value`.
 * @throws PolicyError `invalid_account_id` for anything but 12 digits in a string.
 * @example
 * ```ts
 * parseAccountId("123456789012"); // "123456789012"
 * parseAccountId("12345"); // throws PolicyError invalid_account_id
 * ```
 * @see https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html
 */
export function parseAccountId(value: unknown, path = "accountId"): string {
  const problem = accountIdProblem(value);
  if (problem !== undefined) throw identifierError("invalid_account_id", problem, path, value);
  return value as string;
}
