import type { CliIo, CliStream } from "../cli-io.js";

const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
} as const;

/** A colour function; the identity when colours are off. @internal */
export type Paint = (text: string) => string;

/** Writing results (stdout) and messages (stderr), coloured only on a terminal. @internal */
export interface Output {
  readonly colour: boolean;
  readonly bold: Paint;
  readonly dim: Paint;
  readonly red: Paint;
  readonly green: Paint;
  readonly yellow: Paint;
  readonly cyan: Paint;
  /** Writes a line to stdout. */
  line(text?: string): void;
  /** Writes a line to stderr. */
  note(text?: string): void;
  /** Writes `value` as indented JSON to stdout. */
  json(value: unknown): void;
}

/**
 * Colours only when stdout is a TTY, `NO_COLOR` is unset or empty (https://no-color.org),
 * `TERM` is not `dumb` and `--no-color` was not given.
 * @internal
 */
export function wantsColour(stream: CliStream, env: CliIo["env"], noColorFlag: boolean): boolean {
  if (noColorFlag) return false;
  const noColor = env["NO_COLOR"];
  if (noColor !== undefined && noColor !== "") return false;
  if (env["TERM"] === "dumb") return false;
  return stream.isTTY === true;
}

/** @internal */
export function createOutput(io: CliIo, colour: boolean): Output {
  const paint = (name: keyof typeof CODES): Paint => {
    if (!colour) return (text) => text;
    const [open, close] = CODES[name];
    return (text) => `\u001b[${open}m${text}\u001b[${close}m`;
  };
  return {
    colour,
    bold: paint("bold"),
    dim: paint("dim"),
    red: paint("red"),
    green: paint("green"),
    yellow: paint("yellow"),
    cyan: paint("cyan"),
    line: (text = "") => io.stdout.write(`${text}\n`),
    note: (text = "") => io.stderr.write(`${text}\n`),
    json: (value) => io.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
  };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI colour codes is the point.
const ANSI = /\u001b\[[0-9;]*m/g;

/** The printed width of `text`, colour codes left out. @internal */
export function visibleLength(text: string): number {
  return text.replace(ANSI, "").length;
}

/**
 * Renders rows as an aligned text table with a header rule. Cells may carry colour codes.
 * @internal
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = headers.map((header, column) =>
    Math.max(visibleLength(header), ...rows.map((row) => visibleLength(row[column] ?? ""))),
  );
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1
          ? cell
          : cell + " ".repeat((widths[column] ?? 0) - visibleLength(cell)),
      )
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [format(headers), rule, ...rows.map(format)].join("\n");
}
