// The loopback registry over this repository's pnpm store: its parsing of store folders, what it
// serves over real HTTP, and a real `npm install` from it (vitest, as the walkthrough installs it,
// and the runtime dependencies of the packages) into a temporary folder with a fresh npm cache.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  compareVersions,
  type LoopbackRegistry,
  parseStoreEntry,
  startLoopbackRegistry,
} from "./loopback-registry.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const lock = readFileSync(join(root, "pnpm-lock.yaml"), "utf8");
/** The version of `name` the lockfile pins (its first `name@version:` package key). */
const pinned = (name: string) =>
  new RegExp(`^  '?${name.replace(/[/.]/g, "\\$&")}@(\\d[^(:']*)'?:`, "m").exec(lock)?.[1];

describe("parseStoreEntry", () => {
  it.each([
    ["lru-cache@11.5.3", { name: "lru-cache", version: "11.5.3" }],
    ["@smithy+signature-v4@5.7.5", { name: "@smithy/signature-v4", version: "5.7.5" }],
    [
      "@vitest+mocker@4.1.12_vite@7.3.1_@types+node@20.19.25_",
      { name: "@vitest/mocker", version: "4.1.12" },
    ],
    ["esbuild@0.25.12", { name: "esbuild", version: "0.25.12" }],
    ["node_modules", undefined],
    ["lock.yaml", undefined],
  ])("%s", (entry, expected) => {
    expect(parseStoreEntry(entry)).toEqual(expected);
  });
});

describe("compareVersions", () => {
  it.each([
    ["1.2.3", "1.2.4", -1],
    ["1.10.0", "1.9.9", 1],
    ["2.0.0", "2.0.0-rc.1", 1],
    ["2.0.0-rc.1", "2.0.0-rc.2", -1],
    ["4.1.12", "4.1.12", 0],
  ])("%s vs %s", (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});

describe("the registry over real HTTP", () => {
  let registry: LoopbackRegistry;
  beforeAll(async () => {
    registry = await startLoopbackRegistry({ root });
  });
  afterAll(() => registry.close());

  it("serves a packument whose tarball has the advertised sha512 and a package/ prefix", async () => {
    const version = pinned("lru-cache")!;
    const res = await fetch(`${registry.url}/lru-cache`);
    expect(res.status).toBe(200);
    const packument = await res.json();
    expect(packument.name).toBe("lru-cache");
    const entry = packument.versions[version];
    expect(entry.version).toBe(version);
    expect(entry.dist.tarball).toBe(`${registry.url}/lru-cache/-/lru-cache-${version}.tgz`);

    const bytes = Buffer.from(await (await fetch(entry.dist.tarball)).arrayBuffer());
    expect(entry.dist.integrity).toBe(
      `sha512-${createHash("sha512").update(bytes).digest("base64")}`,
    );
    const list = spawnSync("tar", ["-tzf", "-"], { input: bytes, encoding: "utf8" });
    const files = list.stdout.trim().split("\n");
    expect(files).toContain("package/package.json");
    expect(files.every((file) => file.startsWith("package/"))).toBe(true);
    expect(files.some((file) => file.includes("node_modules"))).toBe(false);
  });

  it("serves scoped names in both URL forms", async () => {
    const a = await fetch(`${registry.url}/@smithy%2fsignature-v4`);
    const b = await fetch(`${registry.url}/@smithy/signature-v4`);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await a.json()).versions).toHaveProperty(pinned("@smithy/signature-v4")!);
    expect((await b.json()).name).toBe("@smithy/signature-v4");
  });

  it.each([
    ["a workspace package (linked, never in the store)", "/@gatehouse%2fpolicy"],
    ["a package not in the store", "/left-pad"],
    ["a version not in the store", "/lru-cache/-/lru-cache-0.0.1.tgz"],
    ["the audit endpoint", "/-/npm/v1/security/advisories/bulk"],
  ])("answers 404 for %s", async (_name, path) => {
    expect((await fetch(`${registry.url}${path}`)).status).toBe(404);
  });
});

describe("npm install from it", () => {
  let registry: LoopbackRegistry;
  const dir = mkdtempSync(join(tmpdir(), "loopback-registry-test-"));
  beforeAll(async () => {
    registry = await startLoopbackRegistry({ root });
  });
  afterAll(async () => {
    await registry.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("installs vitest and the packages' runtime dependencies with no other registry", async () => {
    const runtime = [
      "aws-jwt-verify",
      "jose",
      "lru-cache",
      "@smithy/signature-v4",
      "@aws-crypto/sha256-js",
    ];
    const specs = [...runtime.map((name) => `${name}@${pinned(name)}`), "vitest@4.1.12"];
    const project = join(dir, "project");
    spawnSync("mkdir", ["-p", project]);
    writeFileSync(join(project, "package.json"), '{ "name": "project", "private": true }\n');
    const env = {
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key))),
      npm_config_registry: registry.url,
      npm_config_cache: join(dir, "npm-cache"),
      npm_config_audit: "false",
      npm_config_fund: "false",
      npm_config_update_notifier: "false",
    };
    const { code, output } = await new Promise<{ code: number | null; output: string }>(
      (resolve) => {
        const child = spawn("npm", ["install", ...specs], { cwd: project, env });
        let text = "";
        child.stdout.on("data", (chunk) => {
          text += chunk;
        });
        child.stderr.on("data", (chunk) => {
          text += chunk;
        });
        child.on("close", (exit) => resolve({ code: exit, output: text }));
      },
    );
    expect(output).not.toContain("ERR!");
    expect(code).toBe(0);
    for (const spec of specs) {
      const name = spec.slice(0, spec.lastIndexOf("@"));
      const manifest = JSON.parse(
        readFileSync(join(project, "node_modules", name, "package.json"), "utf8"),
      );
      expect(manifest.version).toBe(spec.slice(spec.lastIndexOf("@") + 1));
    }
    const version = spawnSync(join(project, "node_modules", ".bin", "vitest"), ["--version"], {
      cwd: project,
      encoding: "utf8",
    });
    expect(version.stdout).toContain("4.1.12");
    // Every request was answered from the store but optional ones, which npm skipped: the platform
    // packages of other systems (optionalDependencies) and optional peers (vite's sass, less...).
    type Entry = {
      optionalDependencies?: Record<string, string>;
      peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    };
    const packages: Record<string, Entry> = JSON.parse(
      readFileSync(join(project, "package-lock.json"), "utf8"),
    ).packages;
    const optional = new Set(
      Object.values(packages).flatMap((entry) => [
        ...Object.keys(entry.optionalDependencies ?? {}),
        ...Object.entries(entry.peerDependenciesMeta ?? {})
          .filter(([, meta]) => meta.optional)
          .map(([name]) => name),
      ]),
    );
    const missing = registry.requests
      .filter((line) => line.endsWith("-> 404"))
      .map((line) => line.split(" ")[1]!.slice(1));
    expect(missing.length).toBeGreaterThan(0); // there were optional ones to skip
    expect(missing.filter((name) => !optional.has(name))).toEqual([]);
    expect(existsSync(join(project, "node_modules", "@gatehouse"))).toBe(false);
  }, 240_000);
});
