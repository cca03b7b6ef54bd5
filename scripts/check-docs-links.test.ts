// Links in the Markdown a forge shows (docs/, package READMEs, the root README): every relative
// link reaches a committed file and heading, and no page but the API landing page links to the
// site-only /api/ reference. The check runs over the repository, and bites on
// scripts/fixtures/docs-links (each dead link named) and on a generated, git-ignored target.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { anchorsOf, checkDocsLinks, githubSlug, linksOf, siteSlug } from "./check-docs-links.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const fixture = join(root, "scripts", "fixtures", "docs-links");

describe("links of the repository's Markdown", () => {
  it("all resolve on a forge (relative, committed, to an existing heading)", () => {
    const { pages, problems } = checkDocsLinks(root);
    expect(problems).toEqual([]);
    expect(pages).toBeGreaterThan(40);
  });
});

describe("heading ids", () => {
  it.each([
    ["allow_overrides_authorizer", "allow_overrides_authorizer", "allow-overrides-authorizer"],
    [
      "A request target as sent: `hostname` + `path`",
      "a-request-target-as-sent-hostname--path",
      "a-request-target-as-sent-hostname-path",
    ],
    [
      "Values from data: `routeTemplate`",
      "values-from-data-routetemplate",
      "values-from-data-routetemplate",
    ],
    ["[Linked](x.md) heading", "linked-heading", "linked-heading"],
    ["@gatehouse/policy", "gatehousepolicy", "gatehouse-policy"],
  ])("%s: GitHub %s, site %s", (heading, github, site) => {
    expect(githubSlug(heading)).toBe(github);
    expect(siteSlug(heading)).toBe(site);
  });

  it("numbers repeated headings and reads {#id} and HTML ids, not code blocks", () => {
    const anchors = anchorsOf(
      '# Errors\n\n## Errors\n\n## Custom {#mine}\n\n<a id="explicit"></a>\n\n```md\n# Not a heading\n```\n',
    );
    expect([...anchors].sort()).toEqual(["custom", "errors", "errors-1", "explicit", "mine"]);
  });

  it("finds inline, reference and HTML links outside code", () => {
    const links = linksOf(
      'A [b](c.md "title") and <a href="d.md">d</a> `[x](code.md)`\n\n[ref]: e.md#f\n\n```\n[g](h.md)\n```\n',
    );
    expect(links).toEqual([
      { line: 1, href: "c.md" },
      { line: 1, href: "d.md" },
      { line: 3, href: "e.md#f" },
    ]);
  });
});

describe("check-docs-links on scripts/fixtures/docs-links", () => {
  it("names each dead link and nothing else", () => {
    const { problems } = checkDocsLinks(fixture);
    expect(problems.map((p) => `${p.file}:${p.line} ${p.href}`)).toEqual([
      "docs/guide.md:9 missing.md",
      "docs/guide.md:9 other.md#no-such-heading",
      "docs/guide.md:10 /api/@gatehouse/policy/",
      "docs/guide.md:10 /getting-started",
      "docs/guide.md:11 ../../../../../outside.md",
      "packages/demo/README.md:3 ../../docs/gone.md",
    ]);
    expect(problems[2]?.problem).toContain("docs/api/index.md");
  });

  const copy = mkdtempSync(join(tmpdir(), "gatehouse-docs-links-"));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it("refuses a link into the generated (git-ignored) API reference", () => {
    cpSync(fixture, copy, { recursive: true });
    execFileSync("git", ["init", "-q"], { cwd: copy });
    writeFileSync(join(copy, ".gitignore"), "docs/api/*\n!docs/api/index.md\n");
    mkdirSync(join(copy, "docs", "api", "@scope", "policy"), { recursive: true });
    writeFileSync(join(copy, "docs", "api", "@scope", "policy", "index.md"), "# policy\n");
    writeFileSync(
      join(copy, "docs", "sub", "page.md"),
      "# Sub page\n\n[generated](../api/@scope/policy/index.md), [landing](../api/index.md#policy)\n",
    );
    const { problems } = checkDocsLinks(copy);
    const generated = problems.filter((p) => p.file === "docs/sub/page.md");
    expect(generated).toEqual([
      {
        file: "docs/sub/page.md",
        line: 3,
        href: "../api/@scope/policy/index.md",
        problem:
          "points into the generated API reference (not committed): link to docs/api/index.md",
      },
    ]);
  });
});
