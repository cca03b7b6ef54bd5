// The built site's internal links (scripts/lib/site-links.mjs, run by scripts/check-docs-site.mjs
// over docs/.vitepress/dist): clean URLs resolve like the server serves them, and a link to a
// missing page, asset or anchor is reported once, with the first page holding it and how often.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkBuiltLinks, linksOfHtml, resolveBuilt, urlOf } from "./lib/site-links.mjs";

const dist = mkdtempSync(join(tmpdir(), "gatehouse-site-links-"));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function page(path: string, html: string): void {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), html);
}

const nav = '<a href="/">Home</a><a href="/guide#setup">Setup</a><a href="/api/">API</a>';
page("index.html", `<html>${nav}<link rel="stylesheet" href="/assets/style.css"></html>`);
page(
  "guide.html",
  `<html>${nav}<h2 id="setup">Setup</h2><a href="./api/pkg/fn">fn</a><a href="/missing">x</a><a href="https://example.com/">web</a><a href="#nowhere">x</a></html>`,
);
page(
  "api/index.html",
  `<html>${nav}<a href="pkg/fn#params">fn</a><a href="/guide#gone">x</a><img src="/assets/none.png"></html>`,
);
page("api/pkg/fn.html", '<html><h3 id="params">Parameters</h3><a href="../">up</a></html>');
page("assets/style.css", "body{}");

describe("site links of a built dist folder", () => {
  it.each([
    ["index.html", "/"],
    ["guide.html", "/guide"],
    ["api/index.html", "/api/"],
    ["api/pkg/fn.html", "/api/pkg/fn"],
  ])("page %s is served at %s, and that URL resolves to it", (file, url) => {
    expect(urlOf(file)).toBe(url);
    expect(resolveBuilt(dist, url)).toBe(join(dist, file));
  });

  it("resolves nothing outside dist or absent", () => {
    expect(resolveBuilt(dist, "/../etc/passwd")).toBeUndefined();
    expect(resolveBuilt(dist, "/nope")).toBeUndefined();
  });

  it("reads href and src of links, scripts and images, entities decoded", () => {
    expect(
      linksOfHtml(
        '<a class="x" href="/a?b=1&amp;c=2">a</a><script src="/s.js"></script><img src="i.png">',
      ),
    ).toEqual(["/a?b=1&c=2", "/s.js", "i.png"]);
  });

  it("reports each dead page, asset and anchor once, with where it first appears", () => {
    const { pages, links, dead } = checkBuiltLinks(dist);
    expect(pages).toBe(4);
    expect(links).toBeGreaterThan(10);
    expect(dead).toEqual([
      {
        href: "/guide#gone",
        problem: 'no id "gone" on guide.html',
        page: "api/index.html",
        count: 1,
      },
      {
        href: "/assets/none.png",
        problem: "no built page or asset",
        page: "api/index.html",
        count: 1,
      },
      { href: "/missing", problem: "no built page or asset", page: "guide.html", count: 1 },
      {
        href: "/guide#nowhere",
        problem: 'no id "nowhere" on guide.html',
        page: "guide.html",
        count: 1,
      },
    ]);
  });
});
