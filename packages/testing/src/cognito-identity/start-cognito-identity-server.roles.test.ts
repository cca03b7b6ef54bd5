/**
 * Roles on the loopback identity pool: role mappings resolved with `resolveIdentityPoolRole`,
 * trust policies checked by the evaluator in both flows, principal tags, and credentials tied to
 * their role session (`credentialsFor`). Real HTTP on 127.0.0.1, one injected clock.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCognitoIdentityServer } from "./start-cognito-identity-server.js";
import {
  ACCOUNT,
  AUTH_ROLE,
  callJson,
  callSts,
  DENY_POOL,
  ERROR_SUFFIX,
  GUEST_ONLY_ROLE,
  GUEST_ROLE,
  NOW_S,
  OIDC_ONLY_ROLE,
  OTHER_POOL_ROLE,
  type RawResponse,
  READ_OWN_ITEMS,
  READERS_ROLE,
  ROLES_POOL,
  type RolesFixture,
  SALES_ROLE,
  startRolesFixture,
  trustPolicy,
  UNKNOWN_ROLE,
  UNTAGGED_ROLE,
  WRITERS_ROLE,
  xmlText,
} from "./test-support.js";

const INVALID_CONFIGURATION =
  "Invalid identity pool configuration. Check assigned IAM roles for this pool.";

let f: RolesFixture;
beforeAll(async () => {
  f = await startRolesFixture();
});
afterAll(async () => {
  await f.close();
});

type Provider = "userPool" | "oidc";

async function loginsFor(
  provider: Provider,
  claims: Record<string, unknown>,
): Promise<Record<string, string>> {
  const withSub = { sub: randomUUID(), ...claims };
  return provider === "userPool"
    ? { [f.userPoolKey]: await f.cognito.mintIdToken(withSub) }
    : { [f.oidcKey]: await f.oidc.mintToken({ aud: f.oidc.clientId, ...withSub }) };
}

/** GetId then GetCredentialsForIdentity with the same logins. */
async function credentials(
  poolId: string,
  logins: Record<string, string> | undefined,
  customRoleArn?: string,
): Promise<RawResponse & { identityId: string }> {
  const getId = await callJson(f.server.url, "GetId", {
    IdentityPoolId: poolId,
    ...(logins === undefined ? {} : { Logins: logins }),
  });
  expect(getId.status).toBe(200);
  const identityId = (JSON.parse(getId.text) as { IdentityId: string }).IdentityId;
  const response = await callJson(f.server.url, "GetCredentialsForIdentity", {
    IdentityId: identityId,
    ...(logins === undefined ? {} : { Logins: logins }),
    ...(customRoleArn === undefined ? {} : { CustomRoleArn: customRoleArn }),
  });
  return { ...response, identityId };
}

function accessKeyOf(response: RawResponse): string {
  expect(response.status).toBe(200);
  return (JSON.parse(response.text) as { Credentials: { AccessKeyId: string } }).Credentials
    .AccessKeyId;
}

function expectJsonError(response: RawResponse, type: string, message: string) {
  expect(response.status).toBe(400);
  expect(response.headers.get("x-amzn-errortype")).toBe(`${type}${ERROR_SUFFIX}`);
  expect(JSON.parse(response.text)).toEqual({ __type: type, message });
}

