/**
 * The public exports of every package as the API landing page lists them (scripts/api-index.mjs):
 * name, kind (as TypeDoc files it, which names its page), the first sentence of its TSDoc, the
 * entry points exporting it and the package that declares it. Read from the sources with the
 * TypeScript compiler API: no build, no type checking.
 */
import { join, resolve } from "node:path";
import { isInside, readPackages, rel, repoRoot, ts } from "./workspace.mjs";

/** TypeDoc's output folder for a reflection kind (typedoc-plugin-markdown's member router). */
const KIND_DIRS = {
  function: "functions",
  class: "classes",
  interface: "interfaces",
  type: "type-aliases",
  const: "variables",
  let: "variables",
  var: "variables",
  enum: "enumerations",
};
const VALUE_KINDS = new Set(["function", "class", "const", "let", "var", "enum"]);

/** Functions, classes, constants and enums: listed before the types of their concept. */
export const isValueKind = (kind) => VALUE_KINDS.has(kind);

/** Whether an export specifier is `export type { X }` (TypeDoc then documents a value as a type). */
function isTypeOnlyExport(symbol) {
  const declaration = symbol.declarations?.[0];
  return (
    declaration !== undefined &&
    ts.isExportSpecifier(declaration) &&
    (declaration.isTypeOnly || declaration.parent.parent.isTypeOnly)
  );
}

function isFunctionLike(node) {
  if (ts.isFunctionExpression(node) || ts.isArrowFunction(node)) return true;
  if (ts.isSatisfiesExpression(node) || ts.isAsExpression(node))
    return isFunctionLike(node.expression);
  return false;
}

/**
 * The kind TypeDoc gives a declaration, which names its page's folder: a `const` holding an arrow
 * function without a type annotation is a function; a value exported with `export type` is a type
 * (a class: an interface).
 */
function kindOf(declaration, typeOnly) {
  let kind;
  if (ts.isFunctionDeclaration(declaration)) kind = "function";
  else if (ts.isClassDeclaration(declaration)) kind = "class";
  else if (ts.isInterfaceDeclaration(declaration)) kind = "interface";
  else if (ts.isTypeAliasDeclaration(declaration)) kind = "type";
  else if (ts.isEnumDeclaration(declaration)) kind = "enum";
  else if (ts.isVariableDeclaration(declaration)) {
    const flags = ts.getCombinedNodeFlags(declaration);
    kind = flags & ts.NodeFlags.Const ? "const" : flags & ts.NodeFlags.Let ? "let" : "var";
    if (!typeOnly && !declaration.type && declaration.initializer) {
      if (isFunctionLike(declaration.initializer)) kind = "function";
    }
  } else return undefined;
  if (typeOnly && kind === "class") return "interface";
  if (typeOnly && VALUE_KINDS.has(kind)) return "type";
  return kind;
}

/** `{@link X}`, `{@link X | text}`, `{@linkcode X}` -> inline code (or the text). */
function plainLinks(text) {
  return text.replace(
    /\{@link(?:code|plain)?\s+([^}|\s]+)\s*(?:\|\s*([^}]*))?\}/g,
    (_, target, label) => (label?.trim() ? label.trim() : `\`${target}\``),
  );
}

