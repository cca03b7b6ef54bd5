// TypeDoc plugin for the site's API reference in docs/api/:
// - docs/api/index.md is committed (the landing page, generated from the TSDoc by
//   scripts/api-index.mjs): TypeDoc does not write its own root page, and before rendering it
//   empties docs/api/ of everything else (`cleanOutputDir` is off, since it would delete the page).
// - Package READMEs link to guides in docs/ (../../docs/policy/arns.md). TypeDoc would copy each
//   guide into api/_media/ (flattening names, breaking the guide's own links); point those links
//   at the real guide pages instead and drop the copies.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const docsDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function* markdownFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(path);
    else if (entry.name.endsWith(".md")) yield path;
  }
}

/** The files of docs/api/ that are committed, not generated. */
const committed = new Set(["index.md"]);

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.renderer.preRenderAsyncJobs.push(async (event) => {
    const out = event.outputDirectory;
    for (const entry of readdirSync(out)) {
      if (!committed.has(entry)) rmSync(join(out, entry), { recursive: true, force: true });
    }
    // The root page is the committed landing page: render every page but that one.
    const root = event.pages.findIndex((page) => page.url === "index.md");
    if (root !== -1) event.pages.splice(root, 1);
  });
  // A post-render job runs after TypeDoc and the markdown plugin have written every file.
  app.renderer.postRenderAsyncJobs.push(async (event) => {
    const out = event.outputDirectory;
    const guides = new Map();
    for (const [name, absolute] of event.project.files.getNameToAbsoluteMap()) {
      const inDocs = absolute.startsWith(docsDir + sep) && !absolute.startsWith(out + sep);
      if (inDocs && absolute.endsWith(".md")) guides.set(name, absolute);
    }
    if (guides.size === 0) return;
    for (const file of markdownFiles(out)) {
      if (committed.has(relative(out, file))) continue;
      const text = readFileSync(file, "utf8");
      const next = text.replace(/\]\(((?:\.\.\/)*)_media\/([^)#\s]+)/g, (match, _up, name) => {
        const guide = guides.get(name);
        if (!guide) return match;
        return `](${relative(dirname(file), guide).split(sep).join("/")}`;
      });
      if (next !== text) writeFileSync(file, next);
    }
    // The markdown plugin copies every registered file into _media/ after this job: leave the
    // guides out of what it sees (this project's registry only).
    const files = event.project.files;
    const all = files.getNameToAbsoluteMap();
    files.getNameToAbsoluteMap = () => new Map([...all].filter(([name]) => !guides.has(name)));
  });
}
