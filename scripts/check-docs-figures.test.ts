// Every figure the docs quote is generated: on the repository, every marked figure of every page
// equals what scripts/figures.mjs builds from bench/results/latest.json, and no page quotes a size,
// ratio, per-call time or benchmarked library version outside a marker. The rest of the file pins
// the builder (ids, formats) on a fixture report and the check's rules on small pages.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  buildFigures,
  formatBytes,
  formatDuration,
  formatRatio,
  loadFigures,
  lockedBenchVersions,
} from "./figures.mjs";
import {
  checkPage,
  checkPages,
  FIGURE_PATTERNS,
  LIMITS,
  pageFiles,
  rewritePage,
} from "./lib/figure-pages.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const fixture = JSON.parse(
  readFileSync(new URL("./fixtures/figures/report.json", import.meta.url), "utf8"),
);

describe("the repository's pages", () => {
  const figures = loadFigures(root);

  it("quote only generated figures, each in a marker with the current value", () => {
    const problems = checkPages(root, figures).map((p) => `${p.file}:${p.line}: ${p.message}`);
    expect(problems).toEqual([]);
  });

  it("include the guides, the READMEs and bench/README.md, not the generated API reference", () => {
    const files = pageFiles(root);
    for (const file of [
      "README.md",
      "bench/README.md",
      "docs/benchmarks.md",
      "docs/comparison.md",
      "docs/sigv4/browser.md",
      "packages/sigv4/README.md",
    ])
      expect(files).toContain(file);
    expect(files.filter((f) => f.startsWith("docs/api/"))).toEqual([]);
  });

  it("use figures from a full run: every suite of bench/cases/ and the libraries it measures", () => {
    for (const id of [
      "table.sigv4.cases",
      "table.evaluate.cases",
      "table.rs256.cases",
      "table.identity-pool-size.split",
      "size.sigv4-fetch.browser.gzip",
      "time.identity-pool-warm.gatehouse",
      "version.aws4fetch",
      "version.jose.major",
    ])
      expect(figures.has(id), id).toBe(true);
  });

  it.each(LIMITS)("LIMITS entry '$phrase' has a reason and excuses a figure", ({ phrase, why }) => {
    expect(why.length).toBeGreaterThan(10);
    const hits = Object.values(FIGURE_PATTERNS).some((p) => [...phrase.matchAll(p)].length > 0);
    expect(hits).toBe(true);
  });

  it("has no LIMITS entry that no page uses any more", () => {
    const pages = pageFiles(root)
      .map((f) => readFileSync(`${root}/${f}`, "utf8"))
      .join("\n");
    expect(LIMITS.filter(({ phrase }) => !pages.includes(phrase))).toEqual([]);
  });
});

