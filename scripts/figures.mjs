/**
 * One source for every figure the docs quote: bundle sizes, per-call timings, speed ratios and the
 * versions of the benchmarked libraries, built from `bench/results/latest.json` (written by a full
 * `pnpm bench`), `bench/package.json`'s lockfile entry and `packages/*\/package.json`.
 *
 *   node scripts/figures.mjs                 print the table of figures (id, value)
 *   node scripts/figures.mjs --write         rewrite every `<!-- fig:ID -->value<!-- /fig -->` span
 *   node scripts/figures.mjs --check         exit 1 on a stale, unknown or unmarked figure
 *   node scripts/figures.mjs --write --after-bench
 *                                            what `pnpm bench` runs last: skipped for a filtered
 *                                            run (BENCH_FILTER), which leaves latest.json alone
 *
 * Pages: docs/**\/*.md (not docs/api/), README.md, packages/*\/README.md, examples/*\/README.md,
 * bench/README.md. The rules of the check (what counts as a figure, the exclusions and the
 * allowlist of limits) are in scripts/lib/figure-pages.mjs; scripts/check-docs-figures.test.ts runs
 * it in the unit suite. Formats, one per kind: sizes in KB of 1,000 bytes with one decimal ("13.6
 * KB"; below 1,000 bytes "833 B"), times per call in ns / µs / ms (three significant digits at
 * most, one decimal at most), ratios with two decimals and "×", versions as the lockfile has them.
 * A `table.*` figure is a whole Markdown table, rendered as `pnpm bench` renders latest.md.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { checkPages, pageFiles, rewritePage } from "./lib/figure-pages.mjs";

const repoRoot = resolve(fileURLToPath(new URL("..", import.meta.url)));

/**
 * Stable ids of the suites, cases and modules of bench/cases/, keyed by the names the report
 * carries. A name missing here gets a slug of itself (so a new suite works at once); rename a case
 * in bench/cases/ together with its entry here, or its figures change ids.
 */
export const IDS = {
  suites: {
    "authorizer cold start": "cold-start",
    "authorizer latency, ES256": "es256",
    "authorizer latency, RS256": "rs256",
    "evaluatePolicy: 10-statement resource policy": "evaluate",
    "Identity pool: browser bundle size": "identity-pool-size",
    "Identity pool: warm getCredentials()": "identity-pool-warm",
    "SigV4: sign one API Gateway request": "sigv4",
  },
  cases: {
    "fresh process, empty handler (baseline)": "empty",
    "aws-jwt-verify handler: load + first event": "aws-jwt-verify",
    "createAuthorizer handler: load + first event": "gatehouse",
    "node:crypto verify, KeyObject once (floor)": "floor",
    "jose jwtVerify, key imported once": "jose",
    "aws-jwt-verify JwtVerifier, keys cached": "aws-jwt-verify",
    "@gatehouse jwtVerifier.verify (no handler)": "verifier",
    "createAuthorizer handler, first-seen token": "first-seen",
    "createAuthorizer handler, repeated token (cache hit)": "repeated",
    "JSON round trip of the policy (floor)": "floor",
    "allowed request": "allowed",
    "denied request (IPv6 denylist)": "denied",
    "compiled policy, allowed request": "compiled",
    "async () => cached (floor)": "floor",
    "@gatehouse/identity-pool client.getCredentials()": "gatehouse",
    "AWS SDK fromCognitoIdentityPool + memoizeIdentityProvider": "sdk",
    "node:crypto hand-rolled (floor)": "floor",
    "@gatehouse/sigv4 signRequest": "gatehouse",
    "@smithy/signature-v4 + node:crypto hash class": "smithy-node",
    "@smithy/signature-v4 + @aws-crypto/sha256-js": "smithy-sha256js",
    "aws4 sign": "aws4",
    "aws4fetch AwsV4Signer.sign (WebCrypto)": "aws4fetch-signer",
    "aws4fetch AwsClient.sign (WebCrypto, returns a Request)": "aws4fetch-client",
  },
  modules: {
    "@gatehouse/authorizer: createAuthorizer + jwtVerifier": "authorizer-handler",
    "aws-jwt-verify: JwtVerifier": "aws-jwt-verify-verifier",
    "@gatehouse/authorizer": "authorizer",
    "aws-jwt-verify": "aws-jwt-verify",
    jose: "jose",
    "@gatehouse/policy": "policy",
    "evaluatePolicy only": "policy-evaluate",
    "compilePolicy only": "policy-compile",
    "@gatehouse/identity-pool: client + loginsFromIdToken + localStorage store":
      "identity-pool-signin",
    "@gatehouse/identity-pool": "identity-pool",
    "AWS SDK: fromCognitoIdentityPool (credential-provider-cognito-identity)":
      "sdk-cognito-identity",
    "AWS SDK: fromCognitoIdentityPool (credential-providers)": "sdk-credential-providers",
    "Amplify v6: Amplify.configure + fetchAuthSession": "amplify",
    "@gatehouse/sigv4: signRequest + createSignedFetch": "sigv4-fetch",
    "@gatehouse/sigv4": "sigv4",
    "aws4fetch: AwsClient + AwsV4Signer": "aws4fetch-client",
    aws4fetch: "aws4fetch",
    "smithy: SignatureV4 + Sha256 (sha256-js)": "smithy-sha256js",
    "@smithy/signature-v4": "smithy",
  },
};

