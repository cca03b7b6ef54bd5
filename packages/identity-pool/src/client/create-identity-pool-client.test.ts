import { startCognitoIdentityServer } from "@gatehouse/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isIdentityPoolError } from "../errors.js";
import {
  AUTH_ROLE,
  type Fixture,
  GUEST_ROLE,
  POOL_ID,
  startFixture,
} from "../internal/test-fixture.js";
import { loginsFromIdToken } from "../logins/logins-from-id-token.js";
import { memoryIdentityStore } from "../stores/memory-identity-store.js";

let fx: Fixture;
beforeEach(async () => {
  fx = await startFixture();
});
afterEach(async () => {
  await fx.close();
});

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isIdentityPoolError(error))
    throw new Error(`expected an IdentityPoolError, got ${String(error)}`);
  return error;
}

describe("enhanced flow", () => {
  it("exchanges an ID token for credentials with GetId + GetCredentialsForIdentity", async () => {
    const client = fx.client({ logins: loginsFromIdToken(await fx.issuer.mintIdToken()) });
    const credentials = await client.getCredentials();
    const issued = fx.server.issuedCredentials.at(-1);
    expect(credentials).toEqual({
      accessKeyId: issued?.accessKeyId,
      secretAccessKey: issued?.secretAccessKey,
      sessionToken: issued?.sessionToken,
      expiration: new Date(fx.now() + 3600_000),
      identityId: issued?.identityId,
    });
    expect(issued?.roleArn).toBe(AUTH_ROLE);
    expect(fx.server.calls.GetId).toBe(1);
    expect(fx.server.calls.GetCredentialsForIdentity).toBe(1);
  });

  it("gives guests the unauthenticated role without logins", async () => {
    const credentials = await fx.client().getCredentials();
    expect(fx.server.issuedCredentials.at(-1)?.roleArn).toBe(GUEST_ROLE);
    expect(credentials.identityId).toMatch(/^us-east-1:/);
  });

  it("reads an Expiration written in exponent form (1.7E9)", async () => {
    const exponent = await startCognitoIdentityServer({
      pools: [
        {
          identityPoolId: POOL_ID,
          allowUnauthenticated: true,
          authenticatedRoleArn: AUTH_ROLE,
          unauthenticatedRoleArn: GUEST_ROLE,
        },
      ],
      now: fx.now,
      expirationFormat: "exponent",
    });
    try {
      const credentials = await fx.client({ endpoint: exponent.url }).getCredentials();
      expect(credentials.expiration.getTime()).toBe(fx.now() + 3600_000);
    } finally {
      await exponent.close();
    }
  });

  it("calls logins functions at each exchange, so a refreshed token is used", async () => {
    let calls = 0;
    const client = fx.client({
      logins: {
        [fx.loginKey]: async () => {
          calls += 1;
          return fx.issuer.mintIdToken();
        },
      },
    });
    await client.getCredentials();
    fx.advance(3600);
    await client.getCredentials();
    expect(calls).toBe(2);
  });
});

describe("one exchange in flight", () => {
  it("1000 concurrent getCredentials() make one GetId and one GetCredentialsForIdentity", async () => {
    const client = fx.client({ logins: loginsFromIdToken(await fx.issuer.mintIdToken()) });
    const all = await Promise.all(Array.from({ length: 1000 }, () => client.getCredentials()));
    expect(fx.server.calls.GetId).toBe(1);
    expect(fx.server.calls.GetCredentialsForIdentity).toBe(1);
    expect(new Set(all.map((c) => c.accessKeyId)).size).toBe(1);
  });

  it("getIdentityId() during an exchange shares its GetId", async () => {
    const client = fx.client();
    const [credentials, identityId] = await Promise.all([
      client.getCredentials(),
      client.getIdentityId(),
    ]);
    expect(identityId).toBe(credentials.identityId);
    expect(fx.server.calls.GetId).toBe(1);
  });

  it("the provider property is a standalone credentials provider", async () => {
    const { provider } = fx.client();
    const first = await provider();
    expect(await provider()).toBe(first);
  });
});

