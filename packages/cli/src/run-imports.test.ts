/**
 * `@gatehouse/testing` plays AWS on loopback for tests and the demo; nothing else the CLI runs may
 * load it. esbuild follows every static and dynamic import of a command (with `@gatehouse/*`
 * resolved to the sources, as the build links them) and its metafile lists the modules reached.
 */
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL(".", import.meta.url));
const packages = resolve(src, "../..");
const demoDir = join(src, "demo");

/** `@gatehouse/*` to the sources; other packages external; `src/demo/` external when asked. */
function resolveForCli(skipDemo: boolean): Plugin {
  return {
    name: "cli-imports",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^@gatehouse\// }, (args) => {
        const [, pkg, entry] = /^@gatehouse\/([^/]+)(?:\/(.+))?$/.exec(args.path) ?? [];
        return { path: join(packages, pkg ?? "", "src", `${entry ?? "index"}.ts`) };
      });
      pluginBuild.onResolve({ filter: /^[^./]/ }, (args) => ({ path: args.path, external: true }));
      if (skipDemo) {
        pluginBuild.onResolve({ filter: /^\.\.?\// }, (args) => {
          const target = resolve(args.resolveDir, args.path);
          return target.startsWith(`${demoDir}/`) ? { path: args.path, external: true } : undefined;
        });
      }
    },
  };
}

/** The package folders (`packages/<name>`) whose sources a module reaches. */
async function packagesReached(entry: string, skipDemo = false): Promise<string[]> {
  const result = await build({
    entryPoints: [join(src, entry)],
    bundle: true,
    platform: "node",
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [resolveForCli(skipDemo)],
  });
  const reached = new Set<string>();
  for (const input of Object.keys(result.metafile.inputs)) {
    const match = /(?:^|\/)packages\/([^/]+)\/src\//.exec(resolve(input));
    if (match?.[1] !== undefined) reached.add(match[1]);
  }
  return [...reached].sort();
}

describe("@gatehouse/testing at run time", () => {
  it.each([
    "commands/dev.ts",
    "commands/sign.ts",
    "commands/credentials.ts",
    "commands/token-decode.ts",
    "commands/token-verify.ts",
    "commands/policy-generate.ts",
    "commands/policy-lint.ts",
    "commands/policy-simulate.ts",
  ])("is never loaded by %s", async (entry) => {
    expect(await packagesReached(entry)).not.toContain("testing");
  });

  it("is loaded by `audit` only through its --demo modules", async () => {
    expect(await packagesReached("commands/audit.ts", true)).not.toContain("testing");
    expect(await packagesReached("commands/audit.ts")).toContain("testing");
  });

  it("is loaded by the whole CLI only through src/demo/", async () => {
    const reached = await packagesReached("run.ts", true);
    expect(reached).not.toContain("testing");
    // The check sees the packages a command does load: dev runs the local gateway.
    expect(reached).toEqual(
      expect.arrayContaining(["cli", "local-gateway", "policy", "sigv4", "authorizer"]),
    );
  });

  it("is loaded by the demo (the check can see it)", async () => {
    expect(await packagesReached("commands/demo.ts")).toContain("testing");
  });
});
