/**
 * How check-docs-code.mjs turns a snippet into a module: the names a snippet declares and uses,
 * the imports it gets from the packages' export table, the compiler options, and the in-memory
 * compiler host the generated modules live in.
 */
import { dirname, join, resolve } from "node:path";
import { ts } from "./workspace.mjs";

/** Top-level names a snippet declares or imports: name -> "type" | "value". */
export function declaredNames(code) {
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
export function exportTable(program, checker, packages) {
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

export function compilerOptions(root, packages) {
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
export function importLine(names, specifier) {
  const list = [...names].map(([name, kind]) => (kind === "type" ? `type ${name}` : name));
  return list.length === 0 ? "" : `import { ${list.join(", ")} } from "${specifier}";`;
}

/** Every identifier a snippet mentions (a superset of the free names it uses). */
export function usedIdentifiers(code) {
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
export function isImported(code, name) {
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
export function exportLine(names) {
  const list = [...names].map(([name, kind]) => (kind === "type" ? `type ${name}` : name));
  return list.length === 0 ? "export {};" : `export { ${list.join(", ")} };`;
}

/** Split context code: `declare module "x"` statements (global, ambient) and the rest (a module). */
export function splitContext(code) {
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
export function virtualHost(options, virtual, fallbackDirs) {
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