describe("GetCredentialsForIdentity: the role Cognito resolves", () => {
  it.each([
    {
      name: "Token mapping: cognito:preferred_role",
      provider: "userPool" as const,
      claims: {
        "cognito:roles": [READERS_ROLE, WRITERS_ROLE],
        "cognito:preferred_role": WRITERS_ROLE,
      },
      roleArn: WRITERS_ROLE,
    },
    {
      name: "Token mapping: the only role in cognito:roles",
      provider: "userPool" as const,
      claims: { "cognito:roles": [READERS_ROLE] },
      roleArn: READERS_ROLE,
    },
    {
      name: "Token mapping: a CustomRoleArn listed in cognito:roles",
      provider: "userPool" as const,
      claims: { "cognito:roles": [READERS_ROLE, WRITERS_ROLE] },
      customRoleArn: READERS_ROLE,
      roleArn: READERS_ROLE,
    },
    {
      name: "Rules mapping: the first rule that matches",
      provider: "oidc" as const,
      claims: { department: "sales", email: "oidc-only@example.com" },
      roleArn: SALES_ROLE,
    },
    {
      name: "Rules mapping: a later rule (StartsWith) when the first does not match",
      provider: "oidc" as const,
      claims: { department: "ops", email: "oidc-only@example.com" },
      roleArn: OIDC_ONLY_ROLE,
    },
    {
      name: "Rules mapping: no match, AmbiguousRoleResolution AuthenticatedRole",
      provider: "oidc" as const,
      claims: { department: "ops", email: "someone@example.com" },
      roleArn: AUTH_ROLE,
    },
    {
      name: "Rules mapping without principal tags: no sts:TagSession needed in the trust policy",
      provider: "oidc" as const,
      claims: { email: "someone@untagged.example.com" },
      roleArn: UNTAGGED_ROLE,
    },
  ])("$name", async ({ provider, claims, customRoleArn, roleArn }) => {
    const response = await credentials(
      ROLES_POOL,
      await loginsFor(provider, claims),
      customRoleArn,
    );
    expect(f.server.credentialsFor(accessKeyOf(response))?.roleArn).toBe(roleArn);
  });

  it("gives guests the unauthenticated role with AWS's scope-down session policy", async () => {
    const response = await credentials(ROLES_POOL, undefined);
    const issued = f.server.credentialsFor(accessKeyOf(response));
    expect(issued).toMatchObject({
      roleArn: GUEST_ROLE,
      authenticationType: "unauthenticated",
      authenticationProvider: null,
      principalTags: {},
    });
    expect(issued?.sessionPolicy?.Statement).toBeDefined();
  });
});

describe("guestSessionPolicy", () => {
  it.each([
    {
      name: "null: guests get the role's permissions only",
      guestSessionPolicy: null,
      expected: undefined,
    },
    {
      name: "a policy: guests get it as their session policy",
      guestSessionPolicy: READ_OWN_ITEMS,
      expected: READ_OWN_ITEMS,
    },
  ])("$name", async ({ guestSessionPolicy, expected }) => {
    const server = await startCognitoIdentityServer({
      pools: [
        {
          identityPoolId: ROLES_POOL,
          allowUnauthenticated: true,
          authenticatedRoleArn: AUTH_ROLE,
          unauthenticatedRoleArn: GUEST_ROLE,
        },
      ],
      guestSessionPolicy,
    });
    try {
      const id = JSON.parse(
        (await callJson(server.url, "GetId", { IdentityPoolId: ROLES_POOL })).text,
      ).IdentityId;
      const response = await callJson(server.url, "GetCredentialsForIdentity", { IdentityId: id });
      expect(server.credentialsFor(accessKeyOf(response))?.sessionPolicy).toEqual(expected);
    } finally {
      await server.close();
    }
  });
});

