// The import rules bite: scripts/check-imports.mjs, and Biome with the repository's own biome.json,
// run on scripts/fixtures/import-rules (a miniature workspace whose forbidden imports are marked
// `// expect: <codes>`, `biome` when Biome must flag the line too) and must report exactly those.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const fixture = join(root, "scripts", "fixtures", "import-rules");
const checker = join(root, "scripts", "check-imports.mjs");
const biomeBin = join(root, "node_modules", ".bin", "biome");

interface Violation {
  code: string;
  file: string;
  line: number;
  specifier: string;
  message: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** `file:line` -> the codes marked on that line (`biome` included when marked). */
function expectations(): Map<string, string[]> {
  const marks = new Map<string, string[]>();
  for (const file of filesUnder(fixture).filter((path) => path.endsWith(".ts"))) {
    const lines = readFileSync(file, "utf8").split("\n");
    lines.forEach((text, index) => {
      const mark = /\/\/ expect: (.+)$/.exec(text)?.[1];
      if (mark) {
        const key = `${relative(fixture, file).split(sep).join("/")}:${index + 1}`;
        marks.set(key, mark.trim().split(/\s+/));
      }
    });
  }
  return marks;
}

function check(...args: string[]): { status: number | null; violations: Violation[] } {
  const result = spawnSync(process.execPath, [checker, "--json", ...args], { encoding: "utf8" });
  if (result.stdout.trim() === "")
    throw new Error(`check-imports printed nothing: ${result.stderr}`);
  return { status: result.status, violations: JSON.parse(result.stdout) as Violation[] };
}

const marks = expectations();

describe("check-imports.mjs on scripts/fixtures/import-rules", () => {
  const { status, violations } = check("--root", fixture);
  const byLine = violations.filter(
    (violation) => !["stale-exception", "unknown-package"].includes(violation.code),
  );

  it("fails", () => {
    expect(status).toBe(1);
  });

  it("reports exactly the marked lines, with the marked codes", () => {
    const reported = byLine.map(
      (violation) => `${violation.file}:${violation.line} ${violation.code}`,
    );
    const expected = [...marks].flatMap(([line, codes]) =>
      codes.filter((code) => code !== "biome").map((code) => `${line} ${code}`),
    );
    expect(reported.sort()).toEqual(expected.sort());
  });

  it.each([
    "node-builtin",
    "forbidden-package",
    "relative-escape",
    "deep-import",
    "imports-cli",
    "undeclared-dependency",
    "self-import",
    "only-in",
    "types-only",
  ])("has a fixture line for %s", (code) => {
    expect([...marks.values()].some((codes) => codes.includes(code))).toBe(true);
  });

  it("names a package that has no rule", () => {
    expect(violations.filter((violation) => violation.code === "unknown-package")).toEqual([
      expect.objectContaining({
        file: "packages/mystery/package.json",
        specifier: "@gatehouse/mystery",
      }),
    ]);
  });

  it("reports each exception entry that no import uses as stale, and keeps quiet about one that is used", () => {
    const withExceptions = check(
      "--root",
      fixture,
      "--rules",
      join(root, "scripts", "fixtures", "import-rules-exceptions.mjs"),
    );
    const stale = withExceptions.violations
      .filter((violation) => violation.code === "stale-exception")
      .map((violation) => violation.file)
      .sort();
    // iam-credentials.ts imports exactly what its exception allows; authorize-request.ts imports a
    // second name, so the exception does not apply there and stays unused; the third file is absent.
    expect(stale).toEqual(
      [
        "packages/local-gateway/src/internal/authorize-request.ts",
        "packages/local-gateway/src/internal/build-authorizer-event.ts",
      ].sort(),
    );
    const byFile = withExceptions.violations.map(
      (violation) => `${violation.file}:${violation.line} ${violation.code}`,
    );
    expect(byFile).toContain(
      "packages/local-gateway/src/internal/authorize-request.ts:3 forbidden-package",
    );
    expect(byFile.filter((line) => line.includes("iam-credentials.ts"))).toEqual([]);
  });

  it("the repository's own table has no stale exception on the fixture", () => {
    expect(violations.filter((violation) => violation.code === "stale-exception")).toEqual([]);
  });

  it("reports a cycle in the rule table", { timeout: 120_000 }, () => {
    const cycle = check(
      "--root",
      join(root, "scripts", "fixtures", "import-cycle"),
      "--rules",
      join(root, "scripts", "fixtures", "import-rules-cycle.mjs"),
    );
    expect(cycle.status).toBe(1);
    expect(cycle.violations.map((violation) => violation.code)).toEqual(["cycle"]);
    expect(cycle.violations[0]?.message).toContain("@gatehouse/policy -> @gatehouse/authorizer");
  });
});

describe("Biome with the repository's biome.json on the same files", () => {
  let workspace: string;

  beforeAll(() => {
    // The fixture at the paths the overrides name (packages/<pkg>/src/...), with the real config.
    workspace = mkdtempSync(join(tmpdir(), "gatehouse-import-rules-"));
    cpSync(fixture, workspace, { recursive: true });
    const config = JSON.parse(readFileSync(join(root, "biome.json"), "utf8")) as Record<
      string,
      unknown
    >;
    delete config["$schema"];
    config["vcs"] = { enabled: false };
    writeFileSync(join(workspace, "biome.json"), JSON.stringify(config));
  });

  afterAll(() => {
    rmSync(workspace, { recursive: true, force: true });
  });

  it("flags exactly the lines marked `biome`", { timeout: 120_000 }, () => {
    const result = spawnSync(
      biomeBin,
      ["lint", "--reporter=json", "--max-diagnostics=none", "--vcs-enabled=false", "."],
      { cwd: workspace, encoding: "utf8" },
    );
    const report = JSON.parse(result.stdout) as {
      diagnostics: { category: string; location: { path: string; start: { line: number } } }[];
    };
    const flagged = report.diagnostics
      .filter((d) =>
        ["lint/style/noRestrictedImports", "lint/correctness/noNodejsModules"].includes(d.category),
      )
      .map((d) => `${d.location.path.split(sep).join("/")}:${d.location.start.line}`);
    const expected = [...marks]
      .filter(([, codes]) => codes.includes("biome"))
      .map(([line]) => line);
    expect([...new Set(flagged)].sort()).toEqual(expected.sort());
  });

  it("a biome.json out of step with the rule table fails the check; --write brings it in step", {
    timeout: 120_000,
  }, () => {
    const before = check("--root", workspace);
    expect(before.violations.map((violation) => violation.code)).toContain("biome-config");
    const write = spawnSync(process.execPath, [checker, "--root", workspace, "--write"], {
      encoding: "utf8",
    });
    expect(write.stdout).toContain("rewrote the generated import overrides");
    const after = check("--root", workspace);
    expect(after.violations.map((violation) => violation.code)).not.toContain("biome-config");
  });
});
