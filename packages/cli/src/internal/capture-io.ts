import type { CliIo } from "../cli-io.js";
import { run } from "../run.js";

/** What an in-process run printed. @internal (tests) */
export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process with captured output, an empty environment unless given, and no
 * colours (not a TTY). @internal (tests)
 */
export async function runCaptured(
  argv: readonly string[],
  io: Partial<CliIo> = {},
): Promise<Captured> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    env: {},
    stdin: (async function* () {})(),
    ...io,
    stdout: {
      write: (text: string) => {
        stdout += text;
      },
      isTTY: io.stdout?.isTTY,
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
      },
    },
  });
  return { code, stdout, stderr };
}

/** A stdin that yields `text`. @internal (tests) */
export function stdinOf(text: string): AsyncIterable<string> {
  return (async function* () {
    yield text;
  })();
}
