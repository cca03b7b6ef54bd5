/**
 * `repository`, `homepage` and `bugs` of every published package, from one source: the root
 * package.json's `repository.url` (the forge's web address, e.g.
 * `https://github.com/gatehouse-sdk/gatehouse`). For `packages/<dir>` the expected fields are
 *
 *   "repository": { "type": "git", "url": "git+<forge>.git", "directory": "packages/<dir>" },
 *   "homepage": "<forge>/tree/main/packages/<dir>#readme",
 *   "bugs": { "url": "<forge>/issues" }
 *
 * (the `git+https` form npm and publint expect; the homepage is the package's README on the forge).
 * The root manifest itself carries `homepage` `<forge>#readme` and the same `bugs`.
 *
 * Used by check-packages.mjs on each packed tarball's package.json (what npm shows), and by
 * package-metadata.test.ts on the manifests in the tree, so a missing or stale field fails
 * `pnpm test:unit` before any build. `node scripts/package-metadata.mjs` prints the problems and
 * exits 1 when there are any; `--write` first sets the fields from the root `repository.url` (after
 * the repository moves, change that one value and run it).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The branch the homepage links point at (the changesets' `baseBranch`). */
export const DEFAULT_BRANCH = "main";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));

/**
 * The forge's web address from the root manifest's `repository` (object or string): `git+` and
 * `.git` removed, no trailing slash. A TypeError when it is missing or not an https URL.
 */
export function forgeUrl(rootManifest) {
  const repository = rootManifest?.repository;
  const raw = typeof repository === "string" ? repository : repository?.url;
  if (typeof raw !== "string" || raw === "")
    throw new TypeError("the root package.json has no repository.url: add the forge's https URL");
  const url = raw
    .replace(/^git\+/, "")
    .replace(/\/+$/, "")
    .replace(/\.git$/, "");
  if (!/^https:\/\/[^/\s]+\/[^\s]+$/.test(url))
    throw new TypeError(
      `the root package.json's repository.url (${raw}) is not an https URL of a repository`,
    );
  return url;
}

/** The fields a package in `packages/<dir>` must carry, for the forge `forge`. */
export function expectedPackageMetadata(forge, dir) {
  return {
    repository: { type: "git", url: `git+${forge}.git`, directory: `packages/${dir}` },
    homepage: `${forge}/tree/${DEFAULT_BRANCH}/packages/${dir}#readme`,
    bugs: { url: `${forge}/issues` },
  };
}

/** The fields of the root manifest besides `repository.url` itself. */
export function expectedRootMetadata(forge) {
  return { homepage: `${forge}#readme`, bugs: { url: `${forge}/issues` } };
}

const show = (value) => (value === undefined ? "missing" : JSON.stringify(value));

/** Every field of `expected` that `manifest` lacks or disagrees with (keys compared exactly). */
function compare(manifest, expected, where) {
  const problems = [];
  for (const [field, want] of Object.entries(expected)) {
    const have = manifest?.[field];
    if (JSON.stringify(have) === JSON.stringify(want)) continue;
    problems.push({
      where,
      field,
      code: have === undefined ? "field_missing" : "field_mismatch",
      message: `${where}: "${field}" is ${show(have)}; expected ${JSON.stringify(want)} (from the root package.json's repository.url)`,
    });
  }
  return problems;
}

/**
 * Problems of one package manifest (`manifest`, from `packages/<dir>`) against the forge.
 * @returns `[]` when `repository`, `homepage` and `bugs` are exactly as expected.
 */
export function packageMetadataProblems(manifest, { forge, dir }) {
  return compare(manifest, expectedPackageMetadata(forge, dir), `packages/${dir}/package.json`);
}

/** The published packages of a workspace: `{ dir, manifest }` for each non-private packages/*. */
export function publishedPackages(workspace = root) {
  const packagesDir = join(workspace, "packages");
  return readdirSync(packagesDir)
    .sort()
    .filter((dir) => existsSync(join(packagesDir, dir, "package.json")))
    .map((dir) => ({
      dir,
      manifest: JSON.parse(readFileSync(join(packagesDir, dir, "package.json"), "utf8")),
    }))
    .filter(({ manifest }) => manifest.private !== true);
}

/** Read the root manifest of a workspace. */
export function rootManifest(workspace = root) {
  return JSON.parse(readFileSync(join(workspace, "package.json"), "utf8"));
}

/** Every metadata problem of a workspace: the root's fields, then each published package's. */
export function checkPackageMetadata(workspace = root) {
  const manifest = rootManifest(workspace);
  let forge;
  try {
    forge = forgeUrl(manifest);
  } catch (error) {
    return [
      {
        where: "package.json",
        field: "repository",
        code: "root_url_invalid",
        message: error.message,
      },
    ];
  }
  return [
    ...compare(manifest, expectedRootMetadata(forge), "package.json"),
    ...publishedPackages(workspace).flatMap(({ dir, manifest: pkg }) =>
      packageMetadataProblems(pkg, { forge, dir }),
    ),
  ];
}

/** Insert or replace `fields` in `manifest`, right after `license` when they are new. */
function withFields(manifest, fields) {
  const out = {};
  for (const [key, value] of Object.entries(manifest)) {
    if (key in fields) continue;
    out[key] = value;
    if (key === "license") Object.assign(out, fields);
  }
  return "license" in manifest ? out : { ...out, ...fields };
}

/** Set the root's homepage and bugs and every published package's fields from the root URL. */
export function writePackageMetadata(workspace = root) {
  const write = (file, manifest) => writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  const manifest = rootManifest(workspace);
  const forge = forgeUrl(manifest);
  write(join(workspace, "package.json"), withFields(manifest, expectedRootMetadata(forge)));
  for (const { dir, manifest: pkg } of publishedPackages(workspace)) {
    const file = join(workspace, "packages", dir, "package.json");
    write(file, withFields(pkg, expectedPackageMetadata(forge, dir)));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--write")) writePackageMetadata();
  const problems = checkPackageMetadata();
  for (const problem of problems) console.error(problem.message);
  console.log(
    problems.length === 0
      ? "package metadata: repository, homepage and bugs agree with the root repository.url"
      : `package metadata: ${problems.length} problem(s)`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
}
