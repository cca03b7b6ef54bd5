/**
 * Every TypeScript example in the documentation typechecks against the packages' sources:
 *   - each ```ts block of docs/**\/*.md and packages/*\/README.md,
 *   - each TSDoc `@example` in packages/*\/src (production and test-support files).
 *
 *   node scripts/check-docs-code.mjs            check; one line per error (file:line of the doc)
 *   node scripts/check-docs-code.mjs --json     errors as JSON (for the tests)
 *   node scripts/check-docs-code.mjs --root D   the workspace at D (the tests' fixture trees)
 *   KEEP_TMP=1 ...                              also write the generated modules to .tmp/docs-code/
 *
 * How a snippet becomes a module (docs/architecture.md, "Checked examples"):
 *   - Blocks of one Markdown page read as one story: a block sees the top-level names (imports and
 *     declarations) of the blocks above it on the same page, unless it declares them again.
 *   - A name the snippet uses without declaring or importing it is imported from the packages when
 *     one exports it (the page's or the file's own package first): fragments like
 *     `createAuthorizer({ verifier })` need no import line.
 *   - Anything else a page assumes (your own functions, a package we do not install) goes in an
 *     HTML comment before its first block, invisible on the site and on GitHub:
 *       <!-- ts-context
 *       declare const tenants: { lookup(sub: string): Promise<{ id: string } | undefined> };
 *       -->
 *     and for TSDoc, an example may start with such `declare` lines itself.
 *   - A block that is deliberately not TypeScript (a shape sketch, pseudo-code) is fenced
 *     ```ts nocheck: it is skipped and counted. Keep them rare.
 * Snippets compile with the repository's strict settings, minus the unused-locals checks (examples
 * declare things to show them) and verbatimModuleSyntax (user code imports types either way).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  compilerOptions,
  declaredNames,
  exportLine,
  exportTable,
  importLine,
  isImported,
  splitContext,
  usedIdentifiers,
  virtualHost,
} from "./lib/docs-snippet-modules.mjs";
import { collectSnippets } from "./lib/docs-snippets.mjs";
import { readPackages, rel, repoRoot, ts, walk } from "./lib/workspace.mjs";

export { collectSnippets, markdownBlocks } from "./lib/docs-snippets.mjs";

/**
 * Typecheck every snippet at `root`. Returns { errors, checked, skipped } where each error is
 * { source, line, code, message } pointing into the Markdown page or the TSDoc comment.
 */
