import { COGNITO_UNAUTHENTICATED_SESSION_POLICY } from "@gatehouse/policy";
import { signRequest, verifySigV4 } from "@gatehouse/sigv4";
import { createRemoteJWKSet, decodeJwt, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCognitoIdentityServer } from "./start-cognito-identity-server.js";
import {
  ADMIN_ROLE,
  AUTH_ONLY_POOL,
  AUTH_ROLE,
  callJson,
  callSts,
  DEVELOPER_CREDENTIALS,
  DEVELOPER_PROVIDER,
  ERROR_SUFFIX,
  type Fixture,
  GUEST_ROLE,
  NO_GUEST_ROLE_POOL,
  NOW_MS,
  NOW_S,
  POOL,
  type RawResponse,
  REGION,
  startFixture,
  xmlText,
} from "./test-support.js";

const ID = /^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f.close();
});

function expectJsonError(response: RawResponse, status: number, type: string, message: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
  expect(response.headers.get("x-amzn-errortype")).toBe(`${type}${ERROR_SUFFIX}`);
  expect(JSON.parse(response.text)).toEqual({ __type: type, message });
}

async function guestId(poolId = POOL): Promise<string> {
  const response = await callJson(f.server.url, "GetId", { IdentityPoolId: poolId });
  return (JSON.parse(response.text) as { IdentityId: string }).IdentityId;
}

async function userPoolLogins(claims: Record<string, unknown> = {}) {
  return { [f.userPoolKey]: await f.cognito.mintIdToken(claims) };
}

async function openIdToken(identityId: string, logins?: Record<string, string>): Promise<string> {
  const response = await callJson(f.server.url, "GetOpenIdToken", {
    IdentityId: identityId,
    ...(logins === undefined ? {} : { Logins: logins }),
  });
  expect(response.status).toBe(200);
  return (JSON.parse(response.text) as { Token: string }).Token;
}

