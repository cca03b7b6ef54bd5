/**
 * The `gatehouse` bin as a real process: signals, closed pipes and what keeps Node's event loop
 * alive cannot be seen in-process. The bin is bundled from the TypeScript sources with esbuild in
 * the setup (as vitest resolves them: `@gatehouse/*` -> `packages/*\/src`), so no `pnpm build` is
 * needed; `test/bin.test.ts` checks the published build.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const packages = fileURLToPath(new URL("../../", import.meta.url));
const source = (pkg: string, file = "index.ts") => join(packages, pkg, "src", file);

let dir: string;
let bin: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "gatehouse-bin-"));
  await build({
    // `testing.mjs`: the test issuer, for configs that start one (as `@gatehouse/testing`).
    entryPoints: { bin: source("cli", "bin.ts"), testing: source("testing") },
    outdir: dir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
    // Some dependencies are CommonJS and `require` Node's modules.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    alias: {
      "@gatehouse/authorizer/jose": source("authorizer", "jose.ts"),
      "@gatehouse/authorizer/middy": source("authorizer", "middy.ts"),
      ...Object.fromEntries(
        ["policy", "sigv4", "testing", "authorizer", "identity-pool", "local-gateway"].map(
          (pkg) => [`@gatehouse/${pkg}`, source(pkg)],
        ),
      ),
    },
  });
  bin = join(dir, "bin.mjs");
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The guard had to kill it: it did not exit by itself. */
  killed: boolean;
}

/** Guard against a process that never ends: killed after this long, and the test fails. */
const GUARD_MS = 15_000;

function gatehouse(args: readonly string[]): { child: ChildProcess; exit: Promise<Exit> } {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: dir,
    env: { PATH: process.env["PATH"] ?? "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let killed = false;
  const guard = setTimeout(() => {
    killed = true;
    child.kill("SIGKILL");
  }, GUARD_MS);
  const exit = new Promise<Exit>((resolve) => {
    child.on("close", (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr, killed });
    });
  });
  return { child, exit };
}

/** Resolves once stdout has printed a complete JSON document (`dev --json`: it is listening). */
function listening(child: ChildProcess): Promise<{ url: string }> {
  return new Promise((resolve) => {
    let text = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      try {
        resolve(JSON.parse(text) as { url: string });
      } catch {
        // Not complete yet.
      }
    });
  });
}

const HELLO_API = `{
  apis: [{ type: "HTTP", name: "hello", routes: [
    { routeKey: "GET /hello", auth: "NONE", handler: () => ({ statusCode: 200, body: "hi" }) },
  ] }],
}`;

/** A config that starts a test issuer at import, as one whose JWT authorizer trusts it would. */
const ISSUER_CONFIG = `
import { createTestIssuer } from "./testing.mjs";
await createTestIssuer();
export default ${HELLO_API};
`;

describe("gatehouse dev (process)", () => {
  it("exits 0 on the first Ctrl-C when the config started a test issuer", async () => {
    writeFileSync(join(dir, "issuer.config.mjs"), ISSUER_CONFIG);
    const { child, exit } = gatehouse(["dev", "issuer.config.mjs", "--json"]);
    const { url } = await listening(child);
    expect((await fetch(`${url}/hello`)).status).toBe(200);
    child.kill("SIGINT");
    const result = await exit;
    // Reproduction: "stopped" was printed, but the issuer's server kept the process up.
    expect(result.killed, result.stderr).toBe(false);
    expect(result).toMatchObject({ code: 0, signal: null });
    expect(result.stderr).not.toContain("Error");
  });

  it("exits 3 after a failed start (port in use), closing the issuer the config started", async () => {
    writeFileSync(join(dir, "issuer-port.config.mjs"), ISSUER_CONFIG);
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    try {
      const port = String((blocker.address() as AddressInfo).port);
      const result = await gatehouse(["dev", "issuer-port.config.mjs", "--port", port]).exit;
      // Reproduction: the error was printed, then the process kept running.
      expect(result.killed, result.stderr).toBe(false);
      expect(result).toMatchObject({ code: 3, signal: null });
      expect(result.stderr).toContain("the gateway did not start");
      expect(result.stderr).toContain("EADDRINUSE");
    } finally {
      blocker.close();
    }
  });

  it("exits on SIGTERM even when the config leaves something running (bounded grace)", async () => {
    writeFileSync(
      join(dir, "timer.config.mjs"),
      `setInterval(() => undefined, 1000);\nexport default ${HELLO_API};\n`,
    );
    const { child, exit } = gatehouse(["dev", "timer.config.mjs", "--json"]);
    await listening(child);
    child.kill("SIGTERM");
    const result = await exit;
    expect(result.killed, result.stderr).toBe(false);
    expect(result).toMatchObject({ code: 0, signal: null });
  });
});

describe("a closed stdout (| head)", () => {
  /** A JWT whose claims print as about a megabyte: far more than a pipe buffers. */
  function bigToken(): string {
    const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const claims = {
      sub: "user-1",
      padding: Array.from({ length: 60_000 }, (_, i) => `claim-${i}`),
    };
    return `${segment({ alg: "RS256", kid: "k1" })}.${segment(claims)}.c2lnbmF0dXJl`;
  }

  for (const args of [[], ["--json"]]) {
    it(`token decode ${args.join(" ")} exits quietly with its own code (0), no EPIPE stack`, async () => {
      writeFileSync(join(dir, "big.jwt"), bigToken());
      const { child, exit } = gatehouse(["token", "decode", "@big.jwt", ...args]);
      // What `| head -c 1` does: read a little, then close the pipe.
      child.stdout?.once("data", () => child.stdout?.destroy());
      const result = await exit;
      expect(result.killed).toBe(false);
      expect(result.stderr).not.toContain("EPIPE");
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result).toMatchObject({ code: 0, signal: null });
    });
  }
});
