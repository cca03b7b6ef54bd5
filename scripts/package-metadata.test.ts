// One source for `repository`, `homepage` and `bugs`: every published package's fields follow the
// root package.json's repository.url, and scripts/package-metadata.mjs fails a package that lacks
// them or points elsewhere (the same function checks each packed tarball in check-packages.mjs).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  checkPackageMetadata,
  expectedPackageMetadata,
  forgeUrl,
  packageMetadataProblems,
  publishedPackages,
  rootManifest,
  writePackageMetadata,
} from "./package-metadata.mjs";

const FORGE = "https://github.com/gatehouse-sdk/gatehouse";
const script = fileURLToPath(new URL("./package-metadata.mjs", import.meta.url));

describe("the repository's manifests", () => {
  it("name the forge once, in the root repository.url", () => {
    expect(forgeUrl(rootManifest())).toBe(FORGE);
  });

  it("give each of the seven published packages repository, homepage and bugs from it", () => {
    const dirs = publishedPackages().map((p) => p.dir);
    expect(dirs).toEqual([
      "authorizer",
      "cli",
      "identity-pool",
      "local-gateway",
      "policy",
      "sigv4",
      "testing",
    ]);
    expect(checkPackageMetadata()).toEqual([]);
    const policy = publishedPackages().find((p) => p.dir === "policy")?.manifest;
    expect(policy).toMatchObject({
      repository: {
        type: "git",
        url: "git+https://github.com/gatehouse-sdk/gatehouse.git",
        directory: "packages/policy",
      },
      homepage: "https://github.com/gatehouse-sdk/gatehouse/tree/main/packages/policy#readme",
      bugs: { url: "https://github.com/gatehouse-sdk/gatehouse/issues" },
    });
  });

  it("pass the command line check", () => {
    const run = spawnSync(process.execPath, [script], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("agree with the root repository.url");
  });
});

describe("forgeUrl", () => {
  it.each([
    [{ repository: { type: "git", url: FORGE } }],
    [{ repository: { url: `git+${FORGE}.git` } }],
    [{ repository: `${FORGE}/` }],
  ])("reads %j as the forge's web address", (manifest) => {
    expect(forgeUrl(manifest)).toBe(FORGE);
  });

  it.each([
    [{}, /has no repository\.url/],
    [{ repository: { type: "git" } }, /has no repository\.url/],
    [{ repository: { url: "git@github.com:gatehouse-sdk/gatehouse.git" } }, /not an https URL/],
    [{ repository: { url: "https://github.com" } }, /not an https URL/],
  ])("rejects %j with a TypeError", (manifest, message) => {
    expect(() => forgeUrl(manifest)).toThrow(TypeError);
    expect(() => forgeUrl(manifest)).toThrow(message);
  });
});

describe("packageMetadataProblems", () => {
  const where = { forge: FORGE, dir: "sigv4" };
  const good = expectedPackageMetadata(FORGE, "sigv4");

  it("accepts exactly the expected fields", () => {
    expect(packageMetadataProblems({ name: "@gatehouse/sigv4", ...good }, where)).toEqual([]);
  });

  it("reports each missing field", () => {
    const problems = packageMetadataProblems({ name: "@gatehouse/sigv4" }, where);
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ["repository", "field_missing"],
      ["homepage", "field_missing"],
      ["bugs", "field_missing"],
    ]);
    expect(problems[0]?.message).toContain("packages/sigv4/package.json");
    expect(problems[0]?.message).toContain('"directory":"packages/sigv4"');
  });

  it.each([
    ["repository", { ...good, repository: { ...good.repository, directory: "packages/policy" } }],
    ["repository", { ...good, repository: { type: "git", url: `git+${FORGE}.git` } }],
    ["repository", { ...good, repository: `${FORGE}.git` }],
    ["homepage", { ...good, homepage: `${FORGE}/tree/main/packages/policy#readme` }],
    ["homepage", { ...good, homepage: "https://gatehouse.example.com" }],
    ["bugs", { ...good, bugs: { url: "https://github.com/someone-else/gatehouse/issues" } }],
  ])("reports a %s that disagrees with the root", (field, manifest) => {
    expect(packageMetadataProblems(manifest, where)).toEqual([
      expect.objectContaining({ field, code: "field_mismatch" }),
    ]);
  });
});

describe("checkPackageMetadata on a workspace", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  function workspace(root: object, packages: Record<string, object>): string {
    const dir = mkdtempSync(join(tmpdir(), "package-metadata-"));
    dirs.push(dir);
    writeFileSync(join(dir, "package.json"), JSON.stringify(root));
    mkdirSync(join(dir, "packages"));
    for (const [name, manifest] of Object.entries(packages)) {
      mkdirSync(join(dir, "packages", name), { recursive: true });
      writeFileSync(join(dir, "packages", name, "package.json"), JSON.stringify(manifest));
    }
    return dir;
  }

  const root = {
    repository: { type: "git", url: FORGE },
    homepage: `${FORGE}#readme`,
    bugs: { url: `${FORGE}/issues` },
  };

  it("fails every package when the root moves to another forge, and skips private ones", () => {
    const moved = "https://git.example.com/acme/gatehouse";
    const dir = workspace(
      {
        ...root,
        repository: { url: moved },
        homepage: `${moved}#readme`,
        bugs: { url: `${moved}/issues` },
      },
      {
        a: expectedPackageMetadata(FORGE, "a"),
        b: expectedPackageMetadata(moved, "b"),
        scratch: { private: true },
      },
    );
    expect(checkPackageMetadata(dir).map((p) => [p.where, p.field])).toEqual([
      ["packages/a/package.json", "repository"],
      ["packages/a/package.json", "homepage"],
      ["packages/a/package.json", "bugs"],
    ]);
  });

  it("fails a root without repository.url and a root whose homepage is elsewhere", () => {
    expect(checkPackageMetadata(workspace({}, {}))).toEqual([
      expect.objectContaining({ code: "root_url_invalid" }),
    ]);
    expect(
      checkPackageMetadata(workspace({ ...root, homepage: "https://example.com" }, {})),
    ).toEqual([expect.objectContaining({ where: "package.json", field: "homepage" })]);
  });

  it("writePackageMetadata (--write) sets the fields from the root and leaves the rest of each manifest as it was", () => {
    const moved = "https://git.example.com/acme/gatehouse";
    const dir = workspace(
      {
        name: "ws",
        private: true,
        license: "Apache-2.0",
        repository: { url: moved },
        type: "module",
      },
      {
        a: {
          name: "@x/a",
          license: "Apache-2.0",
          ...expectedPackageMetadata(FORGE, "a"),
          type: "module",
        },
        b: { name: "@x/b" },
        scratch: { name: "scratch", private: true },
      },
    );
    writePackageMetadata(dir);
    expect(checkPackageMetadata(dir)).toEqual([]);
    const read = (file: string) => JSON.parse(readFileSync(join(dir, file), "utf8")) as object;
    expect(Object.keys(read("packages/a/package.json"))).toEqual([
      "name",
      "license",
      "repository",
      "homepage",
      "bugs",
      "type",
    ]);
    expect(read("packages/b/package.json")).toEqual({
      name: "@x/b",
      ...expectedPackageMetadata(moved, "b"),
    });
    expect(read("packages/scratch/package.json")).toEqual({ name: "scratch", private: true });
    expect(read("package.json")).toMatchObject({ homepage: `${moved}#readme`, type: "module" });
  });
});
