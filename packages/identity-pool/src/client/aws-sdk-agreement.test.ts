/**
 * Our client and the official AWS SDK v3 (`@aws-sdk/client-cognito-identity` and
 * `fromCognitoIdentityPool`, dev dependencies only) against the same loopback server, for the same
 * user: both get the same identity id, role and expiration, and each gets exactly the key triple
 * the server issued for its call (the server mints fresh keys per GetCredentialsForIdentity, as
 * Cognito does). Proof that the server speaks what the SDK speaks and that we read it as the SDK
 * does.
 */
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  InvalidIdentityPoolConfigurationException,
  NotAuthorizedException,
} from "@aws-sdk/client-cognito-identity";
import { fromCognitoIdentityPool } from "@aws-sdk/credential-providers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AUTH_ROLE,
  type Fixture,
  GUEST_ROLE,
  POOL_ID,
  startFixture,
} from "../internal/test-fixture.js";
import { loginsFromIdToken } from "../logins/logins-from-id-token.js";

let fx: Fixture;
let sdk: CognitoIdentityClient;

function sdkConfig(fixture: Fixture = fx) {
  return {
    region: "us-east-1",
    endpoint: fixture.server.url,
    credentials: { accessKeyId: "AKIDDUMMY", secretAccessKey: "dummy-secret" },
    maxAttempts: 1,
    // The fixture's clock is frozen: sign as if it were then.
    systemClockOffset: fixture.now() - Date.now(),
  };
}

beforeEach(async () => {
  vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
  fx = await startFixture();
  sdk = new CognitoIdentityClient(sdkConfig());
});
afterEach(async () => {
  sdk.destroy();
  await fx.close();
  vi.unstubAllEnvs();
});

describe("agreement with the AWS SDK v3", () => {
  it("GetId + GetCredentialsForIdentity: same identity, role and expiration as our client", async () => {
    const token = await fx.issuer.mintIdToken({ sub: "same-user" });
    const logins = loginsFromIdToken(token);

    const ours = await fx.client({ logins }).getCredentials();
    const oursIssued = fx.server.issuedCredentials.at(-1);

    const { IdentityId } = await sdk.send(
      new GetIdCommand({ IdentityPoolId: POOL_ID, Logins: logins }),
    );
    const theirs = await sdk.send(
      new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }),
    );
    const theirsIssued = fx.server.issuedCredentials.at(-1);

    expect(IdentityId).toBe(ours.identityId);
    expect(theirs.IdentityId).toBe(ours.identityId);
    expect(theirs.Credentials?.Expiration).toEqual(ours.expiration);
    expect(oursIssued?.roleArn).toBe(AUTH_ROLE);
    expect(theirsIssued?.roleArn).toBe(AUTH_ROLE);
    expect(oursIssued?.identityId).toBe(theirsIssued?.identityId);
    expect(ours).toEqual({
      accessKeyId: oursIssued?.accessKeyId,
      secretAccessKey: oursIssued?.secretAccessKey,
      sessionToken: oursIssued?.sessionToken,
      expiration: ours.expiration,
      identityId: oursIssued?.identityId,
    });
    expect({
      accessKeyId: theirs.Credentials?.AccessKeyId,
      secretAccessKey: theirs.Credentials?.SecretKey,
      sessionToken: theirs.Credentials?.SessionToken,
    }).toEqual({
      accessKeyId: theirsIssued?.accessKeyId,
      secretAccessKey: theirsIssued?.secretAccessKey,
      sessionToken: theirsIssued?.sessionToken,
    });
  });

  it("fromCognitoIdentityPool and our provider return the same AWS SDK credential shape", async () => {
    const token = await fx.issuer.mintIdToken({ sub: "provider-user" });
    const logins = loginsFromIdToken(token);

    const theirs = await fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      logins,
      clientConfig: sdkConfig(),
    })();
    const theirsIssued = fx.server.issuedCredentials.at(-1);
    const ours = await fx.client({ logins }).provider();
    const oursIssued = fx.server.issuedCredentials.at(-1);

    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
    expect(ours.identityId).toBe(theirs.identityId);
    expect(ours.expiration).toEqual(theirs.expiration);
    expect(theirs.accessKeyId).toBe(theirsIssued?.accessKeyId);
    expect(ours.accessKeyId).toBe(oursIssued?.accessKeyId);
    expect(ours.sessionToken).toBe(oursIssued?.sessionToken);
  });

  it("guests: the SDK and our client both get the unauthenticated role", async () => {
    const ours = await fx.client().getCredentials();
    expect(fx.server.issuedCredentials.at(-1)?.roleArn).toBe(GUEST_ROLE);
    const theirs = await sdk.send(
      new GetCredentialsForIdentityCommand({ IdentityId: ours.identityId }),
    );
    expect(fx.server.issuedCredentials.at(-1)?.roleArn).toBe(GUEST_ROLE);
    expect(theirs.IdentityId).toBe(ours.identityId);
    expect(theirs.Credentials?.Expiration).toEqual(ours.expiration);
  });
});

