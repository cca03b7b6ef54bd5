import { parseArgs } from "node:util";
import type { CliIo } from "../cli-io.js";
import { CliError, usageError } from "../errors.js";
import { createOutput, type Output, wantsColour } from "./output.js";

/** One option of a command, as `node:util` parseArgs takes it plus help text. @internal */
export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  /** Repeatable; comma-separated values are split too when `list` is set. */
  multiple?: boolean;
  /** Split each value on commas (`--deny-ip 192.0.2.0/24,198.51.100.7`). */
  list?: boolean;
  /** The placeholder shown in help, e.g. `<cidr>`. */
  value?: string;
  /** The allowed values (checked; shown in help). */
  choices?: readonly string[];
  description: string;
  /** Shown in help as `(default ...)`; the command applies it. */
  defaultText?: string;
}

/** A runnable command: its help, its options and what it does. @internal */
export interface CommandSpec {
  /** `["policy", "lint"]`. */
  path: readonly string[];
  summary: string;
  /** Arguments after the command, for the usage line: `<file>`. */
  args?: string;
  /** Paragraphs after the usage line. */
  description?: readonly string[];
  options: Readonly<Record<string, OptionSpec>>;
  positionals: { min: number; max: number };
  examples: readonly string[];
  /** What each exit code means for this command. */
  exitCodes: readonly string[];
  run(context: CommandContext): Promise<number>;
}

/** What a command's `run` gets. @internal */
export interface CommandContext {
  io: CliIo;
  out: Output;
  positionals: readonly string[];
  /** The option's last value; `undefined` when absent. */
  string(name: string): string | undefined;
  /** Every value of a repeatable option, comma lists split for `list` options. */
  strings(name: string): string[];
  flag(name: string): boolean;
  /** The option's value checked against its `choices`, or `fallback`. */
  choice<T extends string>(name: string, fallback: T): T;
  /** A required string option: a usage error when absent. */
  required(name: string): string;
}

const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  help: { type: "boolean", short: "h", description: "Show this help" },
  "no-color": {
    type: "boolean",
    description: "No colours (also: NO_COLOR=1, or when not a terminal)",
  },
};

/** `gatehouse policy lint`. @internal */
export function commandName(spec: Pick<CommandSpec, "path">): string {
  return ["gatehouse", ...spec.path].join(" ");
}

/** Parses `argv` for `spec` and runs it; usage errors become `CliError("usage")`. @internal */
export async function runCommand(
  spec: CommandSpec,
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  const options = { ...spec.options, ...COMMON_OPTIONS };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: Object.fromEntries(
        Object.entries(options).map(([name, option]) => [
          name,
          {
            type: option.type,
            ...(option.short === undefined ? {} : { short: option.short }),
            ...(option.multiple === true ? { multiple: true } : {}),
          },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw usageError(message, `Run \`${commandName(spec)} --help\` for the options.`);
  }
  const values = parsed.values as Record<
    string,
    string | boolean | (string | boolean)[] | undefined
  >;
  const out = createOutput(io, wantsColour(io.stdout, io.env, values["no-color"] === true));
  if (values["help"] === true) {
    out.line(renderHelp(spec));
    return 0;
  }
  const { positionals } = parsed;
  if (positionals.length < spec.positionals.min) {
    throw usageError(
      `${commandName(spec)}: missing ${spec.args ?? "argument"}`,
      `Usage: ${usageLine(spec)}`,
    );
  }
  if (positionals.length > spec.positionals.max) {
    throw usageError(
      `${commandName(spec)}: unexpected argument ${JSON.stringify(positionals[spec.positionals.max])}`,
      `Usage: ${usageLine(spec)}`,
    );
  }
  const all = (name: string): string[] => {
    const value = values[name];
    const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
    const strings = list.filter((item): item is string => typeof item === "string");
    if (options[name]?.list !== true) return strings;
    return strings
      .flatMap((item) => item.split(","))
      .map((item) => item.trim())
      .filter(Boolean);
  };
  const checkChoice = (name: string, value: string): string => {
    const choices = options[name]?.choices;
    if (choices !== undefined && !choices.includes(value)) {
      throw usageError(
        `--${name} must be one of ${choices.join(", ")}; got ${JSON.stringify(value)}`,
      );
    }
    return value;
  };
  const context: CommandContext = {
    io,
    out,
    positionals,
    string: (name) => {
      const value = all(name).at(-1);
      return value === undefined ? undefined : checkChoice(name, value);
    },
    strings: (name) => all(name).map((value) => checkChoice(name, value)),
    flag: (name) => values[name] === true,
    choice: <T extends string>(name: string, fallback: T) => {
      const value = all(name).at(-1);
      return (value === undefined ? fallback : checkChoice(name, value)) as T;
    },
    required: (name) => {
      const value = all(name).at(-1);
      if (value === undefined || value === "") {
        throw usageError(
          `${commandName(spec)}: --${name} is required`,
          `Run \`${commandName(spec)} --help\`.`,
        );
      }
      return checkChoice(name, value);
    },
  };
  return spec.run(context);
}

function usageLine(spec: CommandSpec): string {
  return `${commandName(spec)}${spec.args === undefined ? "" : ` ${spec.args}`} [options]`;
}

/** The `--help` text of a command. @internal */
export function renderHelp(spec: CommandSpec): string {
  const options = { ...spec.options, ...COMMON_OPTIONS };
  const rows = Object.entries(options).map(([name, option]) => {
    const flag = `${option.short === undefined ? "    " : `-${option.short}, `}--${name}${
      option.type === "string" ? ` ${option.value ?? "<value>"}` : ""
    }`;
    const details = [option.description];
    if (option.choices !== undefined) details.push(`one of: ${option.choices.join(", ")}`);
    if (option.defaultText !== undefined) details.push(`default: ${option.defaultText}`);
    if (option.multiple === true) details.push("repeatable");
    return [flag, details.join("; ")] as const;
  });
  const width = Math.min(40, Math.max(...rows.map(([flag]) => flag.length)));
  const lines = [
    `${commandName(spec)}: ${spec.summary}`,
    "",
    `Usage: ${usageLine(spec)}`,
    ...(spec.description ?? []).flatMap((paragraph) => ["", paragraph]),
    "",
    "Options:",
    ...rows.map(([flag, text]) =>
      flag.length > width
        ? `  ${flag}\n  ${" ".repeat(width)}  ${text}`
        : `  ${flag.padEnd(width)}  ${text}`,
    ),
    "",
    "Examples:",
    ...spec.examples.map((example) => `  $ ${example}`),
    "",
    "Exit codes:",
    ...spec.exitCodes.map((line) => `  ${line}`),
  ];
  return lines.join("\n");
}

/** Re-throws anything but a {@link CliError} as a runtime error with a plain message. @internal */
export function asRuntimeError(error: unknown, what: string): CliError {
  if (error instanceof CliError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CliError("runtime", `${what}: ${message}`, { cause: error });
}
