import { type CliIo, processIo } from "./cli-io.js";
import { audit } from "./commands/audit.js";
import { credentials } from "./commands/credentials.js";
import { demo } from "./commands/demo.js";
import { dev } from "./commands/dev.js";
import { policyGenerate } from "./commands/policy-generate.js";
import { policyIdentityPool } from "./commands/policy-identity-pool.js";
import { policyLint } from "./commands/policy-lint.js";
import { policySimulate } from "./commands/policy-simulate.js";
import { sign } from "./commands/sign.js";
import { tokenDecode } from "./commands/token-decode.js";
import { tokenVerify } from "./commands/token-verify.js";
import { type CliError, isCliError } from "./errors.js";
import { EXIT_CODES, type ExitCode } from "./exit-codes.js";
import { asRuntimeError, type CommandSpec, runCommand } from "./internal/command.js";
import { causeMessage, causesOf, scrubSecrets } from "./internal/error-chain.js";
import { createOutput, wantsColour } from "./internal/output.js";
import { CLI_VERSION } from "./version.js";

interface CommandGroup {
  name: string;
  summary: string;
  commands: readonly CommandSpec[];
  /** The command `gatehouse {group} --flag` runs. */
  implicit?: CommandSpec;
}

const GROUPS: readonly CommandGroup[] = [
  {
    name: "policy",
    summary: "generate, lint and simulate API Gateway resource policies and identity-pool roles",
    commands: [policyGenerate, policyLint, policySimulate, policyIdentityPool],
    implicit: policyGenerate,
  },
  { name: "token", summary: "decode and verify JWTs", commands: [tokenDecode, tokenVerify] },
];

const COMMANDS: readonly CommandSpec[] = [sign, credentials, dev, audit, demo];

const ALL_COMMANDS: readonly CommandSpec[] = [
  ...GROUPS.flatMap((group) => group.commands),
  ...COMMANDS,
];

function mainHelp(): string {
  const rows: Array<[string, string]> = [];
  for (const group of GROUPS) {
    for (const command of group.commands) rows.push([command.path.join(" "), command.summary]);
  }
  for (const command of COMMANDS) rows.push([command.path.join(" "), command.summary]);
  const width = Math.max(...rows.map(([name]) => name.length));
  return [
    `gatehouse ${CLI_VERSION}: secure AWS API Gateway APIs from the command line`,
    "",
    "Usage: gatehouse <command> [options]",
    "",
    "Commands:",
    ...rows.map(([name, summary]) => `  ${name.padEnd(width)}  ${summary}`),
    "",
    "Run `gatehouse <command> --help` for a command's options and examples.",
    "Start here: `gatehouse demo` runs a local API Gateway and shows who gets in, and why.",
    "",
    "Exit codes:",
    "  0  ok",
    "  1  a check failed: lint errors, a denied or failed request, an invalid token, an unintended cell in an audit, a demo row that did not match",
    "  2  usage error: unknown command or option, missing or invalid argument",
    "  3  runtime error: network, server or unexpected failure",
    "",
    "Colours only on a terminal; NO_COLOR=1 or --no-color turns them off.",
  ].join("\n");
}

function groupHelp(group: CommandGroup): string {
  const width = Math.max(...group.commands.map((c) => c.path.join(" ").length));
  return [
    `gatehouse ${group.name}: ${group.summary}`,
    "",
    `Usage: gatehouse ${group.name} <command> [options]`,
    "",
    "Commands:",
    ...group.commands.map((c) => `  ${c.path.join(" ").padEnd(width)}  ${c.summary}`),
    "",
    `Run \`gatehouse ${group.name} <command> --help\` for details.`,
  ].join("\n");
}

function resolve(argv: readonly string[]): { spec: CommandSpec; rest: readonly string[] } | string {
  const [first, second] = argv;
  const group = GROUPS.find((g) => g.name === first);
  if (group !== undefined) {
    if (second === undefined || second === "--help" || second === "-h" || second === "help") {
      return groupHelp(group);
    }
    const command = group.commands.find((c) => c.path[1] === second);
    if (command !== undefined) return { spec: command, rest: argv.slice(2) };
    if (second.startsWith("-") && group.implicit !== undefined) {
      return { spec: group.implicit, rest: argv.slice(1) };
    }
    throw new UnknownCommand(
      `unknown command: gatehouse ${group.name} ${second}`,
      `Run \`gatehouse ${group.name} --help\`.`,
    );
  }
  const command = COMMANDS.find((c) => c.path[0] === first);
  if (command !== undefined) return { spec: command, rest: argv.slice(1) };
  throw new UnknownCommand(
    `unknown command: ${JSON.stringify(first)}`,
    "Run `gatehouse --help` for the commands.",
  );
}