describe("refresh", () => {
  it("reuses credentials until the advisory window, 15 minutes before Expiration", async () => {
    const client = fx.client();
    const first = await client.getCredentials();
    fx.advance(3600 - 901);
    expect(await client.getCredentials()).toBe(first);
    expect(fx.server.calls.GetCredentialsForIdentity).toBe(1);
  });

  it("refreshes inside the mandatory window, keeping the identity id (no second GetId)", async () => {
    const client = fx.client();
    const first = await client.getCredentials();
    fx.advance(3600 - 300);
    const second = await client.getCredentials();
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(second.identityId).toBe(first.identityId);
    expect(fx.server.calls.GetId).toBe(1);
    expect(fx.server.calls.GetCredentialsForIdentity).toBe(2);
  });

  it("honours refreshBeforeExpirySeconds (the mandatory window's former name)", async () => {
    const client = fx.client({ refreshBeforeExpirySeconds: 60 });
    const first = await client.getCredentials();
    fx.advance(3600 - 120);
    expect(await client.getCredentials()).toBe(first);
  });

  it("serves still-valid credentials when a refresh fails", async () => {
    const client = fx.client({ retry: { maxAttempts: 1 } });
    const first = await client.getCredentials();
    fx.advance(3600 - 60);
    fx.server.fail("GetCredentialsForIdentity", 1);
    expect(await client.getCredentials()).toBe(first);
  });

  it("throws when a refresh fails after the credentials expired", async () => {
    const client = fx.client({ retry: { maxAttempts: 1 } });
    await client.getCredentials();
    fx.advance(3600);
    fx.server.fail("GetCredentialsForIdentity", 1);
    expect((await failure(client.getCredentials())).code).toBe("InternalErrorException");
  });
});

describe("throttling and retries", () => {
  it("retries a throttled GetId with backoff and jitter", async () => {
    fx.server.throttle("GetId", 2);
    const client = fx.client({ random: () => 0.5 });
    await client.getCredentials();
    expect(fx.server.calls.GetId).toBe(3);
    expect(fx.sleeps).toEqual([50, 100]);
  });

  it("keeps the stored identity id when GetCredentialsForIdentity is throttled", async () => {
    const identityStore = memoryIdentityStore();
    const first = await fx.client({ identityStore }).getCredentials();
    fx.server.throttle("GetCredentialsForIdentity", 2);
    const second = await fx.client({ identityStore }).getCredentials();
    expect(second.identityId).toBe(first.identityId);
    expect(fx.server.calls.GetId).toBe(1);
  });

  it("keeps the stored identity id when throttling outlasts the retries", async () => {
    const identityStore = memoryIdentityStore();
    const first = await fx.client({ identityStore }).getCredentials();
    fx.server.throttle("GetCredentialsForIdentity", 4);
    const client = fx.client({ identityStore });
    const error = await failure(client.getCredentials());
    expect([error.code, error.retryable]).toEqual(["TooManyRequestsException", true]);
    expect(await client.getIdentityId()).toBe(first.identityId);
    expect(fx.server.calls.GetId).toBe(1);
  });

  it("retries 5xx answers", async () => {
    fx.server.fail("GetCredentialsForIdentity", 1, 503, "ServiceUnavailable");
    await fx.client().getCredentials();
    expect(fx.server.calls.GetCredentialsForIdentity).toBe(2);
  });

  it("does not retry NotAuthorizedException", async () => {
    fx.server.fail("GetId", 1, 400, "NotAuthorizedException");
    const error = await failure(fx.client().getCredentials());
    expect([error.code, error.status, error.retryable]).toEqual([
      "NotAuthorizedException",
      400,
      false,
    ]);
    expect(fx.server.calls.GetId).toBe(1);
  });
});

