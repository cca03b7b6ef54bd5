/**
 * What `GATEHOUSE_DEBUG=1` adds to an error: its stack and the chain of causes behind it.
 * @internal
 * @packageDocumentation
 */

const MAX_DEPTH = 8;

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * @internal The stack of `error` (unless it is a command's own error, whose stack says nothing),
 * then each `cause`, at most eight deep.
 */
export function debugReport(error: unknown, ownError: boolean): string {
  const lines: string[] = ownError ? [] : [describe(error)];
  let cause = error instanceof Error ? error.cause : undefined;
  for (let depth = 0; cause !== undefined && depth < MAX_DEPTH; depth++) {
    lines.push(`caused by: ${describe(cause)}`);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return lines.join("\n");
}
