/**
 * The pages side of scripts/figures.mjs: which pages quote figures, the `<!-- fig:ID -->value<!--
 * /fig -->` markers in them, rewriting them, and the check that fails on
 *   (a) a marked value that differs from the generated one (`figure_stale`),
 *   (b) a marker naming an id the figures do not have (`figure_unknown`), a marker not closed
 *       (`figure_marker_unclosed`), or a value marker that starts a line (`figure_marker_line_start`:
 *       Markdown reads a line starting with `<!--` as an HTML block, which cuts the paragraph),
 *   (c) a figure quoted without a marker (`figure_unmarked`): a size (`13 KB`, `13,604 B`,
 *       `512 bytes`), a ratio (`0.91×`, `3x faster`, `three times faster`), a per-call time (any
 *       figure in µs or ns; ms followed by "per call/op/..."), or a version next to the name of a
 *       benchmarked library (`jose 6`, `aws4@1.13.2`, `Amplify v6`).
 *
 * Not checked: code, fenced or inline (commands and code, which cannot hold a marker; the code is
 * checked by check-docs-code.mjs), docs/api/ (the generated API reference and its landing page),
 * CHANGELOGs and bench/results/ (raw output and dated history: none is in the page list), and the
 * limits in LIMITS below. Marker syntax inside an inline code span is text, not a marker (so a page
 * can show the syntax).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

/**
 * Figures that are limits, quotas or targets, not measurements: the exact phrase (the figure with
 * the words that make it a limit) and why. A phrase excuses the figures inside it, unless the next
 * word says it is a measured size ("gzip", "minified", "bundle"). Keep it short: a measured figure
 * belongs in a marker.
 */
