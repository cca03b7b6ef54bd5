/**
 * Browser check: a browser bundle of @gatehouse/sigv4 signs requests in headless Debian Chromium
 * (playwright-core driving the system browser) against the loopback SigV4 verifier.
 * Run alone: npx vitest run packages/sigv4/test/browser
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type SigV4VerifierServer, startSigV4Verifier } from "@gatehouse/testing";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserBundle, buildBrowserBundle } from "./build-browser-bundle.js";
import type { BrowserCheckInput, BrowserCheckResult } from "./entry.js";

const CHROMIUM = "/usr/bin/chromium";
const here = dirname(fileURLToPath(import.meta.url));
const present = existsSync(CHROMIUM);
const { CI } = process.env;
const inCi = CI === "true";
if (!present && !inCi) {
  console.warn(
    `[browser check] SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium); CI fails instead.`,
  );
}
const run = present || inCi;

const credentials = {
  accessKeyId: "AKIDBROWSER",
  secretAccessKey: "browser/secret+KEY",
  sessionToken: "browser-session-token",
};
const region = "eu-west-1";

describe("@gatehouse/sigv4 in headless Chromium", () => {
  let bundle: BrowserBundle;
  let verifier: SigV4VerifierServer;
  let pageServer: Server;
  let userDataDir: string;
  let context: BrowserContext | undefined;
  let page: Page;
  let input: BrowserCheckInput;

  beforeAll(async () => {
    if (!run) return;
    if (!present)
      throw new Error(
        `CI=true but there is no Chromium at ${CHROMIUM}: install Debian's chromium (.ci/run does)`,
      );
    bundle = await buildBrowserBundle();
    verifier = await startSigV4Verifier({ credentials: [credentials], region });
    const html = readFileSync(join(here, "index.html"));
    pageServer = createServer((req, res) => {
      if (req.url === "/entry.js") {
        res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(bundle.code);
      } else if (req.url === "/") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => pageServer.listen(0, "127.0.0.1", resolve));
    const pageUrl = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}/`;
    userDataDir = mkdtempSync(join(tmpdir(), "gatehouse-chromium-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pageUrl);
    await page.waitForFunction(() => "gatehouseCheck" in globalThis);
    input = { verifierUrl: verifier.url, region, credentials };
  }, 30_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir !== undefined) rmSync(userDataDir, { recursive: true, force: true });
    await verifier?.close();
    if (pageServer !== undefined)
      await new Promise<void>((resolve) => pageServer.close(() => resolve()));
  });

  function check(
    name: "signedFetch" | "tamperedBody" | "presigned" | "presignedPost" | "presignedTamperedPost",
  ): Promise<BrowserCheckResult> {
    return page.evaluate(
      ([checkName, checkInput]) =>
        (
          globalThis as unknown as {
            gatehouseCheck: Record<string, (i: BrowserCheckInput) => Promise<BrowserCheckResult>>;
          }
        ).gatehouseCheck[checkName]!(checkInput),
      [name, input] as const,
    );
  }

  it.runIf(run)("bundles for the browser without any node: built-in", () => {
    expect(bundle.externals).toEqual([]);
    expect(bundle.inputs.some((file) => file.startsWith("src/"))).toBe(true);
  });

  it.runIf(run)("signs a POST in the browser that the verifier accepts", async () => {
    const accepted = verifier.accepted;
    const outcome = await check("signedFetch");
    expect({ via: outcome.via, status: outcome.status, body: JSON.parse(outcome.body) }).toEqual({
      via: "createSignedFetch",
      status: 200,
      body: { ok: true, accessKeyId: credentials.accessKeyId, presigned: false },
    });
    expect(verifier.accepted).toBe(accepted + 1);
  });

  it.runIf(run)("has a body tampered after signing rejected", async () => {
    const outcome = await check("tamperedBody");
    expect({ status: outcome.status, errorType: outcome.errorType }).toEqual({
      status: 403,
      errorType: "InvalidSignatureException",
    });
  });

  it.runIf(run)("presigns a URL in the browser that the verifier accepts", async () => {
    const outcome = await check("presigned");
    expect({ status: outcome.status, body: JSON.parse(outcome.body) }).toEqual({
      status: 200,
      body: { ok: true, accessKeyId: credentials.accessKeyId, presigned: true },
    });
  });

  it.runIf(run)("presigns a POST with its body's hash in the browser (sha256-js)", async () => {
    const outcome = await check("presignedPost");
    expect({ status: outcome.status, body: JSON.parse(outcome.body) }).toEqual({
      status: 200,
      body: { ok: true, accessKeyId: credentials.accessKeyId, presigned: true },
    });
    const tampered = await check("presignedTamperedPost");
    expect({ status: tampered.status, errorType: tampered.errorType }).toEqual({
      status: 403,
      errorType: "InvalidSignatureException",
    });
  });
});
