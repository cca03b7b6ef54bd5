/**
 * Where in a config file an import failed: the file:line:column of a syntax error (Node's ESM
 * loader does not say, `node --check` does) or of an error thrown while the module ran (its stack).
 * @internal
 * @packageDocumentation
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

/** @internal A position in the config file, and the message to show for it. */
export interface ConfigErrorLocation {
  line: number;
  column: number;
  /** `SyntaxError: Unexpected identifier 'routes'`, or the thrown error's `name: message`. */
  message: string;
}

/** Bound on the `node --check` run: the error path must not hang on a stuck child. */
const CHECK_TIMEOUT_MS = 10_000;
const MAX_OUTPUT_BYTES = 64 * 1024;

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

function sameFile(location: string, file: string): boolean {
  if (location.startsWith("file://")) {
    try {
      return fileURLToPath(location) === file;
    } catch {
      return false;
    }
  }
  return location === file;
}

/**
 * @internal The first stack frame of `error` inside `file` (`at file:///.../gateway.config.mjs:2:7`,
 * or a plain path), or `undefined`.
 */
export function locateInStack(error: unknown, file: string): ConfigErrorLocation | undefined {
  const stack = error instanceof Error ? error.stack : undefined;
  if (typeof stack !== "string") return undefined;
  for (const frame of stack.split("\n")) {
    const text = frame.trim();
    if (!text.startsWith("at ")) continue;
    const match = /\(?((?:file:\/\/)?[^\s()]+):(\d+):(\d+)\)?$/.exec(text);
    if (match !== null && sameFile(match[1] as string, file)) {
      return { line: Number(match[2]), column: Number(match[3]), message: describeError(error) };
    }
  }
  return undefined;
}

/**
 * @internal Parses Node's syntax-error report (`/path:3\n<source line>\n    ^^^^\n\nSyntaxError: ...`)
 * for `file`. Exported for tests.
 */
export function parseSyntaxReport(report: string, file: string): ConfigErrorLocation | undefined {
  const lines = report.split("\n");
  const header = lines.findIndex(
    (text) => text.startsWith(`${file}:`) && /^\d+$/.test(text.slice(file.length + 1)),
  );
  if (header === -1) return undefined;
  const line = Number((lines[header] as string).slice(file.length + 1));
  const caret = lines[header + 2] ?? "";
  const column = caret.indexOf("^") + 1;
  const message = lines.find((text) => /^[A-Z][A-Za-z]*Error: /.test(text));
  if (!Number.isInteger(line) || message === undefined) return undefined;
  return { line, column: column > 0 ? column : 1, message };
}

/**
 * @internal Runs `node --check file` (this Node, bounded by a timeout) and reads the location of its
 * syntax error; `undefined` when the file parses or the check could not run.
 */
export function checkSyntax(file: string): Promise<ConfigErrorLocation | undefined> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--check", file],
      { timeout: CHECK_TIMEOUT_MS, maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true },
      (error, _stdout, stderr) => {
        resolve(error === null ? undefined : parseSyntaxReport(String(stderr), file));
      },
    );
  });
}
