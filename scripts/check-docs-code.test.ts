// Every ```ts block of docs/ and the package READMEs, and every TSDoc @example, typechecks against
// the packages (scripts/check-docs-code.mjs). And the check bites: on scripts/fixtures/docs-code it
// reports each marked line of a page and of a TSDoc comment, tracks a known error, flags a stale one
// and skips the one `ts nocheck` block.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const script = join(root, "scripts", "check-docs-code.mjs");

interface DocError {
  source: string;
  line: number;
  code: number;
  message: string;
}

interface Result {
  errors: DocError[];
  known: DocError[];
  stale: { issue: string; source: string }[];
  checked: number;
  skipped: string[];
}

function check(...args: string[]): { status: number | null; result: Result } {
  const run = spawnSync(process.execPath, [script, "--json", ...args], { encoding: "utf8" });
  if (run.stdout.trim() === "") throw new Error(`check-docs-code printed nothing: ${run.stderr}`);
  return { status: run.status, result: JSON.parse(run.stdout) as Result };
}

// One TypeScript program over ~230 snippets and the packages: a guard, not a timing assertion.
const SLOW = { timeout: 240_000 };

describe("documentation examples", () => {
  it(
    "all typecheck (known library type bugs aside, see scripts/docs-code-known-errors.json)",
    SLOW,
    () => {
      const { status, result } = check();
      expect(result.errors).toEqual([]);
      expect(result.stale).toEqual([]);
      expect(result.checked).toBeGreaterThan(200);
      // `ts nocheck` stays rare: raise this only with a reason in the review.
      expect(result.skipped.length).toBeLessThanOrEqual(5);
      expect(status).toBe(0);
    },
  );
});

describe("check-docs-code.mjs on scripts/fixtures/docs-code", () => {
  const fixture = join(root, "scripts", "fixtures", "docs-code");
  const marked = (file: string, code: number) => {
    const lines = readFileSync(join(fixture, file), "utf8").split("\n");
    return lines.findIndex((line) => line.includes(`// expect: TS${code}`)) + 1;
  };
  let status: number | null;
  let result: Result;
  beforeAll(() => {
    ({ status, result } = check("--root", fixture));
  }, SLOW.timeout);

  it("reports a broken page line and a broken TSDoc example at their own lines", () => {
    expect(status).toBe(1);
    expect(result.errors.map(({ source, line, code }) => ({ source, line, code }))).toEqual([
      { source: "docs/guide.md", line: marked("docs/guide.md", 2304), code: 2304 },
      {
        source: "packages/policy/src/index.ts",
        line: marked("packages/policy/src/index.ts", 2345),
        code: 2345,
      },
    ]);
  });

  it("chains the blocks of a page, reads ts-context and test/tsdoc-context.ts, skips `ts nocheck`", () => {
    // `const y: string = x` fails only because block 2 sees block 1's `x: number`.
    expect(result.known.map(({ source, line, code }) => ({ source, line, code }))).toEqual([
      { source: "docs/guide.md", line: marked("docs/guide.md", 2322), code: 2322 },
    ]);
    expect(result.checked).toBe(5);
    expect(result.skipped).toEqual(["docs/guide.md:18"]);
  });

  it("flags a known-error entry whose error is gone as stale", () => {
    expect(result.stale).toEqual([
      { issue: "fixture: a number is not a string", source: "docs/fixed-long-ago.md" },
    ]);
  });
});
