// The exit codes are a contract with scripts: docs/cli.md, the package README, `gatehouse --help`
// and each command's `--help` must say what src/exit-codes.ts and the commands do, both ways.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
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
import { EXIT_CODES } from "./exit-codes.js";
import { runCaptured } from "./internal/capture-io.js";
import type { CommandSpec } from "./internal/command.js";

const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), "utf8");
const cliDocs = read("../../../docs/cli.md");
const readme = read("../README.md");

const COMMANDS: readonly CommandSpec[] = [
  policyGenerate,
  policyLint,
  policySimulate,
  policyIdentityPool,
  tokenDecode,
  tokenVerify,
  sign,
  credentials,
  dev,
  demo,
];

/** The text of a `## heading` section, up to the next `## `. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`no "## ${heading}" section`);
  const end = markdown.indexOf("\n## ", start + 1);
  return markdown.slice(start, end === -1 ? undefined : end);
}

/** The body rows of the first Markdown table in `text`, as trimmed cells. */
function tableRows(text: string): string[][] {
  const lines = text.split("\n").filter((line) => line.startsWith("|"));
  // lines[0] is the header, lines[1] the `| --- |` rule.
  return lines.slice(2).map((line) =>
    line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim()),
  );
}

const unquote = (cell: string) => cell.replace(/^`|`$/g, "");

/** The program's codes, as `[name, code]`, sorted by code. */
const programCodes = Object.entries(EXIT_CODES).sort(([, a], [, b]) => a - b);

describe("exit codes: docs and program agree", () => {
  it("docs/cli.md's table lists exactly EXIT_CODES, by code and name", () => {
    const rows = tableRows(section(cliDocs, "Exit codes"));
    const documented = rows.map(([code, name]) => [
      unquote(name ?? ""),
      Number(unquote(code ?? "")),
    ]);
    for (const [name, code] of documented) {
      expect(EXIT_CODES, `docs/cli.md documents ${code} (${name})`).toHaveProperty(
        String(name),
        code,
      );
    }
    for (const [name, code] of programCodes) {
      expect(documented, `EXIT_CODES.${name} (${code}) is not in docs/cli.md`).toContainEqual([
        name,
        code,
      ]);
    }
    expect(documented).toHaveLength(programCodes.length);
  });

  it("the README's table lists exactly the same codes", () => {
    const codes = tableRows(section(readme, "Exit codes")).map(([code]) =>
      Number(unquote(code ?? "")),
    );
    expect(codes).toEqual(programCodes.map(([, code]) => code));
  });

  it("`gatehouse --help` lists exactly the same codes", async () => {
    const help = (await runCaptured(["--help"])).stdout;
    const lines = help.slice(help.indexOf("Exit codes:")).split("\n").slice(1);
    const codes = lines
      .map((line) => /^ {2}(\d+) {2}\S/.exec(line)?.[1])
      .filter((code) => code !== undefined)
      .map(Number);
    expect(codes).toEqual(programCodes.map(([, code]) => code));
  });

  it.each(COMMANDS.map((spec) => [spec.path.join(" "), spec] as const))(
    "`%s`: docs/cli.md's exit codes are its --help's, and each is an EXIT_CODES value",
    (name, spec) => {
      const text = section(cliDocs, name);
      const paragraph = text.slice(text.indexOf("Exit codes:")).split("\n\n")[0] ?? "";
      expect(paragraph, `no "Exit codes:" paragraph under "## ${name}"`).not.toBe("");
      const documented = [...paragraph.matchAll(/`(\d+)`/g)].map((match) => Number(match[1]));
      const helped = spec.exitCodes.map((line) => Number(/^(\d+) /.exec(line)?.[1]));
      expect(new Set(documented)).toEqual(new Set(helped));
      const known = new Set<number>(Object.values(EXIT_CODES));
      for (const code of helped) expect(known, `${name} exits ${code}`).toContain(code);
    },
  );
});
