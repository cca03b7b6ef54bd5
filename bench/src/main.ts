/**
 * `pnpm bench`: every suite in `cases/`, each run of each case in a fresh process, the cases of a
 * suite alternating round by round (A, B, A, B, ...). Writes `results/latest.md` and `.json`
 * (a filtered run only prints, and writes `results/filtered.json`).
 *
 * Environment: BENCH_ROUNDS (default 5), BENCH_TIME_MS (500), BENCH_WARMUP_MS (250),
 * BENCH_FILTER (run only suites whose file name or name contains it).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { importTime, tryBundleSize } from "./import-cost.js";
import type { Measurement } from "./measure.js";
import { type CaseResult, type ImportCostResult, type Report, toMarkdown } from "./report.js";
import { pairedRatio, summarize } from "./stats.js";
import type { Suite } from "./suite.js";

const benchDir = fileURLToPath(new URL("../../", import.meta.url));
const casesDir = fileURLToPath(new URL("../cases/", import.meta.url));
const worker = fileURLToPath(new URL("./worker.js", import.meta.url));

const env = (name: string): string | undefined => process.env[name];
const config = {
  rounds: Number(env("BENCH_ROUNDS") ?? 5),
  timeMs: Number(env("BENCH_TIME_MS") ?? 500),
  warmupMs: Number(env("BENCH_WARMUP_MS") ?? 250),
};
const filter = env("BENCH_FILTER") ?? "";
const loadBefore = os.loadavg()[0]!;

function runOnce(file: string, caseName: string): Measurement {
  const child = spawnSync(process.execPath, [worker, file, caseName], {
    encoding: "utf8",
    // A run takes about a second; a worker that never ends (a leaked socket or timer) is killed.
    timeout: 120_000,
    env: {
      ...process.env,
      BENCH_TIME_MS: String(config.timeMs),
      BENCH_WARMUP_MS: String(config.warmupMs),
    },
  });
  if (child.error) throw new Error(`case "${caseName}" failed: ${child.error.message}`);
  if (child.status !== 0) throw new Error(`case "${caseName}" failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as Measurement;
}

const suites: Report["suites"] = [];
const files = readdirSync(casesDir)
  .filter((f) => f.endsWith(".js"))
  .sort();
// A filter matching file names spares loading the other suites.
const byFileName = files.filter((f) => filter && f.includes(filter));
for (const fileName of byFileName.length > 0 ? byFileName : files) {
  const file = join(casesDir, fileName);
  const suite = ((await import(pathToFileURL(file).href)) as { default: Suite }).default;
  if (filter && !fileName.includes(filter) && !suite.name.includes(filter)) continue;

  const runs = new Map(suite.cases.map((c) => [c.name, [] as number[]]));
  for (let round = 1; round <= config.rounds; round++) {
    process.stderr.write(`${suite.name}: round ${round}/${config.rounds}\n`);
    for (const c of suite.cases) runs.get(c.name)!.push(runOnce(file, c.name).opsPerSec);
  }

  const baseline = suite.cases.find((c) => c.baseline);
  const cases: CaseResult[] = suite.cases.map((c) => {
    const caseRuns = runs.get(c.name)!;
    const result: CaseResult = {
      name: c.name,
      baseline: c === baseline,
      runs: caseRuns,
      summary: summarize(caseRuns),
    };
    if (baseline && c !== baseline) result.ratio = pairedRatio(caseRuns, runs.get(baseline.name)!);
    return result;
  });

  const importCost: ImportCostResult[] = [];
  for (const entry of suite.importCost ?? []) {
    process.stderr.write(`${suite.name}: import cost of ${entry.name}\n`);
    const result: ImportCostResult = {
      name: entry.name,
      specifier: entry.specifier,
      browser: await tryBundleSize(entry, "browser", benchDir),
      node: await tryBundleSize(entry, "node", benchDir),
    };
    if (entry.exports) result.exports = entry.exports;
    else {
      result.esmMs = importTime(entry.specifier, "esm", config.rounds, benchDir);
      result.cjsMs = importTime(entry.specifier, "cjs", config.rounds, benchDir);
    }
    importCost.push(result);
  }
  suites.push({ name: suite.name, description: suite.description, cases, importCost });
}

const report: Report = {
  date: new Date().toISOString().slice(0, 10),
  machine: {
    cpu: os.cpus()[0]?.model.trim() ?? "unknown CPU",
    cores: os.availableParallelism(),
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.versions.node,
    platform: `${process.platform}-${process.arch}`,
    load: [loadBefore, os.loadavg()[0]!],
  },
  config,
  suites,
};
const markdown = toMarkdown(report);
const resultsDir = join(benchDir, "results");
mkdirSync(resultsDir, { recursive: true });
// latest.md always holds a full run; a filtered run only prints and keeps its JSON.
const name = filter ? "filtered" : "latest";
if (!filter) writeFileSync(join(resultsDir, "latest.md"), markdown);
writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`\n${markdown}`);
