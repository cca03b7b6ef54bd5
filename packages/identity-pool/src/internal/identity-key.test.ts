import { afterEach, describe, expect, it, vi } from "vitest";
import { identityKey } from "./identity-key.js";

const jwt = (claims: Record<string, unknown>) =>
  `e30.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.sig`;
const POOL = "us-east-1:0d0f8b1c-0000-4000-8000-000000000001";
const KEY = "cognito-idp.us-east-1.amazonaws.com/us-east-1_A";
const ISS = `https://${KEY}`;

describe("identityKey", () => {
  it("is {pool}:guest without logins", async () => {
    expect(await identityKey(POOL, undefined)).toBe(`${POOL}:guest`);
  });

  it("differs between users of one pool", async () => {
    const alice = await identityKey(POOL, { [KEY]: jwt({ iss: ISS, sub: "alice" }) });
    const bob = await identityKey(POOL, { [KEY]: jwt({ iss: ISS, sub: "bob" }) });
    expect(alice).not.toBe(bob);
  });

  it("is the same for two tokens of one user", async () => {
    const first = await identityKey(POOL, { [KEY]: jwt({ iss: ISS, sub: "alice", iat: 1 }) });
    const second = await identityKey(POOL, { [KEY]: jwt({ iss: ISS, sub: "alice", iat: 2 }) });
    expect(first).toBe(second);
  });

  it("does not depend on the order of the login keys", async () => {
    const a = { [KEY]: jwt({ iss: ISS, sub: "a" }), "graph.facebook.com": "opaque" };
    const b = { "graph.facebook.com": "opaque", [KEY]: jwt({ iss: ISS, sub: "a" }) };
    expect(await identityKey(POOL, a)).toBe(await identityKey(POOL, b));
  });

  it("contains neither the subject nor the token", async () => {
    const key = await identityKey(POOL, { "graph.facebook.com": "EAAopaquetoken" });
    expect(key).toMatch(new RegExp(`^${POOL}:[0-9a-f]{32}$`));
  });

  describe("without WebCrypto (insecure browser contexts)", () => {
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it("uses the non-crypto digest: per user, without the subject", async () => {
      vi.stubGlobal("crypto", undefined);
      const alice = await identityKey(POOL, { [KEY]: jwt({ iss: ISS, sub: "alice" }) });
      const bob = await identityKey(POOL, { [KEY]: jwt({ iss: ISS, sub: "bob" }) });
      expect(alice).toMatch(new RegExp(`^${POOL}:[0-9a-z]+\\.[0-9a-z]+$`));
      expect(alice).not.toBe(bob);
      expect(alice).not.toContain("alice");
    });
  });
});
