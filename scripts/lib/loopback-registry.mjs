/**
 * A read-only npm registry on 127.0.0.1 that serves the packages of a pnpm store, so the tests that
 * run a real `npm install` (the examples copied out of the repository, the getting-started
 * walkthrough) never need the network: point npm at it with `npm_config_registry=<url>`.
 *
 * It serves every package version found in `<root>/node_modules/.pnpm` (pnpm's virtual store: one
 * folder per version, named like `@scope+name@1.2.3_peer-suffix`, holding
 * `node_modules/@scope/name`):
 * - `GET /<name>` (`/@scope%2fname` or `/@scope/name`): the packument, each version's own
 *   package.json plus `dist.tarball`, `dist.integrity` (sha512) and `dist.shasum`;
 *   `dist-tags.latest` is the highest version (a release over a prerelease).
 * - `GET /<name>/-/<basename>-<version>.tgz`: the tarball, built on first request with the
 *   system `tar` (entries under `package/`, as npm publishes them; `node_modules` left out; hard
 *   links stored as files; fixed owner and mtime so the bytes, and so the integrity, are stable).
 * - 404 for anything else: a package or version that is not in the store, `@gatehouse/*` (the
 *   workspace packages are linked, not in the store: they must come from packed tarballs), audit.
 *   npm skips an optional dependency it cannot fetch (the platform packages of another OS).
 *
 * Why we wrote it: no maintained library serves a pnpm store (or any installed `node_modules`) as
 * a registry offline. Verdaccio and local-npm are caching proxies that fill their storage from an
 * uplink, so a first install needs the network; npm-offline and npm-offline-registry serve npm's
 * own cache (and fall back to the network); npm's `--offline` needs a warm npm cache. The pnpm
 * store of this repository already holds every version the tests install (vitest, esbuild, the
 * authorizer's runtime dependencies), at the versions the lockfile pins.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";

/**
 * The package a virtual-store folder holds: `@scope+name@1.2.3_peer` -> `{ name: "@scope/name",
 * version: "1.2.3" }`; `undefined` for anything else (`node_modules`, `lock.yaml`).
 */
export function parseStoreEntry(entry) {
  const at = entry.indexOf("@", 1);
  if (at <= 0) return undefined;
  const rawName = entry.slice(0, at);
  const name = rawName.startsWith("@") ? rawName.replace("+", "/") : rawName;
  const version = entry.slice(at + 1).split("_")[0];
  if (version === "" || (rawName.startsWith("@") && !name.includes("/"))) return undefined;
  return { name, version };
}

/** Compare two semver strings (numeric major.minor.patch, then release over prerelease). */
export function compareVersions(a, b) {
  const split = (v) => {
    const [core, pre = ""] = v.split("+")[0].split(/-(.*)/s);
    return { nums: core.split(".").map(Number), pre };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === "") return 1;
  if (y.pre === "") return -1;
  return x.pre < y.pre ? -1 : 1;
}

/** name -> Map(version -> package folder), for every package of `<root>/node_modules/.pnpm`. */
export function indexStore(root) {
  const store = join(root, "node_modules", ".pnpm");
  if (!existsSync(store)) throw new Error(`no pnpm store at ${store}: run \`pnpm install\` first`);
  const index = new Map();
  for (const entry of readdirSync(store)) {
    const parsed = parseStoreEntry(entry);
    if (parsed === undefined) continue;
    const dir = join(store, entry, "node_modules", parsed.name);
    if (!existsSync(join(dir, "package.json"))) continue;
    const versions = index.get(parsed.name) ?? new Map();
    if (!versions.has(parsed.version)) versions.set(parsed.version, dir);
    index.set(parsed.name, versions);
  }
  return index;
}

