/**
 * The official AWS SDK v3 clients against the server: proof that it speaks the real wire formats.
 * Every client is pointed at the loopback endpoint with explicit dummy credentials (no IMDS, no
 * other host) and `maxAttempts: 1`.
 */
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  InvalidIdentityPoolConfigurationException,
  NotAuthorizedException,
  ResourceNotFoundException,
  TooManyRequestsException,
} from "@aws-sdk/client-cognito-identity";
import {
  AssumeRoleWithWebIdentityCommand,
  STSClient,
  STSServiceException,
} from "@aws-sdk/client-sts";
import { fromCognitoIdentityPool } from "@aws-sdk/credential-providers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  AUTH_ONLY_POOL,
  AUTH_ROLE,
  DENY_POOL,
  DEVELOPER_CREDENTIALS,
  DEVELOPER_PROVIDER,
  type Fixture,
  NOW_MS,
  NOW_S,
  OTHER_POOL_ROLE,
  POOL,
  READERS_ROLE,
  REGION,
  ROLES_POOL,
  type RolesFixture,
  startFixture,
  startRolesFixture,
  WRITERS_ROLE,
} from "./test-support.js";

const DUMMY_CREDENTIALS = { accessKeyId: "AKIDDUMMY", secretAccessKey: "dummy-secret" };

function clientConfig(endpoint: string, credentials = DUMMY_CREDENTIALS) {
  return {
    region: REGION,
    endpoint,
    credentials,
    maxAttempts: 1,
    // The server's clock is frozen at NOW_MS: sign as if it were then.
    systemClockOffset: NOW_MS - Date.now(),
  };
}

describe.each(["seconds", "exponent"] as const)("AWS SDK v3 (Expiration as %s)", (format) => {
  let f: Fixture;
  let cognito: CognitoIdentityClient;

  beforeAll(async () => {
    vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
    f = await startFixture({ expirationFormat: format });
    cognito = new CognitoIdentityClient(clientConfig(f.server.url));
  });
  afterAll(async () => {
    cognito.destroy();
    await f.close();
    vi.unstubAllEnvs();
  });

  it("GetId and GetCredentialsForIdentity return an identity and dated credentials", async () => {
    const Logins = { [f.userPoolKey]: await f.cognito.mintIdToken() };
    const { IdentityId } = await cognito.send(
      new GetIdCommand({ IdentityPoolId: AUTH_ONLY_POOL, Logins }),
    );
    expect(IdentityId).toMatch(/^us-east-1:/);
    const result = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }));
    expect(result.IdentityId).toBe(IdentityId);
    expect(result.Credentials?.AccessKeyId).toBe(f.server.issuedCredentials.at(-1)?.accessKeyId);
    expect(result.Credentials?.SecretKey).toBe(f.server.issuedCredentials.at(-1)?.secretAccessKey);
    expect(result.Credentials?.Expiration).toEqual(new Date((NOW_S + 3600) * 1000));
  });

  it("maps NotAuthorizedException to the SDK's exception class", async () => {
    const error = await cognito
      .send(
        new GetIdCommand({
          IdentityPoolId: POOL,
          Logins: { [f.userPoolKey]: await f.cognito.mintAccessToken() },
        }),
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotAuthorizedException);
    expect(error).toMatchObject({
      name: "NotAuthorizedException",
      message: "Invalid login token. Missing a required claim: aud",
      $fault: "client",
      $metadata: { httpStatusCode: 400 },
    });
  });

  it("maps ResourceNotFoundException and TooManyRequestsException", async () => {
    const missing = "us-east-1:00000000-0000-4000-8000-000000000000";
    await expect(
      cognito.send(new GetIdCommand({ IdentityPoolId: missing })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    f.server.throttle("GetId", 1);
    await expect(cognito.send(new GetIdCommand({ IdentityPoolId: POOL }))).rejects.toMatchObject({
      name: "TooManyRequestsException",
      message: "Rate exceeded",
    });
    f.server.throttle("GetId", 1);
    await expect(cognito.send(new GetIdCommand({ IdentityPoolId: POOL }))).rejects.toBeInstanceOf(
      TooManyRequestsException,
    );
  });

  it("signs GetOpenIdTokenForDeveloperIdentity in a way the server's verifySigV4 accepts", async () => {
    const developer = new CognitoIdentityClient(clientConfig(f.server.url, DEVELOPER_CREDENTIALS));
    try {
      const result = await developer.send(
        new GetOpenIdTokenForDeveloperIdentityCommand({
          IdentityPoolId: POOL,
          Logins: { [DEVELOPER_PROVIDER]: "sdk-developer-user" },
        }),
      );
      expect(result.IdentityId).toMatch(/^us-east-1:/);
      expect(result.Token?.split(".")).toHaveLength(3);
    } finally {
      developer.destroy();
    }
  });

  it("runs the basic flow through the SDK's STS client", async () => {
    const { IdentityId } = await cognito.send(new GetIdCommand({ IdentityPoolId: POOL }));
    const { Token } = await cognito.send(new GetOpenIdTokenCommand({ IdentityId }));
    const sts = new STSClient(clientConfig(f.server.stsUrl));
    try {
      const result = await sts.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: "arn:aws:iam::123456789012:role/GatehouseUnauthenticated",
          RoleSessionName: "sdk-session",
          WebIdentityToken: Token,
          DurationSeconds: 900,
        }),
      );
      expect(result.Credentials?.Expiration).toEqual(new Date((NOW_S + 900) * 1000));
      expect(result.SubjectFromWebIdentityToken).toBe(IdentityId);
      expect(result.AssumedRoleUser?.Arn).toBe(
        "arn:aws:sts::123456789012:assumed-role/GatehouseUnauthenticated/sdk-session",
      );
      await expect(
        sts.send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: AUTH_ROLE,
            RoleSessionName: "sdk-session",
            WebIdentityToken: Token,
          }),
        ),
      ).rejects.toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
    } finally {
      sts.destroy();
    }
  });

  it("serves fromCognitoIdentityPool from @aws-sdk/credential-providers", async () => {
    const provider = fromCognitoIdentityPool({
      identityPoolId: AUTH_ONLY_POOL,
      logins: { [f.userPoolKey]: await f.cognito.mintIdToken({ sub: "provider-user" }) },
      clientConfig: clientConfig(f.server.url),
    });
    const credentials = await provider();
    expect(credentials.accessKeyId).toBe(f.server.issuedCredentials.at(-1)?.accessKeyId);
    expect(credentials.sessionToken).toBe(f.server.issuedCredentials.at(-1)?.sessionToken);
    expect(credentials.expiration).toEqual(new Date((NOW_S + 3600) * 1000));
    expect(credentials.identityId).toBe(f.server.issuedCredentials.at(-1)?.identityId);
  });
});