describe("GetCredentialsForIdentity: what Cognito refuses", () => {
  it.each([
    {
      name: "Token mapping, several roles and no preferred role, Deny",
      pool: ROLES_POOL,
      provider: "userPool" as const,
      claims: { "cognito:roles": [READERS_ROLE, WRITERS_ROLE] },
      type: "NotAuthorizedException",
      message: () =>
        `The ambiguous role mapping rules for: ${f.userPoolMappingKey} denied this request.`,
    },
    {
      name: "Token mapping, no cognito:roles at all, Deny",
      pool: ROLES_POOL,
      provider: "userPool" as const,
      claims: {},
      type: "NotAuthorizedException",
      message: () =>
        `The ambiguous role mapping rules for: ${f.userPoolMappingKey} denied this request.`,
    },
    {
      name: "Token mapping, a CustomRoleArn not in cognito:roles",
      pool: ROLES_POOL,
      provider: "userPool" as const,
      claims: { "cognito:roles": [READERS_ROLE] },
      customRoleArn: WRITERS_ROLE,
      type: "NotAuthorizedException",
      message: () =>
        "The requested CustomRoleArn is not one of the roles in the token's cognito:roles claim.",
    },
    {
      name: "Rules mapping, no rule matches, Deny",
      pool: DENY_POOL,
      provider: "oidc" as const,
      claims: { department: "ops" },
      type: "NotAuthorizedException",
      message: () => `The ambiguous role mapping rules for: ${f.oidcKey} denied this request.`,
    },
    {
      name: "the resolved role does not exist in IAM",
      pool: ROLES_POOL,
      provider: "userPool" as const,
      claims: { "cognito:roles": [UNKNOWN_ROLE] },
      type: "InvalidIdentityPoolConfigurationException",
      message: () => INVALID_CONFIGURATION,
    },
    {
      name: "the role's trust policy names another pool (aud)",
      pool: ROLES_POOL,
      provider: "userPool" as const,
      claims: { "cognito:preferred_role": OTHER_POOL_ROLE },
      type: "InvalidIdentityPoolConfigurationException",
      message: () => INVALID_CONFIGURATION,
    },
    {
      name: "a rule maps to a role trusting another pool (aud)",
      pool: DENY_POOL,
      provider: "oidc" as const,
      claims: { department: "partners" },
      type: "InvalidIdentityPoolConfigurationException",
      message: () => INVALID_CONFIGURATION,
    },
    {
      name: "the role trusts guests only (amr unauthenticated)",
      pool: ROLES_POOL,
      provider: "userPool" as const,
      claims: { "cognito:preferred_role": GUEST_ONLY_ROLE },
      type: "InvalidIdentityPoolConfigurationException",
      message: () => INVALID_CONFIGURATION,
    },
    {
      name: "principal tags are mapped but the trust policy lacks sts:TagSession",
      pool: ROLES_POOL,
      provider: "userPool" as const,
      claims: { "cognito:preferred_role": UNTAGGED_ROLE },
      type: "InvalidIdentityPoolConfigurationException",
      message: () => INVALID_CONFIGURATION,
    },
  ])("$name: $type", async ({ pool, provider, claims, customRoleArn, type, message }) => {
    const issuedBefore = f.server.issuedCredentials.length;
    const response = await credentials(pool, await loginsFor(provider, claims), customRoleArn);
    expectJsonError(response, type, message());
    expect(f.server.issuedCredentials).toHaveLength(issuedBefore);
  });

  it("refuses a guest of a pool whose guest role does not trust it", async () => {
    const server = await startCognitoIdentityServer({
      pools: [
        {
          identityPoolId: ROLES_POOL,
          allowUnauthenticated: true,
          roleAttachment: {
            identityPoolId: ROLES_POOL,
            roles: { authenticated: AUTH_ROLE, unauthenticated: GUEST_ROLE },
          },
        },
      ],
      // The guest role trusts authenticated identities only: the classic copy-paste mistake.
      roles: [{ arn: GUEST_ROLE, trustPolicy: trustPolicy(ROLES_POOL, "authenticated") }],
    });
    try {
      const id = JSON.parse(
        (await callJson(server.url, "GetId", { IdentityPoolId: ROLES_POOL })).text,
      ).IdentityId;
      const response = await callJson(server.url, "GetCredentialsForIdentity", { IdentityId: id });
      expectJsonError(response, "InvalidIdentityPoolConfigurationException", INVALID_CONFIGURATION);
    } finally {
      await server.close();
    }
  });
});

