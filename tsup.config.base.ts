/**
 * Shared build for every package: ESM + CommonJS + `.d.ts`/`.d.cts`.
 *
 * The package's `exports` map is the one place entry points are declared; the build derives its
 * entries from it (`"./middy": { import: { default: "./dist/middy.js" } }` builds `src/middy.ts`),
 * and publint + attw check the packed result against the same map.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defineConfig, type Options } from "tsup";

interface ExportTarget {
  import?: { default?: string };
}

export function packageConfig(
  dir: string,
  overrides: Options = {},
): ReturnType<typeof defineConfig> {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
    exports: Record<string, ExportTarget | string>;
  };
  const entry: Record<string, string> = {};
  for (const [key, target] of Object.entries(pkg.exports)) {
    if (key === "./package.json" || typeof target === "string") continue;
    const out = target.import?.default;
    if (!out?.startsWith("./dist/") || !out.endsWith(".js")) {
      throw new Error(`exports["${key}"].import.default must be ./dist/<name>.js`);
    }
    const name = out.slice("./dist/".length, -".js".length);
    entry[name] = `src/${name}.ts`;
  }
  return defineConfig({
    entry,
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "node20",
    platform: "neutral",
    treeshake: true,
    splitting: true,
    ...overrides,
  });
}
