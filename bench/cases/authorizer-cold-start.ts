/**
 * Authorizer cold start: a REST TOKEN handler made with `createAuthorizer` + `jwtVerifier` against
 * the same handler written directly on aws-jwt-verify (what most teams deploy), both bundled for
 * Lambda with esbuild (CommonJS, node22 as for `nodejs22.x`, minified; byte for byte what node20
 * gives for these handlers, so the bundles also run on Node 20) and loaded in a FRESH process with
 * `--no-experimental-require-module` (as Lambda does), keys pre-seeded from an environment
 * variable (no network), then one RS256 verification.
 *
 * In the harness, each call of a case is one fresh process: load the bundle, answer one event,
 * exit. The baseline is the same process loading an empty bundle, so `ns/op - baseline ns/op` is
 * the cold-start cost (module load + first verification).
 *
 * Run directly for the split (bundle bytes, load ms, first-verification ms, median of 15 fresh
 * processes each): `node bench/dist/cases/authorizer-cold-start.js`.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { createTestIssuer, restTokenEvent } from "@gatehouse/testing";
import { buildSync } from "esbuild";
import { defineSuite } from "../src/suite.js";

const benchDir = fileURLToPath(new URL("../../", import.meta.url));
const workDir = join(tmpdir(), `gatehouse-bench-cold-start-${process.pid}`);
const AUDIENCE = "https://api.example.com";

/** The handlers, as a user writes them. Both read the same environment. */
const handlers = {
  empty: "export const handler = async () => ({});",
  "aws-jwt-verify": `
import { JwtVerifier } from "aws-jwt-verify";
const verifier = JwtVerifier.create({ issuer: process.env.JWT_ISSUER, audience: process.env.JWT_AUDIENCE });
verifier.cacheJwks(JSON.parse(process.env.JWKS));
export const handler = async (event) => {
  const [scheme, token] = (event.authorizationToken ?? "").split(" ");
  if (scheme !== "Bearer" || !token) throw new Error("Unauthorized");
  let payload;
  try {
    payload = await verifier.verify(token);
  } catch {
    throw new Error("Unauthorized");
  }
  const [arn, stage] = event.methodArn.split("/");
  return {
    principalId: payload.sub,
    policyDocument: {
      Version: "2012-10-17",
      Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: arn + "/" + stage + "/*/*" }],
    },
  };
};`,
  "@gatehouse/authorizer": `
import { createAuthorizer, jwtVerifier } from "@gatehouse/authorizer";
export const handler = createAuthorizer({
  verifier: jwtVerifier({
    issuer: process.env.JWT_ISSUER,
    audience: process.env.JWT_AUDIENCE,
    algorithms: ["RS256"],
    jwks: JSON.parse(process.env.JWKS),
  }),
});`,
} as const;
type HandlerName = keyof typeof handlers;

/**
 * The child: load the bundle (timed), answer one event (timed), print both in ms. Process
 * start-up is outside both figures.
 */
const runner = `
"use strict";
const { performance } = require("node:perf_hooks");
const event = JSON.parse(process.env.EVENT);
const t0 = performance.now();
const { handler } = require(process.argv[2]);
const t1 = performance.now();
handler(event).then((response) => {
  const t2 = performance.now();
  if (process.env.EXPECT_ALLOW && response.policyDocument.Statement[0].Effect !== "Allow") process.exit(3);
  process.stdout.write(JSON.stringify({ loadMs: t1 - t0, firstVerifyMs: t2 - t1 }));
}, () => process.exit(2));
`;

interface Prepared {
  env: NodeJS.ProcessEnv;
  bundles: Record<HandlerName, { file: string; minified: number; gzip: number }>;
}
let prepared: Prepared | undefined;

