import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile, type Plugin } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, "../..");
const sourceDir = join(packageDir, "src");

/** The bundled page script and what went into it. */
export interface BrowserBundle {
  code: string;
  /** Every input file, relative to the package (e.g. `src/internal/sha256.browser.ts`). */
  inputs: string[];
  /** Every import esbuild left unresolved (`node:crypto`, ...): must be empty for a browser. */
  externals: string[];
}

/**
 * The package's browser build swaps `./x.js` for a sibling `./x.browser.ts` (the signer's
 * `sha256.browser.ts`); bundling from source applies the same rule.
 */
const browserVariants: Plugin = {
  name: "gatehouse-browser-variants",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      if (!args.importer.startsWith(sourceDir)) return undefined;
      const candidate = resolve(args.resolveDir, args.path.replace(/\.js$/, ".browser.ts"));
      return existsSync(candidate) ? { path: candidate } : undefined;
    });
  },
};

function externalImports(metafile: Metafile): string[] {
  const found = new Set<string>();
  for (const input of Object.values(metafile.inputs)) {
    for (const imported of input.imports) {
      if (imported.external || imported.path.startsWith("node:")) found.add(imported.path);
    }
  }
  return [...found].sort();
}

/**
 * Bundles `entry.ts` (which imports `@gatehouse/sigv4`) for the browser with esbuild:
 * `platform: "browser"` (the `browser` condition and package.json `browser` fields), ESM,
 * everything inlined. `@gatehouse/sigv4` resolves to the package's public entry point,
 * `src/index.ts`, so the check needs no prior `pnpm build` and always tests the current source.
 * A `node:` import anywhere in the graph fails the build.
 */
export async function buildBrowserBundle(): Promise<BrowserBundle> {
  const result = await build({
    entryPoints: [join(here, "entry.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    alias: { "@gatehouse/sigv4": join(sourceDir, "index.ts") },
    plugins: [browserVariants],
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error("esbuild produced no output");
  return {
    code: output.text,
    inputs: Object.keys(result.metafile.inputs).map((input) =>
      relative(packageDir, resolve(input)),
    ),
    externals: externalImports(result.metafile),
  };
}
