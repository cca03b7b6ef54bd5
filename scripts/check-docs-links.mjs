/**
 * Links in the Markdown people read on a forge (GitHub) as well as on the site: the guides under
 * docs/, the package READMEs and the root README.
 *
 *   node scripts/check-docs-links.mjs            check; one line per dead link (file:line), exit 1
 *   node scripts/check-docs-links.mjs --json     problems as JSON (for the tests)
 *   node scripts/check-docs-links.mjs --root D   the tree at D (the tests' fixture trees)
 *
 * Run by `pnpm lint`. A link is dead when:
 *   - it is relative and its target is not a committed file or a folder holding one (committed:
 *     tracked by git or new and not ignored; the generated API reference under docs/api/ is ignored,
 *     so only its landing page docs/api/index.md can be linked);
 *   - its `#anchor` names no heading of the target Markdown page (GitHub's heading ids) and no
 *     explicit `id`/`name` in its HTML;
 *   - it is site-absolute (`/api/...`, `/getting-started`): it works on the site only. The one page
 *     allowed to use them is docs/api/index.md, which links each export to its generated page.
 * The site's own link checks (VitePress' dead-link build error, scripts/check-docs-site.mjs over the
 * built HTML) cover what the site renders; this covers the Markdown as a forge shows it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { rel, repoRoot, walk } from "./lib/workspace.mjs";

/** Pages allowed to link to site-absolute paths (the landing page of the generated reference). */
const SITE_ONLY = new Set(["docs/api/index.md"]);

/** Files that count as committed at `root`: git's tracked and unignored files, else all files. */
export function committedFiles(root) {
  const git = spawnSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
    cwd: root,
    encoding: "utf8",
  });
  const inRepo = git.status === 0 && git.stdout.length > 0;
  const files = inRepo
    ? git.stdout.split("\0").filter(Boolean)
    : walk(root).map((file) => rel(root, file));
  // `git ls-files --others` lists deleted-but-tracked files too: keep only what exists.
  const set = new Set(files.filter((file) => existsSync(join(root, file))));
  const folders = new Set();
  for (const file of set) {
    for (let dir = dirname(file); dir !== "." && !folders.has(dir); dir = dirname(dir))
      folders.add(dir);
  }
  return { files: set, folders };
}

/** The Markdown pages checked, of the committed files. */
export function pagesOf(committed) {
  return [...committed.files]
    .filter(
      (file) =>
        file.endsWith(".md") &&
        !file.includes("node_modules/") &&
        ((file.startsWith("docs/") && !file.startsWith("docs/.vitepress/")) ||
          /^packages\/[^/]+\/README\.md$/.test(file) ||
          file === "README.md"),
    )
    .sort();
}

