/**
 * `pnpm lint` (after Biome and the import rules): every package typechecks ALONE, with its own tsconfig.
 *
 *   node scripts/check-types.mjs              check every packages/<pkg>/tsconfig*.json
 *   node scripts/check-types.mjs policy sigv4 only these packages
 *   node scripts/check-types.mjs --write      rewrite each tsconfig.json's `files` and `paths`
 *   node scripts/check-types.mjs --root D     the workspace at D (the tests' fixture trees)
 *   node scripts/check-types.mjs --json       results as JSON (for the tests)
 *
 * Each `packages/<pkg>/tsconfig*.json` is one program, exactly what `npx tsc -p <it>` checks: the
 * package's production graph (`files`: its entry points, from the exports map and `bin`), with
 * its own `lib` and `types` (policy: ES2023 and no @types/node; identity-pool and the browser
 * build of sigv4: no @types/node), and the workspace packages it may import mapped to their sources
 * (`paths`). The root `tsc -p tsconfig.json` checks everything together (tests, bench, examples)
 * with Node and DOM types; this catches what that hides: a Node API in a browser-safe package,
 * an import the package's own settings cannot resolve.
 *
 * Before typechecking, each tsconfig.json is compared with what the import rules imply: `files`
 * must be the entry points, and `paths` must map exactly the packages scripts/import-rules.mjs lets
 * the package import (plus its exceptions' targets), so the typecheck cannot see a package the
 * linter forbids. Programs share parsed files (lib.dom.d.ts and @types/node are read once).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { allowedImports, exceptions } from "./import-rules.mjs";
import { readPackages, rel, repoRoot, ts, writeJson } from "./lib/workspace.mjs";

/** What a package's tsconfig.json must say about `files` and `paths`, from its manifest and rule. */
export function expectedConfig(pkg, packages, extraFiles = []) {
  const names = packages.map((candidate) => candidate.name);
  const targets = new Set((allowedImports(pkg.name, names) ?? []).map((entry) => entry.package));
  for (const exception of exceptions) {
    if (exception.package === pkg.name) targets.add(exception.imports);
  }
  const paths = {};
  for (const target of packages.filter((candidate) => targets.has(candidate.name))) {
    for (const entry of target.entries) {
      paths[entry.specifier] = [`../${target.folder}/${entry.source}`];
    }
  }
  const sources = [...pkg.entries, ...pkg.bins].map((entry) => entry.source);
  return { files: [...new Set([...sources, ...extraFiles])], paths };
}

function configFiles(pkg) {
  return readdirSync(pkg.dir)
    .filter((name) => /^tsconfig(\.[\w-]+)?\.json$/.test(name))
    .sort()
    .map((name) => join(pkg.dir, name));
}

/** The compiler host all programs share: one parse of each file for every program. */
function sharedHost() {
  const cache = new Map();
  return (options) => {
    const host = ts.createCompilerHost(options, true);
    const original = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreate) => {
      const version =
        typeof languageVersionOrOptions === "object"
          ? `${languageVersionOrOptions.languageVersion}|${languageVersionOrOptions.impliedNodeFormat}`
          : String(languageVersionOrOptions);
      const key = `${fileName}|${version}`;
      if (!cache.has(key)) {
        cache.set(key, original(fileName, languageVersionOrOptions, onError, shouldCreate));
      }
      return cache.get(key);
    };
    return host;
  };
}

const formatHost = (root) => ({
  getCanonicalFileName: (name) => name,
  getCurrentDirectory: () => root,
  getNewLine: () => "\n",
});

/**
 * Check the packages at `root` (all, or those named in `only`): `{ results, problems }`, one
 * result per tsconfig with its diagnostics as text; `problems` are tsconfig.json mismatches.
 */
export function checkTypes(root = repoRoot, { only = [], write = false } = {}) {
  const packages = readPackages(root);
  const hostFor = sharedHost();
  const problems = [];
  const results = [];
  for (const pkg of packages) {
    if (only.length > 0 && !only.includes(pkg.folder) && !only.includes(pkg.name)) continue;
    const mainConfig = join(pkg.dir, "tsconfig.json");
    if (!existsSync(mainConfig)) {
      problems.push(`${rel(root, mainConfig)}: missing (every package typechecks alone)`);
      continue;
    }
    const raw = JSON.parse(readFileSync(mainConfig, "utf8"));
    const extra = (raw.files ?? []).filter((file) => file.endsWith(".d.ts"));
    const expected = expectedConfig(pkg, packages, extra);
    const actual = { files: raw.files ?? [], paths: raw.compilerOptions?.paths ?? {} };
    if (!isDeepStrictEqual(actual, expected)) {
      if (write) {
        raw.files = expected.files;
        raw.compilerOptions = { ...raw.compilerOptions, paths: expected.paths };
        if (Object.keys(expected.paths).length === 0) delete raw.compilerOptions.paths;
        writeJson(root, mainConfig, raw);
        console.log(`check-types: rewrote ${rel(root, mainConfig)}`);
      } else {
        problems.push(
          `${rel(root, mainConfig)}: "files" must be the entry points and "paths" the packages it may import (scripts/import-rules.mjs); expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}. Fix: node scripts/check-types.mjs --write`,
        );
      }
    }
    if (Object.keys(expected.paths).length === 0 && raw.compilerOptions?.paths) {
      problems.push(`${rel(root, mainConfig)}: has "paths" but may import no workspace package`);
    }
    for (const config of configFiles(pkg)) {
      const started = performance.now();
      const parsed = ts.getParsedCommandLineOfConfigFile(
        config,
        { noEmit: true },
        {
          ...ts.sys,
          onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
            throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
          },
        },
      );
      const program = ts.createProgram({
        rootNames: parsed.fileNames,
        options: parsed.options,
        projectReferences: parsed.projectReferences,
        host: hostFor(parsed.options),
        configFileParsingDiagnostics: parsed.errors,
      });
      const diagnostics = ts.getPreEmitDiagnostics(program);
      results.push({
        config: rel(root, config),
        files: program.getSourceFiles().filter((file) => !file.fileName.includes("/node_modules/"))
          .length,
        errors: diagnostics.length,
        output: ts.formatDiagnostics(diagnostics, formatHost(root)),
        seconds: (performance.now() - started) / 1000,
      });
    }
  }
  return { results, problems };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const rootIndex = args.indexOf("--root");
  const root = rootIndex === -1 ? repoRoot : resolve(args[rootIndex + 1] ?? ".");
  const only = args.filter((arg, index) => !arg.startsWith("--") && args[index - 1] !== "--root");
  const started = performance.now();
  const { results, problems } = checkTypes(root, { only, write: args.includes("--write") });
  if (args.includes("--json")) {
    console.log(JSON.stringify({ results, problems }, null, 2));
    process.exit(problems.length + results.filter((result) => result.errors > 0).length ? 1 : 0);
  }
  for (const problem of problems) console.error(`check-types: ${problem}`);
  for (const result of results) {
    if (result.errors > 0) process.stderr.write(result.output);
    console.log(
      `check-types: ${result.errors === 0 ? "ok  " : "FAIL"} ${result.config} (${result.files} files, ${result.errors} errors, ${result.seconds.toFixed(1)} s)`,
    );
  }
  const failed = problems.length + results.filter((result) => result.errors > 0).length;
  console.log(
    `check-types: ${results.length} tsconfigs, ${failed === 0 ? "all typecheck alone" : `${failed} failed`} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  process.exit(failed === 0 ? 0 : 1);
}
