/**
 * The exit codes of the `gatehouse` command. Stable: scripts and CI jobs branch on them.
 *
 * @example
 * ```ts
 * const code = await run(["policy", "lint", "policy.json", "--auth-type", "LAMBDA"]);
 * if (code === EXIT_CODES.checkFailed) console.log("the policy has errors");
 * ```
 */
export const EXIT_CODES = {
  /** The command did what was asked and the answer is positive (allowed, valid, no errors). */
  ok: 0,
  /** The command ran and the answer is negative: lint errors, a denied request, an invalid token, an HTTP error response, an unintended cell in an audit, a demo row that did not match. */
  checkFailed: 1,
  /** The command line is wrong: unknown command or option, missing or invalid argument, unreadable input. */
  usage: 2,
  /** Something failed while running: network, a server, an unexpected error. */
  runtime: 3,
} as const;

/** One of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