async function signedDeveloperCall(input: unknown, secretAccessKey?: string) {
  const signed = await signRequest(
    {
      method: "POST",
      url: f.server.url,
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "AWSCognitoIdentityService.GetOpenIdTokenForDeveloperIdentity",
      },
      body: JSON.stringify(input),
    },
    {
      credentials: {
        ...DEVELOPER_CREDENTIALS,
        ...(secretAccessKey === undefined ? {} : { secretAccessKey }),
      },
      region: REGION,
      service: "cognito-identity",
      date: new Date(f.clock.now),
    },
  );
  const { host: _host, ...headers } = signed.headers;
  const response = await fetch(signed.url, {
    method: "POST",
    headers,
    body: signed.body as string,
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe("startCognitoIdentityServer: server", () => {
  it("listens on 127.0.0.1 and names the same endpoint for STS", () => {
    expect(f.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(f.server.stsUrl).toBe(f.server.url);
    expect(f.server.openIdIssuer).toBe("https://cognito-identity.amazonaws.com");
    expect(f.server.openIdJwksUri).toBe(`${f.server.url}.well-known/jwks.json`);
  });

  it("sends Date from the injected clock and a request id", async () => {
    const response = await callJson(f.server.url, "GetId", { IdentityPoolId: POOL });
    expect(response.headers.get("date")).toBe(new Date(NOW_MS).toUTCString());
    expect(response.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers CORS preflights for the headers browsers send", async () => {
    const response = await fetch(f.server.url, {
      method: "OPTIONS",
      headers: {
        Origin: "http://127.0.0.1:9999",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,x-amz-target",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:9999");
    expect(response.headers.get("access-control-allow-headers")).toContain("x-amz-target");
    expect(response.headers.get("access-control-expose-headers")).toContain("x-amzn-ErrorType");
  });

  it("refuses malformed options with TypeError", async () => {
    await expect(startCognitoIdentityServer({ pools: [] })).rejects.toThrow(TypeError);
    await expect(
      startCognitoIdentityServer({
        pools: [{ identityPoolId: "not-a-pool", authenticatedRoleArn: AUTH_ROLE }],
      }),
    ).rejects.toThrow(/identityPoolId/);
    await expect(
      startCognitoIdentityServer({
        pools: [
          {
            identityPoolId: POOL,
            authenticatedRoleArn: AUTH_ROLE,
            providers: { "accounts.example.com": { jwksUri: "https://example.com/jwks.json" } },
          },
        ],
      }),
    ).rejects.toThrow(/loopback/);
  });

  it("answers UnknownOperationException for an unknown target or content type, uncounted", async () => {
    const before = { ...f.server.calls };
    const unknown = await callJson(f.server.url, "DeleteIdentities", {});
    expectJsonError(unknown, 400, "UnknownOperationException", "");
    const wrongType = await callJson(
      f.server.url,
      "GetId",
      { IdentityPoolId: POOL },
      { "Content-Type": "application/json" },
    );
    expectJsonError(wrongType, 400, "UnknownOperationException", "");
    expect(f.server.calls).toEqual(before);
  });

  it("answers SerializationException for a body that is not a JSON object", async () => {
    const response = await callJson(f.server.url, "GetId", "{not json");
    expectJsonError(
      response,
      400,
      "SerializationException",
      "Unable to parse the request body as JSON.",
    );
  });
});

describe("GetId", () => {
  it("creates a guest identity {region}:{uuid} in the exact response shape", async () => {
    const response = await callJson(f.server.url, "GetId", { IdentityPoolId: POOL });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    const body = JSON.parse(response.text) as { IdentityId: string };
    expect(Object.keys(body)).toEqual(["IdentityId"]);
    expect(body.IdentityId).toMatch(ID);
    expect(f.server.identities(POOL)).toContain(body.IdentityId);
  });

  it("answers ResourceNotFoundException for an unknown pool", async () => {
    const pool = "us-east-1:00000000-0000-4000-8000-000000000000";
    const response = await callJson(f.server.url, "GetId", { IdentityPoolId: pool });
    expectJsonError(
      response,
      400,
      "ResourceNotFoundException",
      `IdentityPool '${pool}' not found.`,
    );
  });

  it("refuses guests when the pool does not allow them", async () => {
    const response = await callJson(f.server.url, "GetId", { IdentityPoolId: AUTH_ONLY_POOL });
    expectJsonError(
      response,
      400,
      "NotAuthorizedException",
      "Unauthenticated access is not supported for this identity pool.",
    );
  });

  it("answers InvalidParameterException with AWS's validation text", async () => {
    const missing = await callJson(f.server.url, "GetId", {});
    expectJsonError(
      missing,
      400,
      "InvalidParameterException",
      "1 validation error detected: Value null at 'identityPoolId' failed to satisfy constraint: Member must not be null",
    );
    const malformed = await callJson(f.server.url, "GetId", { IdentityPoolId: "pool" });
    expect(JSON.parse(malformed.text)).toMatchObject({
      __type: "InvalidParameterException",
      message: expect.stringContaining("Member must satisfy regular expression pattern"),
    });
  });

  it("refuses an AccountId that does not own the pool", async () => {
    const response = await callJson(f.server.url, "GetId", {
      IdentityPoolId: POOL,
      AccountId: "210987654321",
    });
    expect(JSON.parse(response.text)).toMatchObject({ __type: "NotAuthorizedException" });
  });

  it("returns the same identity for the same user each time", async () => {
    const sub = "user-same-identity";
    const first = await callJson(f.server.url, "GetId", {
      IdentityPoolId: AUTH_ONLY_POOL,
      Logins: await userPoolLogins({ sub }),
    });
    const second = await callJson(f.server.url, "GetId", {
      IdentityPoolId: AUTH_ONLY_POOL,
      Logins: await userPoolLogins({ sub }),
    });
    expect(first.status).toBe(200);
    expect(JSON.parse(second.text)).toEqual(JSON.parse(first.text));
  });
});

describe("login validation", () => {
  async function getIdWith(logins: Record<string, string>, poolId = POOL) {
    return callJson(f.server.url, "GetId", { IdentityPoolId: poolId, Logins: logins });
  }
  const invalid = (reason: string) => `Invalid login token. ${reason}`;

  it("accepts a user-pool ID token checked against the provider's remote JWKS", async () => {
    const response = await getIdWith(await userPoolLogins());
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text).IdentityId).toMatch(ID);
  });

  it("accepts an OIDC token under its issuer's host key with inline keys", async () => {
    const token = await f.oidc.mintToken({ sub: "oidc-user", aud: f.oidc.clientId });
    const response = await getIdWith({ [f.oidcKey]: token });
    expect(response.status).toBe(200);
  });

  it("refuses an access token: it has no aud", async () => {
    const response = await getIdWith({ [f.userPoolKey]: await f.cognito.mintAccessToken() });
    expectJsonError(
      response,
      400,
      "NotAuthorizedException",
      invalid("Missing a required claim: aud"),
    );
  });

  it("refuses a token whose iss is not the login key's issuer", async () => {
    const token = await f.oidc.mintToken({ sub: "u", aud: f.cognito.clientId });
    const response = await getIdWith({ [f.userPoolKey]: token });
    expectJsonError(
      response,
      400,
      "NotAuthorizedException",
      invalid("Issuer doesn't match providerName"),
    );
  });

  it("refuses a token for another audience", async () => {
    const response = await getIdWith(await userPoolLogins({ aud: "another-client" }));
    expectJsonError(response, 400, "NotAuthorizedException", invalid("Incorrect token audience."));
  });

  it("refuses an expired token", async () => {
    const token = await f.cognito.mintIdToken({}, { expiresIn: -60 });
    const response = await getIdWith({ [f.userPoolKey]: token });
    expectJsonError(
      response,
      400,
      "NotAuthorizedException",
      invalid(`Token expired: ${NOW_S} >= ${NOW_S - 60}`),
    );
  });

  it("refuses a token signed by a key outside the JWKS", async () => {
    const token = await f.cognito.mintIdToken(
      {},
      { signWith: "other", header: { kid: f.cognito.currentKid } },
    );
    const response = await getIdWith({ [f.userPoolKey]: token });
    expectJsonError(
      response,
      400,
      "NotAuthorizedException",
      invalid("Couldn't verify signed token."),
    );
  });

  it.each([
    ["alg none", { alg: "none" }],
    ["HS256 with the public key", { alg: "HS256" }],
  ])("refuses an attack token (%s)", async (_name, options) => {
    const token = await f.cognito.mintIdToken({}, options);
    const response = await getIdWith({ [f.userPoolKey]: token });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).__type).toBe("NotAuthorizedException");
  });

  it("refuses a login that is not a JWT", async () => {
    const response = await getIdWith({ [f.userPoolKey]: "not-a-jwt" });
    expectJsonError(
      response,
      400,
      "NotAuthorizedException",
      invalid("Not a valid OpenId Connect identity token."),
    );
  });

  it("refuses a provider the pool does not have", async () => {
    const response = await getIdWith({ "accounts.google.com": await f.oidc.mintToken({}) });
    expectJsonError(
      response,
      400,
      "NotAuthorizedException",
      "Token is not from a supported provider of this identity pool.",
    );
  });
});

describe("GetCredentialsForIdentity", () => {
  it("returns guest credentials in AWS's shape, Expiration in epoch seconds", async () => {
    const identityId = await guestId();
    const response = await callJson(f.server.url, "GetCredentialsForIdentity", {
      IdentityId: identityId,
    });
    expect(response.status).toBe(200);
    expect(response.text).toContain(`"Expiration":${NOW_S + 3600}`);
    const body = JSON.parse(response.text);
    expect(Object.keys(body).sort()).toEqual(["Credentials", "IdentityId"]);
    expect(Object.keys(body.Credentials).sort()).toEqual([
      "AccessKeyId",
      "Expiration",
      "SecretKey",
      "SessionToken",
    ]);
    expect(body.IdentityId).toBe(identityId);
    expect(body.Credentials.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(body.Credentials.Expiration).toBe(NOW_S + 3600);
    expect(f.server.issuedCredentials.at(-1)).toEqual({
      accessKeyId: body.Credentials.AccessKeyId,
      secretAccessKey: body.Credentials.SecretKey,
      sessionToken: body.Credentials.SessionToken,
      identityId,
      identityPoolId: POOL,
      roleArn: GUEST_ROLE,
      sessionName: "CognitoIdentityCredentials",
      assumedRoleArn:
        "arn:aws:sts::123456789012:assumed-role/GatehouseUnauthenticated/CognitoIdentityCredentials",
      assumedRoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}:CognitoIdentityCredentials$/),
      accountId: "123456789012",
      authenticationType: "unauthenticated",
      authenticationProvider: null,
      principalTags: {},
      permissionPolicies: [],
      // Guests of the enhanced flow get AWS's scope-down session policy on top of the role.
      sessionPolicy: COGNITO_UNAUTHENTICATED_SESSION_POLICY,
      expiration: new Date((NOW_S + 3600) * 1000),
      operation: "GetCredentialsForIdentity",
    });
  });

  it("writes Expiration as 1.736946E9 with expirationFormat: exponent", async () => {
    const other = await startFixture({
      expirationFormat: "exponent",
      credentialsLifetimeSeconds: 3600,
    });
    try {
      const id = await callJson(other.server.url, "GetId", { IdentityPoolId: POOL });
      const response = await callJson(other.server.url, "GetCredentialsForIdentity", {
        IdentityId: JSON.parse(id.text).IdentityId,
      });
      expect(NOW_S + 3600).toBe(1_736_946_000);
      expect(response.text).toContain('"Expiration":1.736946E9');
      expect(JSON.parse(response.text).Credentials.Expiration).toBe(1_736_946_000);
    } finally {
      await other.close();
    }
  });

  it("gives an authenticated identity the authenticated role, or an allowed CustomRoleArn", async () => {
    const logins = await userPoolLogins({ sub: "role-user" });
    const id = JSON.parse(
      (await callJson(f.server.url, "GetId", { IdentityPoolId: POOL, Logins: logins })).text,
    ).IdentityId;
    await callJson(f.server.url, "GetCredentialsForIdentity", { IdentityId: id, Logins: logins });
    expect(f.server.issuedCredentials.at(-1)?.roleArn).toBe(AUTH_ROLE);
    await callJson(f.server.url, "GetCredentialsForIdentity", {
      IdentityId: id,
      Logins: logins,
      CustomRoleArn: ADMIN_ROLE,
    });
    expect(f.server.issuedCredentials.at(-1)?.roleArn).toBe(ADMIN_ROLE);
    const refused = await callJson(f.server.url, "GetCredentialsForIdentity", {
      IdentityId: id,
      Logins: logins,
      CustomRoleArn: "arn:aws:iam::123456789012:role/Other",
    });
    expect(JSON.parse(refused.text).__type).toBe("InvalidParameterException");
  });

  it("refuses an authenticated identity called without its logins", async () => {
    const logins = await userPoolLogins({ sub: "needs-logins" });
    const id = JSON.parse(
      (await callJson(f.server.url, "GetId", { IdentityPoolId: POOL, Logins: logins })).text,
    ).IdentityId;
    const response = await callJson(f.server.url, "GetCredentialsForIdentity", { IdentityId: id });
    expectJsonError(
      response,
      400,
      "NotAuthorizedException",
      "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    );
  });

  it("answers ResourceNotFoundException for an unknown identity", async () => {
    const identityId = "us-east-1:00000000-0000-4000-8000-000000000000";
    const response = await callJson(f.server.url, "GetCredentialsForIdentity", {
      IdentityId: identityId,
    });
    expectJsonError(
      response,
      400,
      "ResourceNotFoundException",
      `Identity '${identityId}' not found.`,
    );
  });

  it("answers InvalidIdentityPoolConfigurationException for a guest without a guest role", async () => {
    const response = await callJson(f.server.url, "GetCredentialsForIdentity", {
      IdentityId: await guestId(NO_GUEST_ROLE_POOL),
    });
    expectJsonError(
      response,
      400,
      "InvalidIdentityPoolConfigurationException",
      "Invalid identity pool configuration. Check assigned IAM roles for this pool.",
    );
  });

  it("issues credentials that a SigV4 verifier configured with issuedCredentials accepts", async () => {
    const response = await callJson(f.server.url, "GetCredentialsForIdentity", {
      IdentityId: await guestId(),
    });
    const { Credentials } = JSON.parse(response.text);
    const signed = await signRequest(
      { method: "GET", url: "http://127.0.0.1:1/prod/pets" },
      {
        credentials: {
          accessKeyId: Credentials.AccessKeyId,
          secretAccessKey: Credentials.SecretKey,
          sessionToken: Credentials.SessionToken,
        },
        region: REGION,
        date: new Date(NOW_MS),
      },
    );
    const verdict = await verifySigV4(
      { method: "GET", url: signed.url, headers: signed.headers, body: new Uint8Array() },
      { credentials: f.server.issuedCredentials, region: REGION, now: () => new Date(NOW_MS) },
    );
    expect(verdict).toMatchObject({ ok: true, accessKeyId: Credentials.AccessKeyId });
  });
});

describe("linking", () => {
  it("links a guest identity to a login: the id stays, GetId then returns it", async () => {
    const identityId = await guestId();
    const logins = await userPoolLogins({ sub: "linked-user" });
    const response = await callJson(f.server.url, "GetCredentialsForIdentity", {
      IdentityId: identityId,
      Logins: logins,
    });
    expect(JSON.parse(response.text).IdentityId).toBe(identityId);
    expect(f.server.issuedCredentials.at(-1)?.roleArn).toBe(AUTH_ROLE);
    const again = await callJson(f.server.url, "GetId", { IdentityPoolId: POOL, Logins: logins });
    expect(JSON.parse(again.text).IdentityId).toBe(identityId);
    // Once linked, the identity is authenticated: no more guest credentials.
    const guest = await callJson(f.server.url, "GetCredentialsForIdentity", {
      IdentityId: identityId,
    });
    expect(JSON.parse(guest.text).__type).toBe("NotAuthorizedException");
  });

  it("merges a guest into the identity the login already has", async () => {
    const logins = await userPoolLogins({ sub: "merged-user" });
    const existing = JSON.parse(
      (await callJson(f.server.url, "GetId", { IdentityPoolId: POOL, Logins: logins })).text,
    ).IdentityId;
    const guest = await guestId();
    const response = await callJson(f.server.url, "GetCredentialsForIdentity", {
      IdentityId: guest,
      Logins: logins,
    });
    expect(JSON.parse(response.text).IdentityId).toBe(existing);
    expect(f.server.identities(POOL)).not.toContain(guest);
  });

  it("links a second provider when the call carries a login the identity already has", async () => {
    const cognitoLogins = await userPoolLogins({ sub: "two-providers" });
    const id = JSON.parse(
      (await callJson(f.server.url, "GetId", { IdentityPoolId: POOL, Logins: cognitoLogins })).text,
    ).IdentityId;
    const oidcLogin = {
      [f.oidcKey]: await f.oidc.mintToken({ sub: "two-providers-oidc", aud: f.oidc.clientId }),
    };
    await callJson(f.server.url, "GetCredentialsForIdentity", {
      IdentityId: id,
      Logins: { ...cognitoLogins, ...oidcLogin },
    });
    const viaOidc = await callJson(f.server.url, "GetId", {
      IdentityPoolId: POOL,
      Logins: oidcLogin,
    });
    expect(JSON.parse(viaOidc.text).IdentityId).toBe(id);
  });
});

describe("GetOpenIdToken", () => {
  const jwks = () => createRemoteJWKSet(new URL(f.server.openIdJwksUri));

  it("returns a 10-minute token signed by the server's key: aud = pool, sub = identity", async () => {
    const logins = await userPoolLogins({ sub: "open-id-user" });
    const id = JSON.parse(
      (await callJson(f.server.url, "GetId", { IdentityPoolId: POOL, Logins: logins })).text,
    ).IdentityId;
    const response = await callJson(f.server.url, "GetOpenIdToken", {
      IdentityId: id,
      Logins: logins,
    });
    const body = JSON.parse(response.text);
    expect(Object.keys(body).sort()).toEqual(["IdentityId", "Token"]);
    const { payload, protectedHeader } = await jwtVerify(body.Token, jwks(), {
      issuer: "https://cognito-identity.amazonaws.com",
      audience: POOL,
      currentDate: new Date(NOW_MS),
    });
    expect(protectedHeader.alg).toBe("RS512");
    expect(payload.sub).toBe(id);
    expect(payload.exp).toBe(NOW_S + 600);
    const { amr } = payload;
    expect(amr).toEqual([
      "authenticated",
      f.userPoolKey,
      `${f.userPoolKey}:CognitoSignIn:open-id-user`,
    ]);
  });

  it("marks a guest's token unauthenticated", async () => {
    const token = await openIdToken(await guestId());
    const { amr } = decodeJwt(token);
    expect(amr).toEqual(["unauthenticated"]);
  });

  it("serves an OpenID configuration naming the issuer and keys", async () => {
    const response = await fetch(`${f.server.url}.well-known/openid-configuration`);
    expect(await response.json()).toMatchObject({
      issuer: f.server.openIdIssuer,
      jwks_uri: f.server.openIdJwksUri,
    });
  });
});

describe("GetOpenIdTokenForDeveloperIdentity", () => {
  it("answers a call signed with the developer credentials, one identity per user", async () => {
    const input = {
      IdentityPoolId: POOL,
      Logins: { [DEVELOPER_PROVIDER]: "dev-user-1" },
      TokenDuration: 3600,
    };
    const first = await signedDeveloperCall(input);
    expect(first.status).toBe(200);
    const body = JSON.parse(first.text);
    expect(body.IdentityId).toMatch(ID);
    const claims = decodeJwt(body.Token);
    expect(claims).toMatchObject({ sub: body.IdentityId, aud: POOL, exp: NOW_S + 3600 });
    const { amr } = claims;
    expect(amr).toEqual([
      "authenticated",
      DEVELOPER_PROVIDER,
      `${DEVELOPER_PROVIDER}:${POOL}:dev-user-1`,
    ]);
    const second = await signedDeveloperCall(input);
    expect(JSON.parse(second.text).IdentityId).toBe(body.IdentityId);
  });

  it("lets the token log in as cognito-identity.amazonaws.com", async () => {
    const developer = JSON.parse(
      (
        await signedDeveloperCall({
          IdentityPoolId: POOL,
          Logins: { [DEVELOPER_PROVIDER]: "dev-user-2" },
        })
      ).text,
    );
    const response = await callJson(f.server.url, "GetCredentialsForIdentity", {
      IdentityId: developer.IdentityId,
      Logins: { "cognito-identity.amazonaws.com": developer.Token },
    });
    expect(response.status).toBe(200);
    expect(f.server.issuedCredentials.at(-1)).toMatchObject({
      identityId: developer.IdentityId,
      roleArn: AUTH_ROLE,
    });
  });

  it("refuses an unsigned call", async () => {
    const response = await callJson(f.server.url, "GetOpenIdTokenForDeveloperIdentity", {
      IdentityPoolId: POOL,
      Logins: { [DEVELOPER_PROVIDER]: "dev-user-1" },
    });
    expectJsonError(
      response,
      400,
      "MissingAuthenticationTokenException",
      "Missing Authentication Token",
    );
  });

  it("refuses a call signed with another secret", async () => {
    const response = await signedDeveloperCall(
      { IdentityPoolId: POOL, Logins: { [DEVELOPER_PROVIDER]: "dev-user-1" } },
      "wrong-secret",
    );
    expect(response.status).toBe(400);
    expect(response.headers.get("x-amzn-errortype")).toBe(
      `InvalidSignatureException${ERROR_SUFFIX}`,
    );
  });

  it("refuses a developer provider the pool does not have", async () => {
    const response = await signedDeveloperCall({
      IdentityPoolId: AUTH_ONLY_POOL,
      Logins: { [DEVELOPER_PROVIDER]: "dev-user-1" },
    });
    expect(JSON.parse(response.text).__type).toBe("NotAuthorizedException");
  });

  it("refuses a TokenDuration over 24 hours", async () => {
    const response = await signedDeveloperCall({
      IdentityPoolId: POOL,
      Logins: { [DEVELOPER_PROVIDER]: "dev-user-1" },
      TokenDuration: 86_401,
    });
    expect(JSON.parse(response.text).__type).toBe("InvalidParameterException");
  });
});

describe("STS AssumeRoleWithWebIdentity", () => {
  async function assume(overrides: Record<string, string> = {}, token?: string) {
    return callSts(f.server.stsUrl, {
      Action: "AssumeRoleWithWebIdentity",
      Version: "2011-06-15",
      RoleArn: AUTH_ROLE,
      RoleSessionName: "web-session",
      WebIdentityToken:
        token ?? (await openIdToken(await guestId(), await userPoolLogins({ sub: "sts-user" }))),
      ...overrides,
    });
  }

  function expectStsError(response: RawResponse, status: number, type: string, code: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("text/xml");
    expect(response.text).toMatch(
      new RegExp(
        `^<ErrorResponse xmlns="https://sts\\.amazonaws\\.com/doc/2011-06-15/">\\s*<Error>\\s*<Type>${type}</Type>\\s*<Code>${code}</Code>\\s*<Message>[^<]*</Message>\\s*</Error>\\s*<RequestId>[0-9a-f-]{36}</RequestId>\\s*</ErrorResponse>\\s*$`,
      ),
    );
  }

  it("completes the basic flow: GetId, GetOpenIdToken, AssumeRoleWithWebIdentity", async () => {
    const logins = await userPoolLogins({ sub: "basic-flow-user" });
    const id = JSON.parse(
      (await callJson(f.server.url, "GetId", { IdentityPoolId: POOL, Logins: logins })).text,
    ).IdentityId;
    const token = await openIdToken(id, logins);
    const response = await assume({ DurationSeconds: "900" }, token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/xml");
    expect(response.text).toMatch(
      /^<AssumeRoleWithWebIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">\s*<AssumeRoleWithWebIdentityResult>/,
    );
    expect(xmlText(response.text, "SubjectFromWebIdentityToken")).toBe(id);
    expect(xmlText(response.text, "Audience")).toBe(POOL);
    expect(xmlText(response.text, "Provider")).toBe("cognito-identity.amazonaws.com");
    expect(xmlText(response.text, "Arn")).toBe(
      "arn:aws:sts::123456789012:assumed-role/GatehouseAuthenticated/web-session",
    );
    expect(xmlText(response.text, "AssumedRoleId")).toMatch(/^AROA[A-Z2-7]{17}:web-session$/);
    expect(xmlText(response.text, "Expiration")).toBe("2025-01-15T12:15:00Z");
    expect(xmlText(response.text, "RequestId")).toBe(response.headers.get("x-amzn-requestid"));
    const accessKeyId = xmlText(response.text, "AccessKeyId");
    expect(f.server.issuedCredentials.at(-1)).toMatchObject({
      accessKeyId,
      secretAccessKey: xmlText(response.text, "SecretAccessKey"),
      sessionToken: xmlText(response.text, "SessionToken"),
      identityId: id,
      roleArn: AUTH_ROLE,
      operation: "AssumeRoleWithWebIdentity",
    });
  });

  it("lets a guest token assume only the guest role", async () => {
    const token = await openIdToken(await guestId());
    expect((await assume({ RoleArn: GUEST_ROLE }, token)).status).toBe(200);
    expectStsError(await assume({}, token), 403, "Sender", "AccessDenied");
  });

  it.each([
    ["899", "greater than or equal to 900"],
    ["43201", "less than or equal to 43200"],
  ])("refuses DurationSeconds=%s with ValidationError", async (duration, constraint) => {
    const response = await assume({ DurationSeconds: duration });
    expectStsError(response, 400, "Sender", "ValidationError");
    expect(xmlText(response.text, "Message")).toBe(
      `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${constraint}`,
    );
  });

  it("accepts DurationSeconds=43200 and defaults to 3600", async () => {
    expect(xmlText((await assume({ DurationSeconds: "43200" })).text, "Expiration")).toBe(
      "2025-01-16T00:00:00Z",
    );
    expect(xmlText((await assume()).text, "Expiration")).toBe("2025-01-15T13:00:00Z");
  });

  it("refuses a missing RoleArn with ValidationError", async () => {
    const response = await callSts(f.server.stsUrl, {
      Action: "AssumeRoleWithWebIdentity",
      Version: "2011-06-15",
      RoleSessionName: "s1",
      WebIdentityToken: "x",
    });
    expectStsError(response, 400, "Sender", "ValidationError");
    expect(xmlText(response.text, "Message")).toContain("Value null at 'roleArn'");
  });

  it("refuses a tampered token with InvalidIdentityToken", async () => {
    const token = await openIdToken(await guestId());
    const [header, payload] = token.split(".");
    const response = await assume({}, `${header}.${payload}.AAAA`);
    expectStsError(response, 400, "Sender", "InvalidIdentityToken");
  });

  it("refuses another issuer's token with InvalidIdentityToken", async () => {
    const response = await assume({}, await f.oidc.mintToken({ sub: "x", aud: POOL }));
    expectStsError(response, 400, "Sender", "InvalidIdentityToken");
    expect(xmlText(response.text, "Message")).toBe(
      `No OpenIDConnect provider found in your account for ${f.oidc.issuer}`,
    );
  });

  it("refuses a token older than 10 minutes with ExpiredTokenException", async () => {
    const token = await openIdToken(await guestId());
    f.clock.now = NOW_MS + 601_000;
    try {
      const response = await assume({ RoleArn: GUEST_ROLE }, token);
      expectStsError(response, 400, "Sender", "ExpiredTokenException");
    } finally {
      f.clock.now = NOW_MS;
    }
  });

  it("answers InvalidAction for another action", async () => {
    const response = await callSts(f.server.stsUrl, {
      Action: "AssumeRole",
      Version: "2011-06-15",
    });
    expectStsError(response, 400, "Sender", "InvalidAction");
    expect(xmlText(response.text, "Message")).toBe(
      "Could not find operation AssumeRole for version 2011-06-15",
    );
  });
});

describe("fault injection and counters", () => {
  let g: Fixture;
  beforeAll(async () => {
    g = await startFixture();
  });
  afterAll(async () => {
    await g.close();
  });

  it("throttles the next n calls of one operation with TooManyRequestsException", async () => {
    g.server.throttle("GetId", 2);
    const input = { IdentityPoolId: POOL };
    for (let i = 0; i < 2; i += 1) {
      expectJsonError(
        await callJson(g.server.url, "GetId", input),
        400,
        "TooManyRequestsException",
        "Rate exceeded",
      );
    }
    expect((await callJson(g.server.url, "GetId", input)).status).toBe(200);
    expect(g.server.calls.GetId).toBe(3);
  });

  it("fails the next calls with 500 InternalErrorException or a chosen status and type", async () => {
    const id = JSON.parse(
      (await callJson(g.server.url, "GetId", { IdentityPoolId: POOL })).text,
    ).IdentityId;
    g.server.fail("GetCredentialsForIdentity", 1);
    g.server.fail("GetCredentialsForIdentity", 1, 503, "ServiceUnavailableException");
    const input = { IdentityId: id };
    expectJsonError(
      await callJson(g.server.url, "GetCredentialsForIdentity", input),
      500,
      "InternalErrorException",
      "An internal error occurred.",
    );
    const second = await callJson(g.server.url, "GetCredentialsForIdentity", input);
    expect(second.status).toBe(503);
    expect(second.headers.get("x-amzn-errortype")).toBe(
      `ServiceUnavailableException${ERROR_SUFFIX}`,
    );
    expect((await callJson(g.server.url, "GetCredentialsForIdentity", input)).status).toBe(200);
  });

  it("throttles and fails STS with XML errors", async () => {
    g.server.throttle("AssumeRoleWithWebIdentity", 1);
    g.server.fail("AssumeRoleWithWebIdentity", 1);
    const params = { Action: "AssumeRoleWithWebIdentity", Version: "2011-06-15" };
    const throttled = await callSts(g.server.stsUrl, params);
    expect(throttled.status).toBe(400);
    expect(xmlText(throttled.text, "Code")).toBe("Throttling");
    expect(xmlText(throttled.text, "Message")).toBe("Rate exceeded");
    const failed = await callSts(g.server.stsUrl, params);
    expect(failed.status).toBe(500);
    expect(xmlText(failed.text, "Type")).toBe("Receiver");
    expect(xmlText(failed.text, "Code")).toBe("InternalFailure");
  });

  it("counts calls per operation, errors included", async () => {
    const before = { ...g.server.calls };
    await callJson(g.server.url, "GetOpenIdToken", { IdentityId: "us-east-1:00000000-0000" });
    await callJson(g.server.url, "GetOpenIdToken", {});
    await callSts(g.server.stsUrl, { Action: "AssumeRoleWithWebIdentity", Version: "2011-06-15" });
    expect(g.server.calls).toEqual({
      ...before,
      GetOpenIdToken: before.GetOpenIdToken + 2,
      AssumeRoleWithWebIdentity: before.AssumeRoleWithWebIdentity + 1,
    });
  });

  it("refuses an unknown operation or a bad count with TypeError", () => {
    expect(() => g.server.throttle("ListIdentityPools", 1)).toThrow(TypeError);
    expect(() => g.server.fail("GetId", -1)).toThrow(TypeError);
    expect(() => g.server.fail("GetId", 1, 200)).toThrow(TypeError);
  });
});
