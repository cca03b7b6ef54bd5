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

function sdkConfig() {
  return {
    region: "us-east-1",
    endpoint: fx.server.url,
    credentials: { accessKeyId: "AKIDDUMMY", secretAccessKey: "dummy-secret" },
    maxAttempts: 1,
    // The fixture's clock is frozen: sign as if it were then.
    systemClockOffset: fx.now() - Date.now(),
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
