/**
 * End-to-end check of the bundles, as Lambda would run them: a Cognito-shaped test issuer serves
 * its JWKS on 127.0.0.1, the environment points the handler at it, and each bundle is loaded in a
 * FRESH Node process (the CommonJS one with `require(esm)` off, as on Lambda) and invoked on REST
 * TOKEN events. Exits non-zero on any mismatch.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestIssuer, restTokenEvent } from "@gatehouse/testing";

const root = fileURLToPath(new URL("../", import.meta.url));
const runtime = join(root, "scripts/lambda-runtime.cjs");
const bundles = [
  { file: "dist/handler.cjs", nodeArgs: ["--no-experimental-require-module"] },
  { file: "dist/handler.mjs", nodeArgs: [] },
];

const issuer = await createTestIssuer({ kind: "cognito", alg: "RS256" });
const arn = (method, path) => restTokenEvent({ token: "", method, path }).methodArn;
const bearer = (token) => `Bearer ${token}`;

const reader = await issuer.mintAccessToken({ scope: "pets/read" });
const admin = await issuer.mintAccessToken({
  scope: "pets/read pets/write",
  "cognito:groups": ["admin"],
});

/** name -> [event, expectation]; an expectation checks the runtime's result or returns a reason. */
const cases = {
  "reader GET /pets/42": [
    restTokenEvent({ token: bearer(reader), method: "GET", path: "/pets/42" }),
    allows({
      covers: [arn("GET", "/pets/42"), arn("GET", "/pets"), arn("GET", "/pets/7")],
      excludes: [arn("POST", "/pets"), arn("DELETE", "/pets/7"), arn("GET", "/admin/users")],
    }),
  ],
  "reader POST /pets (403: policy does not cover it)": [
    restTokenEvent({ token: bearer(reader), method: "POST", path: "/pets" }),
    allows({ covers: [arn("GET", "/pets")], excludes: [arn("POST", "/pets")] }),
  ],
  "admin DELETE /admin/users/7": [
    restTokenEvent({ token: bearer(admin), method: "DELETE", path: "/admin/users/7" }),
    allows({
      covers: [arn("DELETE", "/admin/users/7"), arn("POST", "/pets"), arn("DELETE", "/pets/7")],
      excludes: [],
    }),
  ],
  "forged signature": [
    restTokenEvent({ token: bearer(await issuer.mintAccessToken({}, { signWith: "other" })) }),
    unauthorized,
  ],
  expired: [
    restTokenEvent({ token: bearer(await issuer.mintAccessToken({}, { expiresIn: -60 })) }),
    unauthorized,
  ],
  "ID token where an access token is required": [
    restTokenEvent({ token: bearer(await issuer.mintIdToken()) }),
    unauthorized,
  ],
  "no Bearer prefix": [restTokenEvent({ token: reader }), unauthorized],
  "not a JWT": [restTokenEvent({ token: "Bearer not-a-jwt" }), unauthorized],
};

const env = {
  ...process.env,
  COGNITO_USER_POOL_ID: issuer.userPoolId,
  COGNITO_CLIENT_ID: issuer.clientId,
  COGNITO_TOKEN_USE: "access",
  // The loopback test issuer stands in for https://cognito-idp.{region}.amazonaws.com/...
  JWKS_URI: issuer.jwksUri,
};

const dir = mkdtempSync(join(tmpdir(), "gatehouse-rest-token-"));
const eventsFile = join(dir, "events.json");
writeFileSync(
  eventsFile,
  JSON.stringify(Object.fromEntries(Object.entries(cases).map(([name, [e]]) => [name, e]))),
);

let failures = 0;
try {
  for (const bundle of bundles) {
    const { requireModule, results } = await run(bundle, env);
    console.log(`\n${bundle.file} (fresh process, require(esm) ${requireModule ? "on" : "off"})`);
    for (const [name, [, expect]] of Object.entries(cases)) {
      const problem = expect(results[name]);
      if (problem) failures++;
      console.log(`  ${problem ? "FAIL" : "ok  "} ${name}${problem ? `: ${problem}` : ""}`);
    }
  }
  // Per process: the first fetch, then one refetch for the forged token's unknown `kid`.
  console.log(`\nJWKS requests served: ${issuer.jwksRequests}`);
} finally {
  await issuer.close();
  rmSync(dir, { recursive: true, force: true });
}
if (failures > 0) {
  console.error(`\n${failures} check(s) failed`);
  process.exit(1);
}

function run({ file, nodeArgs }, childEnv) {
  // Asynchronous: the JWKS server in this process must keep answering while the child runs.
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, runtime, join(root, file), eventsFile], {
      env: childEnv,
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

function allows({ covers, excludes }) {
  return (result) => {
    const response = result?.response;
    if (!response?.policyDocument) return `expected a policy, got ${JSON.stringify(result)}`;
    if (typeof response.principalId !== "string" || response.principalId === "") {
      return "no principalId";
    }
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
