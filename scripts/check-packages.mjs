/**
 * `pnpm test:packages`: check every published package as a user receives it, after `pnpm build`.
 *
 * For each non-private package in packages/* (a few at a time, see CHECK_CONCURRENCY below):
 *   1. `pnpm pack` it into a temporary folder;
 *   2. publint on the tarball, strict (any warning or error fails);
 *   3. attw on the tarball, profile node16 (node16 CJS + ESM and bundler resolution must be green);
 *      and the tarball's `repository`, `homepage` and `bugs` against the root package.json's
 *      `repository.url` (scripts/package-metadata.mjs: one source for the forge's address);
 *   4. install the tarball into a temporary project without the network (extract it into
 *      node_modules/<name>, link each runtime dependency from the package's own node_modules);
 *   5. from that project, the package's smoke tests in `packages/<pkg>/test/import/`:
 *      `node` on each .mjs / .cjs file (.cjs with require(esm) off, as in Lambda), `tsc --noEmit` (nodenext, strict) on the .ts files.
 *
 * One line per check, then `N passed, N failed`; exits 1 on any failure.
 * KEEP_TMP=1 keeps the temporary folders for inspection.
 */
import { execFile } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { forgeUrl, packageMetadataProblems, rootManifest } from "./package-metadata.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = (name) => join(root, "node_modules", ".bin", name);

// Under `pnpm test:packages` (even through `npx pnpm`) pnpm is on the PATH; otherwise use npx.
const pnpm = process.env.npm_config_user_agent?.startsWith("pnpm/")
  ? ["pnpm"]
  : ["npx", "-y", "pnpm@10"];

