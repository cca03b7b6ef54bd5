import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isLocalGatewayError } from "../errors.js";
import { loadGatewayConfig } from "./load-gateway-config.js";

const dir = mkdtempSync(join(tmpdir(), "gatehouse-lg-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("loadGatewayConfig", () => {
  it("loads an object default export", async () => {
    const path = file("a.mjs", "export default { apis: [{ type: 'HTTP', routes: [] }] };");
    expect((await loadGatewayConfig(path)).apis).toHaveLength(1);
  });

  it("calls an async function default export", async () => {
    const path = file("b.mjs", "export default async () => ({ apis: [], port: 0 });");
    expect(await loadGatewayConfig(path)).toEqual({ apis: [], port: 0 });
  });

  it("loads a CommonJS module.exports", async () => {
    const path = file("c.cjs", "module.exports = { apis: [] };");
    expect(await loadGatewayConfig(path)).toEqual({ apis: [] });
  });

  it("refuses JSON, missing files and exports without apis", async () => {
    for (const path of [
      file("d.json", "{}"),
      join(dir, "missing.mjs"),
      file("e.mjs", "export default 42;"),
    ]) {
      await expect(loadGatewayConfig(path)).rejects.toSatisfy(
        (error: unknown) => isLocalGatewayError(error) && error.code === "config_load_failed",
      );
    }
  });
});

describe("loadGatewayConfig: errors a user can act on", () => {
  async function loadError(path: string): Promise<Record<string, unknown>> {
    try {
      await loadGatewayConfig(path);
    } catch (error) {
      return error as Record<string, unknown>;
    }
    throw new Error("expected a load error");
  }

  it("shows file:line:column and the parser's message for a syntax error", async () => {
    const path = file(
      "syntax.mjs",
      'export default {\n  apis: [\n    { type: "HTTP" routes: [] },\n  ],\n};\n',
    );
    const error = await loadError(path);
    expect(error).toMatchObject({ code: "config_load_failed", file: path, line: 3, column: 20 });
    expect(String(error["message"])).toContain(`${path}:3:20`);
    expect(String(error["message"])).toContain("Unexpected identifier 'routes'");
  });

  it("locates an error thrown while the config module runs", async () => {
    const path = file("throws.mjs", "const x = 1;\nthrow new Error('no database url');\n");
    const error = await loadError(path);
    expect(error).toMatchObject({ code: "config_load_failed", file: path, line: 2 });
    expect(String(error["message"])).toContain("no database url");
  });

  it("gives a hint for a TypeScript config Node cannot import", async () => {
    const path = file(
      "gateway.config.ts",
      "const apis: unknown[] = [];\nexport default { apis };\n",
    );
    const error = await loadError(path);
    expect(error).toMatchObject({ code: "config_load_failed", file: path });
    expect(String(error["hint"])).toMatch(/\.mjs/);
    expect(String(error["hint"])).toMatch(/--import tsx/);
  });
});
