/**
 * What a Lambda bundle of each entry carries: esbuild bundles a handler the way the examples
 * deploy it (CommonJS, target node22 for the `nodejs22.x` runtime, everything inlined), with
 * `@gatehouse/*` resolved to the sources, and its metafile lists every module that went in. jose
 * is an optional peer used by the `/jose` entry only: a handler importing the main entry must not
 * carry a byte of it.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile, type Plugin } from "esbuild";
import { describe, expect, it } from "vitest";

const packages = fileURLToPath(new URL("../../", import.meta.url));

/** `@gatehouse/<pkg>[/<entry>]` to `packages/<pkg>/src/<entry or index>.ts`, as users' imports. */
const gatehouseSources: Plugin = {
  name: "gatehouse-sources",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^@gatehouse\// }, (args) => {
      const [, pkg, entry] = /^@gatehouse\/([^/]+)(?:\/(.+))?$/.exec(args.path) ?? [];
      return { path: join(packages, pkg ?? "", "src", `${entry ?? "index"}.ts`) };
    });
  },
};

async function bundle(handler: string): Promise<{ inputs: string[]; code: string }> {
  const dir = mkdtempSync(join(tmpdir(), "gatehouse-bundle-"));
  const entry = join(dir, "handler.ts");
  writeFileSync(entry, handler);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    target: "node22",
    format: "cjs",
    write: false,
    metafile: true,
    logLevel: "silent",
    // Packages resolve from the authorizer's own node_modules, as they would from a user's.
    nodePaths: [join(packages, "authorizer", "node_modules")],
    plugins: [gatehouseSources],
  });
  const metafile = result.metafile as Metafile;
  return {
    inputs: Object.keys(metafile.inputs),
    code: result.outputFiles.map((file) => file.text).join("\n"),
  };
}

const fromPackage = (name: string) => (input: string) =>
  new RegExp(`node_modules/(?:\\.pnpm/[^/]+/node_modules/)?${name}/`).test(input);

describe("a Lambda bundle", () => {
  it("of a handler on the main entry carries no jose code", async () => {
    const { inputs, code } = await bundle(`
      import { createAuthorizer, jwtVerifier } from "@gatehouse/authorizer";
      export const handler = createAuthorizer({
        verifier: jwtVerifier({
          issuer: "https://idp.example.com/",
          audience: "api",
          jwksUri: "https://idp.example.com/jwks.json",
          algorithms: ["RS256"],
        }),
      });
    `);
    expect(inputs.filter(fromPackage("jose"))).toEqual([]);
    expect(code).not.toMatch(/(?:require|import)\(\s*["']jose["']\s*\)/);
    // The bundle is not empty: the verifier it does use is in it.
    expect(inputs.some(fromPackage("aws-jwt-verify"))).toBe(true);
  });

  it("of a handler on the /jose entry carries jose, inlined (Lambda cannot require ESM)", async () => {
    const { inputs, code } = await bundle(`
      import { createAuthorizer } from "@gatehouse/authorizer";
      import { joseJwtVerifier } from "@gatehouse/authorizer/jose";
      export const handler = createAuthorizer({
        verifier: joseJwtVerifier({
          issuer: "https://idp.example.com/",
          audience: "api",
          jwksUri: "https://idp.example.com/jwks.json",
          algorithms: ["PS256"],
        }),
      });
    `);
    expect(inputs.filter(fromPackage("jose")).length).toBeGreaterThan(0);
    expect(code).not.toMatch(/(?:require|import)\(\s*["']jose["']\s*\)/);
  });
});