const slug = (name) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
const idOf = (kind, name) => IDS[kind][name] ?? slug(name);

// ---------------------------------------------------------------------------------------------
// Formats: one per kind of figure.

const int = (n) => Math.round(n).toLocaleString("en-US");
const oneDecimal = (n) => (n < 100 ? n.toFixed(1) : int(n));

/** Bytes as a reader compares them: "13.6 KB" (1 KB = 1,000 bytes), "833 B" below 1 KB. */
export function formatBytes(bytes) {
  return bytes < 1000 ? `${bytes} B` : `${oneDecimal(bytes / 1000)} KB`;
}

/** Nanoseconds per call as "86 ns", "9.4 µs", "138 ms". */
export function formatDuration(ns) {
  if (ns < 1000) return `${Math.round(ns)} ns`;
  if (ns < 1e6) return `${oneDecimal(ns / 1000)} µs`;
  return `${oneDecimal(ns / 1e6)} ms`;
}

/** A speed ratio as "0.91×". */
export function formatRatio(ratio) {
  return `${ratio.toFixed(2)}×`;
}

// ---------------------------------------------------------------------------------------------
// The tables latest.md shows, rendered the way bench/src/report.ts renders them.

const ms = (n) => (n === undefined ? "—" : `${n.toFixed(1)} ms`);
const nsCell = (n) => (n < 100 ? n.toFixed(1) : int(n));

function caseTable(cases) {
  const rows = [
    "| case | ops/s (median) | ns/op | MAD | min … max ops/s | vs baseline (range) |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const c of cases) {
    const s = c.summary;
    const vs = c.baseline
      ? "baseline"
      : c.ratio
        ? `${formatRatio(c.ratio.median)} (${formatRatio(c.ratio.min)} … ${formatRatio(c.ratio.max)})`
        : "—";
    rows.push(
      `| ${c.name} | ${int(s.opsPerSec)} | ${nsCell(s.nsPerOp)} | ±${s.madPercent.toFixed(1)}% | ${int(s.min)} … ${int(s.max)} | ${vs} |`,
    );
  }
  return rows.join("\n");
}

