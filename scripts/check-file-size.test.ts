// The file-size rule bites: scripts/check-file-size.mjs on scripts/fixtures/file-size (limit 5)
// fails the long production files, ignores tests, test-support and files outside src/, accepts an
// allowlisted file, and fails allowlist entries gone stale. On the repository it holds, so every
// entry of its ALLOWLIST still names a file above the limit.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ALLOWLIST, checkFileSizes, countLines, LIMIT } from "./check-file-size.mjs";

const fixture = fileURLToPath(new URL("./fixtures/file-size", import.meta.url));

describe("check-file-size.mjs on scripts/fixtures/file-size", () => {
  const violations = checkFileSizes(fixture, {
    limit: 5,
    allowlist: {
      "packages/demo/src/one-concept.ts": "one concept: a type-only options file",
      "packages/demo/src/shrunk.ts": "was long once",
      "packages/demo/src/removed.ts": "was split",
      "packages/demo/src/internal/long-internal.ts": "",
    },
  });
  const codes = violations.map((v) => [v.file, v.code]);

  it("fails production files above the limit, scripts included", () => {
    expect(codes).toContainEqual(["packages/demo/src/long.ts", "file_too_long"]);
    expect(codes).toContainEqual(["scripts/long.mjs", "file_too_long"]);
    expect(violations.find((v) => v.file === "packages/demo/src/long.ts")?.lines).toBe(8);
  });

  it("ignores tests, test-support files, files outside src/ and files at the limit", () => {
    const files = violations.map((v) => v.file);
    for (const file of [
      "packages/demo/src/long.test.ts",
      "packages/demo/src/test-support.ts",
      "packages/demo/test/long.ts",
      "packages/demo/src/short.ts",
      "scripts/lib/short.mjs",
    ])
      expect(files).not.toContain(file);
  });

  it("accepts an allowlisted file above the limit", () => {
    expect(violations.map((v) => v.file)).not.toContain("packages/demo/src/one-concept.ts");
  });

  it.each([
    ["packages/demo/src/shrunk.ts", "back under the limit"],
    ["packages/demo/src/removed.ts", "missing"],
  ])("fails a stale allowlist entry: %s (%s)", (file) => {
    expect(codes).toContainEqual([file, "allowlist_stale"]);
  });

  it("fails an allowlist entry without a reason", () => {
    expect(codes).toContainEqual([
      "packages/demo/src/internal/long-internal.ts",
      "allowlist_reason_missing",
    ]);
  });

  it("reports nothing else", () => {
    expect(violations).toHaveLength(5);
  });
});

describe("check-file-size.mjs on the repository", () => {
  it("counts lines as wc -l does", () => {
    expect(countLines("")).toBe(0);
    expect(countLines("a\nb\n")).toBe(2);
    expect(countLines("a\nb")).toBe(1);
  });

  it("holds, with every allowlist entry still above the limit and a reason", () => {
    const run = spawnSync(
      process.execPath,
      [fileURLToPath(new URL("./check-file-size.mjs", import.meta.url)), "--json"],
      { encoding: "utf8" },
    );
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    expect(LIMIT).toBe(350);
    for (const reason of Object.values(ALLOWLIST)) expect(reason).toMatch(/^[^\n]+$/);
  });
});