export const LIMITS = [
  // API Gateway's quotas, as AWS documents them, and the caps built on them.
  { phrase: "8 KB", why: "API Gateway's Lambda-authorizer response quota; the token-size cap" },
  { phrase: "less than 1 KB for", why: "the policy_near_size_limit warning's threshold" },
  { phrase: "8192 bytes", why: "the same authorizer response quota, in bytes" },
  { phrase: "1600 bytes", why: "API Gateway's method ARN limit (MAX_METHOD_ARN_BYTES)" },
  { phrase: "10 MB", why: "API Gateway's payload quota" },
  { phrase: "10 MiB", why: "the local gateway's maxBodyBytes default (the payload quota)" },
  { phrase: "10240 bytes", why: "API Gateway's request line and header quota" },
  // Caps and defaults of our own options.
  { phrase: "512 KB", why: "the JWKS response cap (maxResponseBytes default)" },
  { phrase: "1 MiB", why: "the answer caps of identity-pool and the testing servers" },
  { phrase: "2 MiB", why: "the default size of the testing 'oversized' body" },
  { phrase: "64 bytes", why: "the HS512 shared-secret minimum (RFC 7518)" },
  { phrase: "20 bytes", why: "the X.509 serial-number limit (RFC 5280)" },
  // Node.js and test inputs.
  { phrase: "16 KiB", why: "Node.js's HTTP header parser limit" },
  { phrase: "64 MiB bodies", why: "a fuzz-test input size" },
  { phrase: "230 MB", why: "disk space of an example's dev dependencies, not a benchmark" },
  // Targets and budgets (what a measurement is compared with).
  { phrase: "target was 3 KB", why: "the identity-pool size target (issue 9)" },
  { phrase: "at most 1.25× the floor's time", why: "the authorizer's first-seen target" },
  { phrase: "a ratio of 0.8× or more", why: "the same target, as a ratio" },
  { phrase: "repeated at most 3 µs", why: "the authorizer's cache-hit target" },
  { phrase: "5 KB loaded with the page, 6.5 KB in one file", why: "the bundle test's budgets" },
];

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?`;
const WORDS = "two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a hundred";
const PEERS = [
  "aws-jwt-verify",
  "aws4fetch",
  "aws4",
  "jose",
  "@smithy/[a-z0-9-]+",
  "@aws-crypto/[a-z0-9-]+",
  "@aws-sdk/[a-z0-9-]+",
  "aws-amplify",
  "Amplify",
].join("|");

/** What counts as a quoted figure: kind -> pattern (global, per line). */
export const FIGURE_PATTERNS = {
  size: new RegExp(String.raw`(?<![\w.-])(?:${NUMBER}) ?(?:B|KB|kB|KiB|MB|MiB|GB|bytes)\b`, "g"),
  ratio: new RegExp(
    String.raw`(?<![\w.-])(?:${NUMBER}) ?×|\b\d+(?:\.\d+)?x (?:faster|slower)\b|\b(?:\d+(?:\.\d+)?|${WORDS}) times (?:faster|slower)\b`,
    "gi",
  ),
  time: new RegExp(
    String.raw`(?<![\w.-])(?:${NUMBER}) ?(?:µs|μs|ns)\b|(?<![\w.-])(?:${NUMBER}) ?ms (?:per|a|each) (?:call|op|operation|request|signature|evaluation|event)\b`,
    "g",
  ),
  version: new RegExp(
    String.raw`(?<![\w/@-])(?:${PEERS})(?:@|\s+v|\s+version\s+|\s+)v?\d+(?:\.\d+){0,2}\b`,
    "g",
  ),
};

const MEASURED_AFTER = /^\s*(?:gzip|gzipped|minified|min\b|bundle)/i;

/** The pages whose figures are generated, repository-relative, sorted. */
export function pageFiles(root) {
  const out = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (relative(root, path).split(sep).join("/") !== "docs/api") walk(path);
      } else if (entry.name.endsWith(".md")) out.push(path);
    }
  };
  walk(join(root, "docs"));
  for (const base of ["packages", "examples"]) {
    const dir = join(root, base);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) out.push(join(dir, name, "README.md"));
  }
  out.push(join(root, "README.md"), join(root, "bench", "README.md"));
  return out
    .filter((path) => existsSync(path))
    .map((path) => relative(root, path).split(sep).join("/"))
    .sort();
}

/** `text` with fenced code blocks blanked (same length, newlines kept). */
function blankFences(text) {
  const lines = text.split("\n");
  let fence = null;
  return lines
    .map((line) => {
      const m = /^\s*(`{3,}|~{3,})/.exec(line);
      if (fence === null && m) {
        fence = m[1];
        return " ".repeat(line.length);
      }
      if (fence !== null) {
        if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1])
          fence = null;
        return " ".repeat(line.length);
      }
      return line;
    })
    .join("\n");
}

/**
 * `text` with inline code spans blanked too (same length). With `keepNames`, a span holding only a
 * package name (`` `aws-amplify` ``) keeps its text, so a version written after it is still seen.
 */
function blankInlineCode(text, keepNames = false) {
  return text.replace(/(`+)(?!`)([\s\S]*?)(?<!`)\1(?!`)/g, (span, ticks, body) =>
    keepNames && /^[@\w./-]+$/.test(body)
      ? `${" ".repeat(ticks.length)}${body}${" ".repeat(ticks.length)}`
      : span.replace(/[^\n]/g, " "),
  );
}

const lineAt = (text, offset) => text.slice(0, offset).split("\n").length;

/**
 * The markers of a page: `{ id, start, end, valueStart, valueEnd }` offsets into `text`, and the
 * problems of markers that do not parse.
 */
export function findMarkers(text) {
  const masked = blankInlineCode(blankFences(text));
  const markers = [];
  const problems = [];
  const open = /<!-- fig:([a-z0-9][a-z0-9.-]*) -->/g;
  for (let m = open.exec(masked); m !== null; m = open.exec(masked)) {
    const close = masked.indexOf("<!-- /fig -->", m.index);
    const nextOpen = masked.indexOf("<!-- fig:", m.index + 1);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      problems.push({
        line: lineAt(text, m.index),
        code: "figure_marker_unclosed",
        message: `<!-- fig:${m[1]} --> has no <!-- /fig --> before the next marker`,
      });
      continue;
    }
    const valueStart = m.index + m[0].length;
    markers.push({
      id: m[1],
      start: m.index,
      end: close + "<!-- /fig -->".length,
      valueStart,
      valueEnd: close,
    });
    open.lastIndex = close;
  }
  return { markers, problems };
}

