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
import { isCodeFile, readPackages, rel, repoRoot, ts, walk } from "./lib/workspace.mjs";

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)([^\n]*)$/;
const CODE_LANGS = new Set(["ts", "typescript"]);

/** Fenced code blocks of a Markdown text: { lang, attrs, code, line (first code line, 1-based) }. */
export function markdownBlocks(text) {
  const lines = text.split("\n");
  const blocks = [];
  for (let index = 0; index < lines.length; index++) {
    const open = FENCE.exec(lines[index]);
    if (!open) continue;
    const [, indent, fence, lang, attrs] = open;
    // CommonMark: a backtick fence's info string has no backtick (else it is inline code).
    if (fence.startsWith("`") && `${lang}${attrs}`.includes("`")) continue;
    const body = [];
    let end = index + 1;
    for (; end < lines.length; end++) {
      const line = lines[end];
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, "") === "") break;
      body.push(line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
    }
    blocks.push({
      lang,
      attrs: attrs.trim(),
      code: body.join("\n"),
      line: index + 2,
      start: index,
    });
    index = end;
  }
  return blocks;
}

/** The `<!-- ts-context ... -->` comments of a page, joined. */
function pageContext(text) {
  const found = [];
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    if (lines[index].trim() !== "<!-- ts-context") continue;
    const body = [];
    let end = index + 1;
    for (; end < lines.length && lines[end].trim() !== "-->"; end++) body.push(lines[end]);
    found.push({ code: body.join("\n"), line: index + 2 });
    index = end;
  }
  return found;
}

/** Code of a TSDoc `@example`: the fenced block inside it, or the whole comment. */
function exampleCode(comment) {
  const blocks = markdownBlocks(comment);
  if (blocks.length > 0) return blocks.map((block) => ({ ...block, offset: block.line - 1 }));
  return [{ lang: "ts", attrs: "", code: comment, offset: 0 }];
}

