import { join } from "node:path";
import type { Options } from "tsup";
import { packageConfig } from "../../tsup.config.base.js";

type EsbuildPlugin = NonNullable<Options["esbuildPlugins"]>[number];

/**
 * Browser builds hash with @aws-crypto/sha256-js instead of node:crypto: every import of
 * `./sha256.js` resolves to `sha256.browser.ts` (src/internal/). Node, Deno, Bun and Lambda get
 * the exports map's `import`/`require` files; bundlers targeting browsers pick the `browser`
 * condition, `dist/browser/index.js`.
 */
const browserCrypto: EsbuildPlugin = {
  name: "gatehouse-browser-crypto",
  setup(build) {
    build.onResolve({ filter: /^\.\/sha256\.js$/ }, (args) => ({
      path: join(args.resolveDir, "sha256.browser.ts"),
    }));
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
    esbuildPlugins: [browserCrypto],
  }),
];