/** Mints one token, bundles the three handlers; once per process. */
async function prepare(): Promise<Prepared> {
  if (prepared !== undefined) return prepared;
  mkdirSync(workDir, { recursive: true });
  process.on("exit", () => rmSync(workDir, { recursive: true, force: true }));
  const issuer = await createTestIssuer({ alg: "RS256" });
  const token = await issuer.mintToken({ sub: "user-1", aud: AUDIENCE, scope: "pets/read" });
  const env = {
    ...process.env,
    JWT_ISSUER: issuer.issuer,
    JWT_AUDIENCE: AUDIENCE,
    JWKS: JSON.stringify(issuer.jwks()),
    EVENT: JSON.stringify(restTokenEvent({ token: `Bearer ${token}`, path: "/pets/42" })),
  };
  await issuer.close();
  writeFileSync(join(workDir, "runner.cjs"), runner);
  const bundles = {} as Prepared["bundles"];
  for (const [name, contents] of Object.entries(handlers) as [HandlerName, string][]) {
    // Synchronous: no long-lived esbuild service process for a short-lived worker to wait on.
    const result = buildSync({
      stdin: { contents, resolveDir: benchDir, loader: "js" },
      bundle: true,
      minify: true,
      format: "cjs",
      platform: "node",
      target: "node22",
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]!.contents;
    const file = join(workDir, `${name.replace(/[^a-z0-9-]/g, "")}.cjs`);
    writeFileSync(file, code);
    bundles[name] = {
      file,
      minified: code.byteLength,
      gzip: gzipSync(code, { level: 9 }).byteLength,
    };
  }
  prepared = { env, bundles };
  return prepared;
}

/** One fresh Lambda-like process: load `name`'s bundle, answer one event. */
function coldStart(name: HandlerName): { loadMs: number; firstVerifyMs: number } {
  const { env, bundles } = prepared!;
  const child = spawnSync(
    process.execPath,
    ["--no-experimental-require-module", join(workDir, "runner.cjs"), bundles[name].file],
    // A deadline per fresh process: a stalled child fails this case in 30 s, naming it, instead
    // of the whole suite at the harness's 120 s.
    {
      env: name === "empty" ? env : { ...env, EXPECT_ALLOW: "1" },
      encoding: "utf8",
      timeout: 30_000,
    },
  );
  if (child.error)
    throw new Error(`${name} cold start: ${child.error.message} (no answer in 30 s)`);
  if (child.status !== 0) {
    throw new Error(`${name} cold start failed (${child.status}):\n${child.stderr}`);
  }
  return JSON.parse(child.stdout) as { loadMs: number; firstVerifyMs: number };
}

const coldCase = (name: HandlerName, label: string, baseline?: true) => ({
  name: label,
  ...(baseline ? { baseline } : {}),
  setup: async () => {
    await prepare();
    coldStart(name);
  },
  fn: () => coldStart(name),
});

export default defineSuite({
  name: "authorizer cold start",
  description:
    "One call = one fresh `node --no-experimental-require-module` process that `require`s a " +
    "minified esbuild CommonJS bundle of the handler and answers one REST TOKEN event (RS256, " +
    "keys pre-seeded from an environment variable). Baseline: the same process with an empty " +
    "handler, so `ns/op - baseline` is the cold-start cost. Split by phase and bundle size: run " +
    "`node bench/dist/cases/authorizer-cold-start.js`.",
  cases: [
    coldCase("empty", "fresh process, empty handler (baseline)", true),
    coldCase("aws-jwt-verify", "aws-jwt-verify handler: load + first event"),
    coldCase("@gatehouse/authorizer", "createAuthorizer handler: load + first event"),
  ],
  importCost: [
    {
      name: "@gatehouse/authorizer: createAuthorizer + jwtVerifier",
      specifier: "@gatehouse/authorizer",
      exports: ["createAuthorizer", "jwtVerifier"],
    },
    { name: "aws-jwt-verify: JwtVerifier", specifier: "aws-jwt-verify", exports: ["JwtVerifier"] },
    { name: "@gatehouse/authorizer", specifier: "@gatehouse/authorizer" },
    { name: "aws-jwt-verify", specifier: "aws-jwt-verify" },
    { name: "jose", specifier: "jose" },
  ],
});

/** Standalone: bundle sizes and per-phase medians over fresh processes. */
async function main(): Promise<void> {
  const runsVariable = "BENCH_COLD_RUNS";
  const runs = Number(process.env[runsVariable] ?? 15);
  const { bundles } = await prepare();
  const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  const names = Object.keys(handlers) as HandlerName[];
  const samples = new Map(names.map((n) => [n, [] as { loadMs: number; firstVerifyMs: number }[]]));
  // Alternate the handlers run by run, so machine drift lands on all of them alike.
  for (let i = 0; i < runs; i++) for (const name of names) samples.get(name)!.push(coldStart(name));
  const rows = names.map((name) => {
    const s = samples.get(name)!;
    const load = median(s.map((x) => x.loadMs));
    const first = median(s.map((x) => x.firstVerifyMs));
    const total = median(s.map((x) => x.loadMs + x.firstVerifyMs));
    const { minified, gzip } = bundles[name];
    return `| ${name} | ${(minified / 1024).toFixed(1)} KiB | ${(gzip / 1024).toFixed(1)} KiB | ${load.toFixed(1)} | ${first.toFixed(1)} | ${total.toFixed(1)} |`;
  });
  process.stdout.write(
    `Cold start, median of ${runs} fresh processes each (node ${process.versions.node}, require(esm) off)\n\n` +
      "| handler | bundle (min) | gzip | load ms | first event ms | load + first ms |\n" +
      "| --- | ---: | ---: | ---: | ---: | ---: |\n" +
      `${rows.join("\n")}\n`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