describe("credentials tied to their role session", () => {
  it("says who signed: role, session, identity, provider, principal tags, policies", async () => {
    const logins = await loginsFor("userPool", {
      sub: "tagged-user",
      "cognito:roles": [AUTH_ROLE],
      "custom:tenant": "acme",
    });
    const response = await credentials(ROLES_POOL, logins);
    const accessKeyId = accessKeyOf(response);
    const issued = f.server.credentialsFor(accessKeyId);
    const { Credentials } = JSON.parse(response.text);
    expect(issued).toEqual({
      accessKeyId,
      secretAccessKey: Credentials.SecretKey,
      sessionToken: Credentials.SessionToken,
      identityId: response.identityId,
      identityPoolId: ROLES_POOL,
      roleArn: AUTH_ROLE,
      sessionName: "CognitoIdentityCredentials",
      assumedRoleArn: `arn:aws:sts::${ACCOUNT}:assumed-role/GatehouseAuthenticated/CognitoIdentityCredentials`,
      assumedRoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}:CognitoIdentityCredentials$/),
      accountId: ACCOUNT,
      authenticationType: "authenticated",
      authenticationProvider: `${f.userPoolKey},${f.userPoolKey}:CognitoSignIn:tagged-user`,
      principalTags: { username: "tagged-user", client: f.cognito.clientId, tenant: "acme" },
      permissionPolicies: [READ_OWN_ITEMS],
      expiration: new Date((NOW_S + 3600) * 1000),
      operation: "GetCredentialsForIdentity",
    });
    expect(f.server.issuedCredentials.at(-1)).toBe(issued);
  });

  it("keeps one role id per role across sessions, fresh keys per call", async () => {
    const logins = await loginsFor("oidc", { sub: "twice", department: "sales" });
    const first = f.server.credentialsFor(accessKeyOf(await credentials(ROLES_POOL, logins)));
    const second = f.server.credentialsFor(accessKeyOf(await credentials(ROLES_POOL, logins)));
    expect(second?.accessKeyId).not.toBe(first?.accessKeyId);
    expect(second?.assumedRoleId).toBe(first?.assumedRoleId);
    expect(second).toMatchObject({
      roleArn: SALES_ROLE,
      identityId: first?.identityId,
      authenticationProvider: `${f.oidcKey},${f.oidcKey}:OpenIdConnect:twice`,
      principalTags: { dept: "sales" },
    });
  });

  it("answers undefined for a key it never issued", () => {
    expect(f.server.credentialsFor("ASIAUNKNOWN000000000")).toBeUndefined();
    expect(f.server.credentialsFor("")).toBeUndefined();
  });

  it("still returns expired credentials, with their expiration", async () => {
    const accessKeyId = accessKeyOf(await credentials(ROLES_POOL, undefined));
    f.clock.now += 2 * 3600 * 1000;
    try {
      const issued = f.server.credentialsFor(accessKeyId);
      expect(issued?.expiration.getTime()).toBeLessThan(f.clock.now);
    } finally {
      f.clock.now -= 2 * 3600 * 1000;
    }
  });
});

