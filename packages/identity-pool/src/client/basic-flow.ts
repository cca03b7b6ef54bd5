import { assumeRoleWithWebIdentity } from "../internal/sts.js";
import { callCognito, field, type Transport } from "../internal/transport.js";
import type { IdentityPoolCredentials } from "./create-identity-pool-client.js";

/**
 * @internal The basic (classic) flow's exchange: `GetOpenIdToken` (unless a developer backend
 * already gave the OpenID token), then STS `AssumeRoleWithWebIdentity` with `roleArn`. A separate
 * chunk, loaded by `import()` only for `flow: "basic"`, so the STS and XML code stays out of the
 * enhanced flow's bundle.
 */
export async function basicCredentials(
  transport: Transport,
  endpoint: string,
  stsEndpoint: string,
  identityId: string,
  resolved: Record<string, string> | undefined,
  openIdToken: string | undefined,
  roleArn: string,
  roleSessionName: string,
  durationSeconds: number | undefined,
): Promise<IdentityPoolCredentials> {
  const token =
    openIdToken ??
    field(
      "GetOpenIdToken",
      (
        await callCognito(transport, endpoint, "GetOpenIdToken", {
          IdentityId: identityId,
          ...(resolved === undefined ? {} : { Logins: resolved }),
        })
      ).Token,
      "Token",
    );
  const credentials = await assumeRoleWithWebIdentity(transport, stsEndpoint, {
    RoleArn: roleArn,
    RoleSessionName: roleSessionName,
    WebIdentityToken: token,
    DurationSeconds: durationSeconds,
  });
  return { ...credentials, identityId };
}
