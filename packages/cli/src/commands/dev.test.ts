import { mkdtempSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCaptured } from "../internal/capture-io.js";

const CONFIG = `
export default {
  credentials: [
    { accessKeyId: "AKIDDEV", secretAccessKey: "dev-secret", principalArn: "arn:aws:iam::123456789012:user/dev", policy: null },
  ],
  apis: [{
    type: "HTTP",
    name: "hello",
    routes: [
      { routeKey: "GET /hello", auth: "NONE", handler: () => ({ statusCode: 200, body: "hi" }) },
      { routeKey: "GET /secret", auth: "AWS_IAM", handler: () => ({ statusCode: 200, body: "no" }) },
    ],
  }],
};
`;

describe("gatehouse dev", () => {
  it("serves the config on loopback, logs decisions and stops on abort (exit 0)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gatehouse-dev-"));
    writeFileSync(join(dir, "gateway.config.mjs"), CONFIG);
    const controller = new AbortController();
    let stdout = "";
    let stderr = "";
    let resolveUrl: (url: string) => void = () => undefined;
    const listening = new Promise<string>((resolve) => {
      resolveUrl = resolve;
    });
    const { run } = await import("../run.js");
    const done = run(["dev", "gateway.config.mjs", "--json"], {
      cwd: dir,
      env: {},
      signal: controller.signal,
      stdout: {
        write: (text: string) => {
          stdout += text;
          if (stdout.trim().endsWith("}"))
            resolveUrl(
              (JSON.parse(stdout) as { apis: Record<string, string> }).apis["hello"] as string,
            );
        },
      },
      stderr: {
        write: (text: string) => {
          stderr += text;
        },
      },
    });
    const url = await listening;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    const hello = await fetch(`${url}/hello`);
    expect(hello.status).toBe(200);
    expect(await hello.text()).toBe("hi");
    const secret = await fetch(`${url}/secret`);
    await secret.arrayBuffer();
    expect(secret.status, stderr).toBe(403);
    controller.abort();
    expect(await done).toBe(0);
    expect(stderr).toContain("200 GET /hello");
    expect(stderr).toContain("403 GET /secret");
    await expect(fetch(`${url}/hello`)).rejects.toThrow();
  });

  it("exits 2 for a config that cannot be loaded", async () => {
    const result = await runCaptured(["dev", "missing.config.mjs"], { cwd: tmpdir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("cannot load missing.config.mjs");
  });

  it("exits 2 for a bad --port", async () => {
    const result = await runCaptured(["dev", "x.mjs", "--port", "http"]);
    expect(result.code).toBe(2);
  });
});

/** A config that starts its own server at import (as a test issuer does) and says its port. */
function configWithServer(key: string): string {
  return `
import { createServer } from "node:http";
const server = createServer((request, response) => response.end("issuer"));
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
globalThis[${JSON.stringify(key)}] = server.address().port;
export default {
  apis: [{ type: "HTTP", name: "hello", routes: [
    { routeKey: "GET /hello", auth: "NONE", handler: () => ({ statusCode: 200, body: "hi" }) },
  ] }],
};
`;
}

function writeConfig(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "gatehouse-dev-"));
  writeFileSync(join(dir, "gateway.config.mjs"), text);
  return dir;
}

const portOf = (key: string) => (globalThis as Record<string, unknown>)[key] as number;