export function checkDocsCode(root = repoRoot, { keep = false } = {}) {
  const packages = readPackages(root);
  const snippets = collectSnippets(root);
  const options = compilerOptions(root, packages);
  const fallbackDirs = [
    ...packages.map((pkg) => pkg.dir),
    ...walk(join(root, "examples"), (file) => file.endsWith("/package.json")).map(dirname),
    join(root, "bench"),
    join(root, "docs"),
  ];

  const virtual = new Map(); // file -> { text, source, line, headerLines }, filled below
  const host = virtualHost(options, virtual, fallbackDirs);
  // A first program over the entry points only, to learn what each package exports.
  const entryProgram = ts.createProgram({
    rootNames: packages.flatMap((pkg) => pkg.entries.map((entry) => entry.file)),
    options,
    host,
  });
  const exportsByName = exportTable(entryProgram, entryProgram.getTypeChecker(), packages);

  const lastDeclared = new Map(); // page -> Map(name -> { module, kind })
  let checked = 0;
  for (const snippet of snippets) {
    if (snippet.nocheck) continue;
    checked++;
    const dir = join(
      snippet.owner ? join(root, "packages", snippet.owner) : join(root, "docs"),
      "__docs_code__",
    );
    const slug = snippet.source.replace(/[^\w]+/g, "_");
    const moduleName = `${slug}_${snippet.line}`;
    const { names, exported } = declaredNames(snippet.code);
    const header = [];
    const known = new Set(names.keys());
    // Only names the snippet mentions are imported: fewer imports, a faster check.
    const used = usedIdentifiers(snippet.code);

    // The page's <!-- ts-context --> (Markdown) or the package's test/tsdoc-context.ts (TSDoc).
    let contextModule;
    let contextNames = new Map();
    if (snippet.page && snippet.context.length > 0) {
      const { ambient, local } = splitContext(snippet.context.map((part) => part.code).join("\n"));
      const file = join(dir, `${slug}_context.ts`);
      if (!virtual.has(file)) {
        const line = snippet.context[0].line;
        const localNames = declaredNames(local).names;
        virtual.set(file, {
          text: `${local}\n${exportLine(localNames)}\n`,
          source: snippet.source,
          line,
          headerLines: 0,
        });
        if (ambient.trim()) {
          virtual.set(join(dir, `${slug}_ambient.d.ts`), {
            text: ambient,
            source: snippet.source,
            line,
            headerLines: 0,
          });
        }
      }
      contextModule = `./${slug}_context.js`;
      contextNames = declaredNames(local).names;
    } else if (!snippet.page && snippet.owner) {
      const file = join(root, "packages", snippet.owner, "test", "tsdoc-context.ts");
      if (ts.sys.fileExists(file)) {
        contextModule = "../test/tsdoc-context.js";
        const declared = declaredNames(readFileSync(file, "utf8"));
        contextNames = new Map([...declared.names].filter(([name]) => declared.exported.has(name)));
      }
    }
    if (contextModule) {
      const own = new Map([...contextNames].filter(([name]) => !known.has(name) && used.has(name)));
      header.push(importLine(own, contextModule));
      for (const name of own.keys()) known.add(name);
    }

    // Names of the blocks above on the same page.
    const earlier = snippet.page ? (lastDeclared.get(snippet.page) ?? new Map()) : new Map();
    const byModule = new Map();
    for (const [name, origin] of earlier) {
      if (known.has(name) || !used.has(name)) continue;
      known.add(name);
      const list = byModule.get(origin.module) ?? new Map();
      list.set(name, origin.kind);
      byModule.set(origin.module, list);
    }
    for (const [module, list] of byModule) header.push(importLine(list, `./${module}.js`));

    // Everything the packages export, for names still unbound (unused imports are harmless).
    const auto = new Map();
    for (const [name, candidates] of exportsByName) {
      if (known.has(name) || !used.has(name)) continue;
      const pick =
        candidates.find((candidate) => candidate.folder === snippet.owner) ?? candidates[0];
      const list = auto.get(pick.specifier) ?? new Map();
      list.set(name, pick.kind);
      auto.set(pick.specifier, list);
    }
    for (const [specifier, list] of auto) header.push(importLine(list, specifier));

    const reexport = new Map([...names].filter(([name]) => !exported.has(name)));
    const footer = exportLine(reexport);
    // All imports on one line, so line N of the snippet is line N + 1 of the module.
    const text = `${header.filter(Boolean).join(" ")}\n${snippet.code}\n${footer}\n`;
    virtual.set(join(dir, `${moduleName}.ts`), {
      text,
      source: snippet.source,
      line: snippet.line,
      headerLines: 1,
    });
    if (snippet.page) {
      const map = new Map(earlier);
      // A block that declares a name the packages export sketches that API (`interface
      // TokenVerifier { ... }`): later blocks get the real one.
      for (const [name, kind] of names) {
        if (!exportsByName.has(name) || isImported(snippet.code, name)) {
          map.set(name, { module: moduleName, kind });
        } else {
          map.delete(name);
        }
      }
      lastDeclared.set(snippet.page, map);
    }
  }

  if (keep) {
    const out = join(root, ".tmp", "docs-code");
    rmSync(out, { recursive: true, force: true });
    for (const [file, { text }] of virtual) {
      const target = join(out, rel(root, file));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
  }

  const program = ts.createProgram({
    rootNames: [...virtual.keys()],
    options,
    host,
    oldProgram: entryProgram,
  });
  const errors = [];
  for (const [file, entry] of virtual) {
    const sourceFile = program.getSourceFile(file);
    const diagnostics = [
      ...program.getSyntacticDiagnostics(sourceFile),
      ...program.getSemanticDiagnostics(sourceFile),
    ];
    for (const diagnostic of diagnostics) {
      const { line } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      errors.push({
        source: entry.source,
        line: entry.line + Math.max(0, line - entry.headerLines),
        code: diagnostic.code,
        message: ts.flattenDiagnosticMessageText(diagnostic.messageText, " "),
      });
    }
  }
  for (const diagnostic of program.getGlobalDiagnostics()) {
    errors.push({
      source: "(global)",
      line: 0,
      code: diagnostic.code,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, " "),
    });
  }
  const skipped = snippets.filter((snippet) => snippet.nocheck).map((s) => `${s.source}:${s.line}`);
  return { ...applyKnownErrors(root, errors), checked, skipped };
}

/**
 * Separate the errors scripts/docs-code-known-errors.json tracks (library type bugs the examples
 * expose, each with its reason) from the rest. A tracked source with no matching error is stale:
 * the bug is fixed, delete the entry. Returns { errors, known, stale }.
 */
function applyKnownErrors(root, errors) {
  const path = join(root, "scripts", "docs-code-known-errors.json");
  const issues = ts.sys.fileExists(path) ? JSON.parse(readFileSync(path, "utf8")) : [];
  const matches = (issue, error) =>
    issue.sources.includes(error.source) &&
    issue.codes.includes(error.code) &&
    error.message.includes(issue.match);
  const known = errors.filter((error) => issues.some((issue) => matches(issue, error)));
  const stale = issues.flatMap((issue) =>
    issue.sources
      .filter((source) => !errors.some((error) => error.source === source && matches(issue, error)))
      .map((source) => ({ issue: issue.issue, source })),
  );
  return { errors: errors.filter((error) => !known.includes(error)), known, stale };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const rootIndex = args.indexOf("--root");
  const root = rootIndex === -1 ? repoRoot : resolve(args[rootIndex + 1] ?? ".");
  const started = performance.now();
  const result = checkDocsCode(root, { keep: process.env["KEEP_TMP"] === "1" });
  if (args.includes("--json")) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    for (const error of result.errors) {
      console.error(`${error.source}:${error.line}  TS${error.code}: ${error.message}`);
    }
    for (const entry of result.stale) {
      console.error(
        `${entry.source}: no longer shows "${entry.issue}": delete it from scripts/docs-code-known-errors.json`,
      );
    }
    console.log(
      `check-docs-code: ${result.checked} snippets typechecked, ${result.errors.length} errors, ${result.known.length} known (scripts/docs-code-known-errors.json), ${result.stale.length} stale, ${result.skipped.length} marked nocheck${result.skipped.length ? ` (${result.skipped.join(", ")})` : ""} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  process.exit(result.errors.length === 0 && result.stale.length === 0 ? 0 : 1);
}