/** Every snippet of the workspace at `root`. */
export function collectSnippets(root = repoRoot) {
  const packages = readPackages(root);
  const snippets = [];
  const pages = [
    ...walk(join(root, "docs"), (file) => file.endsWith(".md")).filter(
      (file) => !file.includes("/.vitepress/") && !rel(root, file).startsWith("docs/api/"),
    ),
    ...packages.map((pkg) => join(pkg.dir, "README.md")),
  ];
  for (const page of pages) {
    let text;
    try {
      text = readFileSync(page, "utf8");
    } catch {
      continue;
    }
    const path = rel(root, page);
    const folder = path.startsWith("docs/") ? path.split("/")[1] : path.split("/")[1];
    const owner = packages.find((pkg) => pkg.folder === folder)?.folder;
    const context = pageContext(text);
    for (const block of markdownBlocks(text)) {
      if (!CODE_LANGS.has(block.lang)) continue;
      snippets.push({
        source: path,
        line: block.line,
        code: block.code,
        nocheck: /\bnocheck\b/.test(block.attrs),
        owner,
        page: path,
        context,
      });
    }
  }
  for (const pkg of packages) {
    for (const file of walk(join(pkg.dir, "src"), isCodeFile)) {
      if (/\.test\.[cm]?tsx?$/.test(file)) continue;
      const text = readFileSync(file, "utf8");
      if (!text.includes("@example")) continue;
      const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const visit = (node) => {
        for (const doc of node.jsDoc ?? []) {
          for (const tag of doc.tags ?? []) {
            if (tag.tagName.text !== "example") continue;
            const comment = ts.getTextOfJSDocComment(tag.comment) ?? "";
            // The comment text starts on the tag's line (or the next one): find it in the source.
            const tagLine = sourceFile.getLineAndCharacterOfPosition(tag.getStart(sourceFile)).line;
            const startsNextLine = !text
              .slice(tag.tagName.end, tag.tagName.end + 200)
              .split("\n")[0]
              .trim();
            for (const block of exampleCode(comment)) {
              if (!CODE_LANGS.has(block.lang)) continue;
              snippets.push({
                source: rel(root, file),
                line: tagLine + 1 + (startsNextLine ? 1 : 0) + block.offset,
                code: block.code,
                nocheck: /\bnocheck\b/.test(block.attrs),
                owner: pkg.folder,
                page: undefined,
                context: [],
              });
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(sourceFile);
    }
  }
  return snippets;
}

/** Top-level names a snippet declares or imports: name -> "type" | "value". */
function declaredNames(code) {
  const source = ts.createSourceFile("snippet.ts", code, ts.ScriptTarget.Latest, true);
  const names = new Map();
  const exported = new Set();
  const bind = (name, kind) => {
    if (ts.isIdentifier(name)) names.set(name.text, kind);
    else if (ts.isObjectBindingPattern(name) || ts.isArrayBindingPattern(name)) {
      for (const element of name.elements)
        if (!ts.isOmittedExpression(element)) bind(element.name, kind);
    }
  };
  const isExported = (statement) =>
    statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      const typeOnly = clause.isTypeOnly;
      if (clause.name) names.set(clause.name.text, typeOnly ? "type" : "value");
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings))
        names.set(bindings.name.text, typeOnly ? "type" : "value");
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          names.set(element.name.text, typeOnly || element.isTypeOnly ? "type" : "value");
        }
      }
    } else if (ts.isImportEqualsDeclaration(statement)) {
      names.set(statement.name.text, "value");
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        bind(declaration.name, "value");
        if (isExported(statement) && ts.isIdentifier(declaration.name))
          exported.add(declaration.name.text);
      }
    } else if (
      ts.isFunctionDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isEnumDeclaration(statement)
    ) {
      if (statement.name) {
        names.set(statement.name.text, "value");
        if (isExported(statement)) exported.add(statement.name.text);
      }
    } else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      names.set(statement.name.text, "type");
      if (isExported(statement)) exported.add(statement.name.text);
    } else if (
      ts.isExportDeclaration(statement) &&
      !statement.moduleSpecifier &&
      statement.exportClause
    ) {
      if (ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) exported.add(element.name.text);
      }
    } else if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) {
      names.set(statement.name.text, "value");
    }
  }
  return { names, exported };
}

/** name -> { specifier, kind } for every export of every entry point; `owner`'s entries first. */
function exportTable(program, checker, packages) {
  const table = new Map();
  for (const pkg of packages) {
    for (const entry of pkg.entries) {
      const sourceFile = program.getSourceFile(entry.file);
      const moduleSymbol = sourceFile && checker.getSymbolAtLocation(sourceFile);
      if (!moduleSymbol) continue;
      for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
        const target =
          symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        const kind = target.flags & ts.SymbolFlags.Value ? "value" : "type";
        const list = table.get(symbol.name) ?? [];
        list.push({ specifier: entry.specifier, folder: pkg.folder, kind });
        table.set(symbol.name, list);
      }
    }
  }
  return table;
}

