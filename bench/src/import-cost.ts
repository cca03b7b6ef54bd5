/**
 * What a package costs before any call: bytes shipped (bundled, minified, gzipped) and time to load
 * in a fresh process. Both resolve the specifier from `bench/`, as a user's project would.
 */
import { spawnSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { median } from "./stats.js";
import type { ImportCostEntry } from "./suite.js";

export interface BundleSize {
  /** Minified bundle, in bytes. */
  minified: number;
  /** The minified bundle gzipped at level 9, in bytes. */
  gzip: number;
}

/** Why a module does not bundle for a platform (e.g. a Node built-in in a browser build). */
export interface BundleFailure {
  error: string;
}

/** {@link bundleSize}, with a failure reported instead of thrown. */
export async function tryBundleSize(
  entry: ImportCostEntry,
  platform: "browser" | "node",
  resolveDir: string,
): Promise<BundleSize | BundleFailure> {
  try {
    return await bundleSize(entry, platform, resolveDir);
  } catch (error) {
    const { errors } = error as { errors?: { text: string }[] };
    return { error: errors?.[0]?.text ?? String(error) };
  }
}

/**
 * Bundle `entry` with esbuild for `platform` (its `browser` or `node` export conditions), keeping
 * only `entry.exports` when given, so the result is what a tree-shaking bundler ships.
 */
export async function bundleSize(
  entry: ImportCostEntry,
  platform: "browser" | "node",
  resolveDir: string,
): Promise<BundleSize> {
  const spec = JSON.stringify(entry.specifier);
  const contents = entry.exports
    ? `export { ${entry.exports.join(", ")} } from ${spec};`
    : `export * from ${spec};`;
  const result = await build({
    stdin: { contents, resolveDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    target: "es2022",
    write: false,
    logLevel: "silent",
    // Ignore the root tsconfig.json: its `paths` map @gatehouse/* to src/, which would measure the
    // sources instead of the published dist (and skip the `browser` export condition).
    tsconfigRaw: {},
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

/**
 * Median milliseconds to load `specifier` in `runs` fresh Node processes, through `await import()`
 * (ESM) or `require()` (CommonJS, as Lambda handlers often do). Process start-up is not counted.
 */
export function importTime(
  specifier: string,
  format: "esm" | "cjs",
  runs: number,
  cwd: string,
): number {
  const spec = JSON.stringify(specifier);
  const code =
    format === "esm"
      ? `const t=performance.now();await import(${spec});console.log(performance.now()-t)`
      : `const t=performance.now();require(${spec});console.log(performance.now()-t)`;
  const args = format === "esm" ? ["--input-type=module", "-e", code] : ["-e", code];
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, args, { cwd, encoding: "utf8" });
    if (child.status !== 0) throw new Error(`importing ${specifier} failed:\n${child.stderr}`);
    times.push(Number(child.stdout.trim()));
  }
  return median(times);
}
