import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type Fixture, startFixture } from "../internal/test-fixture.js";

// Advisory and mandatory refresh windows (botocore's): credentials stay available while a refresh
// struggles. The loopback Cognito-identity server of @gatehouse/testing, on an injected clock;
// deadlines are small injected values.

let fx: Fixture;
beforeEach(async () => {
  fx = await startFixture();
});
afterEach(async () => {
  await fx.close();
});

const MINUTE = 60;

/**
 * A logins map whose token function hangs on the calls listed in `hangOn` (1-based) and otherwise
 * answers at once with a token minted beforehand (valid 2 hours on the fixture's clock).
 */
async function loginsHanging(fx: Fixture, hangOn: number[]) {
  const state = { calls: 0 };
  const token = await fx.issuer.mintIdToken({}, { expiresIn: 7200 });
  const logins = {
    [fx.loginKey]: () => {
      state.calls += 1;
      if (hangOn.includes(state.calls)) return new Promise<string>(() => undefined);
      return token;
    },
  };
  return { state, logins };
}

describe("refresh windows", () => {
  it("serves the held credentials without a call until 15 minutes before expiration", async () => {
    const client = fx.client();
    const first = await client.getCredentials();
    fx.advance(44 * MINUTE);
    expect(await client.getCredentials()).toBe(first);
    expect(fx.server.calls.GetCredentialsForIdentity).toBe(1);
  });

  it("in the advisory window, answers at once with the held credentials and refreshes in the background", async () => {
    const client = fx.client();
    const first = await client.getCredentials();
    fx.advance(46 * MINUTE);
    expect(await client.getCredentials()).toBe(first);
    expect(fx.server.calls.GetCredentialsForIdentity).toBe(1);
    // The background exchange lands; calls meanwhile still get the held credentials.
    const second = await vi.waitFor(async () => {
      const credentials = await client.getCredentials();
      expect(credentials.accessKeyId).not.toBe(first.accessKeyId);
      return credentials;
    });
    expect(second.identityId).toBe(first.identityId);
    expect(fx.server.calls.GetCredentialsForIdentity).toBe(2);
  });

  it("in the mandatory window (10 minutes before expiration), waits for the refresh", async () => {
    const client = fx.client();
    const first = await client.getCredentials();
    fx.advance(51 * MINUTE);
    const second = await client.getCredentials();
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
  });

  it("honours advisoryRefreshSeconds and mandatoryRefreshSeconds", async () => {
    const client = fx.client({ advisoryRefreshSeconds: 120, mandatoryRefreshSeconds: 60 });
    const first = await client.getCredentials();
    fx.advance(57 * MINUTE);
    expect(await client.getCredentials()).toBe(first);
    expect(fx.server.calls.GetCredentialsForIdentity).toBe(1);
    fx.advance(2 * MINUTE + 1);
    expect((await client.getCredentials()).accessKeyId).not.toBe(first.accessKeyId);
  });

  it("shrinks the windows to fit short-lived credentials", async () => {
    await fx.close();
    fx = await startFixture({}, { credentialsLifetimeSeconds: 15 * MINUTE });
    const client = fx.client();
    const first = await client.getCredentials();
    fx.advance(7 * MINUTE);
    expect(await client.getCredentials()).toBe(first);
    expect(fx.server.calls.GetCredentialsForIdentity).toBe(1);
  });

  it("rejects a mandatory window wider than the advisory one (TypeError)", () => {
    expect(() => fx.client({ advisoryRefreshSeconds: 60, mandatoryRefreshSeconds: 120 })).toThrow(
      /mandatoryRefreshSeconds/,
    );
  });
});

describe("a logins function that hangs while the held credentials are valid", () => {
  it("callers get the held credentials at once in the advisory window", async () => {
    const { logins } = await loginsHanging(fx, [2]);
    const client = fx.client({ logins, loginsTimeoutMs: 60_000 });
    const first = await client.getCredentials();
    fx.advance(47 * MINUTE);
    const all = await Promise.all(Array.from({ length: 100 }, () => client.getCredentials()));
    expect(all.every((credentials) => credentials === first)).toBe(true);
  });

  it("in the mandatory window, callers wait at most loginsTimeoutMs, then get the held credentials", async () => {
    const { logins } = await loginsHanging(fx, [2]);
    const client = fx.client({ logins, loginsTimeoutMs: 100 });
    const first = await client.getCredentials();
    fx.advance(55 * MINUTE);
    expect(await client.getCredentials()).toBe(first);
  });

  it("does not keep blocking after it recovers: the next call refreshes", async () => {
    const { state, logins } = await loginsHanging(fx, [2]);
    const client = fx.client({ logins, loginsTimeoutMs: 100 });
    const first = await client.getCredentials();
    fx.advance(55 * MINUTE);
    await client.getCredentials();
    const next = await client.getCredentials();
    expect(next.accessKeyId).not.toBe(first.accessKeyId);
    expect(state.calls).toBe(3);
  });

  it("after the held credentials expired, the timeout reaches the caller", async () => {
    const { logins } = await loginsHanging(fx, [2]);
    const client = fx.client({ logins, loginsTimeoutMs: 100 });
    await client.getCredentials();
    fx.advance(60 * MINUTE);
    await expect(client.getCredentials()).rejects.toThrowCode("timeout");
  });
});

describe("a refresh that fails", () => {
  it("in the advisory window, is forgotten: the held credentials are served and the next call tries again", async () => {
    const client = fx.client({ retry: { maxAttempts: 1 } });
    const first = await client.getCredentials();
    fx.advance(46 * MINUTE);
    fx.server.fail("GetCredentialsForIdentity", 1);
    expect(await client.getCredentials()).toBe(first);
    await vi.waitFor(() => expect(fx.server.calls.GetCredentialsForIdentity).toBe(2));
    // Each call meanwhile gets the held credentials; once the failure is forgotten, one of them
    // starts a new exchange, which succeeds.
    await vi.waitFor(async () => {
      expect((await client.getCredentials()).accessKeyId).not.toBe(first.accessKeyId);
    });
    expect(fx.server.calls.GetCredentialsForIdentity).toBe(3);
  });
});
