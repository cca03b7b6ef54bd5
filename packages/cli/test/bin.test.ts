/**
 * The built `gatehouse` bin, spawned as a user runs it. Needs `pnpm build` first (the root `test`
 * script builds before the unit tests); skipped when dist/bin.js is missing, since the bin also
 * loads the other packages' builds.
 */
import { execFile } from "node:child_process";
import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};

function gatehouse(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      // Killed before the test's own timeout, so a run that hangs shows the rows it printed.
      { env: { PATH: process.env["PATH"] ?? "", ...env }, timeout: 25_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe.skipIf(!existsSync(bin))("dist/bin.js (spawned)", () => {
  it("is an executable node script", () => {
    expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(() => accessSync(bin, constants.X_OK)).not.toThrow();
  });

  it("prints the package version", async () => {
    const result = await gatehouse(["--version"]);
    expect(result).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it("writes a policy to stdout and exits 0", async () => {
    const result = await gatehouse([
      "policy",
      "generate",
      "--deny-ip",
      "198.51.100.0/24",
      "--auth-type",
      "LAMBDA",
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveProperty("Statement");
  });

  it("exits 2 on a usage error, message on stderr", async () => {
    const result = await gatehouse(["policy", "generate", "--nope"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("--nope");
  });

  it("exits 1 when a check fails", async () => {
    const result = await gatehouse([
      "policy",
      "simulate",
      "none",
      "--auth-type",
      "AWS_IAM",
      "--unsigned",
      "--arn",
      "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/pets",
    ]);
    expect(result.code).toBe(1);
  });

  it("runs the demo: every row matches, exit 0, no colours when piped", async () => {
    const result = await gatehouse(["demo"]);
    expect(result.stdout).toMatch(/(\d+)\/\1 rows as expected/);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("\u001b[");
  }, 30_000);
});
