import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Options } from "tsup";
import { packageConfig } from "../../tsup.config.base.js";

type EsbuildPlugin = NonNullable<Options["esbuildPlugins"]>[number];

/**
 * Browser builds swap a relative `./x.js` import for a sibling `./x.browser.ts` when one exists:
 * today only `src/internal/sha256.browser.ts` (@aws-crypto/sha256-js instead of node:crypto).
 * Node, Deno, Bun and Lambda get the exports map's `import`/`require` files; bundlers targeting
 * browsers pick the `browser` condition, `dist/browser/index.js`.
 */
const browserVariants: EsbuildPlugin = {
  name: "gatehouse-browser-variants",
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
      const candidate = resolve(args.resolveDir, args.path.replace(/\.js$/, ".browser.ts"));
      return existsSync(candidate) ? { path: candidate } : undefined;
    });
  },
};

export default [
  // Keep dist/browser while the Node build cleans dist (both builds run in parallel).
  // removeNodeProtocol: false keeps `node:crypto` (Deno and Bun need the prefix).
  packageConfig(import.meta.dirname, {
    clean: ["!browser/**"],
    removeNodeProtocol: false,
    external: ["node:crypto"],
  }),
  packageConfig(import.meta.dirname, {
    entry: { index: "src/index.ts" },
    outDir: "dist/browser",
    format: ["esm"],
    dts: false,
    platform: "browser",
    target: "es2022",
    esbuildPlugins: [browserVariants],
  }),
];
