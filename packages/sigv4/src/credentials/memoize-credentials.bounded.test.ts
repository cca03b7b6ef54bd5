import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSigV4Error } from "../errors.js";
import type { AwsCredentials, CredentialsProviderOptions } from "./aws-credentials.js";
import { memoizeCredentials } from "./memoize-credentials.js";

// Refresh windows, deadlines and abort signals of memoizeCredentials. Time is an injected clock;
// the deadlines are real timers with small values (tens of milliseconds), never the defaults.

const T0 = Date.UTC(2030, 0, 1, 12, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function clock(start = T0) {
  let nowMs = start;
  return {
    now: () => nowMs,
    advance(ms: number) {
      nowMs += ms;
    },
  };
}

/** A promise that never settles (a provider that accepted the call and never answers). */
const never = <T>() => new Promise<T>(() => undefined);

/**
 * A provider whose answers are scripted: each call takes the next behaviour ("hang" never
 * answers, "fail" rejects, a number is a lifetime in ms); it records the signal it was given.
 */
function scripted(now: () => number, script: Array<"hang" | "fail" | number>) {
  const state = { calls: 0, signals: [] as Array<AbortSignal | undefined> };
  const provider = async (options?: CredentialsProviderOptions): Promise<AwsCredentials> => {
    state.calls += 1;
    state.signals.push(options?.signal);
    const step = script.shift() ?? HOUR;
    if (step === "hang") return never();
    if (step === "fail") throw new Error("throttled");
    return {
      accessKeyId: `ASIA${state.calls}`,
      secretAccessKey: "secret",
      sessionToken: "token",
      expiration: new Date(now() + step),
    };
  };
  return { state, provider };
}

/** Lets pending promise callbacks (a background refresh that already has its answer) run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("memoizeCredentials: advisory and mandatory refresh windows", () => {
  it("keeps serving the held credentials until the advisory window (15 minutes before expiry)", async () => {
    const time = clock();
    const { state, provider } = scripted(time.now, [HOUR, HOUR]);
    const credentials = memoizeCredentials(provider, { now: time.now });
    await credentials();
    time.advance(44 * MINUTE);
    expect((await credentials()).accessKeyId).toBe("ASIA1");
    expect(state.calls).toBe(1);
  });

  it("inside the advisory window, answers with the held credentials and refreshes in the background", async () => {
    const time = clock();
    const { state, provider } = scripted(time.now, [HOUR, HOUR]);
    const credentials = memoizeCredentials(provider, { now: time.now });
    await credentials();
    time.advance(46 * MINUTE);
    expect((await credentials()).accessKeyId).toBe("ASIA1");
    expect(state.calls).toBe(2);
    await settle();
    expect((await credentials()).accessKeyId).toBe("ASIA2");
  });

  it("does not make callers wait on a hung refresh while the held credentials are valid for minutes", async () => {
    const time = clock();
    const { state, provider } = scripted(time.now, [HOUR, "hang"]);
    const credentials = memoizeCredentials(provider, { now: time.now, timeoutMs: 60_000 });
    await credentials();
    time.advance(47 * MINUTE);
    const all = await Promise.all(Array.from({ length: 100 }, () => credentials()));
    expect(new Set(all.map((c) => c.accessKeyId))).toEqual(new Set(["ASIA1"]));
    expect(state.calls).toBe(2);
  });

  it("inside the mandatory window (10 minutes before expiry), waits for the refresh", async () => {
    const time = clock();
    const { provider } = scripted(time.now, [HOUR, HOUR]);
    const credentials = memoizeCredentials(provider, { now: time.now });
    await credentials();
    time.advance(51 * MINUTE);
    expect((await credentials()).accessKeyId).toBe("ASIA2");
  });

  it("keeps serving the held credentials when a background refresh fails, and tries again on the next call", async () => {
    const time = clock();
    const { state, provider } = scripted(time.now, [HOUR, "fail", HOUR]);
    const credentials = memoizeCredentials(provider, { now: time.now });
    await credentials();
    time.advance(46 * MINUTE);
    expect((await credentials()).accessKeyId).toBe("ASIA1");
    await settle();
    expect((await credentials()).accessKeyId).toBe("ASIA1");
    await settle();
    expect(state.calls).toBe(3);
    expect((await credentials()).accessKeyId).toBe("ASIA3");
  });

  it("honours advisoryRefreshSeconds and mandatoryRefreshSeconds", async () => {
    const time = clock();
    const { state, provider } = scripted(time.now, [HOUR, HOUR]);
    const credentials = memoizeCredentials(provider, {
      now: time.now,
      advisoryRefreshSeconds: 120,
      mandatoryRefreshSeconds: 60,
    });
    await credentials();
    time.advance(57 * MINUTE);
    expect((await credentials()).accessKeyId).toBe("ASIA1");
    expect(state.calls).toBe(1);
    time.advance(2 * MINUTE + 1);
    expect((await credentials()).accessKeyId).toBe("ASIA2");
  });

  it("shrinks both windows to fit short-lived credentials (15 minutes: not refreshed on every call)", async () => {
    const time = clock();
    const { state, provider } = scripted(time.now, [15 * MINUTE, 15 * MINUTE]);
    const credentials = memoizeCredentials(provider, { now: time.now });
    await credentials();
    time.advance(7 * MINUTE);
    await credentials();
    await credentials();
    expect(state.calls).toBe(1);
    // Half the lifetime: the advisory window; the mandatory one scaled alike (5 minutes before).
    time.advance(3 * MINUTE + 1);
    expect((await credentials()).accessKeyId).toBe("ASIA2");
  });

  it("keeps refreshBeforeExpirySeconds as the mandatory window (deprecated name)", async () => {
    const time = clock();
    const { provider } = scripted(time.now, [HOUR, HOUR]);
    const credentials = memoizeCredentials(provider, {
      now: time.now,
      refreshBeforeExpirySeconds: 30,
      advisoryRefreshSeconds: 30,
    });
    await credentials();
    time.advance(59 * MINUTE);
    expect((await credentials()).accessKeyId).toBe("ASIA1");
    time.advance(30_000);
    expect((await credentials()).accessKeyId).toBe("ASIA2");
  });

  it.each([
    [{ advisoryRefreshSeconds: 60, mandatoryRefreshSeconds: 120 }],
    [{ advisoryRefreshSeconds: -1 }],
    [{ mandatoryRefreshSeconds: Number.POSITIVE_INFINITY }],
    [{ timeoutMs: 0 }],
    [{ timeoutMs: "10" }],
  ])("throws TypeError for %j", (options) => {
    expect(() =>
      memoizeCredentials(
        async () => ({ accessKeyId: "a", secretAccessKey: "b" }),
        options as never,
      ),
    ).toThrow(TypeError);
  });
});

describe("memoizeCredentials: deadlines", () => {
  it("rejects with timeout when the provider never answers and nothing valid is held", async () => {
    const time = clock();
    const { provider } = scripted(time.now, ["hang"]);
    await expect(
      memoizeCredentials(provider, { now: time.now, timeoutMs: 50 })(),
    ).rejects.toThrowCode("timeout", { name: "SigV4Error", path: "options.timeoutMs" });
  });

  it("recovers after a hung refresh: the next call asks the provider again", async () => {
    const time = clock();
    const { state, provider } = scripted(time.now, ["hang", HOUR]);
    const credentials = memoizeCredentials(provider, { now: time.now, timeoutMs: 50 });
    await expect(credentials()).rejects.toThrow();
    expect((await credentials()).accessKeyId).toBe("ASIA2");
    expect(state.calls).toBe(2);
  });

  it("serves the held credentials when a mandatory refresh times out before they expire", async () => {
    const time = clock();
    const { provider } = scripted(time.now, [HOUR, "hang"]);
    const credentials = memoizeCredentials(provider, { now: time.now, timeoutMs: 50 });
    await credentials();
    time.advance(55 * MINUTE);
    expect((await credentials()).accessKeyId).toBe("ASIA1");
  });

  it("hands the provider a signal that aborts at the deadline", async () => {
    const time = clock();
    const { state, provider } = scripted(time.now, ["hang"]);
    await expect(
      memoizeCredentials(provider, { now: time.now, timeoutMs: 50 })(),
    ).rejects.toThrow();
    expect(state.signals[0]?.aborted).toBe(true);
    const reason = state.signals[0]?.reason;
    expect(isSigV4Error(reason) && reason.code).toBe("timeout");
  });
});

describe("memoizeCredentials: AbortSignal", () => {
  it("stops waiting promptly with aborted, the signal's reason as cause", async () => {
    const time = clock();
    const { provider } = scripted(time.now, ["hang"]);
    const credentials = memoizeCredentials(provider, { now: time.now, timeoutMs: 60_000 });
    const controller = new AbortController();
    const pending = credentials({ signal: controller.signal });
    const reason = new Error("user navigated away");
    controller.abort(reason);
    await expect(pending).rejects.toThrowCode("aborted", { name: "SigV4Error", cause: reason });
  });

  it("rejects at once for a signal that is already aborted, without touching the refresh", async () => {
    const time = clock();
    const { state, provider } = scripted(time.now, [HOUR]);
    const credentials = memoizeCredentials(provider, { now: time.now });
    await expect(credentials({ signal: AbortSignal.abort() })).rejects.toThrowCode("aborted", {
      name: "SigV4Error",
    });
    expect((await credentials()).accessKeyId).toBe("ASIA1");
    expect(state.calls).toBe(1);
  });

  it("one caller's abort leaves the shared refresh to the others", async () => {
    const time = clock();
    let answer: (value: AwsCredentials) => void = () => undefined;
    const credentials = memoizeCredentials(
      () =>
        new Promise<AwsCredentials>((resolve) => {
          answer = resolve;
        }),
      { now: time.now, timeoutMs: 60_000 },
    );
    const controller = new AbortController();
    const aborted = credentials({ signal: controller.signal });
    const other = credentials();
    controller.abort();
    await expect(aborted).rejects.toThrowCode("aborted", { name: "SigV4Error" });
    answer({ accessKeyId: "ASIA1", secretAccessKey: "s", expiration: new Date(T0 + HOUR) });
    expect((await other).accessKeyId).toBe("ASIA1");
  });
});

describe("memoizeCredentials: distrust of the provider's expiration", () => {
  it("rejects credentials that are already expired with expired_credentials", async () => {
    const time = clock();
    const credentials = memoizeCredentials(
      async () => ({
        accessKeyId: "ASIA1",
        secretAccessKey: "s",
        expiration: new Date(time.now() - 1000),
      }),
      { now: time.now },
    );
    await expect(credentials()).rejects.toThrowCode("expired_credentials", {
      name: "SigV4Error",
      path: "provider().expiration",
    });
  });

  it("keeps serving valid held credentials when a refresh returns expired ones", async () => {
    const time = clock();
    let calls = 0;
    const credentials = memoizeCredentials(
      async () => {
        calls += 1;
        return {
          accessKeyId: `ASIA${calls}`,
          secretAccessKey: "s",
          expiration: new Date(calls === 1 ? time.now() + HOUR : time.now() - 1),
        };
      },
      { now: time.now },
    );
    await credentials();
    time.advance(55 * MINUTE);
    expect((await credentials()).accessKeyId).toBe("ASIA1");
  });

  it("does not cache a year-3000 expiration for ever: refreshed within 36 hours", async () => {
    const time = clock();
    let calls = 0;
    const credentials = memoizeCredentials(
      async () => {
        calls += 1;
        return {
          accessKeyId: `ASIA${calls}`,
          secretAccessKey: "s",
          expiration: new Date(Date.UTC(3000, 0, 1)),
        };
      },
      { now: time.now },
    );
    await credentials();
    time.advance(36 * HOUR);
    expect((await credentials()).accessKeyId).toBe("ASIA2");
  });
});

describe("memoizeCredentials: property", () => {
  it("whatever the provider does, answers only credentials valid now, or an error with a code", async () => {
    type Step = {
      advance: number;
      behaviour: "ok" | "fail" | "expired" | "far" | "none";
      lifetime: number;
    };
    const step = fc.record({
      advance: fc.integer({ min: 0, max: 3 * HOUR }),
      behaviour: fc.constantFrom("ok", "fail", "expired", "far", "none"),
      lifetime: fc.integer({ min: 1000, max: 12 * HOUR }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps: Step[]) => {
        const time = clock();
        let next: Step = { advance: 0, behaviour: "ok", lifetime: HOUR };
        let calls = 0;
        const credentials = memoizeCredentials(
          async () => {
            calls += 1;
            const { behaviour, lifetime } = next;
            if (behaviour === "fail") throw new Error("throttled");
            if (behaviour === "none") return { accessKeyId: `AKIA${calls}`, secretAccessKey: "s" };
            const expiration =
              behaviour === "expired"
                ? time.now() - 1
                : behaviour === "far"
                  ? Date.UTC(3000, 0, 1)
                  : time.now() + lifetime;
            return {
              accessKeyId: `ASIA${calls}`,
              secretAccessKey: "s",
              expiration: new Date(expiration),
            };
          },
          { now: time.now },
        );
        for (const current of steps) {
          next = current;
          time.advance(current.advance);
          try {
            const value = await credentials();
            if (value.expiration !== undefined) {
              expect(value.expiration.getTime()).toBeGreaterThan(time.now());
            }
          } catch (error) {
            expect(isSigV4Error(error) && error.code).toMatch(
              /^(credentials_unavailable|expired_credentials)$/,
            );
          }
          // Let a background refresh settle before the clock moves again.
          await settle();
        }
      }),
      { numRuns: 200 },
    );
  });
});
