import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestIssuer, type TestIssuer } from "@gatehouse/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { jwtVerifier } from "../verifier/jwt-verifier.js";
import { JwksCache, type JwksCacheOptions } from "./jwks-cache.js";

const T0 = Date.UTC(2030, 0, 1);
let clock = T0;
const now = () => clock;

let issuer: TestIssuer;
beforeEach(async () => {
  clock = T0;
  // Tokens are minted at real time so they stay valid whatever the cache clock says.
  issuer = await createTestIssuer({ now: () => T0 });
});
afterEach(() => issuer.close());

function setup(options: JwksCacheOptions = {}, jwks?: { keys: object[] }) {
  const cache = new JwksCache({ now, ...options });
  const verifier = jwtVerifier({
    issuer: issuer.issuer,
    audience: null,
    jwksUri: issuer.jwksUri,
    algorithms: ["RS256"],
    now: () => T0,
    jwksCache: cache,
    ...(jwks === undefined ? {} : { jwks }),
  });
  return { cache, verifier };
}

describe("JwksCache: fetching", () => {
  it("shares one request between concurrent verifications (single flight)", async () => {
    const { verifier } = setup();
    const token = await issuer.mintToken({});
    await Promise.all(Array.from({ length: 20 }, () => verifier.verify(token)));
    expect(issuer.jwksRequests).toBe(1);
  });

  it("fails with jwks_timeout when the endpoint is too slow", async () => {
    const { verifier } = setup({ timeoutMs: 50 });
    issuer.setFault("slow", { delayMs: 5000 });
    await expect(verifier.verify(await issuer.mintToken({}))).rejects.toThrowCode("jwks_timeout");
  });

  it("fails with jwks_unavailable on HTTP 500", async () => {
    const { verifier } = setup();
    issuer.setFault("status-500");
    await expect(verifier.verify(await issuer.mintToken({}))).rejects.toThrowCode(
      "jwks_unavailable",
    );
  });

  it("fails with jwks_invalid on malformed JSON", async () => {
    const { verifier } = setup();
    issuer.setFault("malformed");
    await expect(verifier.verify(await issuer.mintToken({}))).rejects.toThrowCode("jwks_invalid");
  });

  it("fails with jwks_too_large on an oversized response (Content-Length)", async () => {
    const { verifier } = setup({ maxResponseBytes: 64 * 1024 });
    issuer.setFault("oversized", { sizeBytes: 1024 * 1024 });
    await expect(verifier.verify(await issuer.mintToken({}))).rejects.toThrowCode("jwks_too_large");
  });

  it("fails with jwks_too_large on an oversized chunked response", async () => {
    const { verifier } = setup({ maxResponseBytes: 64 * 1024 });
    issuer.setFault("oversized", { sizeBytes: 1024 * 1024, chunked: true });
    await expect(verifier.verify(await issuer.mintToken({}))).rejects.toThrowCode("jwks_too_large");
  });

  it("fails with jwks_invalid on an empty key set", async () => {
    const { verifier } = setup();
    issuer.setFault("empty");
    await expect(verifier.verify(await issuer.mintToken({}))).rejects.toThrowCode("jwks_invalid");
  });

  it("does not retry a failed fetch within errorBackoffSeconds", async () => {
    const { verifier } = setup({ errorBackoffSeconds: 5 });
    issuer.setFault("status-500");
    const token = await issuer.mintToken({});
    await expect(verifier.verify(token)).rejects.toThrowCode("jwks_unavailable");
    issuer.setFault("none");
    await expect(verifier.verify(token)).rejects.toThrowCode("jwks_unavailable");
    expect(issuer.jwksRequests).toBe(1);
    clock += 5_000;
    await expect(verifier.verify(token)).resolves.toBeDefined();
  });

  it("refuses a plain-http location outside loopback (TypeError)", () => {
    const cache = new JwksCache();
    expect(() => cache.setSource("x", "http://keys.example.com/jwks.json")).toThrow(TypeError);
  });
});

