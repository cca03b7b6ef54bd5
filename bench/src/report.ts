/** The results of a `pnpm bench` run and their Markdown rendering. */
import type { BundleFailure, BundleSize } from "./import-cost.js";
import type { CaseSummary } from "./stats.js";

export interface CaseResult {
  name: string;
  baseline: boolean;
  /** ops/s of each run, in round order. */
  runs: number[];
  summary: CaseSummary;
  /** Paired speed ratio to the suite's baseline (absent for the baseline and baseline-less suites). */
  ratio?: { median: number; min: number; max: number };
}

export interface ImportCostResult {
  name: string;
  specifier: string;
  exports?: readonly string[];
  browser: BundleSize | BundleFailure;
  node: BundleSize | BundleFailure;
  /** Median load time in ms; only for whole-module entries (a subset loads the same module). */
  esmMs?: number;
  cjsMs?: number;
}

export interface SuiteResult {
  name: string;
  description: string;
  cases: CaseResult[];
  importCost: ImportCostResult[];
}

export interface Report {
  date: string;
  machine: {
    cpu: string;
    cores: number;
    memoryGb: number;
    node: string;
    platform: string;
    /** 1-minute load average before and after the run: above the core count, distrust the numbers. */
    load: [before: number, after: number];
  };
  config: { rounds: number; timeMs: number; warmupMs: number };
  suites: SuiteResult[];
}

const int = (n: number): string => Math.round(n).toLocaleString("en-US");
const ns = (n: number): string => (n < 100 ? n.toFixed(1) : int(n));
const pct = (n: number): string => `±${n.toFixed(1)}%`;
const times = (n: number): string => `${n.toFixed(2)}×`;
const ms = (n: number | undefined): string => (n === undefined ? "—" : `${n.toFixed(1)} ms`);

function caseTable(cases: readonly CaseResult[]): string[] {
  const rows = [
    "| case | ops/s (median) | ns/op | MAD | min … max ops/s | vs baseline (range) |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const c of cases) {
    const s = c.summary;
    const vs = c.baseline
      ? "baseline"
      : c.ratio
        ? `${times(c.ratio.median)} (${times(c.ratio.min)} … ${times(c.ratio.max)})`
        : "—";
    rows.push(
      `| ${c.name} | ${int(s.opsPerSec)} | ${ns(s.nsPerOp)} | ${pct(s.madPercent)} | ${int(s.min)} … ${int(s.max)} | ${vs} |`,
    );
  }
  return rows;
}

function importTable(entries: readonly ImportCostResult[]): string[] {
  const rows = [
    "| module | browser min | browser gzip | node min | node gzip | import (ESM) | require (CJS) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const failures: string[] = [];
  const sizes = (e: ImportCostResult, platform: "browser" | "node"): string => {
    const size = e[platform];
    if ("error" in size) {
      failures.push(`- n/a: ${e.name} does not bundle for ${platform}: ${size.error}`);
      return "n/a | n/a";
    }
    return `${int(size.minified)} B | ${int(size.gzip)} B`;
  };
  for (const e of entries) {
    const what = e.exports
      ? `\`{ ${e.exports.join(", ")} }\` from \`${e.specifier}\``
      : `\`${e.specifier}\` (all)`;
    rows.push(
      `| ${what} | ${sizes(e, "browser")} | ${sizes(e, "node")} | ${ms(e.esmMs)} | ${ms(e.cjsMs)} |`,
    );
  }
  return failures.length > 0 ? [...rows, "", ...failures] : rows;
}

/** The Markdown written to `bench/results/latest.md`. */
export function toMarkdown(report: Report): string {
  const { machine: m, config: c } = report;
  const lines = [
    "# Benchmark results",
    "",
    `${report.date} · ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB · Node ${m.node} (${m.platform}) · ` +
      `load ${m.load[0].toFixed(1)} → ${m.load[1].toFixed(1)}`,
    "",
    `${c.rounds} rounds · each run: fresh process, ${c.warmupMs} ms warm-up, ${c.timeMs} ms timed · ` +
      "median of the runs; MAD = median absolute deviation as % of the median; " +
      "vs baseline = median of per-round ops/s ratios (above 1 = faster than the baseline).",
  ];
  for (const suite of report.suites) {
    lines.push("", `## ${suite.name}`, "", suite.description);
    if (suite.cases.length > 0) lines.push("", ...caseTable(suite.cases));
    if (suite.importCost.length > 0) {
      lines.push(
        "",
        "Import cost (esbuild bundle, minified; gzip level 9; load time: median of fresh processes):",
      );
      lines.push("", ...importTable(suite.importCost));
    }
  }
  return `${lines.join("\n")}\n`;
}
