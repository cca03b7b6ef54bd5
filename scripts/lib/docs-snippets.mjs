/**
 * The snippets check-docs-code.mjs typechecks: ```ts blocks of docs/**\/*.md and package READMEs
 * (with their page's `ts-context`), and TSDoc `@example`s of packages/*\/src.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isCodeFile, readPackages, rel, repoRoot, ts, walk } from "./workspace.mjs";

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
