/**
 * How check-imports.mjs sorts a package's files: production (reachable from its entry points),
 * test, or test-support (in src/, reached only by tests).
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  isCodeFile,
  isInside,
  isRelative,
  readImports,
  resolveRelative,
  walk,
} from "./workspace.mjs";

/** Test files: `*.test.ts` (`.e2e.test.ts`, `.property.test.ts`, ...) and anything under `test/`. */
export const isTestFile = (pkgDir, file) =>
  /\.test\.[cm]?[jt]sx?$/.test(file) || isInside(join(pkgDir, "test"), file);

/**
 * Production files of a package: its entry points and bins, every file they reach through relative
 * imports, and the `*.browser.ts` sibling of each (tsup swaps it in for the browser build).
 */
export function productionFiles(pkg) {
  const seen = new Set();
  const stack = [...pkg.entries.map((entry) => entry.file), ...pkg.bins.map((bin) => bin.file)];
  while (stack.length > 0) {
    const file = stack.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const browser = file.replace(/\.ts$/, ".browser.ts");
    if (browser !== file && existsSync(browser)) stack.push(browser);
    for (const found of readImports(file)) {
      if (isRelative(found.specifier)) stack.push(resolveRelative(found.specifier, file));
    }
  }
  return seen;
}

/** Each package's files, classified: production, test, support (test-only helpers in src), config. */
export function classify(pkg) {
  const production = productionFiles(pkg);
  const files = [];
  for (const file of walk(pkg.dir, isCodeFile)) {
    let kind;
    if (isTestFile(pkg.dir, file)) kind = "test";
    else if (isInside(join(pkg.dir, "src"), file))
      kind = production.has(file) ? "production" : "support";
    else if (dirname(file) === pkg.dir) kind = "config";
    else kind = "test";
    files.push({ file, kind });
  }
  return files;
}

/** The folders outside packages/ whose files import the packages as users do. */
export const consumerAreas = ["bench", "examples", "docs"];
export const skippedConsumerPaths = [
  "/.vitepress/cache/",
  "/.vitepress/dist/",
  "/.vitepress/.temp/",
  "/results/",
];