describe("buildFigures on scripts/fixtures/figures/report.json", () => {
  const figures = buildFigures(fixture, {
    aws4fetch: "1.0.20",
    "@smithy/signature-v4": "5.7.5",
    "@gatehouse/sigv4": "0.1.0",
  });

  it.each([
    ["bench.date", "2026-12-05"],
    ["bench.machine", "Test CPU, 2 cores, 8 GB, Node 20.20.2 (linux-x64)"],
    ["bench.load", "1.0 → 3.0"],
    ["bench.config", "3 rounds, 250 ms warm-up, 500 ms timed"],
    ["time.sigv4.floor", "10.0 µs"],
    ["time.sigv4.gatehouse", "2.5 µs"],
    ["ratio.sigv4.gatehouse", "3.00×"],
    // paired by round: 200k/100k, 400k/100k, 600k/200k -> median 3
    ["vs.sigv4.gatehouse.floor", "3.00×"],
    ["vs.sigv4.floor.gatehouse", "0.33×"],
    ["time.sigv4.a-case-this-script-has-no-id-for", "1,000 ms"],
    ["size.sigv4-fetch.browser.min", "37.7 KB"],
    ["size.sigv4-fetch.browser.gzip", "13.6 KB"],
    ["size.aws4fetch.node.gzip", "833 B"],
    ["load.aws4fetch.esm", "9.1 ms"],
    ["load.aws4fetch.cjs", "4.5 ms"],
    ["split.identity-pool-signin.initial", "4.9 KB"],
    ["split.identity-pool-signin.all", "6.9 KB"],
    ["split.identity-pool-signin.chunks", "4"],
    ["time.identity-pool-warm.floor", "50 ns"],
    ["version.aws4fetch", "1.0.20"],
    ["version.smithy-signature-v4.major", "5"],
    ["version.gatehouse-sigv4", "0.1.0"],
  ])("%s is %s", (id, value) => {
    expect(figures.get(id)).toBe(value);
  });

  it("leaves out what the run does not have: failed bundles, failed split rows, baseline ratios", () => {
    expect(figures.has("size.sigv4-fetch.node.gzip")).toBe(false);
    expect(figures.has("split.sdk-credential-providers.initial")).toBe(false);
    expect(figures.has("ratio.sigv4.floor")).toBe(false);
  });

  it("renders the tables as latest.md does, and the peers' versions without ours", () => {
    expect(figures.get("table.sigv4.cases")).toContain(
      "| @gatehouse/sigv4 signRequest | 400,000 | 2,500 | ±50.0% | 200,000 … 600,000 | 3.00× (2.00× … 4.00×) |",
    );
    expect(figures.get("table.sigv4.imports")).toContain(
      "| `{ signRequest, createSignedFetch }` from `@gatehouse/sigv4` | 37,666 B | 13,604 B | n/a | n/a | — | — |",
    );
    expect(figures.get("table.identity-pool-size.split")?.split("\n")[0]).toBe(
      "| bundle (split) | initial gzip | all chunks gzip | chunks |",
    );
    expect(figures.get("table.versions")).toBe(
      "| library | version |\n| --- | ---: |\n| `@smithy/signature-v4` | 5.7.5 |\n| `aws4fetch` | 1.0.20 |",
    );
  });

  it.each([
    [formatBytes(999), "999 B"],
    [formatBytes(1000), "1.0 KB"],
    [formatBytes(99_949), "99.9 KB"],
    [formatBytes(401_514), "402 KB"],
    [formatDuration(85.8), "86 ns"],
    [formatDuration(9394), "9.4 µs"],
    [formatDuration(217_951), "218 µs"],
    [formatDuration(138_440_136), "138 ms"],
    [formatRatio(0.905), "0.91×"],
    [formatRatio(39.1), "39.10×"],
  ])("formats %s", (formatted, expected) => {
    expect(formatted).toBe(expected);
  });

  it("reads the bench importer of pnpm-lock.yaml: measured libraries, not links, types or esbuild", () => {
    const versions = lockedBenchVersions(readFileSync(`${root}/pnpm-lock.yaml`, "utf8"));
    expect(Object.keys(versions)).toContain("aws4fetch");
    expect(Object.keys(versions)).toContain("@smithy/signature-v4");
    expect(Object.keys(versions).filter((n) => /^@gatehouse|^@types|^esbuild$/.test(n))).toEqual(
      [],
    );
  });
});