describe("AssumeRoleWithWebIdentity: the role's trust policy decides (basic flow)", () => {
  async function openIdToken(
    poolId: string,
    logins: Record<string, string> | undefined,
  ): Promise<{ identityId: string; token: string }> {
    const withLogins = logins === undefined ? {} : { Logins: logins };
    const getId = await callJson(f.server.url, "GetId", { IdentityPoolId: poolId, ...withLogins });
    const identityId = JSON.parse(getId.text).IdentityId as string;
    const response = await callJson(f.server.url, "GetOpenIdToken", {
      IdentityId: identityId,
      ...withLogins,
    });
    expect(response.status).toBe(200);
    return { identityId, token: JSON.parse(response.text).Token as string };
  }

  function assume(roleArn: string, token: string, sessionName = "basic-session") {
    return callSts(f.server.stsUrl, {
      Action: "AssumeRoleWithWebIdentity",
      Version: "2011-06-15",
      RoleArn: roleArn,
      RoleSessionName: sessionName,
      WebIdentityToken: token,
    });
  }

  it.each([
    {
      name: "the pool's default authenticated role",
      provider: "userPool" as const,
      roleArn: AUTH_ROLE,
    },
    // The basic flow ignores role mappings: any role whose trust policy lets the token in.
    {
      name: "a role no mapping names, trusting the pool",
      provider: "userPool" as const,
      roleArn: WRITERS_ROLE,
    },
    {
      name: "a role trusting the OIDC provider's amr entry",
      provider: "oidc" as const,
      roleArn: OIDC_ONLY_ROLE,
    },
  ])("issues credentials for $name", async ({ provider, roleArn }) => {
    const { identityId, token } = await openIdToken(
      ROLES_POOL,
      await loginsFor(provider, { sub: `basic-${provider}` }),
    );
    const response = await assume(roleArn, token, "basic-session");
    expect(response.status).toBe(200);
    const issued = f.server.credentialsFor(xmlText(response.text, "AccessKeyId") ?? "");
    expect(issued).toMatchObject({
      roleArn,
      sessionName: "basic-session",
      identityId,
      identityPoolId: ROLES_POOL,
      authenticationType: "authenticated",
      principalTags: {},
      operation: "AssumeRoleWithWebIdentity",
    });
    expect(xmlText(response.text, "Arn")).toBe(issued?.assumedRoleArn);
    expect(xmlText(response.text, "AssumedRoleId")).toBe(issued?.assumedRoleId);
  });

  it.each([
    { name: "a role IAM does not have", pool: ROLES_POOL, guest: false, roleArn: UNKNOWN_ROLE },
    {
      name: "a role trusting another pool",
      pool: ROLES_POOL,
      guest: false,
      roleArn: OTHER_POOL_ROLE,
    },
    {
      name: "a guest-only role for a signed-in token",
      pool: ROLES_POOL,
      guest: false,
      roleArn: GUEST_ONLY_ROLE,
    },
    {
      name: "an authenticated role for a guest token",
      pool: ROLES_POOL,
      guest: true,
      roleArn: AUTH_ROLE,
    },
    {
      name: "a role trusting only another provider's amr",
      pool: ROLES_POOL,
      guest: false,
      roleArn: OIDC_ONLY_ROLE,
    },
  ])("answers 403 AccessDenied for $name", async ({ pool, guest, roleArn }) => {
    const logins = guest ? undefined : await loginsFor("userPool", { sub: "basic-refused" });
    const { token } = await openIdToken(pool, logins);
    const issuedBefore = f.server.issuedCredentials.length;
    const response = await assume(roleArn, token);
    expect(response.status).toBe(403);
    expect(xmlText(response.text, "Code")).toBe("AccessDenied");
    expect(xmlText(response.text, "Message")).toBe(
      "Not authorized to perform sts:AssumeRoleWithWebIdentity",
    );
    expect(f.server.issuedCredentials).toHaveLength(issuedBefore);
  });

  it("lets a guest token assume the guest role, tied to the guest identity", async () => {
    const { identityId, token } = await openIdToken(ROLES_POOL, undefined);
    const response = await assume(GUEST_ROLE, token);
    expect(response.status).toBe(200);
    expect(f.server.credentialsFor(xmlText(response.text, "AccessKeyId") ?? "")).toMatchObject({
      identityId,
      authenticationType: "unauthenticated",
      authenticationProvider: null,
    });
  });
});

