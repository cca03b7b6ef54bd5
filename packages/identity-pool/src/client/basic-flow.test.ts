import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AUTH_ROLE, type Fixture, GUEST_ROLE, startFixture } from "../internal/test-fixture.js";
import { loginsFromIdToken } from "../logins/logins-from-id-token.js";

let fx: Fixture;
beforeEach(async () => {
  fx = await startFixture();
});
afterEach(async () => {
  await fx.close();
});

describe("basic (classic) flow", () => {
  it("exchanges logins with GetId + GetOpenIdToken + STS AssumeRoleWithWebIdentity", async () => {
    const client = fx.client({
      flow: "basic",
      roleArn: AUTH_ROLE,
      logins: loginsFromIdToken(await fx.issuer.mintIdToken()),
    });
    const credentials = await client.getCredentials();
    const issued = fx.server.issuedCredentials.at(-1);
    expect(issued?.operation).toBe("AssumeRoleWithWebIdentity");
    expect(credentials).toEqual({
      accessKeyId: issued?.accessKeyId,
      secretAccessKey: issued?.secretAccessKey,
      sessionToken: issued?.sessionToken,
      expiration: issued?.expiration,
      identityId: issued?.identityId,
    });
    expect([fx.server.calls.GetId, fx.server.calls.GetOpenIdToken]).toEqual([1, 1]);
    expect(fx.server.calls.AssumeRoleWithWebIdentity).toBe(1);
  });

  it("assumes guestRoleArn for guests", async () => {
    const client = fx.client({ flow: "basic", roleArn: AUTH_ROLE, guestRoleArn: GUEST_ROLE });
    await client.getCredentials();
    expect(fx.server.issuedCredentials.at(-1)?.roleArn).toBe(GUEST_ROLE);
  });

  it("sends DurationSeconds", async () => {
    const client = fx.client({ flow: "basic", roleArn: GUEST_ROLE, durationSeconds: 900 });
    const credentials = await client.getCredentials();
    expect(credentials.expiration.getTime()).toBe(fx.now() + 900_000);
  });

  it("retries throttled STS calls (Throttling)", async () => {
    fx.server.throttle("AssumeRoleWithWebIdentity", 2);
    await fx.client({ flow: "basic", roleArn: GUEST_ROLE }).getCredentials();
    expect(fx.server.calls.AssumeRoleWithWebIdentity).toBe(3);
  });

  it("a role the pool's token may not assume says to fix the trust policy", async () => {
    const client = fx.client({ flow: "basic", roleArn: AUTH_ROLE }); // a guest asking for the authenticated role
    await expect(client.getCredentials()).rejects.toThrowCode("AccessDenied", {
      name: "IdentityPoolError",
      status: 403,
      hint: expect.stringContaining("trust"),
    });
  });

  it("an STS answer without Credentials is invalid_response of AssumeRoleWithWebIdentity", async () => {
    const fetch = (async (url: string, init: RequestInit) =>
      String(init.body).startsWith("Action=AssumeRoleWithWebIdentity")
        ? new Response("<AssumeRoleWithWebIdentityResponse/>")
        : globalThis.fetch(url, init)) as unknown as typeof globalThis.fetch;
    const client = fx.client({ flow: "basic", roleArn: GUEST_ROLE, fetch });
    await expect(client.getCredentials()).rejects.toThrowCode("invalid_response", {
      operation: "AssumeRoleWithWebIdentity",
    });
  });
});
