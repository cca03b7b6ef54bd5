// The Gatehouse documentation site. The sidebar is read from docs/README.md (the index GitHub shows),
// so a guide listed there appears on the site with the same title and order; a guide that is in a
// package folder but missing from the index is appended to its package's group.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { type DefaultTheme, defineConfig, type MarkdownRenderer } from "vitepress";

const docsDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoDir = resolve(docsDir, "..");

/** The repository's web address, from the root package.json `repository` (none yet: links to files
 * outside docs/ then render as plain paths instead of dead links). */
function repositoryUrl(): string | null {
  const pkg = JSON.parse(readFileSync(join(repoDir, "package.json"), "utf8"));
  const repo: unknown = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
  if (typeof repo !== "string") return null;
  return repo.replace(/^git\+/, "").replace(/\.git$/, "");
}

const notGuides = new Set([".vitepress", "api", "node_modules", "public", "test"]);
const sitePages = new Set([
  "index.md",
  "README.md",
  "getting-started.md",
  "comparison.md",
  "playground.md",
  "api/index.md",
]);

function title(file: string): string {
  const heading = /^#\s+(.+)$/m.exec(readFileSync(file, "utf8"));
  return heading?.[1]?.replace(/`/g, "").trim() ?? file.replace(/\.md$/, "");
}

const link = (md: string) => `/${md.replace(/\.md$/, "")}`;

/** Groups of the index: `## heading` followed by `- [Title](path.md): ...` items. */
function indexGroups(): DefaultTheme.SidebarItem[] {
  const groups: DefaultTheme.SidebarItem[] = [];
  let current: DefaultTheme.SidebarItem | undefined;
  for (const line of readFileSync(join(docsDir, "README.md"), "utf8").split("\n")) {
    const heading = /^##\s+(.+)$/.exec(line);
    if (heading) {
      current = { text: heading[1]!.trim(), collapsed: false, items: [] };
      groups.push(current);
      continue;
    }
    const item = /^\s*[-*]\s+\[([^\]]+)\]\(([^)#\s]+\.md)\)/.exec(line);
    // Pages the site already shows under "Introduction" are left out of the README's groups.
    if (item && current && !/^[a-z]+:/i.test(item[2]!) && !sitePages.has(item[2]!)) {
      current.items!.push({ text: item[1]!.replace(/`/g, ""), link: link(item[2]!) });
    }
  }
  return groups.filter((group) => group.items!.length > 0);
}

function listed(groups: DefaultTheme.SidebarItem[]): Set<string> {
  return new Set(groups.flatMap((group) => group.items!.map((item) => item.link!)));
}

/** Guides on disk that the index does not list yet (e.g. a page added in the same change). */
function unlistedGuides(groups: DefaultTheme.SidebarItem[]): void {
  const seen = listed(groups);
  const groupFor = (text: string) => {
    let group = groups.find((g) => g.text === text);
    if (!group) {
      group = { text, collapsed: false, items: [] };
      // A new package's group goes before "Project", the index's last section.
      const project = groups.findIndex((g) => g.text === "Project");
      groups.splice(project === -1 ? groups.length : project, 0, group);
    }
    return group;
  };
  for (const entry of readdirSync(docsDir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (entry.isDirectory() && !notGuides.has(entry.name) && !entry.name.startsWith(".")) {
      for (const file of readdirSync(join(docsDir, entry.name)).sort()) {
        const page = `${entry.name}/${file}`;
        if (!file.endsWith(".md") || seen.has(link(page))) continue;
        groupFor(`@gatehouse/${entry.name}`).items!.push({
          text: title(join(docsDir, page)),
          link: link(page),
        });
      }
    } else if (entry.isFile() && entry.name.endsWith(".md") && !sitePages.has(entry.name)) {
      if (seen.has(link(entry.name))) continue;
      groupFor("Project").items!.push({
        text: title(join(docsDir, entry.name)),
        link: link(entry.name),
      });
    }
  }
}

/** The generated API reference (docs/api, written by TypeDoc before the site build). */
function apiPackages(): string[] {
  const dir = join(docsDir, "api", "@gatehouse");
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

function apiSidebars(): DefaultTheme.SidebarMulti {
  const kinds = ["classes", "functions", "interfaces", "type-aliases", "variables", "enumerations"];
  const kindTitle: Record<string, string> = {
    classes: "Classes",
    functions: "Functions",
    interfaces: "Interfaces",
    "type-aliases": "Type aliases",
    variables: "Variables",
    enumerations: "Enumerations",
  };
  const moduleItems = (dir: string, base: string): DefaultTheme.SidebarItem[] =>
    kinds
      .filter((kind) => existsSync(join(dir, kind)))
      .map((kind) => ({
        text: kindTitle[kind]!,
        collapsed: false,
        items: readdirSync(join(dir, kind))
          .filter((f) => f.endsWith(".md"))
          .sort()
          .map((f) => ({
            text: f.replace(/\.md$/, ""),
            link: `${base}/${kind}/${f.replace(/\.md$/, "")}`,
          })),
      }));
  const packages: DefaultTheme.SidebarItem = {
    text: "API reference",
    link: "/api/",
    items: apiPackages().map((pkg) => ({
      text: `@gatehouse/${pkg}`,
      link: `/api/@gatehouse/${pkg}/`,
    })),
  };
  // One sidebar per package, so a page carries its own package's entries, not all of them.
  const sidebars: DefaultTheme.SidebarMulti = { "/api/": [packages] };
  for (const pkg of apiPackages()) {
    const dir = join(docsDir, "api", "@gatehouse", pkg);
    const base = `/api/@gatehouse/${pkg}`;
    // Packages with several entry points (`@gatehouse/authorizer/middy`) get one folder each.
    const entries = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !kinds.includes(e.name))
      .map((e) => ({
        text: e.name === "index" ? `@gatehouse/${pkg}` : `@gatehouse/${pkg}/${e.name}`,
        collapsed: false,
        items: [
          { text: "Overview", link: `${base}/${e.name}/` },
          ...moduleItems(join(dir, e.name), `${base}/${e.name}`),
        ],
      }));
    sidebars[`${base}/`] = [
      packages,
      {
        text: `@gatehouse/${pkg}`,
        items: [{ text: "Overview", link: `${base}/` }, ...moduleItems(dir, base), ...entries],
      },
    ];
  }
  return sidebars;
}

function guideSidebar(): DefaultTheme.SidebarItem[] {
  const groups = indexGroups();
  unlistedGuides(groups);
  const api = new Set(apiPackages());
  for (const group of groups) {
    const pkg = /^@gatehouse\/([\w-]+)$/.exec(group.text ?? "")?.[1];
    if (pkg && api.has(pkg))
      group.items!.push({ text: "API reference", link: `/api/@gatehouse/${pkg}/` });
  }
  return [
    {
      text: "Introduction",
      items: [
        { text: "Getting started", link: "/getting-started" },
        { text: "Policy playground", link: "/playground" },
        { text: "Comparison with other libraries", link: "/comparison" },
        { text: "API reference", link: "/api/" },
      ],
    },
    ...groups,
  ];
}

/**
 * Guides link to files outside docs/ (`../../examples/cdk-resource-policy`), which work on GitHub
 * but are not pages of the site. Each such link must point at something that exists (else the
 * build fails, like a dead page link); it then goes to the repository on the web, or renders as
 * the plain path while the repository has no public address.
 */
function repositoryLinks(md: MarkdownRenderer): void {
  const web = repositoryUrl();
  md.core.ruler.push("gatehouse-repository-links", (state) => {
    const file: unknown = state.env?.path;
    if (typeof file !== "string") return;
    for (const block of state.tokens) {
      const children = block.children ?? [];
      for (let i = 0; i < children.length; i++) {
        const token = children[i]!;
        if (token.type !== "link_open") continue;
        const href = token.attrGet("href") ?? "";
        if (/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(href)) continue;
        const [path] = href.split("#");
        const target = resolve(dirname(file), decodeURIComponent(path!));
        if (target.startsWith(docsDir + sep) || target === docsDir) continue;
        if (!target.startsWith(repoDir + sep) || !existsSync(target)) {
          throw new Error(
            `Dead link ${href} in ${relative(repoDir, file)}: no such file in the repository`,
          );
        }
        const inRepo = relative(repoDir, target).split(sep).join("/");
        if (web) {
          token.attrSet("href", `${web}/tree/main/${inRepo}`);
          continue;
        }
        // Find the matching close at the same nesting and turn the pair into a <span>.
        let depth = 0;
        for (let j = i; j < children.length; j++) {
          const t = children[j]!;
          if (t.type === "link_open") depth++;
          if (t.type === "link_close" && --depth === 0) {
            t.type = "repository_path_close";
            t.tag = "span";
            break;
          }
        }
        token.type = "repository_path_open";
        token.tag = "span";
        token.attrs = [
          ["class", "repository-path"],
          ["title", `${inRepo} in the repository`],
        ];
      }
    }
  });
}

// Page settings that would otherwise be YAML front matter, which Biome's Markdown formatter (run by
// `pnpm lint` over docs/) rewrites into headings.
const home = {
  layout: "home",
  title: "Gatehouse",
  titleTemplate: "Secure AWS API Gateway APIs from TypeScript",
  hero: {
    name: "Gatehouse",
    text: "Secure AWS API Gateway APIs from TypeScript",
    tagline:
      "Resource policies you can generate, lint and evaluate locally; Lambda authorizers that fail closed and stay right under API Gateway's cache; SigV4 signing and identity-pool credentials — all testable on one machine, without AWS.",
    actions: [
      { theme: "brand", text: "Get started", link: "/getting-started" },
      { theme: "alt", text: "Try the policy playground", link: "/playground" },
      { theme: "alt", text: "Compare with other libraries", link: "/comparison" },
    ],
  },
  features: [
    {
      title: "@gatehouse/policy",
      details:
        "execute-api ARNs, authorizer responses, resource-policy presets, a local IAM / API Gateway evaluator, a linter, CDK / CloudFormation / Terraform / OpenAPI output. No runtime dependencies; runs in browsers.",
      link: "/policy/resource-policies",
      linkText: "Resource policies",
    },
    {
      title: "@gatehouse/authorizer",
      details:
        "JWT-verifying Lambda authorizers for REST, HTTP API and WebSocket, Cognito and any OIDC issuer. Fails closed; returns policies that stay correct when API Gateway caches them.",
      link: "/authorizer/handlers",
      linkText: "Handlers",
    },
    {
      title: "@gatehouse/sigv4",
      details:
        "SigV4 for IAM-protected APIs in Node, Lambda and browsers: signed fetch, presigned WebSocket URLs, credential caching, clock-skew correction.",
      link: "/sigv4/node",
      linkText: "Node and Lambda",
    },
    {
      title: "What the caller sees",
      details:
        "200, 401, 403 or 500 for every outcome and API type, with API Gateway's exact messages: the tables the evaluator and the authorizers are tested against.",
      link: "/authorizer/what-the-caller-sees",
      linkText: "The tables",
    },
    {
      title: "Policy playground",
      details:
        "Paste a resource policy, describe a request, and see the status API Gateway would answer and what the linter finds, computed in your browser.",
      link: "/playground",
      linkText: "Open the playground",
    },
    {
      title: "API reference",
      details:
        "Every export of every package, generated from the TSDoc in the sources at each build.",
      link: "/api/",
      linkText: "Browse the API",
    },
  ],
};

const pageSettings: Record<string, Record<string, unknown>> = {
  "index.md": home,
  "playground.md": {
    aside: false,
    description:
      "Evaluate an API Gateway resource policy against a request in your browser with @gatehouse/policy.",
  },
};

export default defineConfig({
  title: "Gatehouse",
  description:
    "Secure AWS API Gateway APIs from TypeScript: policies, Lambda authorizers, SigV4 signing, identity pools.",
  lang: "en-US",
  cleanUrls: true,
  lastUpdated: false,
  // docs/README.md is the GitHub index; the site's home is docs/index.md.
  srcExclude: ["README.md", "test/**", "node_modules/**"],
  // Dead links fail the build (VitePress' default; stated so nobody turns it off by accident).
  ignoreDeadLinks: false,
  markdown: {
    config: repositoryLinks,
  },
  transformPageData(pageData) {
    const settings = pageSettings[pageData.relativePath];
    if (settings) pageData.frontmatter = { ...settings, ...pageData.frontmatter };
    if (typeof settings?.title === "string") pageData.title = settings.title;
  },
  vite: {
    // Everything is bundled: the built site makes no request beyond its own origin.
    build: { chunkSizeWarningLimit: 1500 },
  },
  themeConfig: {
    nav: [
      { text: "Getting started", link: "/getting-started" },
      { text: "Playground", link: "/playground" },
      { text: "Comparison", link: "/comparison" },
      { text: "Benchmarks", link: "/benchmarks" },
      { text: "API", link: "/api/" },
    ],
    sidebar: { ...apiSidebars(), "/": guideSidebar() },
    outline: { level: [2, 3] },
    search: { provider: "local" },
  },
});
