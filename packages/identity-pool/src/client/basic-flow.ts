import { assumeRoleWithWebIdentity } from "../internal/sts.js";
import type { CognitoAnswer, Transport } from "../internal/transport.js";
import type { IdentityPoolClientOptions } from "./identity-pool-client.js";

/**
 * @internal The basic (classic) flow's exchange: `GetOpenIdToken` (unless a developer backend
 * already gave the OpenID token), then STS `AssumeRoleWithWebIdentity` with `roleArn` (with
 * `guestRoleArn` for guests). Answers the operation and a Cognito-shaped answer for the client's
 * one credentials check.
 *
 * A separate chunk, loaded by `import()` only for `flow: "basic"`, so the STS and XML code stays
 * out of the enhanced flow's bundle. It imports nothing of the client's at run time (the transport
 * is an argument): a shared import would make bundlers split the page's code into two chunks.
 */
export async function basicCredentials(
  transport: Transport,
  options: IdentityPoolClientOptions,
  stsEndpoint: string,
  identityId: string,
  logins: Record<string, string> | undefined,
  signal: AbortSignal,
  openIdToken: string | undefined,
): Promise<[operation: string, answer: CognitoAnswer]> {
  const {
    roleArn,
    guestRoleArn = roleArn,
    roleSessionName = "CognitoIdentityCredentials",
    durationSeconds,
  } = options;
  const token =
    openIdToken ??
    transport.field(
      "GetOpenIdToken",
      (await transport.call("GetOpenIdToken", { IdentityId: identityId, Logins: logins }, signal))
        .Token,
      "Token",
    );
  const credentials = await assumeRoleWithWebIdentity(
    transport,
    stsEndpoint,
    {
      RoleArn: (logins === undefined ? guestRoleArn : roleArn) as string,
      RoleSessionName: roleSessionName,
      WebIdentityToken: token,
      DurationSeconds: durationSeconds,
    },
    signal,
  );
  return ["AssumeRoleWithWebIdentity", { IdentityId: identityId, Credentials: credentials }];
}
