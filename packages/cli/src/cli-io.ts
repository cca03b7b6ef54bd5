import { guardStream } from "./internal/guard-stream.js";

/** Where a command writes: a Node stream or anything with `write`. */
export interface CliStream {
  write(text: string): unknown;
  /** Whether the stream is a terminal (colours are used only then). */
  isTTY?: boolean | undefined;
}

/**
 * The world a command runs in. `run(argv)` uses the process's; tests pass their own to capture the
 * output and to stop long-running commands.
 *
 * @example
 * ```ts
 * let out = "";
 * const code = await run(["token", "decode", jwt], { stdout: { write: (t) => (out += t) } });
 * ```
 */
export interface CliIo {
  /** Results. @default process.stdout */
  stdout: CliStream;
  /** Messages, progress and errors. @default process.stderr */
  stderr: CliStream;
  /** Read when an argument is `-`. @default process.stdin */
  stdin: AsyncIterable<string | Uint8Array>;
  /** Environment variables (credentials, `NO_COLOR`). @default process.env */
  env: Readonly<Record<string, string | undefined>>;
  /** Relative file paths are resolved against it. @default process.cwd() */
  cwd: string;
  /**
   * Stops a long-running command (`dev`). Without it, `dev` stops on SIGINT / SIGTERM.
   */
  signal?: AbortSignal | undefined;
  /** The `fetch` used by `sign` and `credentials`. @default globalThis.fetch */
  fetch: typeof fetch;
}

/**
 * The process's own streams and environment. The streams survive a closed pipe (`| head`): the
 * rest of the output is dropped, no EPIPE crash. @internal
 */
export function processIo(): CliIo {
  return {
    stdout: guardStream(process.stdout),
    stderr: guardStream(process.stderr),
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    fetch: globalThis.fetch,
  };
}