/** The first sentence of the first paragraph: a period followed by a space, outside code and parentheses. */
export function firstSentence(paragraph) {
  let depth = 0;
  let code = false;
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph[i];
    if (c === "`") code = !code;
    if (code) continue;
    if (c === "(") depth++;
    if (c === ")") depth = Math.max(0, depth - 1);
    if (c !== "." || depth > 0 || paragraph[i + 1] !== " ") continue;
    const before = paragraph.slice(0, i + 1);
    if (/\b(e\.g|i\.e|etc|vs|cf)\.$/i.test(before)) continue;
    if (!/^[A-Z`"[(*]/.test(paragraph.slice(i + 2))) continue;
    return before;
  }
  return paragraph;
}

/** A long sentence (over `max` characters) cut at its first `: ` or `; ` (outside code and parentheses). */
export function mainClause(sentence, max = 160) {
  if (sentence.length <= max) return sentence;
  let depth = 0;
  let code = false;
  for (let i = 0; i < sentence.length - 1; i++) {
    const c = sentence[i];
    if (c === "`") code = !code;
    if (code) continue;
    if (c === "(") depth++;
    if (c === ")") depth = Math.max(0, depth - 1);
    if ((c === ":" || c === ";") && depth === 0 && i >= 30 && sentence[i + 1] === " ") {
      return `${sentence.slice(0, i)}.`;
    }
  }
  return sentence;
}

/** A one-line summary of a TSDoc comment; Markdown that is safe in a VitePress (Vue) page. */
export function summaryOf(comment) {
  const paragraph =
    plainLinks(comment)
      .trim()
      .split(/\n\s*\n/)[0] ?? "";
  // A list in the first paragraph ("one of: - a; - b") is detail: keep the sentence before it.
  const lines = paragraph.split("\n");
  const list = lines.findIndex((l) => /^\s*(?:[-*+]|\d+\.)\s/.test(l));
  const prose = (list > 0 ? lines.slice(0, list) : lines).join(" ").replace(/\s+/g, " ").trim();
  const line = mainClause(firstSentence(prose.replace(/:$/, ".")));
  // Outside inline code, `<` and `{{` would be read as HTML / Vue interpolation by the site.
  return line
    .split(/(`[^`]*`)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\{\{/g, "{&#123;"),
    )
    .join("");
}

function programOf(root, packages) {
  const paths = {};
  for (const pkg of packages)
    for (const entry of pkg.entries) paths[entry.specifier] = [entry.file];
  const options = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
    baseUrl: root,
    paths,
  };
  const rootNames = packages.flatMap((pkg) => pkg.entries.map((entry) => entry.file));
  return ts.createProgram({ rootNames, options });
}

/**
 * Every export of every package at `root`: per package, one item per exported symbol (an export of
 * several entry points is listed once, with each specifier).
 */
export function collectExports(root = repoRoot) {
  const packages = readPackages(root);
  const program = programOf(root, packages);
  const checker = program.getTypeChecker();
  const resolveAlias = (symbol) =>
    symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const exportsOf = new Map();
  for (const pkg of packages) {
    for (const entry of pkg.entries) {
      const source = program.getSourceFile(entry.file);
      const moduleSymbol = source && checker.getSymbolAtLocation(source);
      exportsOf.set(entry, moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : []);
    }
  }
  /** The package and entry point whose own sources declare `target` (for re-exports). */
  const ownerOf = (file, target) => {
    const pkg = packages.find((p) => isInside(join(p.dir, "src"), file));
    if (!pkg) return undefined;
    const entry =
      pkg.entries.find((e) => exportsOf.get(e).some((s) => resolveAlias(s) === target)) ??
      pkg.entries[0];
    return { pkg, entry };
  };

  return packages.map((pkg) => {
    const items = new Map();
    for (const entry of pkg.entries) {
      for (const symbol of exportsOf.get(entry)) {
        const target = resolveAlias(symbol);
        const existing = items.get(target);
        if (existing) {
          existing.specifiers.push(entry.specifier);
          continue;
        }
        const declarations = (target.declarations ?? []).filter(
          (d) => !d.getSourceFile().isDeclarationFile,
        );
        const typeOnly = isTypeOnlyExport(symbol);
        const kinds = declarations.map((d) => kindOf(d, typeOnly)).filter(Boolean);
        // A value and a type of one name (`const X` + `type X`): TypeDoc documents the value.
        const kind = kinds.find((k) => VALUE_KINDS.has(k)) ?? kinds[0] ?? "unknown";
        const file = declarations[0] ? resolve(declarations[0].getSourceFile().fileName) : "";
        const owner = file ? ownerOf(file, target) : undefined;
        const reexport = owner && owner.pkg !== pkg ? owner.pkg.name : undefined;
        const comment = ts.displayPartsToString(target.getDocumentationComment(checker));
        items.set(target, {
          name: symbol.name,
          kind,
          // What the concept map matches: a path under src/, or the package re-exported.
          path: reexport ?? (owner ? rel(join(owner.pkg.dir, "src"), file) : rel(root, file)),
          reexport,
          summary: summaryOf(comment),
          specifiers: [entry.specifier],
          owner,
        });
      }
    }
    return { pkg, items: [...items.values()] };
  });
}

/** The reference page TypeDoc writes for an export, as a site path. */
export function referenceLink(item) {
  if (!item.owner) return "/api/";
  const { pkg, entry } = item.owner;
  const entryDir =
    pkg.entries.length > 1 ? `${entry.key === "." ? "index" : entry.key.slice(2)}/` : "";
  return `/api/${pkg.name}/${entryDir}${KIND_DIRS[item.kind] ?? "variables"}/${item.name}`;
}