describe("agreement with the AWS SDK v3 on role refusals", () => {
  const READERS = "arn:aws:iam::123456789012:role/Readers";
  const WRITERS = "arn:aws:iam::123456789012:role/Writers";

  /** Our client's error code and message, and the SDK's exception, for the same user. */
  async function bothRefusals(other: Fixture, token: string) {
    const logins = loginsFromIdToken(token);
    const ours = await other
      .client({ logins })
      .getCredentials()
      .catch((caught: unknown) => caught);
    const client = new CognitoIdentityClient(sdkConfig(other));
    try {
      const { IdentityId } = await client.send(
        new GetIdCommand({ IdentityPoolId: POOL_ID, Logins: logins }),
      );
      const theirs = await client
        .send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }))
        .catch((caught: unknown) => caught);
      return { ours, theirs };
    } finally {
      client.destroy();
    }
  }

  it("a role whose trust policy names another pool: InvalidIdentityPoolConfigurationException for both", async () => {
    const other = await startFixture(
      {},
      {
        roles: [
          {
            arn: AUTH_ROLE,
            trustPolicy: {
              Version: "2012-10-17",
              Statement: {
                Effect: "Allow",
                Principal: { Federated: "cognito-identity.amazonaws.com" },
                Action: "sts:AssumeRoleWithWebIdentity",
                Condition: {
                  StringEquals: {
                    "cognito-identity.amazonaws.com:aud":
                      "us-east-1:0d0f8b1c-0000-4000-8000-00000000beef",
                  },
                  "ForAnyValue:StringLike": {
                    "cognito-identity.amazonaws.com:amr": "authenticated",
                  },
                },
              },
            },
          },
        ],
      },
    );
    try {
      const { ours, theirs } = await bothRefusals(
        other,
        await other.issuer.mintIdToken({ sub: "trust-user" }),
      );
      expect(theirs).toBeInstanceOf(InvalidIdentityPoolConfigurationException);
      expect(ours).toMatchObject({
        name: "IdentityPoolError",
        code: (theirs as Error).name,
        status: 400,
        hint: expect.stringContaining("cognito-identity.amazonaws.com:aud"),
      });
      expect(other.server.issuedCredentials).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it("an ambiguous Token role mapping with Deny: NotAuthorizedException for both, same message", async () => {
    const other = await startFixture({
      authenticatedRoleArn: undefined,
      unauthenticatedRoleArn: undefined,
      roleAttachment: {
        identityPoolId: POOL_ID,
        roles: { authenticated: AUTH_ROLE, unauthenticated: GUEST_ROLE },
        roleMappings: {
          // The test issuer's default user pool and app client.
          "cognito-idp.us-east-1.amazonaws.com/us-east-1_Gatehouse:7gatehousetestclient000000": {
            type: "Token",
            ambiguousRoleResolution: "Deny",
          },
        },
      },
    });
    try {
      const token = await other.issuer.mintIdToken({
        sub: "group-user",
        "cognito:roles": [READERS, WRITERS],
      });
      const { ours, theirs } = await bothRefusals(other, token);
      expect(theirs).toBeInstanceOf(NotAuthorizedException);
      expect((theirs as Error).message).toBe(
        "The ambiguous role mapping rules for: cognito-idp.us-east-1.amazonaws.com/us-east-1_Gatehouse:7gatehousetestclient000000 denied this request.",
      );
      // Our client redacts what looks like a token (three dotted words: the provider's host) and
      // keeps the rest of the service's message.
      expect(ours).toMatchObject({
        name: "IdentityPoolError",
        code: (theirs as Error).name,
        status: 400,
        message: expect.stringMatching(
          /^GetCredentialsForIdentity failed: NotAuthorizedException: The ambiguous role mapping rules for: .+ denied this request\.$/,
        ),
      });
    } finally {
      await other.close();
    }
  });
});
