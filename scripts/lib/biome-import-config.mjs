/**
 * The Biome side of the import rules (check-imports.mjs): the generated `noRestrictedImports`
 * overrides of biome.json, and the check (or `--write`) that keeps biome.json in step with them.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import * as defaultRules from "../import-rules.mjs";
import { rel, writeJson } from "./workspace.mjs";

export function deepPattern(packages) {
  const publicSubpaths = packages.flatMap((pkg) =>
    pkg.entries.filter((entry) => entry.key !== ".").map((entry) => `!${entry.specifier}`),
  );
  return {
    group: ["@gatehouse/*/**", ...publicSubpaths, "!@gatehouse/*/package.json"],
    message:
      "Import a workspace package through its public entry points (its exports map), never its src/, dist/ or internal/ (docs/architecture.md).",
  };
}

/**
 * The Biome side of the rules: `noRestrictedImports` for every file (public entry points, no cli)
 * and one override per package for its production files (allowed packages; no Node built-ins
 * where the rule says so), plus the folder-limited imports and the exceptions. Test files and the
 * test-support files this script finds are left out of the production overrides.
 */
export function biomeImportConfig(root, packages, classified, rules = defaultRules) {
  const { allowedImports, exceptions: configuredExceptions, leafPackages, packageRules } = rules;
  const names = packages.map((pkg) => pkg.name);
  const deep = deepPattern(packages);
  const cliMessage =
    "Nothing imports @gatehouse/cli: it is the top of the house (docs/architecture.md).";
  const base = {
    level: "error",
    options: { patterns: [deep], paths: { "@gatehouse/cli": { message: cliMessage } } },
  };
  const overrides = [];
  const rule = (options) => ({ style: { noRestrictedImports: { level: "error", options } } });
  const production = (pkg, allowed, extra = {}) => {
    const negations = allowed.flatMap((name) => {
      const target = packages.find((candidate) => candidate.name === name);
      return [
        `!${name}`,
        ...(target?.entries ?? []).filter((e) => e.key !== ".").map((e) => `!${e.specifier}`),
      ];
    });
    const why = packageRules[pkg.name].why;
    const list = allowed.length === 0 ? "no workspace package" : allowed.join(", ");
    return {
      patterns: [
        deep,
        {
          group: ["@gatehouse/*", "@gatehouse/*/**", ...negations],
          message: `${pkg.name} production code may import ${list}: ${why} (docs/architecture.md).`,
        },
      ],
      ...extra,
    };
  };
  for (const leaf of packages.filter((pkg) => leafPackages.includes(pkg.name))) {
    overrides.push({
      includes: [`packages/${leaf.folder}/**`],
      linter: { rules: rule({ patterns: [deep] }) },
    });
  }
  for (const pkg of packages) {
    const allowed = allowedImports(pkg.name, names);
    if (!allowed) continue;
    const files = classified.get(pkg.name);
    const support = files
      .filter((entry) => entry.kind === "support")
      .map((entry) => `!${rel(root, entry.file)}`);
    const prefix = `packages/${pkg.folder}`;
    const plain = allowed.filter((entry) => !entry.onlyIn).map((entry) => entry.package);
    const rules = rule(production(pkg, plain));
    if (packageRules[pkg.name].nodeBuiltins === false) {
      rules.correctness = { noNodejsModules: "error" };
    }
    overrides.push({
      includes: [`${prefix}/src/**`, "!**/*.test.ts", ...support],
      linter: { rules },
    });
    for (const limited of allowed.filter((entry) => entry.onlyIn)) {
      overrides.push({
        includes: [...limited.onlyIn.map((dir) => `${prefix}/${dir}/**`), "!**/*.test.ts"],
        linter: { rules: rule(production(pkg, [...plain, limited.package])) },
      });
    }
    const byFile = new Map();
    for (const exception of configuredExceptions.filter((e) => e.package === pkg.name)) {
      for (const [file, imported] of Object.entries(exception.files)) {
        const key = `${prefix}/${file}`;
        const entry = byFile.get(key) ?? new Map();
        entry.set(exception.imports, [...(entry.get(exception.imports) ?? []), ...imported]);
        byFile.set(key, entry);
      }
    }
    for (const [file, targets] of byFile) {
      const paths = {};
      for (const [target, imported] of targets) {
        paths[target] = {
          allowImportNames: [...new Set(imported)].sort(),
          message: `Only the names of an exception in scripts/import-rules.mjs may come from ${target} here.`,
        };
      }
      overrides.push({
        includes: [file],
        linter: { rules: rule(production(pkg, [...plain, ...targets.keys()], { paths })) },
      });
    }
  }
  return { base, overrides };
}

/** Whether a Biome override is one this script generates (it configures noRestrictedImports). */
export const isGenerated = (override) =>
  override?.linter?.rules?.style?.noRestrictedImports !== undefined;

export function checkBiomeConfig(root, generated, write) {
  const path = join(root, "biome.json");
  if (!existsSync(path)) return [];
  const config = JSON.parse(readFileSync(path, "utf8"));
  const current = {
    base: config.linter?.rules?.style?.noRestrictedImports,
    overrides: (config.overrides ?? []).filter(isGenerated),
  };
  if (isDeepStrictEqual(current, generated)) return [];
  if (write) {
    config.linter.rules.style = {
      ...config.linter.rules.style,
      noRestrictedImports: generated.base,
    };
    config.overrides = [
      ...(config.overrides ?? []).filter((o) => !isGenerated(o)),
      ...generated.overrides,
    ];
    writeJson(root, path, config);
    console.log("check-imports: rewrote the generated import overrides in biome.json");
    return [];
  }
  return [
    {
      code: "biome-config",
      file: "biome.json",
      line: 1,
      specifier: "",
      message:
        "the generated noRestrictedImports overrides differ from scripts/import-rules.mjs: run `node scripts/check-imports.mjs --write`",
    },
  ];
}
