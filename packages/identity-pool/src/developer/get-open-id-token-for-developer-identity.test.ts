import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isIdentityPoolError } from "../errors.js";
import {
  AUTH_ROLE,
  DEVELOPER_CREDENTIALS,
  DEVELOPER_PROVIDER,
  type Fixture,
  POOL_ID,
  startFixture,
} from "../internal/test-fixture.js";
import { getOpenIdTokenForDeveloperIdentity } from "./get-open-id-token-for-developer-identity.js";

let fx: Fixture;
beforeEach(async () => {
  fx = await startFixture();
});
afterEach(async () => {
  await fx.close();
});

const tokenFor = (userId: string, overrides: { secretAccessKey?: string } = {}) =>
  getOpenIdTokenForDeveloperIdentity({
    identityPoolId: POOL_ID,
    logins: { [DEVELOPER_PROVIDER]: userId },
    credentials: { ...DEVELOPER_CREDENTIALS, ...overrides },
    endpoint: fx.server.url,
    date: () => new Date(fx.now()),
  });

describe("getOpenIdTokenForDeveloperIdentity", () => {
  it("returns an identity id and token from a SigV4-signed call (service cognito-identity)", async () => {
    const { identityId, token } = await tokenFor("user-42");
    expect(identityId).toMatch(/^us-east-1:/);
    expect(token.split(".")).toHaveLength(3);
    expect(fx.server.calls.GetOpenIdTokenForDeveloperIdentity).toBe(1);
  });

  it("returns the same identity for the same user", async () => {
    const first = await tokenFor("user-42");
    expect((await tokenFor("user-42")).identityId).toBe(first.identityId);
  });

  it("a wrong secret is refused with the service's error type, and no secret in the message", async () => {
    const error = await tokenFor("user-42", { secretAccessKey: "wrong-secret" }).catch(
      (e: unknown) => e,
    );
    expect(isIdentityPoolError(error) && error.code).toMatch(/Signature/);
    expect(String(error)).not.toContain("wrong-secret");
  });

  it("the browser client exchanges the identity id and token (enhanced flow, no GetId)", async () => {
    const client = fx.client({ developerIdentity: () => tokenFor("user-42") });
    const credentials = await client.getCredentials();
    expect(credentials.identityId).toBe((await tokenFor("user-42")).identityId);
    expect(fx.server.calls.GetId).toBe(0);
    expect(fx.server.issuedCredentials.at(-1)?.roleArn).toBe(AUTH_ROLE);
  });

  it("the basic flow assumes roleArn with the developer token directly", async () => {
    const client = fx.client({
      flow: "basic",
      roleArn: AUTH_ROLE,
      developerIdentity: () => tokenFor("u"),
    });
    await client.getCredentials();
    expect([fx.server.calls.GetOpenIdToken, fx.server.calls.AssumeRoleWithWebIdentity]).toEqual([
      0, 1,
    ]);
  });

  it("rejects empty logins with a TypeError", async () => {
    await expect(
      getOpenIdTokenForDeveloperIdentity({
        identityPoolId: POOL_ID,
        logins: {},
        credentials: DEVELOPER_CREDENTIALS,
      }),
    ).rejects.toThrow(TypeError);
  });
});
