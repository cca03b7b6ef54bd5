/**
 * The workspace as the tooling scripts see it: packages, their entry points, their source files and
 * the imports of each file, read with the TypeScript compiler API (no regular expressions over code).
 *
 * Shared by check-imports.mjs, check-types.mjs and api-snapshot.mjs. Every function takes the
 * workspace root, so the tests can point them at fixture trees under scripts/fixtures/.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

// require(), not `import ts from "typescript"`: importing the 9 MB CommonJS file from ESM makes Node
// scan it for named exports first (about 3 s of CPU).
/** @type {typeof import("typescript")} */
export const ts = createRequire(import.meta.url)("typescript");

/** The repository root (the folder holding pnpm-workspace.yaml). */
export const repoRoot = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/** Forward-slash path of `file` relative to `from` (stable in messages and snapshots). */
export function rel(from, file) {
  return relative(from, file).split(sep).join("/");
}

/** Every file below `dir` (recursively) whose name passes `keep`; skips node_modules and dist. */
export function walk(dir, keep = () => true) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist" || entry.name === "cdk.out")
      continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path, keep));
    else if (keep(path)) out.push(path);
  }
  return out.sort();
}

/** `./dist/<name>.js` -> `src/<name>.ts`, the rule tsup.config.base.ts builds entries by. */
function sourceOfDist(target, what) {
  if (typeof target !== "string" || !target.startsWith("./dist/") || !target.endsWith(".js")) {
    throw new Error(`${what} must be ./dist/<name>.js, got ${JSON.stringify(target)}`);
  }
  return `src/${target.slice("./dist/".length, -".js".length)}.ts`;
}

/**
 * The packages under `<root>/packages/*`: name, folder, manifest, and entry points. `entries` are
 * the public entry points (the `exports` map: specifier -> source file); `bins` are the `bin`
 * scripts (built from src, not importable).
 */
export function readPackages(root = repoRoot) {
  const base = join(root, "packages");
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .filter((name) => existsSync(join(base, name, "package.json")))
    .sort()
    .map((folder) => {
      const dir = join(base, folder);
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      const entries = [];
      for (const [key, target] of Object.entries(manifest.exports ?? { ".": manifest.main })) {
        if (key === "./package.json" || typeof target !== "object" || target === null) continue;
        const file = sourceOfDist(target.import?.default, `${manifest.name} exports["${key}"]`);
        const specifier = key === "." ? manifest.name : `${manifest.name}/${key.slice(2)}`;
        entries.push({ key, specifier, file: join(dir, file), source: file });
      }
      const binTargets =
        typeof manifest.bin === "string" ? [manifest.bin] : Object.values(manifest.bin ?? {});
      const bins = binTargets.map((target) => {
        const source = sourceOfDist(target, `${manifest.name} bin`);
        return { file: join(dir, source), source };
      });
      return { name: manifest.name, folder, dir, manifest, entries, bins };
    });
}

/** Whether `specifier` names a Node built-in (`node:fs`, `fs`, `fs/promises`). */
export function isNodeBuiltin(specifier) {
  if (specifier.startsWith("node:")) return true;
  return builtinModules.includes(specifier) || builtinModules.includes(specifier.split("/")[0]);
}

/** The package a bare specifier names: `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`. */
export function packageOfSpecifier(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

export const isRelative = (specifier) =>
  specifier === "." ||
  specifier.startsWith("./") ||
  specifier.startsWith("../") ||
  specifier === "..";

const scriptKinds = {
  ".ts": ts.ScriptKind.TS,
  ".mts": ts.ScriptKind.TS,
  ".cts": ts.ScriptKind.TS,
  ".tsx": ts.ScriptKind.TSX,
  ".js": ts.ScriptKind.JS,
  ".mjs": ts.ScriptKind.JS,
  ".cjs": ts.ScriptKind.JS,
};

export const isCodeFile = (file) =>
  !file.endsWith(".d.ts") && Object.keys(scriptKinds).some((ext) => file.endsWith(ext));

function importedNames(clause) {
  if (!clause) return [""];
  const names = [];
  if (clause.name) names.push("default");
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) names.push("*");
  if (bindings && ts.isNamedImports(bindings)) {
    for (const element of bindings.elements)
      names.push((element.propertyName ?? element.name).text);
  }
  return names;
}

const importCache = new Map();

/**
 * Every module reference in a file: static `import` / `export ... from`, `import x = require()`,
 * dynamic `import()`, `require()` and `import("x").T` type references. Each comes with the names it
 * takes (`"*"` for a namespace or a dynamic import, `""` for a bare side-effect import) and whether
 * it is type-only (erased at run time).
 */
export function readImports(file, text) {
  if (text === undefined) {
    const cached = importCache.get(file);
    if (cached) return cached;
    const found = readImports(file, readFileSync(file, "utf8"));
    importCache.set(file, found);
    return found;
  }
  const ext = Object.keys(scriptKinds).find((candidate) => file.endsWith(candidate)) ?? ".ts";
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKinds[ext]);
  const found = [];
  const add = (literal, names, typeOnly) => {
    const { line } = source.getLineAndCharacterOfPosition(literal.getStart(source));
    found.push({ specifier: literal.text, names, typeOnly, line: line + 1 });
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings);
      const allTypes =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name &&
            named &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      add(node.moduleSpecifier, importedNames(clause), Boolean(allTypes));
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const clause = node.exportClause;
      const names =
        clause && ts.isNamedExports(clause)
          ? clause.elements.map((element) => (element.propertyName ?? element.name).text)
          : ["*"];
      const allTypes =
        node.isTypeOnly ||
        (clause && ts.isNamedExports(clause) && clause.elements.every((e) => e.isTypeOnly));
      add(node.moduleSpecifier, names, Boolean(allTypes));
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      add(node.moduleReference.expression, ["*"], node.isTypeOnly);
    } else if (
      ts.isCallExpression(node) &&
      node.arguments.length >= 1 &&
      ts.isStringLiteralLike(node.arguments[0]) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === "require"))
    ) {
      add(node.arguments[0], ["*"], false);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      add(node.argument.literal, [node.qualifier?.getText(source) ?? "*"], true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const resolutionOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  allowJs: true,
  resolveJsonModule: true,
};

/**
 * The file a relative specifier points at, resolved the way TypeScript does (`./x.js` -> `./x.ts`);
 * when TypeScript cannot resolve it, the plain joined path (so a rule on the location still applies).
 */
export function resolveRelative(specifier, fromFile) {
  const { resolvedModule } = ts.resolveModuleName(specifier, fromFile, resolutionOptions, ts.sys);
  if (resolvedModule && !resolvedModule.isExternalLibraryImport) {
    return resolve(resolvedModule.resolvedFileName);
  }
  return resolve(fromFile, "..", specifier);
}

/** Whether `file` is inside folder `dir` (or is it). */
export function isInside(dir, file) {
  const path = relative(dir, file);
  return (
    path === "" || (!path.startsWith("..") && !path.startsWith(sep) && !/^[a-zA-Z]:/.test(path))
  );
}

/** Whether `path` exists and is a directory. */
export function isDirectory(path) {
  return existsSync(path) && statSync(path).isDirectory();
}

/** Write JSON, then format it as `pnpm format` would (Biome, when installed at `root`). */
export function writeJson(root, path, value) {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
  const biome = join(root, "node_modules", ".bin", "biome");
  if (existsSync(biome))
    spawnSync(biome, ["format", "--write", path], { cwd: root, stdio: "ignore" });
}