/** The tarball of one package folder: gzip'd tar, entries under `package/`. */
function packFolder(dir) {
  const args = [
    "-cf",
    "-",
    "--exclude=./node_modules",
    "--hard-dereference",
    "--sort=name",
    "--owner=0",
    "--group=0",
    "--numeric-owner",
    "--mtime=1985-10-26 08:15:00Z",
    "--transform=s,^\\.,package,",
    "-C",
    dir,
    ".",
  ];
  return new Promise((resolve, reject) => {
    const child = spawn("tar", args, { stdio: ["ignore", "pipe", "pipe"] });
    const chunks = [];
    let stderr = "";
    child.stdout.on("data", (chunk) => chunks.push(chunk));
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      // Node's gzip header carries no name and no mtime: the same folder gives the same bytes.
      if (code === 0) promisify(gzip)(Buffer.concat(chunks)).then(resolve, reject);
      else reject(new Error(`tar exited with ${code} for ${dir}: ${stderr}`));
    });
  });
}

/**
 * Start the registry over the pnpm store of `root` (the folder holding `node_modules/.pnpm`).
 * @param {{ root: string }} options
 * @returns {Promise<{ url: string, close(): Promise<void>, requests: string[] }>} `url` ends
 *   without a slash; `requests` lists every `METHOD path -> status` served (for tests).
 * @example
 * const registry = await startLoopbackRegistry({ root: repoRoot });
 * spawnSync("npm", ["install", "vitest@4.1.12"], { env: { ...process.env, npm_config_registry: registry.url } });
 * await registry.close();
 */
export async function startLoopbackRegistry({ root }) {
  if (typeof root !== "string") throw new TypeError("startLoopbackRegistry: root must be a path");
  const index = indexStore(root);
  const tarballs = new Map();
  const requests = [];
  let url = "";

  const basename = (name) => name.split("/").pop();
  const tarballPath = (name, version) => `/${name}/-/${basename(name)}-${version}.tgz`;
  const tarball = (name, version) => {
    const key = `${name}@${version}`;
    let built = tarballs.get(key);
    if (!built) {
      built = packFolder(index.get(name).get(version)).then((bytes) => ({
        bytes,
        integrity: `sha512-${createHash("sha512").update(bytes).digest("base64")}`,
        shasum: createHash("sha1").update(bytes).digest("hex"),
      }));
      tarballs.set(key, built);
    }
    return built;
  };

  const packument = async (name) => {
    const versions = {};
    for (const [version, dir] of index.get(name)) {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      const { integrity, shasum } = await tarball(name, version);
      versions[version] = {
        ...manifest,
        name,
        version,
        _id: `${name}@${version}`,
        dist: { tarball: `${url}${tarballPath(name, version)}`, integrity, shasum },
      };
    }
    const sorted = Object.keys(versions).sort(compareVersions);
    const releases = sorted.filter((v) => !v.includes("-"));
    const latest = (releases.length > 0 ? releases : sorted).at(-1);
    return { _id: name, name, "dist-tags": { latest }, versions };
  };

  const route = async (path) => {
    const marker = path.indexOf("/-/");
    if (marker > 0) {
      const name = path.slice(1, marker);
      for (const version of index.get(name)?.keys() ?? []) {
        if (tarballPath(name, version) === path) {
          return { type: "application/octet-stream", body: (await tarball(name, version)).bytes };
        }
      }
      return undefined;
    }
    const name = path.slice(1);
    if (!index.has(name)) return undefined;
    return { type: "application/json", body: JSON.stringify(await packument(name)) };
  };

  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    } catch {
      path = "";
    }
    const found =
      req.method === "GET" || req.method === "HEAD" ? route(path) : Promise.resolve(undefined);
    found.then(
      (answer) => {
        const status = answer ? 200 : 404;
        requests.push(`${req.method} ${path} -> ${status}`);
        const body = answer?.body ?? JSON.stringify({ error: "not found" });
        res.writeHead(status, {
          "content-type": answer?.type ?? "application/json",
          "content-length": Buffer.byteLength(body),
        });
        res.end(req.method === "HEAD" ? undefined : body);
      },
      (error) => {
        requests.push(`${req.method} ${path} -> 500`);
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: String(error?.message ?? error) }));
      },
    );
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
