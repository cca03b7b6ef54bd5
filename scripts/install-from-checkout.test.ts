// The pure parts of scripts/install-from-checkout.mjs (arguments, names, the @gatehouse/* closure,
// the install plan) on the real workspace, and its refusals run as a user would run the script.
// The packing and `npm install` themselves run in scripts/check-examples-copied-out.mjs and the
// getting-started walkthrough (pnpm test:walkthrough), against the loopback registry.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  dependencyClosure,
  parseArgs,
  planInstall,
  readWorkspacePackages,
  resolveNames,
  tarballName,
  type WorkspacePackage,
} from "./install-from-checkout.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const script = join(root, "scripts", "install-from-checkout.mjs");
const packages = readWorkspacePackages(root);
const SEVEN = ["authorizer", "cli", "identity-pool", "local-gateway", "policy", "sigv4", "testing"];

const tmp = mkdtempSync(join(tmpdir(), "install-from-checkout-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("parseArgs", () => {
  it.each([
    [["authorizer"], { dev: false, help: false, names: ["authorizer"] }],
    [
      ["--dev", "testing", "local-gateway"],
      { dev: true, help: false, names: ["testing", "local-gateway"] },
    ],
    [["testing", "-D"], { dev: true, help: false, names: ["testing"] }],
    [["--help"], { dev: false, help: true, names: [] }],
  ])("%j", (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  it("refuses an unknown option with the usage", () => {
    expect(() => parseArgs(["--prod", "authorizer"])).toThrowCode("unknown_option");
  });
});

describe("resolveNames", () => {
  it("reads the seven published packages of the workspace", () => {
    expect([...packages.keys()].sort()).toEqual(SEVEN.map((name) => `@gatehouse/${name}`));
  });

  it.each([
    [["authorizer"], ["@gatehouse/authorizer"]],
    [["@gatehouse/authorizer"], ["@gatehouse/authorizer"]],
    [
      ["testing", "@gatehouse/testing", "local-gateway"],
      ["@gatehouse/testing", "@gatehouse/local-gateway"],
    ],
  ])("%j -> %j", (names, expected) => {
    expect(resolveNames(names, packages)).toEqual(expected);
  });

  it("refuses an unknown name and lists the seven", () => {
    expect(() => resolveNames(["authoriser"], packages)).toThrowCode("unknown_package");
    expect(() => resolveNames(["authoriser"], packages)).toThrow(SEVEN.join(", "));
    expect(() => resolveNames(["@other/authorizer"], packages)).toThrowCode("unknown_package");
  });

  it("refuses no name at all", () => {
    expect(() => resolveNames([], packages)).toThrowCode("no_package_named");
  });
});

describe("dependencyClosure", () => {
  it.each([
    [["@gatehouse/policy"], ["@gatehouse/policy"]],
    [["@gatehouse/authorizer"], ["@gatehouse/policy", "@gatehouse/authorizer"]],
    [
      ["@gatehouse/testing", "@gatehouse/local-gateway"],
      ["@gatehouse/policy", "@gatehouse/sigv4", "@gatehouse/testing", "@gatehouse/local-gateway"],
    ],
  ])("%j -> %j (dependencies first)", (names, expected) => {
    expect(dependencyClosure(names, packages)).toEqual(expected);
  });

  it("puts every package after its @gatehouse/* dependencies (the cli needs all seven)", () => {
    const order = dependencyClosure(["@gatehouse/cli"], packages);
    expect([...order].sort()).toEqual(SEVEN.map((name) => `@gatehouse/${name}`));
    for (const [index, name] of order.entries()) {
      for (const dep of packages.get(name)!.dependencies) {
        expect(order.indexOf(dep)).toBeLessThan(index);
      }
    }
  });

  it("refuses a dependency the checkout does not have", () => {
    const broken = new Map<string, WorkspacePackage>([
      [
        "@gatehouse/a",
        { name: "@gatehouse/a", version: "1.0.0", dir: "/a", dependencies: ["@gatehouse/gone"] },
      ],
    ]);
    expect(() => dependencyClosure(["@gatehouse/a"], broken)).toThrowCode("missing_dependency");
  });
});

describe("planInstall", () => {
  const packDir = "/src/gatehouse/.packs";
  const projectDir = "/src/my-api";
  const tgz = (name: string) => `${packDir}/gatehouse-${name}-0.1.0.tgz`;
  const spec = (name: string) => `file:../gatehouse/.packs/gatehouse-${name}-0.1.0.tgz`;

  it("names pnpm pack's file", () => {
    expect(tarballName("@gatehouse/local-gateway", "0.1.0")).toBe(
      "gatehouse-local-gateway-0.1.0.tgz",
    );
  });

  it("passes the named packages and their dependencies to npm in a fresh project", () => {
    const project = { name: "my-api", dependencies: { jose: "^6.0.0" } };
    const plan = planInstall({
      named: ["@gatehouse/authorizer"],
      project,
      packages,
      packDir,
      projectDir,
    });
    expect(plan.pack).toEqual(["@gatehouse/policy", "@gatehouse/authorizer"]);
    expect(plan.args).toEqual([tgz("policy"), tgz("authorizer")]);
    expect(plan.changed).toBe(false);
  });

  it("points the @gatehouse/* ranges of an example copied out at the tarballs, each in its section", () => {
    const project = {
      name: "example",
      dependencies: { "@gatehouse/authorizer": "^0.1.0" },
      devDependencies: { "@gatehouse/testing": "^0.1.0", esbuild: "0.25.12" },
    };
    const plan = planInstall({
      named: ["@gatehouse/authorizer"],
      project,
      packages,
      packDir,
      projectDir,
    });
    expect(plan.pack).toEqual([
      "@gatehouse/policy",
      "@gatehouse/authorizer",
      "@gatehouse/sigv4",
      "@gatehouse/testing",
    ]);
    expect(plan.args).toEqual([tgz("policy"), tgz("authorizer")]);
    expect(plan.changed).toBe(true);
    // testing needs sigv4, which the project does not list: added beside testing.
    expect(plan.manifest).toEqual({
      name: "example",
      dependencies: { "@gatehouse/authorizer": spec("authorizer") },
      devDependencies: {
        "@gatehouse/testing": spec("testing"),
        esbuild: "0.25.12",
        "@gatehouse/sigv4": spec("sigv4"),
      },
    });
    expect(project.devDependencies["@gatehouse/testing"]).toBe("^0.1.0"); // input untouched
  });

  it("adds a dependency that a runtime and a dev dependency share to the runtime section", () => {
    const project = {
      dependencies: { "@gatehouse/local-gateway": "^0.1.0" },
      devDependencies: { "@gatehouse/testing": "^0.1.0" },
    };
    const plan = planInstall({
      named: ["@gatehouse/testing"],
      project,
      packages,
      packDir,
      projectDir,
    });
    expect(plan.args).toEqual([tgz("policy"), tgz("sigv4"), tgz("testing")]);
    expect(plan.manifest).toEqual({
      dependencies: { "@gatehouse/local-gateway": spec("local-gateway") },
      devDependencies: { "@gatehouse/testing": spec("testing") },
    });
    const shared = planInstall({ named: [], project, packages, packDir, projectDir });
    expect(shared.manifest.dependencies).toEqual({
      "@gatehouse/local-gateway": spec("local-gateway"),
      "@gatehouse/policy": spec("policy"),
      "@gatehouse/sigv4": spec("sigv4"),
    });
  });

  it("with --dev, leaves a runtime dependency the project already has where it is", () => {
    const project = {
      dependencies: {
        "@gatehouse/authorizer": spec("authorizer"),
        "@gatehouse/policy": spec("policy"),
      },
    };
    const plan = planInstall({
      named: ["@gatehouse/testing", "@gatehouse/local-gateway"],
      project,
      packages,
      packDir,
      projectDir,
    });
    // policy is already a runtime dependency: not passed (npm would move it to devDependencies).
    expect(plan.args).toEqual([tgz("sigv4"), tgz("testing"), tgz("local-gateway")]);
    expect(plan.pack).toContain("@gatehouse/authorizer");
    expect(plan.changed).toBe(false);
  });
});

describe("the script", () => {
  const runScript = (cwd: string, args: string[], file = script) =>
    spawnSync(process.execPath, [file, ...args], { cwd, encoding: "utf8" });

  it("prints its usage on --help", () => {
    const result = runScript(tmp, ["--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("install-from-checkout.mjs [--dev] <package...>");
  });

  it("refuses a folder without package.json", () => {
    const empty = join(tmp, "empty");
    mkdirSync(empty);
    const result = runScript(empty, ["authorizer"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`no package.json in ${empty}`);
    expect(result.stderr).toContain("npm init -y");
  });

  it("refuses an unknown name and lists the seven", () => {
    const project = join(tmp, "project");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), "{}\n");
    const result = runScript(project, ["authoriser"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `unknown package "authoriser": the packages are ${SEVEN.join(", ")}`,
    );
  });

  it("refuses an unbuilt checkout and says how to build it", () => {
    // A miniature checkout: the script and one package without dist/.
    const checkout = join(tmp, "checkout");
    mkdirSync(join(checkout, "scripts"), { recursive: true });
    mkdirSync(join(checkout, "packages", "policy"), { recursive: true });
    cpSync(script, join(checkout, "scripts", "install-from-checkout.mjs"));
    cpSync(
      join(root, "packages", "policy", "package.json"),
      join(checkout, "packages", "policy", "package.json"),
    );
    const project = join(tmp, "project-unbuilt");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), '{ "name": "p" }\n');
    const result = runScript(
      project,
      ["policy"],
      join(checkout, "scripts", "install-from-checkout.mjs"),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("the checkout is not built (no dist/ in @gatehouse/policy)");
    expect(result.stderr).toContain(
      "npx -y pnpm@10 install --frozen-lockfile && npx -y pnpm@10 build",
    );
    expect(readFileSync(join(project, "package.json"), "utf8")).toBe('{ "name": "p" }\n');
  });
});
