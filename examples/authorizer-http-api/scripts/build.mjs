/**
 * Bundles `src/handler.ts` the way it is deployed: one file per module format, everything inlined
 * (`@gatehouse/authorizer`, aws-jwt-verify, lru-cache; jose only for the `/jose` entry, which
 * these handlers do not import), target node22: deploy on the `nodejs22.x` Lambda runtime (or
 * `nodejs24.x`). For this code esbuild emits the same as for node20, and `scripts/invoke.mjs` runs
 * both bundles on the local Node (Node 20 in CI), so they also run where the library is tested.
 * - `dist/handler.cjs`: CommonJS, for a Lambda handler `handler.handler` loaded with `require`
 *   (Lambda runs with `require(esm)` off, so nothing ESM-only may be left un-bundled).
 * - `dist/handler.mjs`: ESM; a `require` shim lets bundled CommonJS code load Node built-ins.
 */
import { build } from "esbuild";

const common = {
  entryPoints: ["src/handler.ts"],
  bundle: true,
  platform: "node",
  target: "node22",
  sourcemap: true,
  logLevel: "warning",
};

await build({ ...common, format: "cjs", outfile: "dist/handler.cjs" });
await build({
  ...common,
  format: "esm",
  outfile: "dist/handler.mjs",
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
});