describe("AWS SDK v3 and the role refusals", () => {
  let f: RolesFixture;
  let cognito: CognitoIdentityClient;
  let sts: STSClient;

  beforeAll(async () => {
    vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
    f = await startRolesFixture();
    cognito = new CognitoIdentityClient(clientConfig(f.server.url));
    sts = new STSClient(clientConfig(f.server.stsUrl));
  });
  afterAll(async () => {
    cognito.destroy();
    sts.destroy();
    await f.close();
    vi.unstubAllEnvs();
  });

  async function credentialsError(
    poolId: string,
    Logins: Record<string, string>,
    CustomRoleArn?: string,
  ) {
    const { IdentityId } = await cognito.send(new GetIdCommand({ IdentityPoolId: poolId, Logins }));
    return cognito
      .send(new GetCredentialsForIdentityCommand({ IdentityId, Logins, CustomRoleArn }))
      .catch((caught: unknown) => caught);
  }

  it.each([
    {
      name: "ambiguous Token mapping with Deny",
      claims: { "cognito:roles": [READERS_ROLE, WRITERS_ROLE] },
      customRoleArn: undefined,
    },
    {
      name: "a CustomRoleArn outside cognito:roles",
      claims: { "cognito:roles": [READERS_ROLE] },
      customRoleArn: WRITERS_ROLE,
    },
  ])("$name: NotAuthorizedException", async ({ claims, customRoleArn }) => {
    const Logins = {
      [f.userPoolKey]: await f.cognito.mintIdToken({ sub: crypto.randomUUID(), ...claims }),
    };
    const error = await credentialsError(ROLES_POOL, Logins, customRoleArn);
    expect(error).toBeInstanceOf(NotAuthorizedException);
    expect(error).toMatchObject({
      name: "NotAuthorizedException",
      $fault: "client",
      $metadata: { httpStatusCode: 400 },
    });
  });

  it("ambiguous Rules mapping with Deny: NotAuthorizedException with AWS's text", async () => {
    const Logins = {
      [f.oidcKey]: await f.oidc.mintToken({
        aud: f.oidc.clientId,
        sub: "sdk-ops",
        department: "ops",
      }),
    };
    const error = await credentialsError(DENY_POOL, Logins);
    expect(error).toBeInstanceOf(NotAuthorizedException);
    expect((error as Error).message).toBe(
      `The ambiguous role mapping rules for: ${f.oidcKey} denied this request.`,
    );
  });

  it("a role whose trust policy names another pool: InvalidIdentityPoolConfigurationException", async () => {
    const Logins = {
      [f.userPoolKey]: await f.cognito.mintIdToken({
        sub: "sdk-trust",
        "cognito:preferred_role": OTHER_POOL_ROLE,
      }),
    };
    const error = await credentialsError(ROLES_POOL, Logins);
    expect(error).toBeInstanceOf(InvalidIdentityPoolConfigurationException);
    expect(error).toMatchObject({
      name: "InvalidIdentityPoolConfigurationException",
      message: "Invalid identity pool configuration. Check assigned IAM roles for this pool.",
      $fault: "client",
      $metadata: { httpStatusCode: 400 },
    });
  });

  it("basic flow: a role whose trust policy refuses the token is STS AccessDenied", async () => {
    const Logins = { [f.userPoolKey]: await f.cognito.mintIdToken({ sub: "sdk-basic" }) };
    const { IdentityId } = await cognito.send(
      new GetIdCommand({ IdentityPoolId: ROLES_POOL, Logins }),
    );
    const { Token } = await cognito.send(new GetOpenIdTokenCommand({ IdentityId, Logins }));
    const error = await sts
      .send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: OTHER_POOL_ROLE,
          RoleSessionName: "sdk-session",
          WebIdentityToken: Token,
        }),
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(STSServiceException);
    expect(error).toMatchObject({
      name: "AccessDenied",
      message: "Not authorized to perform sts:AssumeRoleWithWebIdentity",
      $metadata: { httpStatusCode: 403 },
    });
    const granted = await sts.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: AUTH_ROLE,
        RoleSessionName: "sdk-session",
        WebIdentityToken: Token,
      }),
    );
    const issued = f.server.credentialsFor(granted.Credentials?.AccessKeyId ?? "");
    expect(granted.AssumedRoleUser).toEqual({
      Arn: issued?.assumedRoleArn,
      AssumedRoleId: issued?.assumedRoleId,
    });
    expect(issued).toMatchObject({ identityId: IdentityId, sessionName: "sdk-session" });
  });
});
