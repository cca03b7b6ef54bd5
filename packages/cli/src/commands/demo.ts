import type { DemoResult, DemoRow } from "../demo/run-demo.js";
import { CliError } from "../errors.js";
import type { CommandSpec } from "../internal/command.js";
import type { Output } from "../internal/output.js";
import { renderTable } from "../internal/output.js";

function printRows(out: Output, rows: readonly DemoRow[]): void {
  let section = "";
  const table: string[][] = [];
  for (const row of rows) {
    if (row.section !== section) {
      section = row.section;
      table.push([out.bold(section), "", "", "", ""]);
    }
    const actual = row.actual === null ? "-" : String(row.actual);
    table.push([
      `${String(row.step).padStart(2)}. ${row.request}`,
      String(row.expected),
      row.matched ? out.green(actual) : out.red(actual),
      row.matched ? out.green("ok") : out.red(out.bold("MISMATCH")),
      `${row.reason ?? row.detail ?? ""}${row.fromCache ? out.dim(" (authorizer cache)") : ""}`,
    ]);
  }
  out.line(renderTable(["request", "expected", "actual", "", "why (gateway reason)"], table));
}

/** `gatehouse demo`. @internal */
export const demo: CommandSpec = {
  path: ["demo"],
  summary: "run a sample API on a local API Gateway and show who gets in, and why",
  description: [
    "Starts, on 127.0.0.1 only: a Cognito-shaped token issuer, a Cognito identity-pool server, and the local gateway with a REST API (TOKEN authorizers, an AWS_IAM route, a resource policy with an IP denylist and an account allowlist) and an HTTP API (JWT authorizer with scopes). Then sends real requests and prints the expected and actual status of each, with the gateway's reason. Takes a few seconds; nothing leaves the machine; tokens and secrets are never printed.",
  ],
  options: {
    json: { type: "boolean", description: "Print the rows as JSON" },
    notes: { type: "boolean", description: "Print what each row demonstrates under the table" },
  },
  positionals: { min: 0, max: 0 },
  examples: ["gatehouse demo", "gatehouse demo --json | jq '.rows[] | select(.matched | not)'"],
  exitCodes: [
    "0  every row matched",
    "1  a row did not match",
    "3  the demo could not run (e.g. no free port)",
  ],
  async run(context) {
    const { out } = context;
    let result: DemoResult;
    try {
      // Loaded on use: the issuer, identity-pool server and gateway are not needed elsewhere.
      const { runDemo } = await import("../demo/run-demo.js");
      result = await runDemo();
    } catch (error) {
      throw new CliError("runtime", `the demo could not run: ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (context.flag("json")) {
      out.json(result);
      return result.ok ? 0 : 1;
    }
    out.line(
      `${out.bold("gatehouse demo")}: a local API Gateway on ${result.gatewayUrl} (127.0.0.1 only)`,
    );
    out.line("");
    printRows(out, result.rows);
    out.line("");
    if (context.flag("notes")) {
      for (const row of result.rows) out.line(`${String(row.step).padStart(2)}. ${row.note}`);
      out.line("");
    }
    const matched = result.rows.filter((row) => row.matched).length;
    const summary = `${matched}/${result.rows.length} rows as expected in ${(result.durationMs / 1000).toFixed(1)} s`;
    out.line(result.ok ? out.green(summary) : out.red(`${summary}: see MISMATCH above`));
    if (!context.flag("notes")) out.line(out.dim("`gatehouse demo --notes` explains each row."));
    return result.ok ? 0 : 1;
  },
};
