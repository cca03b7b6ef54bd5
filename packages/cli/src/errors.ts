import { EXIT_CODES, type ExitCode } from "./exit-codes.js";

/**
 * Why a command stopped: `usage` (the command line is wrong, exit 2), `denied` (a service said
 * no, exit 1) or `runtime` (something failed, exit 3). Commands that check something return
 * exit code 1 for a negative answer without throwing.
 */
export type CliErrorCode = "usage" | "denied" | "runtime";

/**
 * The error a command throws to stop with a message and an exit code. Messages never contain a
 * token, a secret key, a session token or a signature.
 *
 * @example
 * ```ts
 * throw new CliError("usage", "--region is required for a non-AWS host");
 * ```
 */
export class CliError extends Error {
  override readonly name = "CliError";
  readonly code: CliErrorCode;
  /** One line that says what to do about it, printed after the message. */
  readonly hint: string | undefined;

  constructor(
    code: CliErrorCode,
    message: string,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
  }

  /** The process exit code for this error. */
  get exitCode(): ExitCode {
    if (this.code === "usage") return EXIT_CODES.usage;
    return this.code === "denied" ? EXIT_CODES.checkFailed : EXIT_CODES.runtime;
  }
}

/** Whether `value` is a {@link CliError} (also across copies of the package). */
export function isCliError(value: unknown): value is CliError {
  const code = (value as { code?: unknown } | null)?.code;
  return (
    value instanceof Error &&
    value.name === "CliError" &&
    (code === "usage" || code === "denied" || code === "runtime")
  );
}

/** Shorthand for a usage error (exit 2). @internal */
export function usageError(message: string, hint?: string): CliError {
  return new CliError("usage", message, hint === undefined ? {} : { hint });
}
