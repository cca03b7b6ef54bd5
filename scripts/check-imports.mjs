/**
 * `pnpm lint` (after Biome): the import rules of docs/architecture.md, from scripts/import-rules.mjs.
 *
 *   node scripts/check-imports.mjs            check; one line per violation, exit 1 on any
 *   node scripts/check-imports.mjs --write    also rewrite biome.json's generated import overrides
 *   node scripts/check-imports.mjs --json     violations as JSON (for the tests)
 *   node scripts/check-imports.mjs --root D   check the workspace at D (the tests' fixture trees)
 *   node scripts/check-imports.mjs --rules F  another rule table (the tests' cycle case)
 *
 * Imports are read with the TypeScript compiler API. Checked, per file:
 *   - production code (reachable from a package's entry points) imports only the workspace packages
 *     its rule allows (type-only or folder-limited where the rule says), no Node built-in where the
 *     rule says so, and only external packages declared in its dependencies / peerDependencies;
 *   - nobody imports @gatehouse/cli (cli itself excepted), testing stays out of production code;
 *   - workspace packages are imported through their public entry points only (no src/, dist/,
 *     internal/), everywhere: packages, tests, bench/, examples/, docs/;
 *   - no relative path leaves a package (`../../policy/src/...`), nor reaches into packages/ from
 *     bench/, examples/ or docs/;
 *   - the rule table has a rule for every package and no cycle; every exception still matches an
 *     import (a stale one fails); biome.json's generated overrides are up to date.
 */
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as defaultRules from "./import-rules.mjs";
import { biomeImportConfig, checkBiomeConfig } from "./lib/biome-import-config.mjs";
import { classify, consumerAreas, skippedConsumerPaths } from "./lib/classify-files.mjs";
import { findCycle } from "./lib/find-cycle.mjs";
import {
  isCodeFile,
  isInside,
  isNodeBuiltin,
  isRelative,
  packageOfSpecifier,
  readImports,
  readPackages,
  rel,
  repoRoot,
  resolveRelative,
  walk,
} from "./lib/workspace.mjs";

