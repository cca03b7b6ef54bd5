/**
 * End-to-end check of the bundles, as Lambda would run them: an OIDC test issuer (ES256) mints the
 * tokens, its JWKS is written to a file the handler is pre-seeded with, and the issuer is CLOSED
 * before any handler runs (no network at cold start, none at all). Each bundle is loaded in a
 * FRESH Node process (the CommonJS one with `require(esm)` off, as on Lambda), once with IAM
 * responses and once with simple responses, and invoked on HTTP API 2.0 events.
 * Exits non-zero on any mismatch.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestIssuer, httpApiV2Event } from "@gatehouse/testing";

const root = fileURLToPath(new URL("../", import.meta.url));
const runtime = join(root, "scripts/lambda-runtime.cjs");
const bundles = [
  { file: "dist/handler.cjs", nodeArgs: ["--no-experimental-require-module"] },
  { file: "dist/handler.mjs", nodeArgs: [] },
];
const AUDIENCE = "https://orders.example.com";

const issuer = await createTestIssuer({ kind: "oidc", alg: "ES256" });
const mint = (claims, options) =>
  issuer.mintToken({ aud: AUDIENCE, sub: "u-1", ...claims }, options);
const reader = await mint({ scope: "orders:read" });
const writer = await mint({ scope: "orders:read orders:write" });
const invalid = {
  "forged signature": await mint({ scope: "orders:read" }, { signWith: "other" }),
  expired: await mint({ scope: "orders:read" }, { expiresIn: -60 }),
  "wrong audience": await mint({ aud: "https://other.example.com", scope: "orders:read" }),
  "alg none": await mint({ scope: "orders:read" }, { alg: "none" }),
};

const dir = mkdtempSync(join(tmpdir(), "gatehouse-http-api-"));
const jwksFile = join(dir, "jwks.json");
writeFileSync(jwksFile, JSON.stringify(issuer.jwks()));
const issuerUrl = issuer.issuer;
await issuer.close();

const request = (token, routeKey, path) =>
  httpApiV2Event({ routeKey, method: routeKey.split(" ")[0], path, token: `Bearer ${token}` });
const arn = (method, path) => httpApiV2Event({ method, path }).routeArn;

const events = {
  "reader GET /orders/42": request(reader, "GET /orders/{id}", "/orders/42"),
  "reader POST /orders": request(reader, "POST /orders", "/orders"),
  "writer POST /orders": request(writer, "POST /orders", "/orders"),
  ...Object.fromEntries(
    Object.entries(invalid).map(([name, token]) => [
      name,
      request(token, "GET /orders", "/orders"),
    ]),
  ),
  "no Authorization header": httpApiV2Event({ routeKey: "GET /orders", path: "/orders" }),
};
const eventsFile = join(dir, "events.json");
writeFileSync(eventsFile, JSON.stringify(events));

const invalidExpectations = Object.fromEntries(
  [...Object.keys(invalid), "no Authorization header"].map((name) => [name, unauthorized]),
);
const modes = {
  iam: {
    "reader GET /orders/42": allows({
      covers: [arn("GET", "/orders/42"), arn("GET", "/orders"), arn("GET", "/health")],
      excludes: [arn("POST", "/orders"), arn("DELETE", "/orders/42")],
    }),
    "reader POST /orders": allows({
      covers: [arn("GET", "/orders")],
      excludes: [arn("POST", "/orders")],
    }),
    "writer POST /orders": allows({
      covers: [arn("POST", "/orders"), arn("GET", "/orders/7")],
      excludes: [arn("DELETE", "/orders/7")],
    }),
    ...invalidExpectations,
  },
  simple: {
    "reader GET /orders/42": simple(true),
    "reader POST /orders": simple(false),
    "writer POST /orders": simple(true),
    ...invalidExpectations,
  },
};

let failures = 0;
try {
  for (const [mode, expectations] of Object.entries(modes)) {
    const env = {
      ...process.env,
      JWT_ISSUER: issuerUrl,
      JWT_AUDIENCE: AUDIENCE,
      JWT_ALGORITHMS: "ES256",
      JWKS_FILE: jwksFile,
      JWKS_URI: "",
      SIMPLE_RESPONSES: String(mode === "simple"),
    };
    for (const bundle of bundles) {
      const { requireModule, results } = await run(bundle, env);
      const how = `fresh process, require(esm) ${requireModule ? "on" : "off"}`;
      console.log(`\n${bundle.file}, ${mode} responses (${how})`);
      for (const [name, expect] of Object.entries(expectations)) {
        const problem = expect(results[name]);
        if (problem) failures++;
        console.log(`  ${problem ? "FAIL" : "ok  "} ${name}${problem ? `: ${problem}` : ""}`);
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failures > 0) {
  console.error(`\n${failures} check(s) failed`);
  process.exit(1);
}

function run({ file, nodeArgs }, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, runtime, join(root, file), eventsFile], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.stderr.on("data", (chunk) => {
      err += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`${file} exited with ${code}:\n${err}`));
      else resolve(JSON.parse(out));
    });
  });
}

function unauthorized(result) {
  if (result?.error === "Unauthorized") return undefined;
  return `expected a thrown "Unauthorized", got ${JSON.stringify(result)}`;
}

function simple(isAuthorized) {
  return (result) =>
    result?.response?.isAuthorized === isAuthorized
      ? undefined
      : `expected { isAuthorized: ${isAuthorized} }, got ${JSON.stringify(result)}`;
}

function allows({ covers, excludes }) {
  return (result) => {
    const response = result?.response;
    if (!response?.policyDocument) return `expected a policy, got ${JSON.stringify(result)}`;
    for (const target of covers) {
      if (!policyAllows(response.policyDocument, target)) return `does not allow ${target}`;
    }
    for (const target of excludes) {
      if (policyAllows(response.policyDocument, target)) return `allows ${target}`;
    }
    return undefined;
  };
}

/** IAM resource matching: `*` any run of characters (including `/`), `?` one; Deny wins. */
function policyAllows(policy, target) {
  const matches = (pattern) =>
    new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, ".")}$`,
    ).test(target);
  const hit = (effect) =>
    policy.Statement.some(
      (s) => s.Effect === effect && [s.Resource].flat().some((r) => matches(r)),
    );
  return !hit("Deny") && hit("Allow");
}
