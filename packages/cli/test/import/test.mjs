// Smoke test of the packed @gatehouse/cli from ESM (run by scripts/check-packages.mjs): the
// programmatic entry, then the installed bin, including the demo.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { EXIT_CODES, isCliError, run } from "@gatehouse/cli";

let stdout = "";
const code = await run(
  ["policy", "generate", "--deny-ip", "198.51.100.0/24", "--auth-type", "NONE"],
  {
    stdout: { write: (text) => (stdout += text) },
    stderr: { write: () => true },
    env: {},
  },
);
assert.equal(code, EXIT_CODES.ok);
assert.equal(
  JSON.parse(stdout).Statement[1].Condition.IpAddress["aws:SourceIp"][0],
  "198.51.100.0/24",
);
assert.equal(isCliError(new Error("x")), false);

const require = createRequire(import.meta.url);
const manifest = require("@gatehouse/cli/package.json");
const bin = join(dirname(require.resolve("@gatehouse/cli/package.json")), manifest.bin.gatehouse);
assert.ok(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node"));
assert.equal(
  execFileSync(process.execPath, [bin, "--version"], { encoding: "utf8" }).trim(),
  manifest.version,
);
const demo = execFileSync(process.execPath, [bin, "demo", "--json"], { encoding: "utf8" });
assert.equal(JSON.parse(demo).ok, true);
console.log("ok: ESM import of @gatehouse/cli, bin --version and demo");
