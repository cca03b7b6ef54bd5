// TypeDoc plugin: package READMEs link to guides in docs/ (../../docs/policy/arns.md). TypeDoc would
// copy each guide into api/_media/ (flattening names, breaking the guide's own links); point
// those links at the real guide pages instead and drop the copies.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
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

/** @param {import("typedoc").Application} app */
export function load(app) {
  // A post-render job runs after TypeDoc and the markdown plugin have written every file.
  app.renderer.postRenderAsyncJobs.push(async (event) => {
    const out = event.outputDirectory;
    // Generated at every docs build, never committed.
    writeFileSync(join(out, ".gitignore"), "*\n");
    const guides = new Map();
    for (const [name, absolute] of event.project.files.getNameToAbsoluteMap()) {
      const inDocs = absolute.startsWith(docsDir + sep) && !absolute.startsWith(out + sep);
      if (inDocs && absolute.endsWith(".md")) guides.set(name, absolute);
    }
    if (guides.size === 0) return;
    for (const file of markdownFiles(out)) {
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
