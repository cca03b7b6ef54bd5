#!/usr/bin/env node
/**
 * Install Gatehouse packages from a checkout of this repository into your project, until they are
 * published on the npm registry. Run it in your project folder (beside the checkout):
 *
 *   node ../gatehouse/scripts/install-from-checkout.mjs authorizer
 *   node ../gatehouse/scripts/install-from-checkout.mjs --dev testing local-gateway
 *
 * It packs the named packages and the `@gatehouse/*` packages they depend on (read from their
 * package.json) with `pnpm pack` (so `workspace:*` becomes the real version) into
 * `<checkout>/.packs/`, then runs `npm install [--save-dev] <those tarballs>` in the current folder:
 * npm saves them as `file:` dependencies and resolves one tarball's dependency on another to the
 * tarball of the same command. A `@gatehouse/*` dependency the project already lists (an example
 * copied out of the repository says `^0.1.0`) is pointed at its tarball too, in its own section.
 * Third-party dependencies come from the npm registry
 * (`npm_config_registry` is respected). After pulling and rebuilding the checkout, run the same
 * command again. Node.js built-ins only.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const checkout = fileURLToPath(new URL("..", import.meta.url));
const isWindows = process.platform === "win32";
const BUILD = "npx -y pnpm@10 install --frozen-lockfile && npx -y pnpm@10 build";

export const USAGE = `Usage: node <checkout>/scripts/install-from-checkout.mjs [--dev] <package...>

Packs the named Gatehouse packages and their @gatehouse/* dependencies from this checkout into
<checkout>/.packs/ and runs \`npm install [--save-dev] <tarballs>\` in the current folder (your
project, with a package.json).

  <package>   short or full name: authorizer or @gatehouse/authorizer
  --dev       save them as devDependencies (e.g. testing, local-gateway)
  --help      print this help

Example, in a project folder beside the checkout:
  node ../gatehouse/scripts/install-from-checkout.mjs authorizer
  node ../gatehouse/scripts/install-from-checkout.mjs --dev testing local-gateway`;

/**
 * A refusal with a message for the user (printed without a stack trace) and a stable `code`:
 * `unknown_option`, `no_package_named`, `unknown_package`, `missing_dependency`, `no_project`,
 * `not_built`, `pack_failed`, `npm_failed`.
 */
export class InstallError extends Error {
  constructor(code, message) {
    super(message);
    this.name = "InstallError";
    this.code = code;
  }
}

/** `--dev`, `--help` and the names, in order; an unknown option is an InstallError. */
export function parseArgs(argv) {
  const options = { dev: false, help: false, names: [] };
  for (const arg of argv) {
    if (arg === "--dev" || arg === "-D" || arg === "--save-dev") options.dev = true;
    else if (arg === "--help" || arg === "-h") options.help = true;
    else if (arg.startsWith("-"))
      throw new InstallError("unknown_option", `unknown option ${arg}\n\n${USAGE}`);
    else options.names.push(arg);
  }
  return options;
}

/**
 * The workspace's published packages: full name -> { name, version, dir, dependencies } (the
 * `@gatehouse/*` names of its dependencies, optional and peer dependencies).
 */
export function readWorkspacePackages(root = checkout) {
  const packages = new Map();
  const base = join(root, "packages");
  for (const folder of readdirSync(base).sort()) {
    const file = join(base, folder, "package.json");
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, "utf8"));
    if (manifest.private) continue;
    const deps = {
      ...manifest.dependencies,
      ...manifest.optionalDependencies,
      ...manifest.peerDependencies,
    };
    packages.set(manifest.name, {
      name: manifest.name,
      version: manifest.version,
      dir: join(base, folder),
      dependencies: Object.keys(deps).filter((dep) => dep.startsWith("@gatehouse/")),
    });
  }
  return packages;
}

/** `authorizer` or `@gatehouse/authorizer` -> `@gatehouse/authorizer`; an unknown name refuses. */
export function resolveNames(names, packages) {
  if (names.length === 0)
    throw new InstallError("no_package_named", `name at least one package\n\n${USAGE}`);
  const known = [...packages.keys()];
  return [
    ...new Set(
      names.map((name) => {
        const full = name.startsWith("@") ? name : `@gatehouse/${name}`;
        if (packages.has(full)) return full;
        const list = known.map((k) => k.slice("@gatehouse/".length)).join(", ");
        throw new InstallError(
          "unknown_package",
          `unknown package "${name}": the packages are ${list}`,
        );
      }),
    ),
  ];
}

/** The named packages and every `@gatehouse/*` package they depend on, dependencies first. */
export function dependencyClosure(names, packages) {
  const order = [];
  const seen = new Set();
  const visit = (name, path) => {
    if (seen.has(name)) return;
    const pkg = packages.get(name);
    if (!pkg)
      throw new InstallError(
        "missing_dependency",
        `${path.at(-1)} depends on ${name}, not in this checkout`,
      );
    seen.add(name);
    for (const dep of pkg.dependencies) visit(dep, [...path, name]);
    order.push(name);
  };
  for (const name of names) visit(name, []);
  return order;
}

/** `@gatehouse/authorizer` 0.1.0 -> `gatehouse-authorizer-0.1.0.tgz`, the name `pnpm pack` gives. */
export function tarballName(name, version) {
  return `${name.replace(/^@/, "").replace("/", "-")}-${version}.tgz`;
}

const FIELDS = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"];

