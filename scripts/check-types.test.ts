// The standalone typecheck bites: scripts/check-types.mjs on scripts/fixtures/typecheck fails the
// package that only compiles with Node types, passes the clean one, and reports a tsconfig whose
// `paths` let a package see what the import rules forbid it.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

interface Report {
  results: { config: string; errors: number; output: string }[];
  problems: string[];
}

const run = spawnSync(
  process.execPath,
  [
    fileURLToPath(new URL("./check-types.mjs", import.meta.url)),
    "--json",
    "--root",
    `${root}scripts/fixtures/typecheck`,
  ],
  { encoding: "utf8" },
);
const report = JSON.parse(run.stdout) as Report;
const result = (config: string) => report.results.find((entry) => entry.config === config);

describe("check-types.mjs on scripts/fixtures/typecheck", () => {
  it("fails", () => {
    expect(run.status).toBe(1);
  });

  it("fails a package that compiles only with Node types (Buffer in policy)", () => {
    const policy = result("packages/policy/tsconfig.json");
    expect(policy?.errors).toBe(1);
    expect(policy?.output).toContain("packages/policy/src/index.ts(2,");
    expect(policy?.output).toContain("Cannot find name 'Buffer'");
  });

  it("passes a package that typechecks alone", () => {
    expect(result("packages/sigv4/tsconfig.json")?.errors).toBe(0);
  });

  it("reports a tsconfig that maps a package the import rules forbid", () => {
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toContain("packages/authorizer/tsconfig.json");
    expect(report.problems[0]).toContain('"@gatehouse/policy":["../policy/src/index.ts"]');
    expect(report.problems[0]).toContain('"@gatehouse/sigv4":["../sigv4/src/index.ts"]');
  });
});
