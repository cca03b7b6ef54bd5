// Public-API snapshots: every package's exports match its committed packages/<pkg>/api/*.api.md
// (this is the check `pnpm test` runs; `pnpm api:update` rewrites them), and the check bites: on
// scripts/fixtures/api-snapshot it names the removed, added and changed exports, and `--update`
// makes it pass.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// One TypeScript program over every package: seconds alone, longer beside other test files on a
// busy 2-core box. A guard, not a timing assertion.
const SLOW = { timeout: 180_000 };

const root = fileURLToPath(new URL("..", import.meta.url));
const script = join(root, "scripts", "api-snapshot.mjs");

interface Difference {
  file: string;
  missing: boolean;
  changes: string[];
}

function snapshot(...args: string[]): { status: number | null; differences: Difference[] } {
  const result = spawnSync(process.execPath, [script, "--json", ...args], { encoding: "utf8" });
  if (result.stdout.trim() === "")
    throw new Error(`api-snapshot printed nothing: ${result.stderr}`);
  return { status: result.status, differences: JSON.parse(result.stdout) as Difference[] };
}

describe("public API of every package", () => {
  it("matches packages/*/api/*.api.md (after an intended change: pnpm api:update)", SLOW, () => {
    const { status, differences } = snapshot();
    expect(differences).toEqual([]);
    expect(status).toBe(0);
  });
});

describe("api-snapshot.mjs on scripts/fixtures/api-snapshot", () => {
  const fixture = join(root, "scripts", "fixtures", "api-snapshot");
  const copy = mkdtempSync(join(tmpdir(), "gatehouse-api-snapshot-"));
  cpSync(fixture, copy, { recursive: true });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it("names each removed, added and changed export", SLOW, () => {
    const { status, differences } = snapshot("--root", fixture);
    expect(status).toBe(1);
    expect(differences).toEqual([
      {
        file: "packages/policy/api/index.api.md",
        missing: false,
        changes: [
          "added `added` (function)",
          "removed `removed` (function)",
          "changed `Options` (interface)",
        ],
      },
    ]);
  });

  it("records declarations as the .d.ts states them, and the types used but not exported", () => {
    const text = readFileSync(join(fixture, "packages", "policy", "api", "index.api.md"), "utf8");
    expect(text).toContain("export declare function sign(options: Options): string;");
    expect(text).toContain("# Referenced, not exported");
    expect(text).toContain("## `Internal` (interface; packages/policy/src/index.ts)");
  });

  it("--update rewrites the snapshot, after which the check passes", SLOW, () => {
    const update = spawnSync(process.execPath, [script, "--root", copy, "--update"], {
      encoding: "utf8",
    });
    expect(update.stdout).toContain("wrote packages/policy/api/index.api.md");
    const after = snapshot("--root", copy);
    expect(after.differences).toEqual([]);
    const text = readFileSync(join(copy, "packages", "policy", "api", "index.api.md"), "utf8");
    expect(text).toContain("retries?: number;");
    expect(text).not.toContain("removed");
  });
});