/**
 * What to pack, what to pass to npm, and the project's manifest with every `@gatehouse/*`
 * dependency it already lists (e.g. `^0.1.0` in an example copied out of the repository) pointed
 * at its tarball, so that `npm install` never asks the registry for one.
 * - `pack`: the named packages, the ones the project lists, and their `@gatehouse/*` dependencies;
 * - `args`: the tarballs of the named packages and of the dependencies the project does not list
 *   yet (npm saves them with `--save-dev` or not; one it already lists keeps its section);
 * - `manifest`: the project's package.json with `file:` specs, plus the `@gatehouse/*`
 *   dependencies of the listed packages it lacks; `changed`: whether it differs.
 * @param {{ named: string[], project: object, packages: Map<string, object>, packDir: string,
 *   projectDir: string }} input
 */
export function planInstall({ named, project, packages, packDir, projectDir }) {
  const tarball = (name) => join(packDir, tarballName(name, packages.get(name).version));
  const spec = (name) => `file:${relative(projectDir, tarball(name)).split(sep).join("/")}`;
  const listedIn = (field) => Object.keys(project[field] ?? {}).filter((n) => packages.has(n));
  const listed = new Set(FIELDS.flatMap(listedIn));
  const forNamed = dependencyClosure(named, packages);
  const pack = dependencyClosure([...named, ...listed], packages);
  const args = forNamed.filter((name) => named.includes(name) || !listed.has(name)).map(tarball);

  const manifest = structuredClone(project);
  let changed = false;
  for (const field of FIELDS) {
    for (const name of listedIn(field)) {
      if (manifest[field][name] !== spec(name)) {
        manifest[field][name] = spec(name);
        changed = true;
      }
    }
  }
  // A listed package's own @gatehouse/* dependencies that are neither listed nor installed by this
  // command: added beside it (runtime if a runtime dependency needs them), so npm finds them too.
  const added = new Set([...listed, ...forNamed]);
  for (const field of [
    "dependencies",
    "optionalDependencies",
    "peerDependencies",
    "devDependencies",
  ]) {
    const target = field === "devDependencies" ? "devDependencies" : "dependencies";
    for (const dep of dependencyClosure(listedIn(field), packages)) {
      if (added.has(dep)) continue;
      added.add(dep);
      manifest[target] = { ...manifest[target], [dep]: spec(dep) };
      changed = true;
    }
  }
  return { pack, args, manifest, changed };
}

/** `pnpm` when it is on the PATH, else `npx -y pnpm@10` (as used to build the checkout). */
function pnpmCommand() {
  const probe = spawnSync("pnpm", ["--version"], { stdio: "ignore", shell: isWindows });
  return probe.status === 0 ? ["pnpm"] : ["npx", "-y", "pnpm@10"];
}

function run(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { shell: isWindows, ...options });
    let output = "";
    child.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", (error) => resolve({ code: 1, output: `${output}${error.message}` }));
    child.on("close", (code) => resolve({ code, output }));
  });
}

async function main(argv) {
  const options = parseArgs(argv);
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const cwd = process.cwd();
  const projectFile = join(cwd, "package.json");
  if (!existsSync(projectFile)) {
    throw new InstallError(
      "no_project",
      `no package.json in ${cwd}: run this in your project folder (\`npm init -y\` creates one)`,
    );
  }
  const packages = readWorkspacePackages();
  const named = resolveNames(options.names, packages);
  const project = JSON.parse(readFileSync(projectFile, "utf8"));
  const packDir = join(checkout, ".packs");
  const plan = planInstall({
    named,
    project,
    packages,
    packDir,
    projectDir: realpathSync(cwd),
  });
  const unbuilt = plan.pack.filter((name) => !existsSync(join(packages.get(name).dir, "dist")));
  if (unbuilt.length > 0) {
    throw new InstallError(
      "not_built",
      `the checkout is not built (no dist/ in ${unbuilt.join(", ")}): run\n  cd ${checkout} && ${BUILD}`,
    );
  }

  mkdirSync(packDir, { recursive: true });
  const [pnpm, ...pnpmArgs] = pnpmCommand();
  console.log(`Packing ${plan.pack.join(", ")} into ${packDir}`);
  const packed = await Promise.all(
    plan.pack.map((name) =>
      run(pnpm, [...pnpmArgs, "pack", "--pack-destination", packDir], {
        cwd: packages.get(name).dir,
        stdio: ["ignore", "pipe", "pipe"],
      }).then((result) => ({ name, ...result })),
    ),
  );
  for (const { name, code, output } of packed) {
    const file = join(packDir, tarballName(name, packages.get(name).version));
    if (code !== 0 || !existsSync(file)) {
      throw new InstallError(
        "pack_failed",
        `pnpm pack failed for ${name} (exit ${code}):\n${output.trim()}`,
      );
    }
  }

  if (plan.changed) {
    console.log("Pointing the @gatehouse/* dependencies package.json lists at the tarballs");
    writeFileSync(projectFile, `${JSON.stringify(plan.manifest, null, 2)}\n`);
  }
  const npmArgs = ["install", ...(options.dev ? ["--save-dev"] : []), ...plan.args];
  console.log(`npm ${npmArgs.join(" ")}`);
  const { code } = await run("npm", npmArgs, { cwd, stdio: "inherit" });
  if (code !== 0) throw new InstallError("npm_failed", `npm install failed (exit ${code})`);
}

// Run only as a script (the test imports the functions above). The checkout may be reached
// through a symlink (`../gatehouse`), so compare real paths.
function invokedAsScript() {
  try {
    return realpathSync(process.argv[1] ?? "") === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}
if (invokedAsScript()) {
  main(process.argv.slice(2)).catch((error) => {
    if (error instanceof InstallError) console.error(`install-from-checkout: ${error.message}`);
    else console.error(error);
    process.exitCode = 1;
  });
}