describe("checkPage and rewritePage", () => {
  const figures = new Map([
    ["size.sigv4-fetch.browser.gzip", "12.2 KB"],
    ["version.jose.major", "6"],
    ["table.x", "| a |\n| --- |\n| 1 |"],
  ]);
  const codes = (text: string) => checkPage(text, figures).map((p) => p.code);

  it.each([
    [
      "a current marker",
      "Size: <!-- fig:size.sigv4-fetch.browser.gzip -->12.2 KB<!-- /fig --> gzip.",
      [],
    ],
    [
      "a stale marker",
      "Size: <!-- fig:size.sigv4-fetch.browser.gzip -->13.3 KB<!-- /fig -->.",
      ["figure_stale"],
    ],
    ["an unknown id", "Size <!-- fig:size.nothing -->1 KB<!-- /fig -->", ["figure_unknown"]],
    [
      "an unclosed marker",
      "jose <!-- fig:version.jose.major -->6 and more",
      ["figure_marker_unclosed"],
    ],
    [
      "a value marker starting a line",
      "jose\n  <!-- fig:version.jose.major -->6<!-- /fig --> is ESM-only.",
      ["figure_marker_line_start"],
    ],
    [
      "a table marker on its own line",
      "<!-- fig:table.x -->\n\n| a |\n| --- |\n| 1 |\n\n<!-- /fig -->",
      [],
    ],
    ["an unmarked size", "The signer is about 8 KB gzip.", ["figure_unmarked"]],
    ["an unmarked byte count", "It is 13,604 B minified.", ["figure_unmarked"]],
    ["an unmarked ratio", "It is 0.91× the floor.", ["figure_unmarked"]],
    ["an unmarked x faster", "It is 3x faster.", ["figure_unmarked"]],
    ["an unmarked times faster in words", "aws4 is about three times faster.", ["figure_unmarked"]],
    ["an unmarked time", "A hit costs 1.6 µs.", ["figure_unmarked"]],
    ["an unmarked ms per call", "It takes 2 ms per call.", ["figure_unmarked"]],
    ["an unmarked peer version", "jose 6 is ESM-only.", ["figure_unmarked"]],
    ["a peer version after a code span", "`aws-amplify` 6.22.1 bundles.", ["figure_unmarked"]],
    [
      "a marked peer version",
      "jose <!-- fig:version.jose.major -->6<!-- /fig --> is ESM-only.",
      [],
    ],
    ["a limit from LIMITS", "API Gateway's 8 KB authorizer result.", []],
    ["a limit phrase followed by gzip", "It is 8 KB gzip.", ["figure_unmarked"]],
    ["a timeout (ms, not per call)", "JWKS timeout 1500 ms.", []],
    ["a size in a code block", "```sh\necho 13 KB\n```", []],
    ["a size in inline code", "Run `du -h` to see `13 KB`.", []],
    ["marker syntax in inline code", "Write `<!-- fig:ID -->value<!-- /fig -->`.", []],
    ["a version inside an install command", "Install it (`npm install jose@6`).", []],
    ["UTF-8 bytes", "its UTF-8 bytes", []],
  ])("%s", (_what, text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it("gives the line of each problem", () => {
    const problems = checkPage("intro\n\nabout 13 KB\n", figures);
    expect(problems.map((p) => p.line)).toEqual([3]);
  });

  it("rewrites stale values, keeps the rest of the page, and is idempotent", () => {
    const page =
      "# Page\n\nSize <!-- fig:size.sigv4-fetch.browser.gzip -->13.3 KB<!-- /fig --> gzip; " +
      "<!-- fig:unknown.id -->kept<!-- /fig -->.\n\n<!-- fig:table.x -->\nold\n<!-- /fig -->\n";
    const once = rewritePage(page, figures);
    expect(once).toBe(
      "# Page\n\nSize <!-- fig:size.sigv4-fetch.browser.gzip -->12.2 KB<!-- /fig --> gzip; " +
        "<!-- fig:unknown.id -->kept<!-- /fig -->.\n\n<!-- fig:table.x -->\n\n| a |\n| --- |\n| 1 |\n\n<!-- /fig -->\n",
    );
    expect(rewritePage(once, figures)).toBe(once);
    expect(checkPage(once, figures).map((p) => p.code)).toEqual(["figure_unknown"]);
  });

  it("does not rewrite markers inside code blocks", () => {
    const page = "```md\n<!-- fig:size.sigv4-fetch.browser.gzip -->1 KB<!-- /fig -->\n```\n";
    expect(rewritePage(page, figures)).toBe(page);
  });
});

describe("node scripts/figures.mjs --write --after-bench", () => {
  it("leaves the pages alone after a filtered run (BENCH_FILTER set)", () => {
    const run = spawnSync(
      process.execPath,
      [`${root}/scripts/figures.mjs`, "--write", "--after-bench"],
      { encoding: "utf8", env: { ...process.env, BENCH_FILTER: "sigv4" } },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("a filtered run leaves latest.json as it was; pages unchanged");
  });
});