function compilerOptions(root, packages) {
  const base = ts.getParsedCommandLineOfConfigFile(
    join(root, "tsconfig.base.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  ).options;
  const paths = {};
  for (const pkg of packages)
    for (const entry of pkg.entries) paths[entry.specifier] = [entry.file];
  // A user's strict project, not this repository's extra flags: `strict` and the module settings,
  // without exactOptionalPropertyTypes, noUncheckedIndexedAccess, noPropertyAccessFromIndexSignature,
  // noUnused* and verbatimModuleSyntax.
  return {
    target: base.target,
    lib: base.lib,
    module: base.module,
    moduleResolution: base.moduleResolution,
    moduleDetection: base.moduleDetection,
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    forceConsistentCasingInFileNames: true,
    paths,
    types: ["node"],
    noEmit: true,
  };
}

/** Import line(s) for `names` (Map name -> "type" | "value") from `specifier`. */
function importLine(names, specifier) {
  const list = [...names].map(([name, kind]) => (kind === "type" ? `type ${name}` : name));
  return list.length === 0 ? "" : `import { ${list.join(", ")} } from "${specifier}";`;
}

/** Every identifier a snippet mentions (a superset of the free names it uses). */
function usedIdentifiers(code) {
  const source = ts.createSourceFile("snippet.ts", code, ts.ScriptTarget.Latest, true);
  const found = new Set();
  const visit = (node) => {
    if (ts.isIdentifier(node)) found.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Whether `code` imports `name` (an import is not a sketch of the API). */
function isImported(code, name) {
  const source = ts.createSourceFile("snippet.ts", code, ts.ScriptTarget.Latest, true);
  return source.statements.some((statement) => {
    const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined;
    const bindings = clause?.namedBindings;
    return (
      clause?.name?.text === name ||
      (bindings !== undefined && ts.isNamespaceImport(bindings) && bindings.name.text === name) ||
      (bindings !== undefined &&
        ts.isNamedImports(bindings) &&
        bindings.elements.some((element) => element.name.text === name))
    );
  });
}

/** `export { a, type B };` for the names (Map name -> "type" | "value"), or `export {};`. */
function exportLine(names) {
  const list = [...names].map(([name, kind]) => (kind === "type" ? `type ${name}` : name));
  return list.length === 0 ? "export {};" : `export { ${list.join(", ")} };`;
}

/** Split context code: `declare module "x"` statements (global, ambient) and the rest (a module). */
function splitContext(code) {
  const source = ts.createSourceFile("context.ts", code, ts.ScriptTarget.Latest, true);
  const ambient = [];
  const local = [];
  for (const statement of source.statements) {
    const isAmbientModule = ts.isModuleDeclaration(statement) && ts.isStringLiteral(statement.name);
    (isAmbientModule ? ambient : local).push(statement.getFullText(source));
  }
  return { ambient: ambient.join("\n"), local: local.join("\n") };
}

/**
 * A compiler host serving the generated modules from memory. A bare import no project of the
 * snippet's own folder resolves is looked up from every workspace project (an example may use
 * any dependency installed in the workspace: aws-cdk-lib from examples/, the AWS SDK from a
 * package's devDependencies).
 */
function virtualHost(options, virtual, fallbackDirs) {
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  const parsed = new Map(); // real files, parsed once for both programs
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const entry = virtual.get(resolve(fileName));
    if (entry) return ts.createSourceFile(fileName, entry.text, languageVersion, true);
    if (!parsed.has(fileName)) {
      parsed.set(fileName, getSourceFile(fileName, languageVersion, onError, shouldCreate));
    }
    return parsed.get(fileName);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => virtual.has(resolve(fileName)) || fileExists(fileName);
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (dir) =>
    [...virtual.keys()].some((file) => dirname(file) === resolve(dir)) ||
    (directoryExists?.(dir) ?? true);
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => virtual.get(resolve(fileName))?.text ?? readFile(fileName);
  const cache = ts.createModuleResolutionCache(host.getCurrentDirectory(), (x) => x, options);
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, compilerOptions, file) =>
    literals.map((literal) => {
      const mode = ts.getModeForUsageLocation(file, literal, compilerOptions);
      const first = ts.resolveModuleName(
        literal.text,
        containingFile,
        compilerOptions,
        host,
        cache,
        redirected,
        mode,
      );
      if (first.resolvedModule || literal.text.startsWith(".")) return first;
      for (const dir of fallbackDirs) {
        const again = ts.resolveModuleName(
          literal.text,
          join(dir, "__docs_code__.ts"),
          compilerOptions,
          host,
          cache,
          redirected,
          mode,
        );
        if (again.resolvedModule) return again;
      }
      return first;
    });
  return host;
}

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
