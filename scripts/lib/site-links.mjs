/**
 * Internal links of the built documentation site (docs/.vitepress/dist), checked without a browser:
 * every same-origin `href`/`src` of every built page must reach a built page or asset, and its
 * `#anchor` an `id` of that page. Used by scripts/check-docs-site.mjs after the build.
 *
 * URLs resolve the way the site is served (VitePress clean URLs): `/playground` ->
 * `playground.html`, `/api/` -> `api/index.html`, `/assets/x.js` -> that file.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, normalize, sep } from "node:path";
import { rel, walk } from "./workspace.mjs";

/** Every built HTML page under `dist` (forward-slash paths relative to it). */
export function builtPages(dist) {
  return walk(dist, (file) => file.endsWith(".html")).map((file) => rel(dist, file));
}

/** The site URL of a built page: `a/b.html` -> `/a/b`, `a/index.html` -> `/a/`. */
export function urlOf(page) {
  if (page === "index.html") return "/";
  if (page.endsWith("/index.html")) return `/${page.slice(0, -"index.html".length)}`;
  return `/${page.replace(/\.html$/, "")}`;
}

/** The file of `dist` a URL path is served from, or undefined (the server's 404). */
export function resolveBuilt(dist, pathname) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const base = normalize(join(dist, path));
  if (base !== dist && !base.startsWith(dist + sep)) return undefined;
  const candidates = [base, `${base}.html`, join(base, "index.html")];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'" };
const decodeEntities = (text) =>
  text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e) => ENTITIES[e]);

/** The `href`/`src` attribute values of a page's tags (attribute values in double quotes). */
export function linksOfHtml(html) {
  const links = [];
  for (const m of html.matchAll(/<(a|link|script|img|source)\b[^>]*?\s(?:href|src)="([^"]*)"/gi)) {
    links.push(decodeEntities(m[2]));
  }
  return links;
}

/** The ids a page defines. */
export function idsOfHtml(html) {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decodeEntities(m[1])));
}

/**
 * Dead internal links of the site built in `dist`: [{ href, target, problem, pages: [first page,
 * count] }], one entry per distinct resolved link.
 */
export function checkBuiltLinks(dist) {
  const pages = builtPages(dist);
  const origin = "http://site.invalid";
  const idCache = new Map();
  const idsOf = (file) => {
    if (!idCache.has(file)) idCache.set(file, idsOfHtml(readFileSync(file, "utf8")));
    return idCache.get(file);
  };
  const dead = new Map();
  // Verdict per distinct link (the navigation and the assets repeat on every page).
  const verdicts = new Map();
  const verdictOf = (url) => {
    const file = resolveBuilt(dist, url.pathname);
    if (!file) return "no built page or asset";
    const anchor = url.hash.slice(1);
    if (anchor === "" || !file.endsWith(".html")) return undefined;
    let id;
    try {
      id = decodeURIComponent(anchor);
    } catch {
      id = anchor;
    }
    return idsOf(file).has(id) ? undefined : `no id "${id}" on ${rel(dist, file)}`;
  };
  let checked = 0;
  for (const page of pages) {
    const html = readFileSync(join(dist, page), "utf8");
    const here = new URL(urlOf(page), origin);
    for (const href of linksOfHtml(html)) {
      if (href === "" || href === "#" || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) continue;
      const url = new URL(href, here);
      if (url.origin !== origin) continue;
      checked++;
      const key = `${url.pathname}${url.hash}`;
      if (!verdicts.has(key)) verdicts.set(key, verdictOf(url));
      const problem = verdicts.get(key);
      if (problem === undefined) continue;
      const entry = dead.get(key) ?? { href: key, problem, page, count: 0 };
      entry.count++;
      dead.set(key, entry);
    }
  }
  return { pages: pages.length, links: checked, dead: [...dead.values()] };
}
