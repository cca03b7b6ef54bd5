// Builds the documentation site (TypeDoc API reference + VitePress; a dead link fails the build),
// then checks it:
// - every internal link of every built page (href/src, with its #anchor) reaches a built page or
//   asset and an id on it (scripts/lib/site-links.mjs; no browser, about a second);
// - in headless Chromium, served on 127.0.0.1: the home page renders, and the policy playground
//   evaluates its sample policy in the browser (403 for a denied IP, 200 for an allowed caller, the
//   linter's findings); saves a screenshot and prints its path;
// - at a 1280x800 window with both sidebars (navigation and outline), the pages a new user reads
//   first (READING_PAGES) load without errors and no code block is wider than its box: nothing is
//   clipped or needs horizontal scrolling (docs/.vitepress/theme/custom.css sizes the column for
//   100-character lines and wraps longer ones).
//
//   node scripts/check-docs-site.mjs            build, then check
//   node scripts/check-docs-site.mjs --no-build check the existing build
//
// Without Chromium (/usr/bin/chromium, or GATEHOUSE_CHROMIUM) the browser part fails when CI=true
// and is skipped with a warning otherwise. Needs the packages built first (`pnpm build`).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { checkBuiltLinks } from "./lib/site-links.mjs";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const docs = join(root, "docs");
const dist = join(docs, ".vitepress", "dist");
const screenshot = join(root, ".tmp", "docs-site", "playground.png");
const chromium = process.env.GATEHOUSE_CHROMIUM ?? "/usr/bin/chromium";
const inCi = process.env.CI === "true";
/** Pages opened at 1280x800: a first hour's reading (docs/testing.md comes from the testing guide). */
const READING_PAGES = ["/getting-started", "/testing", "/comparison", "/api/"];
const WINDOW = { width: 1280, height: 800 };

function fail(message) {
  console.error(`check-docs-site: FAIL: ${message}`);
  process.exit(1);
}

function run(bin, args) {
  const started = Date.now();
  const result = spawnSync(join(docs, "node_modules", ".bin", bin), args, {
    cwd: docs,
    stdio: "inherit",
  });
  if (result.status !== 0) fail(`${bin} ${args.join(" ")} exited with ${result.status}`);
  return Date.now() - started;
}

if (!existsSync(join(root, "packages", "policy", "dist", "index.js"))) {
  fail("packages/policy/dist is missing: run `pnpm build` first (the playground bundles it)");
}

if (!process.argv.includes("--no-build")) {
  const api = run("typedoc", ["--options", ".vitepress/typedoc.json"]);
  const site = run("vitepress", ["build", "."]);
  console.log(
    `check-docs-site: API reference ${(api / 1000).toFixed(1)} s, site ${(site / 1000).toFixed(1)} s`,
  );
}
for (const page of ["index.html", "playground.html", ...READING_PAGES]) {
  const file = page.endsWith(".html")
    ? page
    : `${page.slice(1)}${page.endsWith("/") ? "index" : ""}.html`;
  if (!existsSync(join(dist, file))) fail(`docs/.vitepress/dist/${file} was not built`);
}

