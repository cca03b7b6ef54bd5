/**
 * @internal Test-only: a Cognito user pool issuer and the loopback Cognito-identity/STS server of
 * `@gatehouse/testing`, on one injected clock, and a client factory wired to them.
 */
import {
  type CognitoIdentityServer,
  type CognitoIdentityServerOptions,
  createTestIssuer,
  type IdentityPoolConfig,
  startCognitoIdentityServer,
  type TestIssuer,
} from "@gatehouse/testing";
import { createIdentityPoolClient } from "../client/create-identity-pool-client.js";
import type {
  IdentityPoolClient,
  IdentityPoolClientOptions,
} from "../client/identity-pool-client.js";

export const POOL_ID = "us-east-1:0d0f8b1c-0000-4000-8000-000000000001";
export const AUTH_ROLE = "arn:aws:iam::123456789012:role/Authenticated";
export const GUEST_ROLE = "arn:aws:iam::123456789012:role/Guest";
export const DEVELOPER_PROVIDER = "login.example.app";
export const DEVELOPER_CREDENTIALS = {
  accessKeyId: "AKIDDEVELOPER",
  secretAccessKey: "developer-secret-key-for-tests-only",
};

export interface Fixture {
  issuer: TestIssuer;
  server: CognitoIdentityServer;
  loginKey: string;
  /** Epoch milliseconds of the shared clock. */
  now: () => number;
  advance: (seconds: number) => void;
  /** Every delay the client asked to sleep, in milliseconds. */
  sleeps: number[];
  client: (options?: Partial<IdentityPoolClientOptions>) => IdentityPoolClient;
  close: () => Promise<void>;
}

export async function startFixture(
  pool: Partial<IdentityPoolConfig> = {},
  serverOptions: Partial<CognitoIdentityServerOptions> = {},
): Promise<Fixture> {
  let clock = Date.UTC(2030, 0, 1);
  const now = () => clock;
  const issuer = await createTestIssuer({ kind: "cognito", region: "us-east-1", now });
  const loginKey = `cognito-idp.us-east-1.amazonaws.com/${issuer.userPoolId}`;
  const server = await startCognitoIdentityServer({
    pools: [
      {
        identityPoolId: POOL_ID,
        allowUnauthenticated: true,
        providers: { [loginKey]: { jwks: issuer.jwks(), audience: issuer.clientId } },
        authenticatedRoleArn: AUTH_ROLE,
        unauthenticatedRoleArn: GUEST_ROLE,
        developerProviderName: DEVELOPER_PROVIDER,
        ...pool,
      },
    ],
    credentials: DEVELOPER_CREDENTIALS,
    now,
    ...serverOptions,
  });
  const sleeps: number[] = [];
  return {
    issuer,
    server,
    loginKey,
    now,
    advance: (seconds) => {
      clock += seconds * 1000;
    },
    sleeps,
    client: (options = {}) =>
      createIdentityPoolClient({
        identityPoolId: POOL_ID,
        endpoint: server.url,
        stsEndpoint: server.stsUrl,
        now,
        sleep: async (ms) => {
          sleeps.push(ms);
        },
        ...options,
      }),
    close: async () => {
      await server.close();
      await issuer.close();
    },
  };
}
