import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getOpenIdTokenForDeveloperIdentity } from "../developer/get-open-id-token-for-developer-identity.js";
import { type IdentityPoolError, isIdentityPoolError } from "../errors.js";
import { createIdentityPoolClient } from "./create-identity-pool-client.js";
import type { IdentityPoolClientOptions } from "./identity-pool-client.js";
import {
  answers,
  endless,
  type Handler,
  hang,
  type MisbehavingServer,
  startMisbehavingServer,
  trickle,
} from "./test-support.js";

// Deadlines of every network call and user callback. Servers are real loopback servers that
// accept requests and misbehave; the deadlines are small injected values, never the defaults.

const POOL_ID = "us-east-1:0d0f8b1c-0000-4000-8000-000000000001";
const T0 = Date.UTC(2030, 0, 1);
const IDENTITY = "us-east-1:11111111-2222-4333-8444-555555555555";
const ROLE = "arn:aws:iam::123456789012:role/Authenticated";

let server: MisbehavingServer | undefined;
beforeAll(async () => {
  // The first fetch of a process loads its HTTP client: not part of any deadline under test.
  const warm = await startMisbehavingServer(answers({}));
  await fetch(warm.url, { method: "POST" }).then((response) => response.text());
  await warm.close();
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(handler: Handler): Promise<MisbehavingServer> {
  server = await startMisbehavingServer(handler);
  return server;
}

function client(url: string, options: Partial<IdentityPoolClientOptions> = {}) {
  return createIdentityPoolClient({
    identityPoolId: POOL_ID,
    endpoint: url,
    stsEndpoint: url,
    now: () => T0,
    sleep: async () => undefined,
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<IdentityPoolError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isIdentityPoolError(error)) throw new Error(`expected an IdentityPoolError, got ${error}`);
  return error;
}

const credentialsAnswer = () => ({
  IdentityId: IDENTITY,
  Credentials: {
    AccessKeyId: "ASIAEXAMPLE",
    SecretKey: "secret",
    SessionToken: "token",
    Expiration: T0 / 1000 + 3600,
  },
});

describe("a Cognito endpoint that accepts the request and never answers", () => {
  it("times out each attempt (attemptTimeoutMs), retries, then fails with timeout", async () => {
    const { url, operations } = await start(hang);
    let attempts = 0;
    const error = await failure(
      client(url, {
        attemptTimeoutMs: 200,
        retry: { maxAttempts: 3 },
        fetch: (input, init) => {
          attempts += 1;
          return fetch(input, init);
        },
      }).getCredentials(),
    );
    expect([error.code, error.operation, error.retryable]).toEqual(["timeout", "GetId", true]);
    expect(attempts).toBe(3);
    expect(new Set(operations)).toEqual(new Set(["GetId"]));
  });

  it("gives up at the overall deadline (timeoutMs), whatever the attempts left", async () => {
    const { url } = await start(hang);
    let attempts = 0;
    const error = await failure(
      client(url, {
        attemptTimeoutMs: 60_000,
        timeoutMs: 100,
        retry: { maxAttempts: 10 },
        fetch: (input, init) => {
          attempts += 1;
          return fetch(input, init);
        },
      }).getCredentials(),
    );
    expect(error.code).toBe("timeout");
    expect(error.message).toContain("timeoutMs");
    expect(attempts).toBe(1);
  });

  it("is asked again by the next call: a timed-out exchange is not kept in flight", async () => {
    let calls = 0;
    const { url } = await start((request, response) => {
      calls += 1;
      if (calls === 1) return;
      answers({
        GetId: () => ({ IdentityId: IDENTITY }),
        GetCredentialsForIdentity: credentialsAnswer,
      })(request, response);
    });
    // Long enough for the second call's real answers on a loaded machine.
    const identity = client(url, { attemptTimeoutMs: 1000, retry: { maxAttempts: 1 } });
    expect((await failure(identity.getCredentials())).code).toBe("timeout");
    expect((await identity.getCredentials()).accessKeyId).toBe("ASIAEXAMPLE");
  });

  it("bounds getIdentityId() too", async () => {
    const { url } = await start(hang);
    const error = await failure(
      client(url, { attemptTimeoutMs: 50, retry: { maxAttempts: 1 } }).getIdentityId(),
    );
    expect(error.code).toBe("timeout");
  });

  it("bounds STS AssumeRoleWithWebIdentity in the basic flow", async () => {
    const { url, operations } = await start((request, response) => {
      if (request.target === "") return; // STS: never answers
      answers({
        GetId: () => ({ IdentityId: IDENTITY }),
        GetOpenIdToken: () => ({ IdentityId: IDENTITY, Token: "eyJ.openid.token" }),
      })(request, response);
    });
    const error = await failure(
      client(url, {
        flow: "basic",
        roleArn: ROLE,
        attemptTimeoutMs: 1000,
        retry: { maxAttempts: 2 },
      }).getCredentials(),
    );
    expect([error.code, error.operation]).toEqual(["timeout", "AssumeRoleWithWebIdentity"]);
    expect(operations).toEqual([
      "GetId",
      "GetOpenIdToken",
      "AssumeRoleWithWebIdentity",
      "AssumeRoleWithWebIdentity",
    ]);
  });
});

describe("a Cognito endpoint that answers 200 and trickles a byte at a time", () => {
  it("times out: reading the body counts toward the attempt's deadline", async () => {
    const { url } = await start(trickle(10));
    const error = await failure(
      client(url, { attemptTimeoutMs: 150, retry: { maxAttempts: 1 } }).getCredentials(),
    );
    expect([error.code, error.operation]).toEqual(["timeout", "GetId"]);
  });

  it("times out at the overall deadline when each attempt would last longer", async () => {
    const { url } = await start(trickle(10));
    const error = await failure(
      client(url, { attemptTimeoutMs: 60_000, timeoutMs: 150 }).getCredentials(),
    );
    expect(error.code).toBe("timeout");
  });
});

describe("an answer larger than any Cognito answer", () => {
  it("stops reading at 1 MiB with response_too_large, not retried", async () => {
    const { url, operations, written } = await start(endless);
    const error = await failure(client(url).getCredentials());
    expect([error.code, error.operation, error.retryable]).toEqual([
      "response_too_large",
      "GetId",
      false,
    ]);
    expect(operations).toEqual(["GetId"]);
    // The body never ends: the client hung up soon after the cap (kernel buffers aside).
    expect(written()).toBeLessThan(32 * 1024 * 1024);
  });

  it("refuses an oversized STS answer too", async () => {
    const { url } = await start((request, response) => {
      if (request.target === "") return endless(request, response);
      answers({
        GetId: () => ({ IdentityId: IDENTITY }),
        GetOpenIdToken: () => ({ IdentityId: IDENTITY, Token: "eyJ.openid.token" }),
      })(request, response);
    });
    const error = await failure(client(url, { flow: "basic", roleArn: ROLE }).getCredentials());
    expect([error.code, error.operation]).toEqual([
      "response_too_large",
      "AssumeRoleWithWebIdentity",
    ]);
  });
});

describe("user callbacks", () => {
  it("a logins function that never answers fails with timeout after loginsTimeoutMs", async () => {
    const { url, operations } = await start(hang);
    const error = await failure(
      client(url, {
        logins: { "accounts.google.com": () => new Promise<string>(() => undefined) },
        loginsTimeoutMs: 50,
      }).getCredentials(),
    );
    expect([error.code, error.operation]).toEqual(["timeout", "logins"]);
    expect(error.message).toContain('logins["accounts.google.com"]');
    expect(operations).toEqual([]);
  });

  it("a developerIdentity call that never answers fails with timeout", async () => {
    const { url } = await start(hang);
    const error = await failure(
      client(url, {
        developerIdentity: () => new Promise(() => undefined),
        loginsTimeoutMs: 50,
      }).getCredentials(),
    );
    expect([error.code, error.operation]).toEqual(["timeout", "developerIdentity"]);
  });

  it("a store that never answers is a miss, not a hang", async () => {
    const { url } = await start(
      answers({
        GetId: () => ({ IdentityId: IDENTITY }),
        GetCredentialsForIdentity: credentialsAnswer,
      }),
    );
    const stuck = () => new Promise<undefined>(() => undefined);
    const credentials = await client(url, {
      attemptTimeoutMs: 250,
      identityStore: { get: stuck, set: stuck, delete: stuck },
    }).getCredentials();
    expect(credentials.identityId).toBe(IDENTITY);
  });
});

describe("AbortSignal", () => {
  it("getCredentials({ signal }) rejects promptly with aborted, the reason as cause", async () => {
    const { url, nextRequest } = await start(hang);
    const identity = client(url, { attemptTimeoutMs: 60_000, timeoutMs: 60_000 });
    const controller = new AbortController();
    const arrived = nextRequest();
    const pending = identity.getCredentials({ signal: controller.signal });
    await arrived;
    const reason = new Error("navigated away");
    controller.abort(reason);
    const error = await failure(pending);
    expect([error.code, error.cause, error.retryable]).toEqual(["aborted", reason, false]);
  });

  it("rejects at once for a signal that has already aborted", async () => {
    const { url, operations } = await start(hang);
    const error = await failure(client(url).getCredentials({ signal: AbortSignal.abort() }));
    expect(error.code).toBe("aborted");
    expect(operations).toEqual([]);
  });

  it("one caller's abort leaves the shared exchange to the others", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { url, nextRequest } = await start((request, response) => {
      void gate.then(() =>
        answers({
          GetId: () => ({ IdentityId: IDENTITY }),
          GetCredentialsForIdentity: credentialsAnswer,
        })(request, response),
      );
    });
    const identity = client(url, { attemptTimeoutMs: 60_000, timeoutMs: 60_000 });
    const controller = new AbortController();
    const arrived = nextRequest();
    const aborted = identity.getCredentials({ signal: controller.signal });
    const other = identity.getCredentials();
    await arrived;
    controller.abort();
    expect((await failure(aborted)).code).toBe("aborted");
    release();
    expect((await other).accessKeyId).toBe("ASIAEXAMPLE");
  });

  it("getIdentityId({ signal }) rejects with aborted", async () => {
    const { url, nextRequest } = await start(hang);
    const controller = new AbortController();
    const arrived = nextRequest();
    const pending = client(url, { attemptTimeoutMs: 60_000, timeoutMs: 60_000 }).getIdentityId({
      signal: controller.signal,
    });
    await arrived;
    controller.abort();
    expect((await failure(pending)).code).toBe("aborted");
  });
});

describe("getOpenIdTokenForDeveloperIdentity (server side)", () => {
  const call = (url: string, more: Record<string, unknown> = {}) =>
    getOpenIdTokenForDeveloperIdentity({
      identityPoolId: POOL_ID,
      logins: { "login.example.app": "user-42" },
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
      endpoint: url,
      sleep: async () => undefined,
      ...more,
    });

  it("times out each attempt against a hung endpoint, then fails with timeout", async () => {
    const { url } = await start(hang);
    const error = await failure(call(url, { attemptTimeoutMs: 50, retry: { maxAttempts: 2 } }));
    expect([error.code, error.operation]).toEqual([
      "timeout",
      "GetOpenIdTokenForDeveloperIdentity",
    ]);
  });

  it("gives up at timeoutMs", async () => {
    const { url } = await start(trickle(10));
    const error = await failure(call(url, { attemptTimeoutMs: 60_000, timeoutMs: 100 }));
    expect(error.code).toBe("timeout");
    expect(error.message).toContain("timeoutMs");
  });

  it("stops at once when its signal aborts, with aborted", async () => {
    const { url, nextRequest } = await start(hang);
    const controller = new AbortController();
    const arrived = nextRequest();
    const pending = call(url, {
      attemptTimeoutMs: 60_000,
      timeoutMs: 60_000,
      signal: controller.signal,
    });
    await arrived;
    controller.abort();
    expect((await failure(pending)).code).toBe("aborted");
  });
});

describe("a fetch option that ignores its signal", () => {
  it("is bounded all the same: the attempt is abandoned at attemptTimeoutMs", async () => {
    const error = await failure(
      client("http://127.0.0.1:1/", {
        attemptTimeoutMs: 50,
        retry: { maxAttempts: 1 },
        fetch: () => new Promise<Response>(() => undefined),
      }).getCredentials(),
    );
    expect(error.code).toBe("timeout");
  });

  it("a body that never ends is cut at attemptTimeoutMs", async () => {
    const error = await failure(
      client("http://127.0.0.1:1/", {
        attemptTimeoutMs: 50,
        retry: { maxAttempts: 1 },
        fetch: async () =>
          new Response(new ReadableStream({ pull: () => new Promise(() => undefined) })),
      }).getCredentials(),
    );
    expect(error.code).toBe("timeout");
  });
});

describe("options", () => {
  it.each([
    [{ attemptTimeoutMs: 0 }, /attemptTimeoutMs/],
    [{ timeoutMs: Number.NaN }, /timeoutMs/],
    [{ loginsTimeoutMs: -5 }, /loginsTimeoutMs/],
  ])("throws TypeError for %j", (options, message) => {
    expect(() => client("http://127.0.0.1:1/", options)).toThrow(message);
  });
});