describe("identity ids", () => {
  it("a second client on the same store skips GetId", async () => {
    const identityStore = memoryIdentityStore();
    const logins = loginsFromIdToken(await fx.issuer.mintIdToken());
    await fx.client({ identityStore, logins }).getCredentials();
    await fx.client({ identityStore, logins }).getCredentials();
    expect(fx.server.calls.GetId).toBe(1);
  });

  it("keeps one identity per user, not per pool", async () => {
    const identityStore = memoryIdentityStore();
    const alice = await fx
      .client({
        identityStore,
        logins: loginsFromIdToken(await fx.issuer.mintIdToken({ sub: "alice" })),
      })
      .getCredentials();
    const bob = await fx
      .client({
        identityStore,
        logins: loginsFromIdToken(await fx.issuer.mintIdToken({ sub: "bob" })),
      })
      .getCredentials();
    expect(bob.identityId).not.toBe(alice.identityId);
    expect(fx.server.calls.GetId).toBe(2);
  });

  it("at sign-in, sends the stored guest id with the logins instead of calling GetId", async () => {
    const identityStore = memoryIdentityStore();
    const client = fx.client({ identityStore });
    const guest = await client.getCredentials();
    client.setLogins(loginsFromIdToken(await fx.issuer.mintIdToken()));
    const user = await client.getCredentials();
    expect(user.identityId).toBe(guest.identityId);
    expect(fx.server.calls.GetId).toBe(1);
    expect(fx.server.calls.GetCredentialsForIdentity).toBe(2);
    expect(fx.server.issuedCredentials.at(-1)?.roleArn).toBe(AUTH_ROLE);
  });

  it("after linking, the user's entry holds the id and a sign-out gets a new guest", async () => {
    const identityStore = memoryIdentityStore();
    const client = fx.client({ identityStore });
    const guest = await client.getCredentials();
    const logins = loginsFromIdToken(await fx.issuer.mintIdToken());
    client.setLogins(logins);
    await client.getCredentials();
    await fx.client({ identityStore, logins }).getCredentials();
    client.setLogins(undefined);
    const next = await client.getCredentials();
    expect(next.identityId).not.toBe(guest.identityId);
    expect(fx.server.calls.GetId).toBe(2);
  });

  it("drops a stored id the service does not know (ResourceNotFoundException) and gets a new one", async () => {
    const identityStore = memoryIdentityStore();
    await fx.client({ identityStore }).getCredentials();
    await fx.close();
    fx = await startFixture();
    const credentials = await fx.client({ identityStore }).getCredentials();
    expect(fx.server.identities(POOL_ID)).toEqual([credentials.identityId]);
    expect(fx.server.calls.GetId).toBe(1);
  });

  it("keeps the stored id after NotAuthorizedException when GetId fails the same way", async () => {
    const identityStore = memoryIdentityStore();
    const logins = { [fx.loginKey]: await fx.issuer.mintIdToken({}, { expiresIn: 60 }) };
    const first = await fx.client({ identityStore, logins }).getCredentials();
    fx.advance(120);
    const client = fx.client({ identityStore, logins });
    expect((await failure(client.getCredentials())).code).toBe("NotAuthorizedException");
    expect(await client.getIdentityId()).toBe(first.identityId);
  });

  it("clearCache() forgets credentials and stored ids", async () => {
    const identityStore = memoryIdentityStore();
    const client = fx.client({ identityStore });
    const first = await client.getCredentials();
    await client.clearCache();
    const second = await client.getCredentials();
    expect(second.identityId).not.toBe(first.identityId);
    expect(fx.server.calls.GetId).toBe(2);
  });

  it("a throwing store is treated as empty", async () => {
    const broken = {
      get: () => {
        throw new Error("quota");
      },
      set: () => Promise.reject(new Error("quota")),
      delete: () => undefined,
    };
    await expect(fx.client({ identityStore: broken }).getCredentials()).resolves.toBeDefined();
  });
});