class UnknownCommand extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/**
 * Runs the `gatehouse` command with `argv` (the arguments after `gatehouse`) and resolves to its
 * exit code; never throws and never calls `process.exit`. Output goes to `io` (the process's
 * streams by default), so tests and other tools can run it in-process.
 *
 * @param argv - e.g. `["policy", "lint", "policy.json", "--auth-type", "LAMBDA"]`.
 * @param io - streams, environment, working directory, `fetch` and an abort signal; each defaults
 *   to the process's.
 * @returns 0 ok, 1 check failed / denied, 2 usage error, 3 runtime error ({@link EXIT_CODES}).
 * @example
 * ```ts
 * let out = "";
 * const code = await run(["policy", "generate", "--deny-ip", "198.51.100.0/24"], {
 *   stdout: { write: (text) => (out += text) },
 * });
 * ```
 */
export async function run(argv: readonly string[], io: Partial<CliIo> = {}): Promise<ExitCode> {
  const full: CliIo = { ...processIo(), ...io };
  const out = createOutput(full, wantsColour(full.stderr, full.env, argv.includes("--no-color")));
  const [first] = argv;
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    if (first === "help" && argv[1] !== undefined) return run([...argv.slice(1), "--help"], io);
    out.line(mainHelp());
    return first === undefined ? EXIT_CODES.usage : EXIT_CODES.ok;
  }
  if (first === "--version" || first === "-V" || first === "version") {
    out.line(CLI_VERSION);
    return EXIT_CODES.ok;
  }
  try {
    const resolved = resolve(argv);
    if (typeof resolved === "string") {
      out.line(resolved);
      return EXIT_CODES.ok;
    }
    const code = await runCommand(resolved.spec, resolved.rest, full, ALL_COMMANDS);
    return code as ExitCode;
  } catch (caught) {
    if (caught instanceof UnknownCommand) {
      out.note(`${out.red("error:")} ${caught.message}`);
      out.note(caught.hint);
      return EXIT_CODES.usage;
    }
    const error = isCliError(caught) ? caught : asRuntimeError(caught, "unexpected error");
    const flag = full.env["GATEHOUSE_DEBUG"];
    const debug = flag !== undefined && flag !== "" && flag !== "0";
    for (const line of describeError(error, { debug })) {
      out.note(
        scrubSecrets(
          line.startsWith("error: ") ? `${out.red("error:")}${line.slice(6)}` : line,
          full.env,
        ),
      );
    }
    return error.exitCode;
  }
}

/**
 * The lines printed for an error: `error: <message>`, one `  cause: <code>: <message>` line per
 * cause not already said, the hints, and with `debug` the stacks.
 */
function describeError(error: CliError, options: { debug: boolean }): string[] {
  const lines = [`error: ${error.message}`];
  const said = () => lines.join("\n");
  const causes = causesOf(error);
  for (const cause of causes) {
    // A cause the message already states (a library error the CLI put in its own words) is
    // skipped; what it does not say (the cause behind it) is printed.
    const message = causeMessage(error, cause);
    if (message !== "" && (said().includes(cause.message) || said().includes(message))) continue;
    if (cause.depth === 1 && cause.code !== undefined && said().includes(cause.code)) continue;
    const text =
      message === ""
        ? cause.label
        : message.includes(cause.label)
          ? message
          : `${cause.label}: ${message}`;
    if (!said().includes(text)) lines.push(`  cause: ${text}`);
  }
  for (const hint of [error.hint, ...causes.map((cause) => cause.hint)]) {
    if (hint !== undefined && !said().includes(hint)) lines.push(hint);
  }
  if (options.debug) {
    for (const cause of causes) {
      if (cause.stack !== undefined) lines.push(`  stack of ${cause.label}: ${cause.stack}`);
    }
  }
  return lines;
}
