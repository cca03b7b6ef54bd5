import { mkdtempSync, writeFileSync } from "node:fs";
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