/** Run a command to completion: { ok, output } (stdout + stderr); never throws. */
function run(command, args, cwd) {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 64 * 2 ** 20 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}` || (error?.message ?? "");
      resolve({ ok: !error, output });
    });
  });
}

/** Time one check: `fn` resolves to { ok, details? }; a throw is a failure with its stack. */
async function check(label, fn) {
  const start = performance.now();
  let outcome;
  try {
    outcome = await fn();
  } catch (error) {
    outcome = { ok: false, details: error?.stack ?? String(error) };
  }
  const seconds = (performance.now() - start) / 1000;
  return { label, ok: outcome.ok, details: outcome.details ?? "", seconds };
}

async function publintCheck(tarball) {
  const bytes = readFileSync(tarball);
  const { messages, pkg } = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    level: "warning",
    strict: true,
  });
  const details = messages.map((m) => `${m.type}: ${formatMessage(m, pkg, { color: false })}`);
  return { ok: messages.length === 0, details: details.join("\n") };
}

async function attwCheck(tarball, cwd) {
  // --no-definitely-typed: never ask the registry for @types packages.
  const args = [tarball, "--profile", "node16", "--no-definitely-typed", "--format", "ascii"];
  const { ok, output } = await run(bin("attw"), [...args, "--no-color"], cwd);
  return { ok, details: output };
}

/** The packed package.json's repository, homepage and bugs, as npm will show them. */
async function metadataCheck(tarball, dir, cwd) {
  const { ok, output } = await run("tar", ["-xzOf", tarball, "package/package.json"], cwd);
  if (!ok) return { ok, details: output };
  const forge = forgeUrl(rootManifest(root));
  const problems = packageMetadataProblems(JSON.parse(output), { forge, dir });
  return { ok: problems.length === 0, details: problems.map((p) => p.message).join("\n") };
}

/** Extract the tarball as `node_modules/<name>` and link its runtime dependencies. */
async function install(tarball, pkgDir, name, project) {
  const installed = join(project, "node_modules", name);
  mkdirSync(installed, { recursive: true });
  const untar = await run(
    "tar",
    ["-xzf", tarball, "-C", installed, "--strip-components=1"],
    project,
  );
  if (!untar.ok) return { ok: false, details: untar.output };
  const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
  const missing = [];
  const optional = (dep) => manifest.peerDependenciesMeta?.[dep]?.optional === true;
  for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
    const source = join(pkgDir, "node_modules", dep);
    if (!existsSync(source)) {
      if (optional(dep)) continue;
      missing.push(dep);
      continue;
    }
    const target = join(project, "node_modules", dep);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(realpathSync(source), target, "junction");
  }
  // Every TypeScript project targeting Node has @types/node; the .ts smoke tests assume it too.
  const nodeTypes = join(project, "node_modules", "@types", "node");
  if (!existsSync(nodeTypes)) {
    mkdirSync(dirname(nodeTypes), { recursive: true });
    symlinkSync(realpathSync(join(root, "node_modules", "@types", "node")), nodeTypes, "junction");
  }
  return { ok: missing.length === 0, details: `not in ${pkgDir}/node_modules: ${missing}` };
}

/** Install, then run the package's smoke tests from the temporary project. */
async function smokeTests(tarball, pkgDir, name, project) {
  const results = [
    await check(`${name}: install tarball offline`, () => install(tarball, pkgDir, name, project)),
  ];
  const testDir = join(pkgDir, "test", "import");
  results.push(
    await check(`${name}: import tests exist`, () => ({
      ok: existsSync(testDir),
      details: `add ${testDir}`,
    })),
  );
  if (!results.every((r) => r.ok)) return results;

  cpSync(testDir, project, { recursive: true });
  const manifest = { name: "import-test", private: true, type: "module" };
  writeFileSync(join(project, "package.json"), `${JSON.stringify(manifest)}\n`);
  const files = readdirSync(project).sort();
  const checks = files
    .filter((f) => /\.[mc]js$/.test(f))
    .map((f) =>
      check(`${name}: node ${f}`, async () => {
        // CommonJS runs with require(esm) off, as AWS Lambda runs it.
        const flags = f.endsWith(".cjs") ? ["--no-experimental-require-module"] : [];
        const { ok, output } = await run(process.execPath, [...flags, f], project);
        return { ok, details: output };
      }),
    );
  const typed = files.filter((f) => /\.[mc]?ts$/.test(f) && !/\.d\.[mc]?ts$/.test(f));
  if (typed.length > 0) {
    const args = ["--module", "nodenext", "--moduleResolution", "nodenext", "--strict"];
    args.push("--target", "es2022", "--noEmit", ...typed);
    checks.push(
      check(`${name}: tsc --noEmit (nodenext, strict) ${typed.join(" ")}`, async () => {
        const { ok, output } = await run(bin("tsc"), args, project);
        return { ok, details: output };
      }),
    );
  }
  return [...results, ...(await Promise.all(checks))];
}

async function checkPackage(pkgDir, name, tmp) {
  if (!existsSync(join(pkgDir, "dist"))) {
    return [
      {
        label: `${name}: built`,
        ok: false,
        details: "no dist/: run `pnpm build` first",
        seconds: 0,
      },
    ];
  }
  const packDir = join(tmp, "pack");
  mkdirSync(packDir);
  const pack = await check(`${name}: pnpm pack`, async () => {
    const [command, ...args] = pnpm;
    const { ok, output } = await run(
      command,
      [...args, "pack", "--pack-destination", packDir],
      pkgDir,
    );
    return { ok: ok && readdirSync(packDir).some((f) => f.endsWith(".tgz")), details: output };
  });
  if (!pack.ok) return [pack];
  const tarball = join(
    packDir,
    readdirSync(packDir).find((f) => f.endsWith(".tgz")),
  );

  const project = join(tmp, "project");
  mkdirSync(project);
  const [lint, types, metadata, smoke] = await Promise.all([
    check(`${name}: publint (strict)`, () => publintCheck(tarball)),
    check(`${name}: attw (node16 CJS + ESM, bundler)`, () => attwCheck(tarball, tmp)),
    check(`${name}: repository, homepage, bugs (from the root repository.url)`, () =>
      metadataCheck(tarball, basename(pkgDir), tmp),
    ),
    smokeTests(tarball, pkgDir, name, project),
  ]);
  return [pack, lint, types, metadata, ...smoke];
}

const packagesDir = join(root, "packages");
const packages = readdirSync(packagesDir)
  .sort()
  .map((entry) => ({
    entry,
    dir: join(packagesDir, entry),
    manifest: join(packagesDir, entry, "package.json"),
  }))
  .filter((p) => existsSync(p.manifest))
  .map((p) => ({ ...p, pkg: JSON.parse(readFileSync(p.manifest, "utf8")) }))
  .filter((p) => !p.pkg.private);

/** Print a package's lines as soon as it is done. */
function print(results) {
  for (const r of results) {
    console.log(`${r.ok ? "✓" : "✗"} ${r.label} (${r.seconds.toFixed(1)}s)`);
    if (!r.ok && r.details.trim()) console.log(r.details.trim().replace(/^/gm, "    "));
  }
  return results;
}

async function checkInTmp({ entry, dir, pkg }) {
  const tmp = mkdtempSync(join(tmpdir(), `check-${entry}-`));
  try {
    return print(await checkPackage(dir, pkg.name, tmp));
  } finally {
    if (process.env.KEEP_TMP) console.log(`(kept ${tmp})`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

// Each package already runs attw, tsc and node side by side: one package per two cores, or
// CHECK_CONCURRENCY, so a small CI box is not thrashed by a dozen tsc processes at once.
const concurrency =
  Number(process.env.CHECK_CONCURRENCY) || Math.max(1, availableParallelism() >> 1);
const queue = [...packages];
const outcomes = [];
await Promise.all(
  Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
    for (let next = queue.shift(); next; next = queue.shift())
      outcomes.push(await checkInTmp(next));
  }),
);

const results = outcomes.flat();
const failed = results.filter((r) => !r.ok).length;
console.log(`\n${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 || results.length === 0 ? 1 : 0;
