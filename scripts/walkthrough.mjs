#!/usr/bin/env node
/**
 * `pnpm test:walkthrough`: follow docs/getting-started.md as a new user would, and fail when a step
 * does. The page marks its code blocks (interface 2 of issue 16):
 *
 *   <!-- walkthrough: checkout -->  before an ```sh block done in the checkout (clone, install,
 *                                   build): not run (CI has installed and built the checkout).
 *   <!-- walkthrough: run -->       before an ```sh block: run, in page order, in ONE bash session
 *                                   (`set -euo pipefail`) that starts in a fresh temporary folder
 *                                   holding a `gatehouse` symlink to this checkout.
 *   <!-- walkthrough: file -->      before a block with a VitePress title (```ts [src/authorizer.ts]):
 *                                   written, at that point of the session, to that path in the
 *                                   project folder `my-api/`.
 *
 * The session runs with npm pointed at a loopback registry serving this repository's pnpm store
 * (scripts/lib/loopback-registry.mjs; no network), a fresh npm cache, no audit and no fund, and a
 * deadline. Each step is printed as it starts; on a failure, the failing step's output.
 *
 *   node scripts/walkthrough.mjs [--page <file>]... [--keep] [--timeout <seconds>] [--verbose]
 *
 * `--page` (repeatable; each page in its own temporary folder, one after the other) defaults to
 * docs/getting-started.md and every examples/<name>/README.md with a marker (their "Copied out of
 * this repository" commands). `--keep` keeps the temporary folders; `--timeout` is per page (default
 * 600 s); `--verbose` streams every step's output. After a page, every `@gatehouse/*` in the
 * projects' package-lock.json must come from a packed tarball (`file:`), never from a registry.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { startLoopbackRegistry } from "./lib/loopback-registry.mjs";
import {
  buildSession,
  describeStep,
  parseWalkthrough,
  WalkthroughError,
} from "./lib/walkthrough-page.mjs";

const checkout = fileURLToPath(new URL("..", import.meta.url));

export {
  buildSession,
  describeStep,
  PROJECT,
  parseWalkthrough,
  WalkthroughError,
} from "./lib/walkthrough-page.mjs";

function parseArgs(argv) {
  const options = { pages: [], keep: false, timeout: 600, verbose: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--keep") options.keep = true;
    else if (arg === "--verbose") options.verbose = true;
    else if (arg === "--page" && argv[i + 1]) options.pages.push(resolve(argv[++i]));
    else if (arg === "--timeout") options.timeout = Number(argv[++i]);
    else if (arg === "--help") options.help = true;
    else throw new WalkthroughError("bad_argument", `unknown argument ${arg}`);
  }
  if (!(options.timeout > 0)) {
    throw new WalkthroughError("bad_argument", "--timeout takes a number of seconds");
  }
  if (options.pages.length === 0) options.pages.push(...defaultPages());
  return options;
}

/** docs/getting-started.md, then every examples/<name>/README.md that carries a marker. */
export function defaultPages(root = checkout) {
  const examples = readdirSync(join(root, "examples"))
    .sort()
    .map((name) => join(root, "examples", name, "README.md"))
    .filter((file) => existsSync(file) && readFileSync(file, "utf8").includes("<!-- walkthrough:"));
  return [join(root, "docs", "getting-started.md"), ...examples];
}

/** The folder of a `pnpm` binary: on the PATH, else the one `npx -y pnpm@10` runs (its cache). */
function findPnpm() {
  const onPath = spawnSync("sh", ["-c", "command -v pnpm"], { encoding: "utf8" }).stdout.trim();
  if (onPath) return dirname(onPath);
  const viaNpx = spawnSync(
    "npm",
    ["exec", "--yes", "--package=pnpm@10", "--", "sh", "-c", "command -v pnpm"],
    {
      encoding: "utf8",
    },
  );
  const found = viaNpx.stdout.trim().split("\n").at(-1);
  return found ? dirname(found) : undefined;
}

/**
 * The session's environment: the user's shell, as far as we can tell. Without the `npm_*` and
 * `pnpm_*` variables and `node_modules/.bin` folders a package script gets, with pnpm reachable
 * (the checkout was built with it; install-from-checkout packs with it), and npm pointed at the
 * loopback registry with its own cache, no audit, no fund.
 */
function sessionEnv(registry, npmCache) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || /^pnpm_/i.test(key)) continue;
    env[key] = value;
  }
  const path = (process.env.PATH ?? "").split(delimiter);
  const kept = path.filter((entry) => !entry.includes(`node_modules${sep}.bin`));
  const pnpm = findPnpm();
  if (pnpm) kept.unshift(pnpm);
  env.PATH = kept.join(delimiter);
  Object.assign(env, {
    npm_config_registry: registry,
    npm_config_cache: npmCache,
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
  });
  return env;
}

function checkBuilt() {
  const missing = readdirSync(join(checkout, "packages")).filter(
    (folder) =>
      existsSync(join(checkout, "packages", folder, "package.json")) &&
      !existsSync(join(checkout, "packages", folder, "dist")),
  );
  if (missing.length > 0) {
    throw new WalkthroughError(
      "not_built",
      `the checkout is not built (no dist/ in packages/${missing.join(", packages/")}): run \`pnpm build\``,
    );
  }
}

