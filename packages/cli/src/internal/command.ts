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
  /** Whether the option was given on the command line (any value, `false` never). */
  given(name: string): boolean;
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

/**
 * Parses `argv` for `spec` and runs it; usage errors become `CliError("usage")`. `commands` (every
 * command of the CLI) lets an unknown option be named as another command's.
 * @internal
 */
export async function runCommand(
  spec: CommandSpec,
  argv: readonly string[],
  io: CliIo,
  commands: readonly CommandSpec[] = [],
): Promise<number> {
  const options = { ...spec.options, ...COMMON_OPTIONS };
  const config = Object.fromEntries(
    Object.entries(options).map(([name, option]) => [
      name,
      {
        type: option.type,
        ...(option.short === undefined ? {} : { short: option.short }),
        ...(option.multiple === true ? { multiple: true } : {}),
      },
    ]),
  );
  // A lenient pass first: its tokens name every unknown option (no message to parse), so the error
  // can say whose option it is or what was meant.
  const { tokens } = parseArgs({
    args: [...argv],
    options: config,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind === "option" && !Object.hasOwn(options, token.name)) {
      throw unknownOption(spec, token.rawName, token.name, commands);
    }
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options: config, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw usageError(
      `${commandName(spec)}: ${message}`,
      `Run \`${commandName(spec)} --help\` for the options.`,
    );
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
    given: (name) => values[name] !== undefined && values[name] !== false,
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

function unknownOption(
  spec: CommandSpec,
  rawName: string,
  name: string,
  commands: readonly CommandSpec[],
): Error {
  const owners = commands
    .filter((other) => other !== spec && Object.hasOwn(other.options, name))
    .map((other) => `\`${commandName(other)}\``);
  const help = `Run \`${commandName(spec)} --help\` for its options.`;
  if (owners.length > 0) {
    return usageError(
      `${rawName} is an option of ${owners.join(", ")}, not of \`${commandName(spec)}\``,
      help,
    );
  }
  const close = Object.keys({ ...spec.options, ...COMMON_OPTIONS }).filter(
    (known) => rawName.startsWith("--") && editDistance(known, name) <= 2,
  );
  return usageError(
    `${commandName(spec)}: unknown option ${rawName}`,
    close.length > 0
      ? `Did you mean ${close.map((known) => `--${known}`).join(" or ")}? ${help}`
      : help,
  );
}

/** Levenshtein distance, for "did you mean" (option names are short). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Refuses `flags` that were given when they do not fit the rest of the command line (an
 * authorizer answer for a method without a Lambda authorizer): a usage error, never silently
 * ignored.
 * @param rule.needs - what the flags need, in the user's words: `--auth-type LAMBDA`.
 * @param rule.here - what the command line has instead: `NONE, the default`.
 * @internal
 */
export function refuseUnless(
  context: CommandContext,
  flags: readonly string[],
  rule: { fits: boolean; needs: string; here?: string; hint?: string },
): void {
  if (rule.fits) return;
  const given = flags.filter((flag) => context.given(flag)).map((flag) => `--${flag}`);
  if (given.length === 0) return;
  throw usageError(
    `${given.join(", ")} ${given.length === 1 ? "needs" : "need"} ${rule.needs}${
      rule.here === undefined ? "" : ` (here: ${rule.here})`
    }`,
    rule.hint ?? `Add ${rule.needs}, or leave out ${given.join(", ")}.`,
  );
}

/** Refuses two options that contradict each other (exit 2). @internal */
export function refuseTogether(
  context: CommandContext,
  flag: string,
  others: readonly string[],
): void {
  if (!context.given(flag)) return;
  const clash = others.filter((other) => context.given(other));
  if (clash.length === 0) return;
  throw usageError(
    `--${flag} cannot be combined with ${clash.map((other) => `--${other}`).join(", ")}`,
    `Give one or the other.`,
  );
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