{
  const started = Date.now();
  const { pages, links, dead } = checkBuiltLinks(dist);
  if (dead.length > 0) {
    fail(
      `${dead.length} dead internal link(s) in the built site:\n${dead
        .map(
          (d) =>
            `  ${d.href}: ${d.problem} (on ${d.page}${d.count > 1 ? ` and ${d.count - 1} more` : ""})`,
        )
        .join("\n")}`,
    );
  }
  console.log(
    `check-docs-site: ${links} internal links of ${pages} built pages resolve (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}

if (!existsSync(chromium)) {
  const message = `Chromium not found at ${chromium}: the browser check of the docs site did not run`;
  if (inCi) fail(`${message} (CI=true; .ci/run installs it)`);
  console.warn(`\n*** check-docs-site: SKIPPED: ${message}. The site was built. ***\n`);
  process.exit(0);
}

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".txt": "text/plain",
};

// A static server with VitePress' clean URLs: /playground -> playground.html, /api/ -> api/index.html.
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
  const base = normalize(join(dist, path));
  if (base !== dist && !base.startsWith(dist + sep)) {
    res.writeHead(403).end();
    return;
  }
  const candidates = [base, `${base}.html`, join(base, "index.html")];
  const file = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  if (!file) {
    res
      .writeHead(404, { "content-type": types[".html"] })
      .end(readFileSync(join(dist, "404.html")));
    return;
  }
  res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
  res.end(readFileSync(file));
});
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const origin = `http://127.0.0.1:${server.address().port}`;

const { chromium: playwright } = await import("playwright-core");
const profile = mkdtempSync(join(tmpdir(), "gatehouse-docs-chromium-"));
const context = await playwright.launchPersistentContext(profile, {
  executablePath: chromium,
  headless: true,
  viewport: WINDOW,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

const problems = [];
const offsite = [];
// The built site must work offline: anything not served by our loopback server is refused.
await context.route("**/*", (route) => {
  const url = route.request().url();
  if (url.startsWith(`${origin}/`) || url.startsWith("data:")) return route.continue();
  offsite.push(url);
  return route.abort();
});

try {
  const page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  const hydrated = () =>
    page.waitForFunction(() => Boolean(document.querySelector("#app")?.__vue_app__), null, {
      timeout: 15_000,
    });

  // Home page.
  const home = await page.goto(`${origin}/`);
  if (home?.status() !== 200) fail(`home page answered ${home?.status()}`);
  await hydrated();
  const heroName = (await page.locator(".VPHero .name").textContent())?.trim();
  if (heroName !== "Gatehouse") fail(`home page hero is "${heroName}", expected "Gatehouse"`);
  console.log("check-docs-site: home page renders");

  // Playground.
  const playground = await page.goto(`${origin}/playground`);
  if (playground?.status() !== 200) fail(`playground answered ${playground?.status()}`);
  await hydrated();
  const byId = (id) => page.locator(`[data-testid="${id}"]`);
  const policy = JSON.parse(await byId("policy").inputValue());
  if (!JSON.stringify(policy).includes("aws:SourceIp"))
    fail("the sample policy has no IP denylist");

  async function evaluate() {
    await byId("evaluate").click();
    await page.waitForSelector('[data-testid="status"], [data-testid="error"]', {
      timeout: 10_000,
    });
    if (await byId("error").count())
      fail(`the playground reported: ${await byId("error").textContent()}`);
    return {
      status: (await byId("status").textContent())?.trim(),
      message: await byId("message").textContent(),
      reason: await byId("reason").textContent(),
    };
  }

  const sourceIp = await byId("source-ip").inputValue();
  const denied = await evaluate();
  if (denied.status !== "403") fail(`denied IP ${sourceIp}: status ${denied.status}, expected 403`);
  if (!denied.message.includes("with an explicit deny"))
    fail(`denied IP: message ${denied.message}`);
  if (!denied.reason.includes("resource_policy_explicit_deny"))
    fail(`denied IP: reason ${denied.reason}`);
  if (!(await byId("no-findings").count())) fail("the sample policy should lint clean for AWS_IAM");
  console.log(`check-docs-site: playground: ${sourceIp} -> 403 (${denied.reason.trim()})`);
  mkdirSync(join(root, ".tmp", "docs-site"), { recursive: true });
  // One tall viewport rather than fullPage, which would paint the fixed nav and sidebar mid-page.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height: Math.min(height, 4000) });
  await page.screenshot({ path: screenshot });
  await page.setViewportSize(WINDOW);

  await byId("source-ip").fill("198.51.100.7");
  const allowed = await evaluate();
  if (allowed.status !== "200") fail(`allowed caller: status ${allowed.status}, expected 200`);
  console.log(`check-docs-site: playground: allowed caller from 198.51.100.7 -> 200`);

  // The same policy behind a Lambda authorizer: the AWS principal matches no caller.
  await byId("auth-type").selectOption("LAMBDA");
  const lambda = await evaluate();
  if (lambda.status !== "403") fail(`LAMBDA method: status ${lambda.status}, expected 403`);
  const findings = await byId("findings").textContent();
  if (!findings.includes("aws_principal_with_non_iam_auth"))
    fail(`LAMBDA method: findings ${findings}`);
  console.log(
    "check-docs-site: playground: LAMBDA method -> 403 + lint aws_principal_with_non_iam_auth",
  );

  // The reading pages at 1280x800: both sidebars shown, no code block clipped.
  const readingStarted = Date.now();
  for (const path of READING_PAGES) {
    const response = await page.goto(`${origin}${path}`);
    if (response?.status() !== 200) fail(`${path} answered ${response?.status()}`);
    await hydrated();
    const layout = await page.evaluate(() => {
      const shown = (selector) => {
        const el = document.querySelector(selector);
        return Boolean(
          el && el.getBoundingClientRect().width > 0 && getComputedStyle(el).display !== "none",
        );
      };
      const blocks = [...document.querySelectorAll('.vp-doc div[class*="language-"] pre')];
      return {
        sidebar: shown(".VPSidebar"),
        outline: shown(".VPDoc .aside"),
        blocks: blocks.length,
        clipped: blocks
          .map((pre, index) => ({
            index,
            box: pre.clientWidth,
            content: pre.scrollWidth,
            line: (pre.textContent ?? "")
              .split("\n")
              .reduce((a, b) => (b.length > a.length ? b : a), ""),
          }))
          .filter((b) => b.content > b.box + 1),
      };
    });
    if (!layout.sidebar || !layout.outline)
      fail(
        `${path} at ${WINDOW.width}x${WINDOW.height}: sidebar ${layout.sidebar}, outline ${layout.outline}; expected both`,
      );
    for (const b of layout.clipped) {
      problems.push(
        `${path}: code block ${b.index + 1} is ${b.content} px wide in a ${b.box} px box (clipped at ${WINDOW.width} px); longest line: ${b.line.slice(0, 120)}`,
      );
    }
    console.log(
      `check-docs-site: ${path}: ${layout.blocks} code blocks, ${layout.clipped.length} clipped`,
    );
  }
  console.log(
    `check-docs-site: reading pages at ${WINDOW.width}x${WINDOW.height} (${((Date.now() - readingStarted) / 1000).toFixed(1)} s)`,
  );

  if (offsite.length > 0)
    fail(`the site requested other origins: ${[...new Set(offsite)].join(", ")}`);
  if (problems.length > 0) fail(problems.join("\n"));
  console.log(`check-docs-site: screenshot ${screenshot}`);
  console.log("check-docs-site: OK");
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
