/**
 * Warm `getCredentials()`: credentials already cached, so a call must answer from memory without a
 * network round trip. What a signed `fetch` pays on every request once the user is signed in.
 *
 * Setup, per case: a loopback Cognito-identity server (`startCognitoIdentityServer` from
 * `@gatehouse/testing`) and a Cognito user-pool issuer; the first call exchanges a real ID token
 * (`GetId` + `GetCredentialsForIdentity`), then three more calls must leave the server's call
 * counters unchanged, or `setup` throws. The servers are then closed (a call that tried the network
 * could not succeed, and the worker can exit); only the warm call is timed.
 */
import { fromCognitoIdentityPool } from "@aws-sdk/credential-provider-cognito-identity";
import {
  createIdentityPoolClient,
  localStorageIdentityStore,
  loginsFromIdToken,
} from "@gatehouse/identity-pool";
import {
  type CognitoIdentityServer,
  createTestIssuer,
  startCognitoIdentityServer,
} from "@gatehouse/testing";
import {
  doesIdentityRequireRefresh,
  isIdentityExpired,
  memoizeIdentityProvider,
} from "@smithy/core";
import { defineSuite } from "../src/suite.js";

const REGION = "us-east-1";
const POOL_ID = `${REGION}:0d0f8b1c-0000-4000-8000-000000000001`;

interface Started {
  server: CognitoIdentityServer;
  logins: Record<string, string>;
  /** Stops the server and the issuer: nothing is left to answer a call while timing. */
  close: () => Promise<void>;
}

/** A pool that trusts a test user pool, and an ID token of that user pool. */
async function start(): Promise<Started> {
  // The SDK must never look for credentials of its own (EC2 metadata is not on loopback).
  process.env["AWS_EC2_METADATA_DISABLED"] = "true";
  const issuer = await createTestIssuer({ kind: "cognito", region: REGION });
  const logins = loginsFromIdToken(await issuer.mintIdToken());
  const server = await startCognitoIdentityServer({
    pools: [
      {
        identityPoolId: POOL_ID,
        providers: {
          [`cognito-idp.${REGION}.amazonaws.com/${issuer.userPoolId}`]: {
            jwks: issuer.jwks(),
            audience: issuer.clientId,
          },
        },
        authenticatedRoleArn: "arn:aws:iam::123456789012:role/Authenticated",
      },
    ],
  });
  return {
    server,
    logins,
    close: async () => {
      await server.close();
      await issuer.close();
    },
  };
}

const totalCalls = (server: CognitoIdentityServer): number =>
  Object.values(server.calls).reduce((sum, n) => sum + n, 0);

/**
 * Calls `get` once (cold: must reach the server), then three times more (warm: must not), and
 * checks the answers are the same credentials. Returns the warm call.
 */
async function proveWarm<T extends { accessKeyId: string }>(
  name: string,
  server: CognitoIdentityServer,
  get: () => Promise<T>,
): Promise<() => Promise<T>> {
  const cold = await get();
  const afterCold = totalCalls(server);
  if (server.calls.GetCredentialsForIdentity !== 1) {
    throw new Error(`${name}: the first call did not exchange the token (${afterCold} calls)`);
  }
  for (let i = 0; i < 3; i++) {
    const warm = await get();
    if (warm.accessKeyId !== cold.accessKeyId) throw new Error(`${name}: new credentials`);
  }
  if (totalCalls(server) !== afterCold) {
    throw new Error(`${name}: a warm call reached the server (${JSON.stringify(server.calls)})`);
  }
  return get;
}

// Filled by the case's setup (each run is its own process, so one of them is set per process).
let warmCall: () => Promise<unknown> = () => Promise.reject(new Error("setup did not run"));

/** The least any promise-returning provider does: an async function returning a held object. */
const held = { accessKeyId: "ASIAFLOOR", expiration: new Date(Date.now() + 3_600_000) };
const floor = async () => held;

export default defineSuite({
  name: "Identity pool: warm getCredentials()",
  description:
    "One `getCredentials()` with credentials already cached (a signed-in user, ID token from " +
    "`loginsFromIdToken`, `localStorage`-style store), awaited. `setup` exchanges the token with a " +
    "loopback Cognito-identity server, then proves with the server's call counters that three " +
    "more calls send nothing; only the warm call is timed. The AWS SDK's `fromCognitoIdentityPool` " +
    "does not cache by itself, so it is wrapped in `memoizeIdentityProvider(provider, " +
    "isIdentityExpired, doesIdentityRequireRefresh)` from `@smithy/core`, what an SDK client does " +
    "with a `credentials` provider. Baseline: an `async` function returning a held object (the " +
    "floor of any promise-returning provider).",
  cases: [
    {
      name: "async () => cached (floor)",
      baseline: true,
      setup: () => {
        warmCall = floor;
      },
      fn: () => warmCall(),
    },
    {
      name: "@gatehouse/identity-pool client.getCredentials()",
      setup: async () => {
        const { server, logins, close } = await start();
        const storage = new Map<string, string>();
        const client = createIdentityPoolClient({
          identityPoolId: POOL_ID,
          endpoint: server.url,
          logins,
          identityStore: localStorageIdentityStore({
            getItem: (key) => storage.get(key) ?? null,
            setItem: (key, value) => void storage.set(key, value),
            removeItem: (key) => void storage.delete(key),
          } as Storage),
        });
        warmCall = await proveWarm("gatehouse", server, client.getCredentials);
        await close();
      },
      fn: () => warmCall(),
    },
    {
      name: "AWS SDK fromCognitoIdentityPool + memoizeIdentityProvider",
      setup: async () => {
        const { server, logins, close } = await start();
        const provider = fromCognitoIdentityPool({
          identityPoolId: POOL_ID,
          logins,
          clientConfig: { region: REGION, endpoint: server.url, maxAttempts: 1 },
        });
        const memoized = memoizeIdentityProvider(
          provider,
          isIdentityExpired,
          doesIdentityRequireRefresh,
        );
        if (memoized === undefined) throw new Error("memoizeIdentityProvider returned nothing");
        warmCall = await proveWarm("sdk", server, () => memoized());
        await close();
      },
      fn: () => warmCall(),
    },
  ],
});
