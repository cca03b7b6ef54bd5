/**
 * The demo's identity-pool exchange: the Cognito ID token for temporary AWS credentials, on the
 * loopback Cognito identity server.
 * @internal
 * @packageDocumentation
 */

import { createIdentityPoolClient, loginsFromIdToken } from "@gatehouse/identity-pool";
import type { CognitoIdentityServer } from "@gatehouse/testing";
import { DEMO } from "./demo-gateway.js";

export interface Exchange {
  provider:
    | (() => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken: string }>)
    | undefined;
  status: number;
  detail: string;
}

export async function exchangeIdentity(
  server: CognitoIdentityServer,
  idToken: string,
): Promise<Exchange> {
  const client = createIdentityPoolClient({
    identityPoolId: DEMO.identityPoolId,
    endpoint: server.url,
    logins: loginsFromIdToken(idToken),
  });
  try {
    const issued = await client.getCredentials();
    const calls = Object.entries(server.calls)
      .filter(([, count]) => count > 0)
      .map(([operation]) => operation)
      .join(" + ");
    return {
      provider: client.provider,
      status: 200,
      detail: `${calls} -> ${issued.identityId}`,
    };
  } catch (error) {
    const code = (error as { code?: string }).code ?? "error";
    const status = (error as { status?: number }).status ?? 0;
    return { provider: undefined, status, detail: `${code}: ${(error as Error).message}` };
  }
}
