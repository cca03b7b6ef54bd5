import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isLocalGatewayError } from "../errors.js";
import { loadGatewayConfig, typeScriptHint } from "./load-gateway-config.js";

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

const SYNTAX_ERROR = 'export default {\n  apis: [\n    { type: "HTTP" routes: [] },\n  ],\n};\n';
const THROWS = "const x = 1;\nthrow new Error('no database url');\n";

describe("loadGatewayConfig: errors a user can act on", () => {
  it("shows file:line:column and the parser's message for a syntax error", async () => {
    const path = file("syntax.mjs", SYNTAX_ERROR);
    await expect(loadGatewayConfig(path)).rejects.toThrowCode("config_load_failed", {
      file: path,
      line: 3,
      column: 20,
      message: `${path}:3:20: SyntaxError: Unexpected identifier 'routes'`,
      detail: "SyntaxError: Unexpected identifier 'routes'",
      cause: expect.any(Error),
    });
  });

  it("locates an error thrown while the config module runs", async () => {
    const path = file("throws.mjs", THROWS);
    await expect(loadGatewayConfig(path)).rejects.toThrowCode("config_load_failed", {
      file: path,
      line: 2,
      message: expect.stringMatching(
        /^.*throws\.mjs:2:\d+: the config threw while loading: Error: no database url$/,
      ),
    });
  });

  it("locates an error thrown by a default-export function", async () => {
    const path = file(
      "fn-throws.mjs",
      "export default () => {\n  throw new TypeError('bad env');\n};\n",
    );
    await expect(loadGatewayConfig(path)).rejects.toThrowCode("config_load_failed", {
      file: path,
      line: 2,
      message: expect.stringContaining("the config's default export failed: TypeError: bad env"),
    });
  });

  it("says which file is missing, and what a config must export", async () => {
    await expect(loadGatewayConfig(join(dir, "nope.mjs"))).rejects.toThrowCode(
      "config_load_failed",
      { message: `${join(dir, "nope.mjs")}: no such file` },
    );
    await expect(
      loadGatewayConfig(file("n.mjs", "export default { routes: [] };")),
    ).rejects.toThrowCode("config_load_failed", {
      hint: expect.stringContaining("export default { apis: [...] }"),
    });
  });

  it("gives Node's message for a missing import of the config", async () => {
    const path = file("imports.mjs", 'import x from "./not-there.mjs";\nexport default x;\n');
    await expect(loadGatewayConfig(path)).rejects.toThrowCode("config_load_failed", {
      file: path,
      message: expect.stringContaining("not-there.mjs"),
    });
  });
});

describe("typeScriptHint", () => {
  it("suggests .mjs and a loader on Node 20, and type stripping where Node has it", () => {
    const on20 = typeScriptHint("/app/gateway.config.ts", "20.20.2");
    expect(on20).toContain("rename it to /app/gateway.config.mjs");
    expect(on20).toContain('NODE_OPTIONS="--import tsx"');
    expect(on20).toContain("Node 22.6+ can also strip types");
    expect(typeScriptHint("/app/g.cts", "22.12.0")).toContain("rename it to /app/g.cjs");
    expect(typeScriptHint("/app/g.ts", "22.12.0")).toContain(
      "or run with node --experimental-strip-types",
    );
  });
});

// Vitest imports modules through its own transformer (which reads TypeScript and reports syntax
// errors its own way); these run the loader in a plain Node process, as `gatehouse dev` does.
describe("loadGatewayConfig in a plain Node process", () => {
  let bundle = "";
  beforeAll(async () => {
    bundle = join(dir, "loader.bundle.mjs");
    await build({
      entryPoints: [fileURLToPath(new URL("./load-gateway-config.ts", import.meta.url))],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile: bundle,
      logLevel: "silent",
    });
  });

  function loadInNode(path: string): Record<string, unknown> {
    const script = `import { loadGatewayConfig } from ${JSON.stringify(pathToFileURL(bundle).href)};
      loadGatewayConfig(${JSON.stringify(path)}).then(
        (config) => console.log(JSON.stringify({ loaded: config.apis.length })),
        (error) => console.log(JSON.stringify({ ...error, message: error.message, cause: error.cause?.code ?? error.cause?.name })),
      );`;
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
      timeout: 20_000,
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    return JSON.parse(output) as Record<string, unknown>;
  }

  it("gives file:line:column for a syntax error", () => {
    const path = file("node-syntax.mjs", SYNTAX_ERROR);
    expect(loadInNode(path)).toMatchObject({
      code: "config_load_failed",
      file: path,
      line: 3,
      column: 20,
      message: `${path}:3:20: SyntaxError: Unexpected identifier 'routes'`,
      cause: "SyntaxError",
    });
  });

  it("locates an error thrown while the module runs", () => {
    const path = file("node-throws.mjs", THROWS);
    expect(loadInNode(path)).toMatchObject({
      file: path,
      line: 2,
      column: 7,
      message: `${path}:2:7: the config threw while loading: Error: no database url`,
    });
  });

  it("hints at .mjs or a loader for a TypeScript config Node 20 cannot import", () => {
    const path = file(
      "gateway.config.ts",
      "const apis: unknown[] = [];\nexport default { apis };\n",
    );
    const result = loadInNode(path);
    if (result["loaded"] !== undefined) {
      // A Node that strips types (22.18+, 23.6+) imports it: nothing to explain.
      expect(result).toEqual({ loaded: 0 });
      return;
    }
    expect(result).toMatchObject({
      code: "config_load_failed",
      file: path,
      message: `${path}: cannot import a TypeScript config`,
      cause: "ERR_UNKNOWN_FILE_EXTENSION",
    });
    expect(String(result["hint"])).toContain(".mjs");
    expect(String(result["hint"])).toContain('NODE_OPTIONS="--import tsx"');
  });

  it("loads a valid config", () => {
    const path = file("node-ok.mjs", "export default { apis: [{ type: 'HTTP', routes: [] }] };");
    expect(loadInNode(path)).toEqual({ loaded: 1 });
  });
});
