// docs/policy/audit.md's example must run against the library and print what the page says: its
// first ```ts block is run (imports stripped) and the `// [ ... ]` comment after
// `audit.unintended.map(...)` must be the result.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as policy from "@gatehouse/policy";
import { describe, expect, it } from "vitest";

const page = fileURLToPath(new URL("../../../docs/policy/audit.md", import.meta.url));
const markdown = readFileSync(page, "utf8");
const [example = ""] = [...markdown.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((m) => m[1] ?? "");

describe("docs/policy/audit.md", () => {
  it("the example gives the unintended cells the page shows", async () => {
    const body = example.replace(/^import [^;]+;$/gm, "");
    const documented = /^\/\/ (\[.*\])$/m.exec(body)?.[1];
    expect(documented).toBeDefined();
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
      ...args: string[]
    ) => (...values: unknown[]) => Promise<unknown>;
    const names = Object.keys(policy);
    const run = new AsyncFunction(...names, `${body}\nreturn audit;`);
    const audit = (await run(
      ...names.map((name) => (policy as Record<string, unknown>)[name]),
    )) as policy.AccessAudit;
    const shown = audit.unintended.map(
      (cell) => `${cell.caller} ${cell.method} ${cell.path} ${cell.cause}`,
    );
    expect(shown).toEqual(JSON.parse(documented as string));
  });
});