describe("misconfigurations", () => {
  it("an issuer that does not match the login key says how to fix it", async () => {
    const token = await fx.issuer.mintIdToken({
      iss: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other",
    });
    const error = await failure(fx.client({ logins: { [fx.loginKey]: token } }).getCredentials());
    expect(error.code).toBe("NotAuthorizedException");
    expect(error.message).toContain("Issuer doesn't match providerName");
    expect(error.hint).toContain("loginsFromIdToken");
  });

  it("an access token instead of the ID token says to pass the ID token", async () => {
    const token = await fx.issuer.mintAccessToken();
    const error = await failure(fx.client({ logins: { [fx.loginKey]: token } }).getCredentials());
    expect(error.message).toContain("Missing a required claim: aud");
    expect(error.hint).toContain("ID token");
  });

  it("guest access on a pool without it says to enable it or sign in", async () => {
    await fx.close();
    fx = await startFixture({ allowUnauthenticated: false });
    const error = await failure(fx.client().getCredentials());
    expect(error.code).toBe("NotAuthorizedException");
    expect(error.message).toContain(
      "Unauthenticated access is not supported for this identity pool",
    );
    expect(error.hint).toContain("AllowUnauthenticatedIdentities");
  });

  it("a pool without a guest role says to check the role trust policy", async () => {
    await fx.close();
    fx = await startFixture({ unauthenticatedRoleArn: undefined });
    const error = await failure(fx.client().getCredentials());
    expect(error.code).toBe("InvalidIdentityPoolConfigurationException");
    expect(error.hint).toContain("cognito-identity.amazonaws.com:aud");
  });

  it("a provider the pool does not know says to add it", async () => {
    await fx.close();
    fx = await startFixture({ providers: {} });
    const logins = loginsFromIdToken(await fx.issuer.mintIdToken());
    const error = await failure(fx.client({ logins }).getCredentials());
    expect(error.hint).toContain("authentication providers");
  });

  it("an unknown pool says to check the pool id", async () => {
    const error = await failure(
      fx
        .client({ identityPoolId: "us-east-1:00000000-0000-4000-8000-00000000dead" })
        .getCredentials(),
    );
    expect(error.code).toBe("ResourceNotFoundException");
    expect(error.hint).toContain("identity pool id");
  });

  it("error messages never contain the login token", async () => {
    const token = await fx.issuer.mintAccessToken();
    const error = await failure(fx.client({ logins: { [fx.loginKey]: token } }).getCredentials());
    expect(JSON.stringify({ m: error.message, h: error.hint })).not.toContain(token.split(".")[1]);
  });
});

describe("options passed to the service", () => {
  it("keeps identity ids in an async key-value store (awaited reads and writes)", async () => {
    const map = new Map<string, string>();
    const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
    const identityStore = {
      get: async (key: string) => {
        await tick();
        return map.get(key);
      },
      set: async (key: string, value: string) => {
        await tick();
        map.set(key, value);
      },
      delete: async (key: string) => {
        await tick();
        map.delete(key);
      },
    };
    const first = await fx.client({ identityStore }).getCredentials();
    expect([...map.values()]).toEqual([first.identityId]);
    const second = await fx.client({ identityStore }).getCredentials();
    expect(second.identityId).toBe(first.identityId);
    expect(fx.server.calls.GetId).toBe(1);
  });

  it("sends accountId with GetId; the wrong account is refused by the service", async () => {
    const owned = await startFixture({ accountId: "123456789012" });
    try {
      const ok = await owned.client({ accountId: "123456789012" }).getCredentials();
      expect(ok.identityId).toMatch(/^us-east-1:/);
      const error = await failure(owned.client({ accountId: "210987654321" }).getCredentials());
      expect(error.code).toBe("NotAuthorizedException");
    } finally {
      await owned.close();
    }
  });

  it("asks for customRoleArn and gets that role", async () => {
    const admin = "arn:aws:iam::123456789012:role/Admin";
    const custom = await startFixture({ customRoleArns: [admin] });
    try {
      const logins = loginsFromIdToken(await custom.issuer.mintIdToken());
      await custom.client({ logins, customRoleArn: admin }).getCredentials();
      expect(custom.server.issuedCredentials.at(-1)?.roleArn).toBe(admin);
    } finally {
      await custom.close();
    }
  });
});