/** Run every check on the workspace at `root`; returns `{ violations, biome }`. */
export function checkImports(root = repoRoot, { write = false, rules = defaultRules } = {}) {
  const {
    allowedImports,
    exceptions: configuredExceptions,
    leafPackages,
    packageRules,
    testOnlyPackages,
  } = rules;
  const packages = readPackages(root);
  const names = packages.map((pkg) => pkg.name);
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  const violations = [];
  const report = (code, file, line, specifier, message) =>
    violations.push({ code, file: rel(root, file), line, specifier, message });

  for (const pkg of packages) {
    if (!packageRules[pkg.name]) {
      report(
        "unknown-package",
        join(pkg.dir, "package.json"),
        1,
        pkg.name,
        `${pkg.name} has no rule in scripts/import-rules.mjs: add one (and its layer in docs/architecture.md)`,
      );
    }
  }
  const graph = new Map(
    names.map((name) => [
      name,
      (allowedImports(name, names) ?? [])
        .map((entry) => entry.package)
        .filter((n) => names.includes(n) && packageRules[n]?.imports !== "*"),
    ]),
  );
  const cycle = findCycle(graph);
  if (cycle) {
    report(
      "cycle",
      join(root, "scripts", "import-rules.mjs"),
      1,
      "",
      `the rule table allows a cycle between packages: ${cycle.join(" -> ")}`,
    );
  }

  const publicSpecifiers = new Set([
    ...packages.flatMap((pkg) => pkg.entries.map((entry) => entry.specifier)),
    ...packages.map((pkg) => `${pkg.name}/package.json`),
  ]);
  const exceptionUse = new Map(
    configuredExceptions.flatMap((exception) =>
      Object.entries(exception.files).flatMap(([file, imported]) =>
        imported.map((name) => [`${exception.id}|${file}|${name}`, false]),
      ),
    ),
  );

  /** Rules every file follows: public entry points only; nobody imports cli. */
  const checkWorkspaceSpecifier = (file, found, importer) => {
    const target = packageOfSpecifier(found.specifier);
    if (!byName.has(target)) return false;
    if (!publicSpecifiers.has(found.specifier)) {
      report(
        "deep-import",
        file,
        found.line,
        found.specifier,
        `"${found.specifier}" is not a public entry point of ${target} (its exports map): import "${target}" or a listed subpath`,
      );
    }
    if (leafPackages.includes(target) && importer !== target) {
      report(
        "imports-cli",
        file,
        found.line,
        found.specifier,
        `nothing imports ${target}: move what you need into the package it belongs to`,
      );
    }
    return true;
  };

  const classified = new Map();
  for (const pkg of packages) {
    const files = classify(pkg);
    classified.set(pkg.name, files);
    const allowed = allowedImports(pkg.name, names) ?? [];
    const rule = packageRules[pkg.name];
    const declared = {
      ...pkg.manifest.optionalDependencies,
      ...pkg.manifest.peerDependencies,
      ...pkg.manifest.dependencies,
    };
    for (const { file, kind } of files) {
      const local = rel(pkg.dir, file);
      for (const found of readImports(file)) {
        const { specifier } = found;
        if (isRelative(specifier)) {
          const target = resolveRelative(specifier, file);
          const other = packages.find(
            (candidate) => candidate !== pkg && isInside(candidate.dir, target),
          );
          if (other) {
            report(
              "relative-escape",
              file,
              found.line,
              specifier,
              `a relative path into ${other.name} (${rel(root, target)}): import "${other.name}" instead`,
            );
          } else if (kind === "production" && !isInside(join(pkg.dir, "src"), target)) {
            report(
              "relative-escape",
              file,
              found.line,
              specifier,
              `production code imports ${rel(root, target)}, outside ${pkg.name}'s src/`,
            );
          } else if (
            kind !== "config" &&
            !isInside(pkg.dir, target) &&
            // Tests and test-support files may use the workspace's shared test support.
            !isInside(join(root, "test", "support"), target)
          ) {
            report(
              "relative-escape",
              file,
              found.line,
              specifier,
              `a relative path out of ${pkg.name} (${rel(root, target)})`,
            );
          }
          continue;
        }
        if (checkWorkspaceSpecifier(file, found, pkg.name)) {
          const target = packageOfSpecifier(specifier);
          if (kind !== "production") continue;
          if (target === pkg.name) {
            report(
              "self-import",
              file,
              found.line,
              specifier,
              `production code imports its own package by name: use a relative import`,
            );
            continue;
          }
          const permit = allowed.find((entry) => entry.package === target);
          const exception = configuredExceptions.find(
            (candidate) =>
              candidate.package === pkg.name &&
              candidate.imports === target &&
              candidate.files[local] !== undefined &&
              found.names.every((name) => candidate.files[local].includes(name)),
          );
          if (exception) {
            for (const name of found.names)
              exceptionUse.set(`${exception.id}|${local}|${name}`, true);
            continue;
          }
          if (!permit || (testOnlyPackages.includes(target) && rule?.imports !== "*")) {
            const list = allowed.map((entry) => entry.package).join(", ") || "no workspace package";
            const why = testOnlyPackages.includes(target)
              ? `${target} is for tests; production code never imports it`
              : `${pkg.name} may import ${list}: ${rule?.why ?? "no rule"}`;
            report(
              "forbidden-package",
              file,
              found.line,
              specifier,
              `${why} (docs/architecture.md)`,
            );
            continue;
          }
          if (permit.typesOnly && !found.typeOnly) {
            report(
              "types-only",
              file,
              found.line,
              specifier,
              `${pkg.name} may import only types from ${target}: use \`import type\``,
            );
          }
          if (permit.onlyIn && !permit.onlyIn.some((dir) => isInside(join(pkg.dir, dir), file))) {
            report(
              "only-in",
              file,
              found.line,
              specifier,
              `${pkg.name} imports ${target} only under ${permit.onlyIn.join(", ")}`,
            );
          }
          if (!declared[target]) {
            report(
              "undeclared-dependency",
              file,
              found.line,
              specifier,
              `${target} is imported by production code but is not in ${pkg.name}'s dependencies`,
            );
          }
          continue;
        }
        if (kind !== "production") continue;
        if (isNodeBuiltin(specifier)) {
          if (rule?.nodeBuiltins === false) {
            report(
              "node-builtin",
              file,
              found.line,
              specifier,
              `${pkg.name} imports no Node built-in: ${rule.why}`,
            );
          }
          continue;
        }
        const external = packageOfSpecifier(specifier);
        const typesPackage = `@types/${external.startsWith("@") ? external.slice(1).replace("/", "__") : external}`;
        if (!declared[external] && !(found.typeOnly && declared[typesPackage])) {
          report(
            "undeclared-dependency",
            file,
            found.line,
            specifier,
            `${external} is imported by production code but is not in ${pkg.name}'s dependencies or peerDependencies`,
          );
        }
      }
    }
  }

  for (const area of consumerAreas) {
    const files = walk(join(root, area), isCodeFile).filter(
      (file) => !skippedConsumerPaths.some((part) => file.includes(part)),
    );
    for (const file of files) {
      for (const found of readImports(file)) {
        if (isRelative(found.specifier)) {
          const target = resolveRelative(found.specifier, file);
          if (isInside(join(root, "packages"), target)) {
            const other = packages.find((candidate) => isInside(candidate.dir, target));
            report(
              "relative-escape",
              file,
              found.line,
              found.specifier,
              `${area}/ reaches into packages/ by a relative path: import "${other?.name ?? "the package"}" as users do`,
            );
          }
          continue;
        }
        checkWorkspaceSpecifier(file, found, undefined);
      }
    }
  }

  for (const exception of configuredExceptions) {
    const pkg = byName.get(exception.package);
    for (const [file, imported] of Object.entries(exception.files)) {
      const unused = imported.filter(
        (name) => !exceptionUse.get(`${exception.id}|${file}|${name}`),
      );
      if (pkg && unused.length > 0) {
        report(
          "stale-exception",
          join(pkg.dir, file),
          1,
          exception.imports,
          `exception ${exception.id} allows ${unused.join(", ")} from ${exception.imports} here, but no production import uses it: remove it from scripts/import-rules.mjs`,
        );
      }
    }
  }

  const biome = biomeImportConfig(root, packages, classified, rules);
  violations.push(...checkBiomeConfig(root, biome, write));
  return { violations, biome };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const rootIndex = args.indexOf("--root");
  const root = rootIndex === -1 ? repoRoot : resolve(args[rootIndex + 1] ?? ".");
  const rulesIndex = args.indexOf("--rules");
  const rules =
    rulesIndex === -1
      ? defaultRules
      : await import(pathToFileURL(resolve(args[rulesIndex + 1] ?? "")).href);
  const started = performance.now();
  const { violations } = checkImports(root, { write: args.includes("--write"), rules });
  if (args.includes("--json")) {
    console.log(JSON.stringify(violations, null, 2));
  } else {
    for (const v of violations)
      console.error(
        `${v.file}:${v.line}  ${v.code}  ${v.specifier ? `"${v.specifier}": ` : ""}${v.message}`,
      );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      violations.length === 0
        ? `check-imports: import rules hold (${seconds} s)`
        : `check-imports: ${violations.length} violation(s): see scripts/import-rules.mjs and docs/architecture.md`,
    );
  }
  process.exit(violations.length === 0 ? 0 : 1);
}