/** A heading's text as rendered: link targets, HTML tags, code and emphasis markers dropped. */
function headingText(heading) {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/[`*]/g, "")
    .trim();
}

/** GitHub's heading id: lower case, punctuation dropped (not `-`/`_`), each space a hyphen. */
export function githubSlug(heading) {
  return headingText(heading)
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** The site's heading id (VitePress' slugify): runs of punctuation and spaces become one hyphen. */
export function siteSlug(heading) {
  return headingText(heading)
    .normalize("NFKD")
    .replace(/[\u0300-\u036F]/g, "")
    .replace(/\p{Cc}/gu, "")
    .replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/^(\d)/, "_$1")
    .toLowerCase();
}

/** Lines of a page outside fenced code blocks, with inline code spans blanked. */
function proseLines(text) {
  const lines = text.split("\n");
  const out = [];
  let fence;
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*(`{3,}|~{3,})/.exec(lines[i]);
    if (fence) {
      if (open && open[1][0] === fence[0] && open[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (open) {
      fence = open[1];
      continue;
    }
    const text = lines[i].replace(/(`+)[^`]*?\1/g, (m) => " ".repeat(m.length));
    out.push({ line: i + 1, raw: lines[i], text });
  }
  return out;
}

/**
 * The anchors a page defines, on a forge and on the site: each heading's GitHub id and VitePress id
 * (numbered when repeated; they differ for `snake_case` or `a + b` headings, and a link may use
 * either: it then opens the right page on both, scrolled to the heading on one), `{#id}`, HTML ids.
 */
export function anchorsOf(text) {
  const anchors = new Set();
  const seen = { github: new Map(), site: new Map() };
  const add = (kind, slug) => {
    const count = seen[kind].get(slug) ?? 0;
    seen[kind].set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  };
  for (const { raw, text: line } of proseLines(text)) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(raw);
    if (heading) {
      const custom = /\{#([\w-]+)\}\s*$/.exec(heading[1]);
      const title = heading[1].replace(/\{#[\w-]+\}\s*$/, "");
      add("github", githubSlug(title));
      if (custom) anchors.add(custom[1]);
      else add("site", siteSlug(title));
    }
    for (const m of line.matchAll(/\s(?:id|name)="([^"]+)"/g)) anchors.add(m[1]);
  }
  return anchors;
}

/** Every link of a page: inline links and images, reference definitions, HTML href/src. */
export function linksOf(text) {
  const links = [];
  for (const { line, text: prose } of proseLines(text)) {
    for (const m of prose.matchAll(/\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ line, href: m[1].replace(/^<|>$/g, "") });
    }
    const definition = /^\s{0,3}\[[^\]]+\]:\s*(\S+)/.exec(prose);
    if (definition) links.push({ line, href: definition[1] });
    for (const m of prose.matchAll(/\s(?:href|src)="([^"]+)"/g)) links.push({ line, href: m[1] });
  }
  return links;
}

/** Dead links at `root`: [{ file, line, href, problem }]. */
export function checkDocsLinks(root = repoRoot) {
  const committed = committedFiles(root);
  const pages = pagesOf(committed);
  const anchorCache = new Map();
  const anchors = (file) => {
    if (!anchorCache.has(file))
      anchorCache.set(file, anchorsOf(readFileSync(join(root, file), "utf8")));
    return anchorCache.get(file);
  };
  const problems = [];
  for (const page of pages) {
    const text = readFileSync(join(root, page), "utf8");
    for (const { line, href } of linksOf(text)) {
      const report = (problem) => problems.push({ file: page, line, href, problem });
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) continue;
      if (href.startsWith("/")) {
        if (SITE_ONLY.has(page)) continue;
        const api = href === "/api" || href.startsWith("/api/");
        report(
          api
            ? "links to the generated API reference, which is not committed (dead on a forge): link to docs/api/index.md relatively (e.g. `api/index.md#policy` from docs/)"
            : "a site-absolute link is dead on a forge: use a relative link to the .md file",
        );
        continue;
      }
      const [pathPart, anchor] = href.split("#");
      const path = decodeURIComponent(pathPart.split("?")[0]);
      const target = path === "" ? page : rel(root, resolve(root, dirname(page), path));
      if (target.startsWith("..")) {
        report("points outside the repository");
        continue;
      }
      const isFile = committed.files.has(target);
      if (!isFile && !committed.folders.has(target.replace(/\/$/, ""))) {
        const generated = target.startsWith("docs/api/") && existsSync(join(root, target));
        report(
          generated
            ? "points into the generated API reference (not committed): link to docs/api/index.md"
            : existsSync(join(root, target)) && statSync(join(root, target)).isFile()
              ? "points at a file git ignores (not committed)"
              : `no such file: ${target}`,
        );
        continue;
      }
      if (anchor && isFile && target.endsWith(".md") && !anchors(target).has(anchor)) {
        report(`no heading or id "#${anchor}" in ${target}`);
      }
    }
  }
  return { pages: pages.length, problems };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const rootIndex = args.indexOf("--root");
  const root = rootIndex === -1 ? repoRoot : resolve(args[rootIndex + 1] ?? ".");
  const { pages, problems } = checkDocsLinks(root);
  if (args.includes("--json")) {
    console.log(JSON.stringify(problems, null, 2));
  } else {
    for (const p of problems) console.error(`${p.file}:${p.line}: ${p.href}: ${p.problem}`);
    console.log(
      problems.length === 0
        ? `check-docs-links: every link of ${pages} pages resolves`
        : `check-docs-links: ${problems.length} dead link(s) in ${pages} pages`,
    );
  }
  process.exit(problems.length === 0 ? 0 : 1);
}
