// The API reference landing page docs/api/index.md: it lists every export of every package with
// the first sentence of its TSDoc, grouped by package and concept (this is the check `pnpm test`
// runs; `node scripts/api-index.mjs --write` rewrites it), and the check bites: on
// scripts/fixtures/api-index it names a new export, an export no concept takes, a concept entry
// that takes nothing and an export without TSDoc, and `--write` makes it pass.
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

// One TypeScript program over every package (no type checking): seconds, longer on a busy box.
const SLOW = { timeout: 180_000 };

const root = fileURLToPath(new URL("..", import.meta.url));
const script = join(root, "scripts", "api-index.mjs");
const fixture = join(root, "scripts", "fixtures", "api-index");

interface Result {
  problems: string[];
  stale: boolean;
  missing: string[];
  extra: string[];
  wrote: boolean;
}

function apiIndex(...args: string[]): Result & { status: number | null } {
  const run = spawnSync(process.execPath, [script, "--json", ...args], { encoding: "utf8" });
  if (run.stdout.trim() === "") throw new Error(`api-index printed nothing: ${run.stderr}`);
  return { ...(JSON.parse(run.stdout) as Result), status: run.status };
}

describe("docs/api/index.md", () => {
  it(
    "lists every export of every package (after an API change: node scripts/api-index.mjs --write)",
    SLOW,
    () => {
      const result = apiIndex();
      expect(result.problems).toEqual([]);
      expect(result.missing).toEqual([]);
      expect(result.extra).toEqual([]);
      expect(result.stale).toBe(false);
      expect(result.status).toBe(0);
    },
  );
});

describe("api-index.mjs on scripts/fixtures/api-index", () => {
  const copies: string[] = [];
  afterEach(() => {
    for (const copy of copies.splice(0)) rmSync(copy, { recursive: true, force: true });
  });
  function copyOf(): string {
    const copy = mkdtempSync(join(tmpdir(), "gatehouse-api-index-"));
    cpSync(fixture, copy, { recursive: true });
    copies.push(copy);
    return copy;
  }

  it("matches the committed page, one line per export, linked to its TypeDoc page", SLOW, () => {
    expect(apiIndex("--root", fixture)).toMatchObject({ problems: [], stale: false, status: 0 });
    const page = readFileSync(join(fixture, "docs", "api", "index.md"), "utf8");
    for (const line of [
      // Values first, then types; the summary is the first sentence, links as inline code.
      '- [`makeThing`](/api/@scope/alpha/functions/makeThing) function: Build a `Thing` from its name (e.g. `"x"`), trimmed.',
      // An arrow function in a const is a function page; HTML in a summary is escaped outside code.
      "- [`isThing`](/api/@scope/alpha/functions/isThing) function: Whether a value is a `Thing<unknown>` shape: an arrow function, documented as a function.",
      "- [`MAX_NAME`](/api/@scope/alpha/variables/MAX_NAME) const: The longest name, in characters.",
      "- [`Thing`](/api/@scope/alpha/interfaces/Thing) interface: A thing, as `makeThing` builds it.",
      // `export type { Class }`: TypeDoc documents it as an interface.
      "- [`Handle`](/api/@scope/alpha/interfaces/Handle) interface: A class exported for its type only.",
      // Several entry points: one folder each; an export of one entry only says so.
      "- [`hello`](/api/@scope/beta/index/functions/hello) function: Say hello.",
      "- [`extraOnly`](/api/@scope/beta/extra/functions/extraOnly) function (from `@scope/beta/extra`): Only in the extra entry point.",
      // A re-export links to the declaring package's page.
      '- [`makeThing`](/api/@scope/alpha/functions/makeThing) function (re-exported from `@scope/alpha`): Build a `Thing` from its name (e.g. `"x"`), trimmed.',
      "Guide: [Making things](../guide.md)",
    ]) {
      expect(page).toContain(line);
    }
    expect(page.indexOf("### Things")).toBeLessThan(page.indexOf("### Errors"));
  });

  it(
    "names a new export as missing from the page; --write adds it, then the check passes",
    SLOW,
    () => {
      const copy = copyOf();
      appendFileSync(
        join(copy, "packages", "alpha", "src", "things", "make-thing.ts"),
        "\n/** Break a thing. */\nexport function breakThing(): void {}\n",
      );
      appendFileSync(
        join(copy, "packages", "alpha", "src", "index.ts"),
        'export { breakThing } from "./things/make-thing.js";\n',
      );
      expect(apiIndex("--root", copy)).toMatchObject({
        problems: [],
        stale: true,
        missing: ["@scope/alpha: breakThing"],
        status: 1,
      });
      expect(apiIndex("--root", copy, "--write")).toMatchObject({ wrote: true, status: 0 });
      expect(apiIndex("--root", copy)).toMatchObject({ stale: false, status: 0 });
      expect(readFileSync(join(copy, "docs", "api", "index.md"), "utf8")).toContain(
        "- [`breakThing`](/api/@scope/alpha/functions/breakThing) function: Break a thing.",
      );
    },
  );

  it(
    "refuses an export no concept takes, a concept entry that takes nothing, a missing summary",
    SLOW,
    () => {
      const copy = copyOf();
      writeFileSync(
        join(copy, "packages", "alpha", "src", "loose.ts"),
        "export const loose = 1;\n",
      );
      appendFileSync(
        join(copy, "packages", "alpha", "src", "index.ts"),
        'export { loose } from "./loose.js";\n',
      );
      const concepts = join(copy, "docs", ".vitepress", "api-concepts.mjs");
      writeFileSync(
        concepts,
        readFileSync(concepts, "utf8").replace('paths: ["things/"]', 'paths: ["things/", "gone/"]'),
      );
      const result = apiIndex("--root", copy, "--write");
      expect(result.problems).toEqual([
        "@scope/alpha: `loose` (loose.ts) has no TSDoc summary",
        "@scope/alpha: `loose` (loose.ts) matches no concept: add its folder or file to docs/.vitepress/api-concepts.mjs",
        'docs/.vitepress/api-concepts.mjs: alpha "Things": "gone/" matches no export',
      ]);
      expect(result).toMatchObject({ wrote: false, status: 1 });
    },
  );
});