describe("gatehouse dev: stopping and failing", () => {
  it("closes the servers the config started when it stops", async () => {
    const dir = writeConfig(configWithServer("__gatehouseDevStop"));
    const controller = new AbortController();
    let stdout = "";
    let listening: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      listening = resolve;
    });
    const { run } = await import("../run.js");
    const done = run(["dev", "gateway.config.mjs", "--json"], {
      cwd: dir,
      env: {},
      signal: controller.signal,
      stdout: {
        write: (text: string) => {
          stdout += text;
          if (stdout.trim().endsWith("}")) listening();
        },
      },
      stderr: { write: () => true },
    });
    await started;
    const issuerUrl = `http://127.0.0.1:${portOf("__gatehouseDevStop")}/`;
    expect(await (await fetch(issuerUrl)).text()).toBe("issuer");
    controller.abort();
    expect(await done).toBe(0);
    // Reproduction: the config's server stayed up and kept the process alive after Ctrl-C.
    await expect(fetch(issuerUrl)).rejects.toThrow();
  });

  it("exits 3 when the port is taken, naming the cause, and closes the config's servers", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const dir = writeConfig(configWithServer("__gatehouseDevFailed"));
      const result = await runCaptured(["dev", "gateway.config.mjs", "--port", String(port)], {
        cwd: dir,
        signal: new AbortController().signal,
      });
      expect(result.code).toBe(3);
      expect(result.stderr).toContain("the gateway did not start");
      expect(result.stderr).toContain("EADDRINUSE");
      await expect(fetch(`http://127.0.0.1:${portOf("__gatehouseDevFailed")}/`)).rejects.toThrow();
    } finally {
      blocker.close();
    }
  });

  it("exits 2 for a config the gateway refuses, with the path of the bad field", async () => {
    // Reproduction: an invalid route exited 3 ("the gateway did not start"); docs/cli.md says 2.
    const dir = writeConfig(`export default { apis: [{ type: "HTTP", routes: [
      { routeKey: "GETT /hello", auth: "NONE", handler: () => ({ statusCode: 200 }) },
    ] }] };`);
    const result = await runCaptured(["dev", "gateway.config.mjs"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("invalid config in gateway.config.mjs: apis[0].routes[0]");
    expect(result.stderr).toContain("apis[0].routes[0].routeKey");
  });

  it("exits 2 for a REST JWT authorizer AWS would refuse, with the field and how to fix it", async () => {
    const dir = writeConfig(`export default { apis: [{
      type: "REST",
      authorizers: { oidc: { type: "JWT", defaultAlgorithms: ["RS256"], issuers: [
        { issuer: "http://idp.example.com/", audiences: ["api"], verifier: { verify: async () => ({ claims: {} }) } },
      ] } },
      routes: [{ method: "GET", resource: "/orders", auth: { authorizer: "oidc" }, handler: () => ({ statusCode: 200 }) }],
    }] };`);
    const result = await runCaptured(["dev", "gateway.config.mjs"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("apis[0].authorizers.oidc.issuers[0].issuer must use https");
    expect(result.stderr).toContain("Copy the token's iss claim exactly");
  });

  it("shows why a config cannot be loaded, without the secrets its error quotes", async () => {
    const secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEifQ.c2lnbmF0dXJl";
    const dir = writeConfig(
      `throw new Error("config failed with token ${jwt} and key ${secret}");`,
    );
    const result = await runCaptured(["dev", "gateway.config.mjs"], {
      cwd: dir,
      env: { AWS_SECRET_ACCESS_KEY: secret },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("cannot load gateway.config.mjs");
    expect(result.stderr).toContain(
      "the config threw while loading: Error: config failed with token <redacted jwt> and key <redacted>",
    );
    expect(result.stderr).not.toContain(secret);
    expect(result.stderr).not.toContain(jwt);
  });
});

describe("gatehouse dev: config errors a user can act on", () => {
  const dir = mkdtempSync(join(tmpdir(), "gatehouse-dev-errors-"));
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);

  it("shows file:line:column and the parser's message for a syntax error, debug or not", async () => {
    write(
      "syntax.mjs",
      'export default {\n  apis: [\n    { type: "HTTP" routes: [] },\n  ],\n};\n',
    );
    const plain = await runCaptured(["dev", "syntax.mjs"], { cwd: dir });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain(
      "error: cannot load syntax.mjs:3:20: SyntaxError: Unexpected identifier 'routes'",
    );
    // Stacks only with GATEHOUSE_DEBUG.
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = await runCaptured(["dev", "syntax.mjs"], {
      cwd: dir,
      env: { GATEHOUSE_DEBUG: "1" },
    });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toContain("cannot load syntax.mjs:3:20: SyntaxError");
    expect(debug.stderr).toMatch(/cause: config_load_failed: .*syntax\.mjs:3:20/);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it("names the field of an invalid config instead of leaking a TypeError", async () => {
    write(
      "no-resource.mjs",
      'export default { apis: [{ type: "REST", routes: [{ method: "GET", auth: "NONE", handler: () => ({ statusCode: 200 }) }] }] };\n',
    );
    const result = await runCaptured(["dev", "no-resource.mjs"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "error: invalid config in no-resource.mjs: apis[0].routes[0].resource is required for REST routes (a resource path such as /pets/{id})",
    );
    expect(result.stderr).not.toMatch(/TypeError|startsWith/);
  });

  it("refuses an unknown partition in a principal ARN before serving", async () => {
    write(
      "partition.mjs",
      'export default { credentials: [{ accessKeyId: "AKIDX", secretAccessKey: "s", principalArn: "arn:aws-foo:iam::123456789012:user/a", policy: null }], apis: [{ type: "HTTP", routes: [] }] };\n',
    );
    const result = await runCaptured(["dev", "partition.mjs"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "invalid config in partition.mjs: credentials[0].principalArn:",
    );
    expect(result.stderr).toContain('partition "aws-foo" is not an AWS partition');
  });

  it("prints the loader's hint for a JSON config", async () => {
    write("gateway.json", "{}");
    const result = await runCaptured(["dev", "gateway.json"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("export default { apis: [...] }");
  });
});