function importTable(entries) {
  const rows = [
    "| module | browser min | browser gzip | node min | node gzip | import (ESM) | require (CJS) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const sizes = (size) =>
    "error" in size ? "n/a | n/a" : `${int(size.minified)} B | ${int(size.gzip)} B`;
  for (const e of entries) {
    const what = e.exports
      ? `\`{ ${e.exports.join(", ")} }\` from \`${e.specifier}\``
      : `\`${e.specifier}\` (all)`;
    rows.push(
      `| ${what} | ${sizes(e.browser)} | ${sizes(e.node)} | ${ms(e.esmMs)} | ${ms(e.cjsMs)} |`,
    );
  }
  return rows.join("\n");
}

/**
 * The code-split sizes of the identity-pool suite: it has no JSON field of their own, the suite
 * puts them in its description as a Markdown table (bench/cases/identity-pool-bundle-size.ts).
 */
export function splitSizes(description) {
  const rows = [];
  for (const line of description.split("\n")) {
    const m = /^\| (.+?) \| ([\d,]+) B \| ([\d,]+) B \| (\d+) \|$/.exec(line);
    if (!m) continue;
    const bytes = (s) => Number(s.replaceAll(",", ""));
    rows.push({ name: m[1], initial: bytes(m[2]), all: bytes(m[3]), chunks: Number(m[4]) });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Versions: the benchmarked libraries as the lockfile resolved them, and our packages.

/** `{ name: version }` of the `bench` importer in pnpm-lock.yaml (workspace links left out). */
export function lockedBenchVersions(lockfile) {
  const versions = {};
  const start = lockfile.indexOf("\n  bench:\n");
  if (start < 0) return versions;
  const rest = lockfile.slice(start + "\n  bench:\n".length);
  const end = rest.search(/\n {2}\S/);
  const block = end < 0 ? rest : rest.slice(0, end);
  for (const m of block.matchAll(/^ {6}'?([^':\s]+)'?:\n {8}specifier: .*\n {8}version: (\S+)/gm)) {
    // The libraries measured: not workspace links, type packages or the bundler.
    if (m[2].startsWith("link:") || m[1].startsWith("@types/") || m[1] === "esbuild") continue;
    versions[m[1]] = m[2].replace(/\(.*$/, "");
  }
  return versions;
}

/** "@smithy/signature-v4" -> "smithy-signature-v4", the id part of a package name. */
export const packageId = (name) => name.replace(/^@/, "").replace("/", "-");

// ---------------------------------------------------------------------------------------------

/**
 * Every figure of a report: `Map<id, value>`. `versions` are the benchmarked libraries
 * (`lockedBenchVersions`) and our packages (`{ "@gatehouse/sigv4": "0.3.0", ... }`).
 */
export function buildFigures(report, versions = {}) {
  const fig = new Map();
  const m = report.machine;
  fig.set("bench.date", report.date);
  fig.set(
    "bench.machine",
    `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node} (${m.platform})`,
  );
  fig.set("bench.load", `${m.load[0].toFixed(1)} → ${m.load[1].toFixed(1)}`);
  const c = report.config;
  fig.set("bench.config", `${c.rounds} rounds, ${c.warmupMs} ms warm-up, ${c.timeMs} ms timed`);

  for (const suite of report.suites) {
    const s = idOf("suites", suite.name);
    for (const kase of suite.cases) {
      const k = idOf("cases", kase.name);
      fig.set(`time.${s}.${k}`, formatDuration(kase.summary.nsPerOp));
      if (kase.ratio) fig.set(`ratio.${s}.${k}`, formatRatio(kase.ratio.median));
      // How many times as fast as each other case, paired by round like the baseline ratio.
      for (const other of suite.cases) {
        if (other === kase || other.runs.length !== kase.runs.length) continue;
        const ratios = kase.runs.map((v, i) => v / other.runs[i]);
        fig.set(`vs.${s}.${k}.${idOf("cases", other.name)}`, formatRatio(median(ratios)));
      }
    }
    if (suite.cases.length > 0) fig.set(`table.${s}.cases`, caseTable(suite.cases));
    for (const entry of suite.importCost) {
      const e = idOf("modules", entry.name);
      for (const platform of ["browser", "node"]) {
        const size = entry[platform];
        if ("error" in size) continue;
        fig.set(`size.${e}.${platform}.min`, formatBytes(size.minified));
        fig.set(`size.${e}.${platform}.gzip`, formatBytes(size.gzip));
      }
      if (entry.esmMs !== undefined) fig.set(`load.${e}.esm`, `${entry.esmMs.toFixed(1)} ms`);
      if (entry.cjsMs !== undefined) fig.set(`load.${e}.cjs`, `${entry.cjsMs.toFixed(1)} ms`);
    }
    if (suite.importCost.length > 0) fig.set(`table.${s}.imports`, importTable(suite.importCost));
    const split = splitSizes(suite.description);
    for (const row of split) {
      const e = idOf("modules", row.name);
      fig.set(`split.${e}.initial`, formatBytes(row.initial));
      fig.set(`split.${e}.all`, formatBytes(row.all));
      fig.set(`split.${e}.chunks`, String(row.chunks));
    }
    if (split.length > 0) {
      const table = suite.description.slice(suite.description.indexOf("| bundle (split)"));
      fig.set(`table.${s}.split`, table.trim());
    }
  }

  const names = Object.keys(versions).sort();
  for (const name of names) {
    fig.set(`version.${packageId(name)}`, versions[name]);
    fig.set(`version.${packageId(name)}.major`, versions[name].split(".")[0]);
  }
  const peers = names.filter((n) => !n.startsWith("@gatehouse/"));
  if (peers.length > 0) {
    fig.set(
      "table.versions",
      [
        "| library | version |",
        "| --- | ---: |",
        ...peers.map((n) => `| \`${n}\` | ${versions[n]} |`),
      ].join("\n"),
    );
  }
  return fig;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The versions `buildFigures` takes, read from the repository at `root`. */
export function readVersions(root = repoRoot) {
  const versions = lockedBenchVersions(readFileSync(join(root, "pnpm-lock.yaml"), "utf8"));
  for (const dir of readdirSync(join(root, "packages"))) {
    try {
      const pkg = JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8"));
      if (!pkg.private) versions[pkg.name] = pkg.version;
    } catch {
      // not a package folder
    }
  }
  return versions;
}

/** The figures of the repository at `root`: its latest.json, lockfile and package versions. */
export function loadFigures(root = repoRoot) {
  const report = JSON.parse(readFileSync(join(root, "bench/results/latest.json"), "utf8"));
  return buildFigures(report, readVersions(root));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  if (args.includes("--after-bench") && process.env.BENCH_FILTER) {
    process.stdout.write("figures: a filtered run leaves latest.json as it was; pages unchanged\n");
    process.exit(0);
  }
  const figures = loadFigures();
  if (args.includes("--write")) {
    let changed = 0;
    for (const file of pageFiles(repoRoot)) {
      const text = readFileSync(join(repoRoot, file), "utf8");
      const next = rewritePage(text, figures);
      if (next !== text) {
        writeFileSync(join(repoRoot, file), next);
        changed++;
        process.stdout.write(`figures: updated ${file}\n`);
      }
    }
    process.stdout.write(`figures: ${changed} page(s) updated from bench/results/latest.json\n`);
  }
  if (args.includes("--check") || args.includes("--write")) {
    const problems = checkPages(repoRoot, figures);
    for (const p of problems) process.stderr.write(`${p.file}:${p.line}: ${p.message}\n`);
    if (problems.length > 0) {
      process.stderr.write(`figures: ${problems.length} problem(s); see scripts/figures.mjs\n`);
      process.exit(1);
    }
  } else {
    const lines = [...figures].filter(([id]) => !id.startsWith("table."));
    process.stdout.write(lines.map(([id, value]) => `${id}\t${value}\n`).join(""));
  }
}