/** The text a marker of `id` holds for `value`: tables on lines of their own. */
const markerValue = (id, value) => (id.startsWith("table.") ? `\n\n${value}\n\n` : value);

/** `text` with every known marker's value replaced by the generated one. */
export function rewritePage(text, figures) {
  const { markers } = findMarkers(text);
  let out = "";
  let at = 0;
  for (const marker of markers) {
    if (!figures.has(marker.id)) continue;
    out += text.slice(at, marker.valueStart) + markerValue(marker.id, figures.get(marker.id));
    at = marker.valueEnd;
  }
  return out + text.slice(at);
}

/** The problems of one page. */
export function checkPage(text, figures) {
  const { markers, problems } = findMarkers(text);
  for (const marker of markers) {
    const line = lineAt(text, marker.start);
    const quoted = text.slice(marker.valueStart, marker.valueEnd);
    const lineStart = text.lastIndexOf("\n", marker.start - 1) + 1;
    if (!marker.id.startsWith("table.") && text.slice(lineStart, marker.start).trim() === "") {
      problems.push({
        line,
        code: "figure_marker_line_start",
        message: `fig:${marker.id} starts a line, which Markdown reads as an HTML block (the paragraph breaks there): move a word before it`,
      });
    }
    if (!figures.has(marker.id)) {
      problems.push({
        line,
        code: "figure_unknown",
        message: `no figure "${marker.id}": see \`node scripts/figures.mjs\` for the ids`,
      });
    } else if (quoted.trim() !== figures.get(marker.id).trim()) {
      problems.push({
        line,
        code: "figure_stale",
        message: `fig:${marker.id} says "${quoted.trim().slice(0, 40)}", the figures say "${figures.get(marker.id).slice(0, 40)}": run \`node scripts/figures.mjs --write\``,
      });
    }
  }
  // Unmarked figures: outside code (fenced or inline: it cannot hold a marker) and markers.
  let rest = blankInlineCode(blankFences(text), true);
  for (const marker of markers) {
    const blank = rest.slice(marker.start, marker.end).replace(/[^\n]/g, " ");
    rest = rest.slice(0, marker.start) + blank + rest.slice(marker.end);
  }
  rest.split("\n").forEach((lineText, index) => {
    for (const [kind, pattern] of Object.entries(FIGURE_PATTERNS)) {
      for (const hit of lineText.matchAll(pattern)) {
        if (excused(lineText, hit.index, hit.index + hit[0].length)) continue;
        problems.push({
          line: index + 1,
          code: "figure_unmarked",
          message: `${kind} "${hit[0]}" is typed by hand: wrap it as <!-- fig:ID -->…<!-- /fig --> (ids: \`node scripts/figures.mjs\`), link to docs/benchmarks.md, or, for a limit, add it to LIMITS in scripts/lib/figure-pages.mjs`,
        });
      }
    }
  });
  return problems.sort((a, b) => a.line - b.line);
}

/** Whether a LIMITS phrase of `line` covers [start, end) and no measurement word follows. */
function excused(line, start, end) {
  if (MEASURED_AFTER.test(line.slice(end))) return false;
  return LIMITS.some(({ phrase }) => {
    for (let at = line.indexOf(phrase); at >= 0; at = line.indexOf(phrase, at + 1)) {
      if (at <= start && end <= at + phrase.length) return true;
    }
    return false;
  });
}

/** The problems of every page under `root`: `{ file, line, code, message }`. */
export function checkPages(root, figures) {
  return pageFiles(root).flatMap((file) =>
    checkPage(readFileSync(join(root, file), "utf8"), figures).map((p) => ({ file, ...p })),
  );
}
