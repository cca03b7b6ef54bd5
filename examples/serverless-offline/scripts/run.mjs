/**
 * End-to-end check under serverless-offline, fully offline on 127.0.0.1: a loopback test issuer
 * (JWKS on 127.0.0.1), `serverless offline start` (serverless@3 + serverless-offline@13) on free
 * loopback ports, then requests with a valid token (200 from the handler), a token without the
 * route's scope (403 from the policy), a forged and an expired token and none (401). Every wait has
 * a deadline; the serverless process group is killed on exit. Exits non-zero on any mismatch.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { createTestIssuer } from "@gatehouse/testing";

const root = fileURLToPath(new URL("../", import.meta.url));
const STARTUP_DEADLINE_MS = 90_000;
const REQUEST_DEADLINE_MS = 20_000;
const SHUTDOWN_DEADLINE_MS = 5_000;
const OVERALL_DEADLINE_MS = 180_000;

/** A free TCP port on 127.0.0.1 (the OS picks it; closed again before serverless binds it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const issuer = await createTestIssuer({ alg: "ES256" });
const audience = "pets-api";
const [httpPort, lambdaPort] = [await freePort(), await freePort()];

let output = "";
const child = spawn(
  process.execPath,
  [
    "node_modules/serverless/bin/serverless.js",
    "offline",
    "start",
    "--host",
    "127.0.0.1",
    "--httpPort",
    String(httpPort),
    "--lambdaPort",
    String(lambdaPort),
  ],
  {
    cwd: root,
    detached: true, // its own process group, killed as a whole
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      GATEHOUSE_ISSUER: issuer.issuer,
      GATEHOUSE_JWKS_URI: issuer.jwksUri,
      GATEHOUSE_AUDIENCE: audience,
      // Nothing beyond loopback: no telemetry, notifications, update or deprecation checks.
      SLS_TELEMETRY_DISABLED: "1",
      SLS_TRACKING_DISABLED: "1",
      SLS_NOTIFICATIONS_MODE: "off",
      SLS_DEPRECATION_DISABLE: "*",
      SLS_INTERACTIVE_SETUP_DISABLE: "1",
      CI: "true",
      AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
      AWS_SECRET_ACCESS_KEY: "offline",
      AWS_REGION: "eu-west-1",
      FORCE_COLOR: "0",
      NO_COLOR: "1",
    },
  },
);
child.stdout.on("data", (chunk) => {
  output += chunk;
});
child.stderr.on("data", (chunk) => {
  output += chunk;
});
const exited = new Promise((resolve) =>
  child.once("exit", (code, signal) => resolve({ code, signal })),
);

let stopping;
/** Stops serverless (SIGTERM to its group, SIGKILL after a deadline) and the issuer. */
function stop() {
  stopping ??= (async () => {
    const kill = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    };
    if (child.exitCode === null && child.signalCode === null) {
      kill("SIGTERM");
      const timer = setTimeout(() => kill("SIGKILL"), SHUTDOWN_DEADLINE_MS);
      await exited;
      clearTimeout(timer);
    }
    kill("SIGKILL"); // worker processes left in the group, if any
    await issuer.close();
  })();
  return stopping;
}

const overall = setTimeout(() => {
  console.error(`serverless-offline example: over ${OVERALL_DEADLINE_MS} ms, stopping`);
  process.exitCode = 1;
  stop().finally(() => process.exit(1));
}, OVERALL_DEADLINE_MS);
overall.unref();

async function waitForReady() {
  const started = Date.now();
  while (!/Server ready:/.test(output)) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error("serverless offline exited before it was ready");
    }
    if (Date.now() - started > STARTUP_DEADLINE_MS) {
      throw new Error(`serverless offline not ready after ${STARTUP_DEADLINE_MS} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function call(method, path, authorization) {
  const headers = authorization === undefined ? {} : { Authorization: authorization };
  const response = await fetch(`http://127.0.0.1:${httpPort}/dev${path}`, {
    method,
    headers,
    signal: AbortSignal.timeout(REQUEST_DEADLINE_MS),
  });
  return { status: response.status, body: await response.text() };
}

const failures = [];
try {
  const reader = await issuer.mintToken({ sub: "reader-1", aud: audience, scope: "pets/read" });
  const forged = await issuer.mintToken(
    { sub: "x", aud: audience, scope: "pets/read" },
    {
      signWith: "other",
    },
  );
  const expired = await issuer.mintToken(
    { sub: "x", aud: audience, scope: "pets/read" },
    {
      expiresIn: -60,
    },
  );
  await waitForReady();

  const cases = [
    ["valid token, GET /pets/42", "GET", "/pets/42", `Bearer ${reader}`, 200],
    [
      "valid token without pets/write, DELETE /pets/42",
      "DELETE",
      "/pets/42",
      `Bearer ${reader}`,
      403,
    ],
    ["forged signature", "GET", "/pets/42", `Bearer ${forged}`, 401],
    ["expired token", "GET", "/pets/42", `Bearer ${expired}`, 401],
    ["no Bearer scheme", "GET", "/pets/42", reader, 401],
    ["no Authorization header", "GET", "/pets/42", undefined, 401],
  ];
  for (const [name, method, path, authorization, expected] of cases) {
    const { status, body } = await call(method, path, authorization);
    const ok =
      status === expected && (expected !== 200 || JSON.parse(body).principalId === "reader-1");
    console.log(
      `${ok ? "ok  " : "FAIL"} ${name}: ${status}${ok ? "" : ` (expected ${expected}) ${body}`}`,
    );
    if (!ok) failures.push(name);
  }

  // The reason codes, once each: never the token.
  for (const code of ["method_arn_placeholder_ids", "method_arn_route_template"]) {
    const lines = output.split("\n").filter((line) => line.includes(`"code":"${code}"`));
    const ok = lines.length >= 1;
    console.log(`${ok ? "ok  " : "FAIL"} warning ${code} logged (${lines.length} line(s))`);
    if (!ok) failures.push(`warning ${code}`);
  }
  for (const [name, token] of [
    ["reader", reader],
    ["forged", forged],
    ["expired", expired],
  ]) {
    const signature = token.slice(token.lastIndexOf(".") + 1);
    if (output.includes(signature)) failures.push(`the ${name} token appears in the output`);
  }
} catch (error) {
  failures.push(error instanceof Error ? error.message : String(error));
} finally {
  await stop();
  clearTimeout(overall);
}

if (failures.length > 0) {
  console.error(
    `serverless-offline example: ${failures.length} failure(s): ${failures.join("; ")}`,
  );
  console.error("--- serverless output ---");
  console.error(output);
  process.exit(1);
}
console.log("serverless-offline example: all checks passed");