describe("JwksCache: rotation and unknown kids", () => {
  it("refetches exactly once for a token signed with a new key, then verifies", async () => {
    const { verifier } = setup();
    await verifier.verify(await issuer.mintToken({}));
    issuer.rotateKeys();
    const rotated = await issuer.mintToken({});
    await verifier.verify(rotated);
    await verifier.verify(rotated);
    expect(issuer.jwksRequests).toBe(2);
  });

  it("refetches at most once per cooldown for a flood of unknown kids", async () => {
    const { verifier } = setup({ unknownKidCooldownSeconds: 30 });
    await verifier.verify(await issuer.mintToken({}));
    const flood = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        issuer.mintToken({}, { signWith: "other", header: { kid: `unknown-${i}` } }),
      ),
    );
    await Promise.all(
      flood.map((token) => expect(verifier.verify(token)).rejects.toThrowCode("unknown_key")),
    );
    expect(issuer.jwksRequests).toBe(2);
    clock += 30_000;
    await expect(verifier.verify(flood[0]!)).rejects.toThrowCode("unknown_key");
    expect(issuer.jwksRequests).toBe(3);
  });

  it("keeps the held keys when a refetch returns a broken key set", async () => {
    const { verifier } = setup();
    const good = await issuer.mintToken({});
    await verifier.verify(good);
    issuer.setFault("empty");
    const unknown = await issuer.mintToken({}, { signWith: "other" });
    await expect(verifier.verify(unknown)).rejects.toThrowCode("jwks_invalid");
    await expect(verifier.verify(good)).resolves.toBeDefined();
    expect(issuer.jwksRequests).toBe(2);
  });

  it("never fetches for an unknown kid when keys are inline only", async () => {
    const cache = new JwksCache({ now });
    const verifier = jwtVerifier({
      issuer: issuer.issuer,
      audience: null,
      jwks: issuer.jwks(),
      algorithms: ["RS256"],
      now: () => T0,
      jwksCache: cache,
    });
    const token = await issuer.mintToken({}, { signWith: "other" });
    await expect(verifier.verify(token)).rejects.toThrowCode("unknown_key");
    expect(cache.requests).toBe(0);
  });
});

describe("JwksCache: key-set age", () => {
  it("refetches after maxAgeSeconds", async () => {
    const { verifier } = setup({ maxAgeSeconds: 60 });
    const token = await issuer.mintToken({});
    await verifier.verify(token);
    clock += 61_000;
    await verifier.verify(token);
    expect(issuer.jwksRequests).toBe(2);
  });

  it("fails closed when an expired key set cannot be refreshed (staleIfError false)", async () => {
    const { verifier } = setup({ maxAgeSeconds: 60 });
    const token = await issuer.mintToken({});
    await verifier.verify(token);
    clock += 61_000;
    issuer.setFault("status-500");
    await expect(verifier.verify(token)).rejects.toThrowCode("jwks_unavailable");
  });

  it("keeps using an expired key set within staleIfError, without a cacheable result", async () => {
    const { verifier } = setup({ maxAgeSeconds: 60, staleIfError: 300 });
    const token = await issuer.mintToken({});
    await verifier.verify(token);
    clock += 61_000;
    issuer.setFault("status-500");
    const verified = await verifier.verify(token);
    expect(verified.cacheUntil).toBe(Math.floor(clock / 1000));
  });

  it("stops using stale keys after the staleIfError window", async () => {
    const { verifier } = setup({ maxAgeSeconds: 60, staleIfError: 300, errorBackoffSeconds: 0 });
    const token = await issuer.mintToken({});
    await verifier.verify(token);
    clock += 361_000;
    issuer.setFault("status-500");
    await expect(verifier.verify(token)).rejects.toThrowCode("jwks_unavailable");
  });
});

describe("JwksCache: pre-seeding and hydrate", () => {
  it("verifies a cold start from inline keys without any request", async () => {
    const { verifier } = setup({}, issuer.jwks());
    await verifier.hydrate();
    await verifier.verify(await issuer.mintToken({}));
    expect(issuer.jwksRequests).toBe(0);
  });

  it("pre-seeds from a JWKS file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gatehouse-jwks-"));
    const path = join(dir, "jwks.json");
    writeFileSync(path, JSON.stringify(issuer.jwks()));
    const verifier = jwtVerifier({
      issuer: issuer.issuer,
      audience: null,
      jwksUri: issuer.jwksUri,
      jwks: { path },
      algorithms: ["RS256"],
      now: () => T0,
      jwksCache: { now },
    });
    await verifier.verify(await issuer.mintToken({}));
    expect(issuer.jwksRequests).toBe(0);
  });

  it("rejects an unreadable JWKS file at construction (TypeError)", () => {
    expect(() =>
      jwtVerifier({
        issuer: issuer.issuer,
        audience: null,
        jwks: { path: "/nonexistent/jwks.json" },
        algorithms: ["RS256"],
      }),
    ).toThrow(TypeError);
  });

  it("hydrate fetches the key set once", async () => {
    const { verifier } = setup();
    await verifier.hydrate();
    await verifier.verify(await issuer.mintToken({}));
    expect(issuer.jwksRequests).toBe(1);
  });

  it("hydrate rejects with jwks_unavailable when the endpoint fails", async () => {
    const { verifier } = setup();
    issuer.setFault("status-500");
    await expect(verifier.hydrate()).rejects.toThrowCode("jwks_unavailable");
  });
});
