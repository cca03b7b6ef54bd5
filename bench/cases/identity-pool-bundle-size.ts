/**
 * What the browser sign-in path costs a page: `createIdentityPoolClient` + `loginsFromIdToken` +
 * `localStorageIdentityStore` against the AWS SDK's `fromCognitoIdentityPool` and Amplify v6's
 * `fetchAuthSession` (with `Amplify.configure`, which registers the identity-pool credentials
 * provider). No timed cases: the harness sizes the single-file bundles (`importCost`); this module
 * adds, in the description, what each one loads before its first call and in all when bundled
 * with code splitting, because every library here defers part of its code behind `import()` and a
 * single-file bundle inlines it.
 */
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { defineSuite } from "../src/suite.js";

const benchDir = fileURLToPath(new URL("../../", import.meta.url));

interface Entry {
  name: string;
  specifier: string;
  exports: readonly string[];
}

const OURS: Entry = {
  name: "@gatehouse/identity-pool: client + loginsFromIdToken + localStorage store",
  specifier: "@gatehouse/identity-pool",
  exports: ["createIdentityPoolClient", "loginsFromIdToken", "localStorageIdentityStore"],
};
const SDK_NARROW: Entry = {
  name: "AWS SDK: fromCognitoIdentityPool (credential-provider-cognito-identity)",
  specifier: "@aws-sdk/credential-provider-cognito-identity",
  exports: ["fromCognitoIdentityPool"],
};
const SDK_PROVIDERS: Entry = {
  name: "AWS SDK: fromCognitoIdentityPool (credential-providers)",
  specifier: "@aws-sdk/credential-providers",
  exports: ["fromCognitoIdentityPool"],
};
const AMPLIFY: Entry = {
  name: "Amplify v6: Amplify.configure + fetchAuthSession",
  specifier: "./bundle-entries/identity-pool-amplify.js",
  exports: ["Amplify", "fetchAuthSession"],
};

interface SplitSize {
  /** gzip bytes of the entry chunk and the chunks it imports statically: loaded with the page. */
  initial: number;
  /** ... plus every chunk reachable through `import()`: loaded by the time everything ran. */
  total: number;
  chunks: number;
}

/** esbuild `--bundle --minify --splitting --format=esm --platform=browser`, gzip level 9 per chunk. */
async function splitSize(entry: Entry): Promise<SplitSize | string> {
  try {
    const result = await build({
      stdin: {
        contents: `export { ${entry.exports.join(", ")} } from ${JSON.stringify(entry.specifier)};`,
        resolveDir: benchDir,
        loader: "js",
      },
      bundle: true,
      minify: true,
      splitting: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      outdir: "/split-size",
      write: false,
      metafile: true,
      logLevel: "silent",
      tsconfigRaw: {},
    });
    const gzip = new Map<string, number>();
    for (const file of result.outputFiles) {
      gzip.set(basename(file.path), gzipSync(file.contents, { level: 9 }).byteLength);
    }
    const outputs = result.metafile.outputs;
    // Metafile paths are relative to the working directory; chunk file names are unique.
    const byName = (path: string) => gzip.get(basename(path)) ?? 0;
    const reach = (from: string, dynamic: boolean, seen = new Set<string>()): Set<string> => {
      if (seen.has(from)) return seen;
      seen.add(from);
      for (const imported of (outputs[from] as Metafile["outputs"][string]).imports) {
        if (imported.external) continue;
        if (imported.kind === "import-statement" || (dynamic && imported.kind === "dynamic-import"))
          reach(imported.path, dynamic, seen);
      }
      return seen;
    };
    const entryChunk = Object.keys(outputs).find((path) => outputs[path]?.entryPoint === "<stdin>");
    if (entryChunk === undefined) return "no entry chunk";
    const sum = (paths: Set<string>) => [...paths].reduce((n, path) => n + byName(path), 0);
    const all = reach(entryChunk, true);
    return { initial: sum(reach(entryChunk, false)), total: sum(all), chunks: all.size };
  } catch (error) {
    const { errors } = error as { errors?: { text: string }[] };
    return errors?.[0]?.text ?? String(error);
  }
}

const kb = (bytes: number) => `${bytes.toLocaleString("en-US")} B`;

/** The code-split table, computed when the suite is loaded by the harness (it has no timed cases). */
async function splitTable(): Promise<string> {
  const rows = [
    "| bundle (split) | initial gzip | all chunks gzip | chunks |",
    "| --- | ---: | ---: | ---: |",
  ];
  for (const entry of [OURS, SDK_NARROW, SDK_PROVIDERS, AMPLIFY]) {
    const size = await splitSize(entry);
    rows.push(
      typeof size === "string"
        ? `| ${entry.name} | n/a | n/a | ${size.replace(/\|/g, "/")} |`
        : `| ${entry.name} | ${kb(size.initial)} | ${kb(size.total)} | ${size.chunks} |`,
    );
  }
  return rows.join("\n");
}

export default defineSuite({
  name: "Identity pool: browser bundle size",
  description:
    "Browser sign-in path to identity-pool credentials, bundled for the browser as a page would " +
    "import it (esbuild `--bundle --minify --platform=browser`, ESM, es2022, gzip level 9). " +
    "Amplify's row is `Amplify` from `aws-amplify` plus `fetchAuthSession` from " +
    "`aws-amplify/auth`. The import-cost table is a single-file bundle (what `import()` defers is " +
    "inlined); with code splitting (`--splitting`, as Vite, webpack and Rollup do for `import()`), " +
    "`initial` is the entry chunk and its static imports, `all chunks` adds every chunk reachable " +
    "through `import()` (for us: the basic flow, the error details with the fix-it hints, and the " +
    "store-key hash of insecure contexts, each loaded only when used; the initial chunk is all the " +
    "enhanced flow needs for its first credentials, whereas the AWS SDK's first call loads its " +
    "deferred client):\n\n" +
    (await splitTable()),
  cases: [],
  importCost: [
    OURS,
    { name: "@gatehouse/identity-pool", specifier: OURS.specifier },
    SDK_NARROW,
    SDK_PROVIDERS,
    AMPLIFY,
  ],
});