describe("startCognitoIdentityServer: roles options", () => {
  const pool = (extra: Record<string, unknown>) => ({ identityPoolId: ROLES_POOL, ...extra });
  it.each([
    {
      name: "a pool with neither roleAttachment nor authenticatedRoleArn",
      options: { pools: [pool({})] },
      message: /authenticatedRoleArn is required/,
    },
    {
      name: "a pool with both roleAttachment and authenticatedRoleArn",
      options: {
        pools: [
          pool({
            authenticatedRoleArn: AUTH_ROLE,
            roleAttachment: { identityPoolId: ROLES_POOL, roles: {} },
          }),
        ],
      },
      message: /not both/,
    },
    {
      name: "a roleAttachment of another pool",
      options: {
        pools: [
          pool({
            roleAttachment: { identityPoolId: DENY_POOL, roles: { authenticated: AUTH_ROLE } },
          }),
        ],
      },
      message: /not the pool's/,
    },
    {
      name: "a roleAttachment Cognito would not save (Rules without rules)",
      options: {
        pools: [
          pool({
            roleAttachment: {
              identityPoolId: ROLES_POOL,
              roles: { authenticated: AUTH_ROLE },
              roleMappings: {
                "accounts.google.com": { type: "Rules", ambiguousRoleResolution: "Deny" },
              },
            },
          }),
        ],
      },
      message: /invalid_role_mapping/,
    },
    {
      name: "allowUnauthenticated contradicting the attachment",
      options: {
        pools: [
          pool({
            allowUnauthenticated: true,
            roleAttachment: {
              identityPoolId: ROLES_POOL,
              roles: { authenticated: AUTH_ROLE },
              allowUnauthenticatedIdentities: false,
            },
          }),
        ],
      },
      message: /disagree/,
    },
    {
      name: "a role whose arn is not a role ARN",
      options: {
        pools: [pool({ authenticatedRoleArn: AUTH_ROLE })],
        roles: [
          {
            arn: "arn:aws:iam::123456789012:user/bob",
            trustPolicy: trustPolicy(ROLES_POOL, "authenticated"),
          },
        ],
      },
      message: /must be a role ARN/,
    },
    {
      name: "a role listed twice",
      options: {
        pools: [pool({ authenticatedRoleArn: AUTH_ROLE })],
        roles: [
          { arn: AUTH_ROLE, trustPolicy: trustPolicy(ROLES_POOL, "authenticated") },
          { arn: AUTH_ROLE, trustPolicy: trustPolicy(ROLES_POOL, "authenticated") },
        ],
      },
      message: /twice/,
    },
    {
      name: "a trust policy IAM would not save (not JSON)",
      options: {
        pools: [pool({ authenticatedRoleArn: AUTH_ROLE })],
        roles: [{ arn: AUTH_ROLE, trustPolicy: "{not json" }],
      },
      message: /trustPolicy is not a trust policy IAM would save/,
    },
    {
      name: "a trust policy with a Resource (IAM refuses it in a trust policy)",
      options: {
        pools: [pool({ authenticatedRoleArn: AUTH_ROLE })],
        roles: [
          {
            arn: AUTH_ROLE,
            trustPolicy: {
              Version: "2012-10-17",
              Statement: {
                Effect: "Allow",
                Principal: { Federated: "cognito-identity.amazonaws.com" },
                Action: "sts:AssumeRoleWithWebIdentity",
                Resource: "*",
              },
            },
          },
        ],
      },
      message: /trustPolicy is not a trust policy IAM would save/,
    },
    {
      name: "a role without a trust policy",
      options: { pools: [pool({ authenticatedRoleArn: AUTH_ROLE })], roles: [{ arn: AUTH_ROLE }] },
      message: /trustPolicy is required/,
    },
    {
      name: "a permission policy that is not a policy",
      options: {
        pools: [pool({ authenticatedRoleArn: AUTH_ROLE })],
        roles: [
          {
            arn: AUTH_ROLE,
            trustPolicy: trustPolicy(ROLES_POOL, "authenticated"),
            permissionPolicies: [{ Statement: [{ Effect: "Maybe" }] }],
          },
        ],
      },
      message: /permissionPolicies\[0\] is invalid/,
    },
    {
      name: "a guestSessionPolicy that is not a policy",
      options: {
        pools: [pool({ authenticatedRoleArn: AUTH_ROLE })],
        guestSessionPolicy: { Statement: "nope" },
      },
      message: /guestSessionPolicy is invalid/,
    },
  ])("refuses $name with a TypeError", async ({ options, message }) => {
    await expect(
      startCognitoIdentityServer(
        options as unknown as Parameters<typeof startCognitoIdentityServer>[0],
      ),
    ).rejects.toThrow(message);
    await expect(
      startCognitoIdentityServer(
        options as unknown as Parameters<typeof startCognitoIdentityServer>[0],
      ),
    ).rejects.toBeInstanceOf(TypeError);
  });
});
