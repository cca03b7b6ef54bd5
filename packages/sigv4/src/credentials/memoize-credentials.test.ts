import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSigV4Error } from "../errors.js";
import type { AwsCredentials } from "./aws-credentials.js";
import { memoizeCredentials } from "./memoize-credentials.js";

const T0 = Date.UTC(2030, 0, 1, 12, 0, 0);
const MINUTE = 60_000;

function clock(start = T0) {
  let nowMs = start;
  return {
    now: () => nowMs,
    advance(ms: number) {
      nowMs += ms;
    },
  };
}

/** A provider handing out numbered credentials that expire `lifetimeMs` after `now()`. */
function counting(now: () => number, lifetimeMs = 60 * MINUTE) {
  const state = { calls: 0 };
  const provider = async (): Promise<AwsCredentials> => {
    state.calls += 1;
    return {
      accessKeyId: `ASIA${state.calls}`,
      secretAccessKey: "secret",
      sessionToken: "token",
      expiration: new Date(now() + lifetimeMs),
    };
  };
  return { state, provider };
}

describe("memoizeCredentials", () => {
  it("returns static credentials as they are", async () => {
    const credentials = { accessKeyId: "AKID", secretAccessKey: "secret" };
    expect(await memoizeCredentials(credentials)()).toBe(credentials);
  });

  it("rejects malformed static credentials at once with invalid_credentials", () => {
    let error: unknown;
    try {
      memoizeCredentials({ accessKeyId: "AKID", secretAccessKey: "" });
    } catch (caught) {
      error = caught;
    }
    expect(isSigV4Error(error) && [error.code, error.path]).toEqual([
      "invalid_credentials",
      "credentials.secretAccessKey",
    ]);
  });

  it("calls the provider once while the credentials are fresh", async () => {
    const time = clock();
    const { state, provider } = counting(time.now);
    const credentials = memoizeCredentials(provider, { now: time.now });
    await credentials();
    // Up to the advisory window, 15 minutes before expiration.
    time.advance(44 * MINUTE);
    expect((await credentials()).accessKeyId).toBe("ASIA1");
    expect(state.calls).toBe(1);
  });

  it("refreshes once the credentials are inside the mandatory refresh window", async () => {
    const time = clock();
    const { state, provider } = counting(time.now);
    const credentials = memoizeCredentials(provider, { now: time.now });
    await credentials();
    time.advance(50 * MINUTE);
    expect((await credentials()).accessKeyId).toBe("ASIA2");
    expect(state.calls).toBe(2);
  });

  it("honours refreshBeforeExpirySeconds", async () => {
    const time = clock();
    const { provider } = counting(time.now);
    const credentials = memoizeCredentials(provider, {
      now: time.now,
      refreshBeforeExpirySeconds: 30,
    });
    await credentials();
    time.advance(59 * MINUTE);
    expect((await credentials()).accessKeyId).toBe("ASIA1");
    time.advance(30_000);
    expect((await credentials()).accessKeyId).toBe("ASIA2");
  });

  it("keeps credentials without an expiration for ever", async () => {
    let calls = 0;
    const credentials = memoizeCredentials(async () => {
      calls += 1;
      return { accessKeyId: "AKID", secretAccessKey: "secret" };
    });
    await credentials();
    await credentials();
    expect(calls).toBe(1);
  });

  it("shares one in-flight refresh between 1000 concurrent callers", async () => {
    const time = clock();
    const { state, provider } = counting(time.now);
    const credentials = memoizeCredentials(provider, { now: time.now });
    const results = await Promise.all(Array.from({ length: 1000 }, () => credentials()));
    expect(state.calls).toBe(1);
    expect(new Set(results).size).toBe(1);
  });

  it("rejects every waiter of a failed refresh", async () => {
    let calls = 0;
    const failure = new Error("throttled");
    const credentials = memoizeCredentials(async () => {
      calls += 1;
      throw failure;
    });
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => credentials()));
    expect(calls).toBe(1);
    expect(outcomes.every((o) => o.status === "rejected")).toBe(true);
  });

  it("wraps a provider failure as credentials_unavailable with the error as cause", async () => {
    const failure = new Error("Token ABC123 is invalid");
    await expect(
      memoizeCredentials(async () => {
        throw failure;
      })(),
    ).rejects.toThrowCode("credentials_unavailable", {
      name: "SigV4Error",
      cause: failure,
      message: expect.not.stringContaining("ABC123"),
    });
  });

  it("passes a SigV4Error from the provider through unchanged", async () => {
    const { SigV4Error } = await import("../errors.js");
    const failure = new SigV4Error("credentials_unavailable", "AWS_ACCESS_KEY_ID is not set");
    await expect(
      memoizeCredentials(async () => {
        throw failure;
      })(),
    ).rejects.toBe(failure);
  });

  it("does not cache a failed refresh", async () => {
    let calls = 0;
    const credentials = memoizeCredentials(async () => {
      calls += 1;
      if (calls === 1) throw new Error("network");
      return { accessKeyId: "AKID", secretAccessKey: "secret" };
    });
    await expect(credentials()).rejects.toThrow();
    expect((await credentials()).accessKeyId).toBe("AKID");
  });

  it("does not get stuck on a provider that throws synchronously", async () => {
    let calls = 0;
    const provider = (() => {
      calls += 1;
      if (calls === 1) throw new Error("sync");
      return Promise.resolve({ accessKeyId: "AKID", secretAccessKey: "secret" });
    }) as () => Promise<AwsCredentials>;
    const credentials = memoizeCredentials(provider);
    await expect(credentials()).rejects.toThrow();
    expect((await credentials()).accessKeyId).toBe("AKID");
  });

  it("serves the old credentials when a refresh fails before they expire", async () => {
    const time = clock();
    let calls = 0;
    const credentials = memoizeCredentials(
      async () => {
        calls += 1;
        if (calls > 1) throw new Error("throttled");
        return {
          accessKeyId: "ASIA1",
          secretAccessKey: "secret",
          expiration: new Date(time.now() + 60 * MINUTE),
        };
      },
      { now: time.now },
    );
    await credentials();
    time.advance(58 * MINUTE);
    expect((await credentials()).accessKeyId).toBe("ASIA1");
    expect(calls).toBe(2);
  });

  it("rejects when a refresh fails after the old credentials expired", async () => {
    const time = clock();
    let calls = 0;
    const credentials = memoizeCredentials(
      async () => {
        calls += 1;
        if (calls > 1) throw new Error("throttled");
        return {
          accessKeyId: "ASIA1",
          secretAccessKey: "secret",
          expiration: new Date(time.now() + 60 * MINUTE),
        };
      },
      { now: time.now },
    );
    await credentials();
    time.advance(60 * MINUTE);
    await expect(credentials()).rejects.toThrowCode("credentials_unavailable", {
      name: "SigV4Error",
    });
  });

  it.each([
    [{ accessKeyId: "AKID" }, "provider().secretAccessKey"],
    [{ accessKeyId: 1, secretAccessKey: "s" }, "provider().accessKeyId"],
    [{ accessKeyId: "AKID", secretAccessKey: "s", sessionToken: 5 }, "provider().sessionToken"],
    [
      { accessKeyId: "AKID", secretAccessKey: "s", expiration: "2030-01-01" },
      "provider().expiration",
    ],
    [
      { accessKeyId: "AKID", secretAccessKey: "s", expiration: new Date(Number.NaN) },
      "provider().expiration",
    ],
    ["AKID:secret", "provider()"],
  ])("rejects malformed provider output with invalid_credentials (%#)", async (value, path) => {
    await expect(memoizeCredentials(async () => value as never)()).rejects.toThrowCode(
      "invalid_credentials",
      { name: "SigV4Error", path },
    );
  });

  it("rejects a provider that returns nothing with credentials_unavailable", async () => {
    await expect(memoizeCredentials(async () => undefined as never)()).rejects.toThrowCode(
      "credentials_unavailable",
      { name: "SigV4Error" },
    );
  });

  it("never names a secret in a validation error", async () => {
    await expect(
      memoizeCredentials(async () => ({ accessKeyId: "", secretAccessKey: "TOPSECRET" }))(),
    ).rejects.toThrowCode("invalid_credentials", {
      message: expect.not.stringContaining("TOPSECRET"),
    });
  });

  it.each([
    [{ refreshBeforeExpirySeconds: -1 }],
    [{ refreshBeforeExpirySeconds: Number.NaN }],
    [{ refreshBeforeExpirySeconds: "300" }],
    [{ now: 5 }],
  ])("throws TypeError for bad options %j", (options) => {
    expect(() =>
      memoizeCredentials(
        async () => ({ accessKeyId: "a", secretAccessKey: "b" }),
        options as never,
      ),
    ).toThrow(TypeError);
  });

  it("throws TypeError for credentials that are neither object nor function", () => {
    expect(() => memoizeCredentials("AKID" as never)).toThrow(TypeError);
  });

  it("never returns expired credentials from a working provider", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 90 * MINUTE }), { maxLength: 20 }),
        fc.integer({ min: MINUTE, max: 120 * MINUTE }),
        fc.integer({ min: 0, max: 3600 }),
        async (steps, lifetime, windowSeconds) => {
          const time = clock();
          const { provider } = counting(time.now, lifetime);
          const credentials = memoizeCredentials(provider, {
            now: time.now,
            refreshBeforeExpirySeconds: windowSeconds,
          });
          for (const step of steps) {
            time.advance(step);
            const value = await credentials();
            expect(value.expiration!.getTime()).toBeGreaterThan(time.now());
          }
        },
      ),
    );
  });
});