/** Run the session; resolves { code, timedOut, outputs: Map(step -> text), current }. */
function runSession(script, { cwd, env, timeout, verbose, steps }) {
  return new Promise((resolvePromise) => {
    const child = spawn("bash", [script], {
      cwd,
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const outputs = new Map();
    let current = "setup";
    let pending = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, timeout * 1000);
    const onData = (chunk) => {
      pending += chunk;
      const parts = pending.split("\n");
      pending = parts.pop();
      for (const text of parts) {
        const start = /^::walkthrough-step (\d+|done)::$/.exec(text);
        if (start) {
          current = start[1];
          if (current !== "done") console.log(`  ▶ ${describeStep(steps[Number(current)])}`);
          continue;
        }
        outputs.set(current, `${outputs.get(current) ?? ""}${text}\n`);
        if (verbose) console.log(`      ${text}`);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (pending) outputs.set(current, `${outputs.get(current) ?? ""}${pending}\n`);
      resolvePromise({ code: code ?? signal, timedOut, outputs, current });
    });
  });
}

/**
 * The `@gatehouse/*` packages that npm did not take from a packed tarball, in every
 * package-lock.json of the projects below `root`. (npm does ask the registry for a tarball's
 * dependency on another tarball of the same command, gets a 404 from the loopback registry, and
 * installs the tarball: the lockfile is what counts.)
 */
function gatehouseFromRegistry(root) {
  const found = [];
  const locks = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== "gatehouse")
    .map((entry) => join(root, entry.name, "package-lock.json"))
    .filter((file) => existsSync(file));
  for (const file of locks) {
    const { packages = {} } = JSON.parse(readFileSync(file, "utf8"));
    for (const [path, entry] of Object.entries(packages)) {
      if (!/(^|\/)node_modules\/@gatehouse\/[^/]+$/.test(path)) continue;
      if (entry.link || String(entry.resolved ?? "").startsWith("file:")) continue;
      found.push(`${relative(root, file)}: ${path} (${entry.resolved ?? "no resolved"})`);
    }
  }
  return found;
}

/** Walk one page in a fresh temporary folder; true when every step passed. */
async function walkPage(page, { env, options }) {
  const label = relative(process.cwd(), page) || page;
  const steps = parseWalkthrough(readFileSync(page, "utf8"));
  const started = performance.now();
  const root = realpathSync(mkdtempSync(join(tmpdir(), "gatehouse-walkthrough-")));
  const filesDir = realpathSync(mkdtempSync(join(tmpdir(), "gatehouse-walkthrough-files-")));
  symlinkSync(realpathSync(checkout), join(root, "gatehouse"), "dir");
  steps.forEach((step, n) => {
    if (step.kind === "file") writeFileSync(join(filesDir, String(n)), step.code);
  });
  const script = join(filesDir, "session.sh");
  writeFileSync(script, buildSession(steps, { root, filesDir }));
  console.log(`${label}`);
  for (const step of steps.filter((s) => s.kind === "checkout")) {
    console.log(`  - ${describeStep(step)} (checkout step, not run)`);
  }
  const result = await runSession(script, { cwd: root, env, ...options, steps });
  const leaked = result.code === 0 ? gatehouseFromRegistry(root) : [];
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const ok =
    result.code === 0 && result.current === "done" && !result.timedOut && leaked.length === 0;
  if (ok) {
    const ran = steps.filter((s) => s.kind !== "checkout").length;
    console.log(`✓ ${label}: ${ran} steps passed in ${seconds}s`);
  } else if (result.code === 0 && leaked.length > 0) {
    console.error(`✗ ${label}: not from the packed tarballs: ${leaked.join(", ")} (${seconds}s)`);
  } else {
    const step = steps[Number(result.current)];
    const where = step ? describeStep(step) : result.current;
    const why = result.timedOut
      ? `timed out after ${options.timeout}s`
      : `exited with ${result.code}`;
    console.error(`✗ ${label}: failed in ${where}: ${why} (${seconds}s)`);
    const output = result.outputs.get(result.current) ?? "(no output)";
    console.error(output.trimEnd().replace(/^/gm, "    "));
  }
  if (options.keep) console.log(`  (kept ${root})`);
  else rmSync(root, { recursive: true, force: true });
  rmSync(filesDir, { recursive: true, force: true });
  return ok;
}

async function main(argv) {
  const options = parseArgs(argv);
  if (options.help) {
    console.log(readFileSync(fileURLToPath(import.meta.url), "utf8").split("*/")[0]);
    return;
  }
  for (const page of options.pages) parseWalkthrough(readFileSync(page, "utf8"));
  checkBuilt();
  const registry = await startLoopbackRegistry({ root: checkout });
  // One npm cache for the run: each tarball leaves the loopback registry once.
  const npmCache = mkdtempSync(join(tmpdir(), "gatehouse-walkthrough-npm-cache-"));
  let failed = 0;
  try {
    const env = sessionEnv(registry.url, npmCache);
    for (const page of options.pages) {
      if (!(await walkPage(page, { env, options }))) failed++;
    }
  } finally {
    await registry.close();
    rmSync(npmCache, { recursive: true, force: true });
  }
  if (failed > 0) {
    if (!options.keep) console.error("(run with --keep to inspect the temporary folders)");
    process.exitCode = 1;
  }
}

function invokedAsScript() {
  try {
    return realpathSync(process.argv[1] ?? "") === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}
if (invokedAsScript()) {
  main(process.argv.slice(2)).catch((error) => {
    if (error instanceof WalkthroughError) console.error(`walkthrough: ${error.message}`);
    else console.error(error);
    process.exitCode = 1;
  });
}
