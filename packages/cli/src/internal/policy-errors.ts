import { isPolicyError } from "@gatehouse/policy";
import { CliError } from "../errors.js";

/**
 * A `PolicyError` or `TypeError` from @gatehouse/policy is a problem with what was given on the
 * command line or in a file: a usage error (exit 2) that keeps the code and the path.
 * @internal
 */
export function policyInputError(error: unknown, source?: string): unknown {
  if (isPolicyError(error)) {
    const where = error.path === undefined || error.path === "" ? "" : ` at ${error.path}`;
    return new CliError(
      "usage",
      `${source === undefined ? "" : `${source}: `}${error.code}${where}: ${error.message}`,
      {
        cause: error,
      },
    );
  }
  if (error instanceof TypeError) {
    return new CliError("usage", `${source === undefined ? "" : `${source}: `}${error.message}`, {
      cause: error,
    });
  }
  return error;
}
