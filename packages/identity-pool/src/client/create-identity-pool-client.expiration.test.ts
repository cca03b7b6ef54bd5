import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { type IdentityPoolError, isIdentityPoolError } from "../errors.js";
import { createIdentityPoolClient } from "./create-identity-pool-client.js";
import { answers, type MisbehavingServer, startMisbehavingServer } from "./test-support.js";

// Expiration as the service writes it is not trusted: in the past or unreadable is an error, and
// beyond the longest lifetime AWS issues (GetCredentialsForIdentity 1 h; AssumeRoleWithWebIdentity
// 12 h) it is capped, so a year-3000 Expiration is not cached for ever.

const POOL_ID = "us-east-1:0d0f8b1c-0000-4000-8000-000000000001";
const IDENTITY = "us-east-1:11111111-2222-4333-8444-555555555555";
const ROLE = "arn:aws:iam::123456789012:role/Authenticated";
const T0 = Date.UTC(2030, 0, 1);
const HOUR = 3_600_000;

let server: MisbehavingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A Cognito endpoint whose credentials carry `expiration` (written as is into the JSON). */
async function cognitoWith(expiration: unknown) {
  let issued = 0;
  server = await startMisbehavingServer(
    answers({
      GetId: () => ({ IdentityId: IDENTITY }),
      GetCredentialsForIdentity: () => {
        issued += 1;
        return {
          IdentityId: IDENTITY,
          Credentials: {
            AccessKeyId: `ASIA${issued}`,
            SecretKey: "secret",
            SessionToken: "token",
            Expiration: expiration,
          },
        };
      },
    }),
  );
  return server;
}

/** The basic flow's endpoints: Cognito's GetId/GetOpenIdToken and STS, whose XML carries `expiration`. */
async function stsWith(expiration: string) {
  let issued = 0;
  const cognito = answers({
    GetId: () => ({ IdentityId: IDENTITY }),
    GetOpenIdToken: () => ({ IdentityId: IDENTITY, Token: "eyJ.openid.token" }),
  });
  server = await startMisbehavingServer((request, response) => {
    if (request.target !== "") return cognito(request, response);
    issued += 1;
    response.writeHead(200, { "content-type": "text/xml" });
    response.end(
      `<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>ASIA${issued}</AccessKeyId><SecretAccessKey>secret</SecretAccessKey><SessionToken>token</SessionToken><Expiration>${expiration}</Expiration></Credentials></AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>`,
    );
  });
  return server;
}

function client(url: string, now: () => number, basic = false) {
  return createIdentityPoolClient({
    identityPoolId: POOL_ID,
    endpoint: url,
    stsEndpoint: url,
    now,
    sleep: async () => undefined,
    ...(basic ? { flow: "basic" as const, roleArn: ROLE } : {}),
  });
}

async function failure(promise: Promise<unknown>): Promise<IdentityPoolError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isIdentityPoolError(error)) throw new Error(`expected an IdentityPoolError, got ${error}`);
  return error;
}

describe("GetCredentialsForIdentity Expiration", () => {
  it("in the past: expired_credentials (with a word on the device clock), never handed out", async () => {
    const { url } = await cognitoWith(T0 / 1000 - 60);
    const error = await failure(client(url, () => T0).getCredentials());
    expect([error.code, error.operation]).toEqual([
      "expired_credentials",
      "GetCredentialsForIdentity",
    ]);
    expect(error.message).toContain("clock");
  });

  it.each([["soon"], [""], [null], [true], [{}]])(
    "unreadable (%j): invalid_response",
    async (expiration) => {
      const { url } = await cognitoWith(expiration);
      const error = await failure(client(url, () => T0).getCredentials());
      expect(error.code).toBe("invalid_response");
    },
  );

  it("in the year 3000: capped to one hour from now, then refreshed", async () => {
    let now = T0;
    const { url } = await cognitoWith(Date.UTC(3000, 0, 1) / 1000);
    const identity = client(url, () => now);
    const first = await identity.getCredentials();
    expect(first.expiration.getTime()).toBe(T0 + HOUR);
    now += HOUR;
    expect((await identity.getCredentials()).accessKeyId).not.toBe(first.accessKeyId);
  });

  it("keeps an Expiration within the hour as the service wrote it", async () => {
    const { url } = await cognitoWith(T0 / 1000 + 1800);
    expect((await client(url, () => T0).getCredentials()).expiration.getTime()).toBe(
      T0 + 1_800_000,
    );
  });
});

describe("STS AssumeRoleWithWebIdentity Expiration (basic flow)", () => {
  it("in the past: expired_credentials", async () => {
    const { url } = await stsWith(new Date(T0 - 60_000).toISOString());
    const error = await failure(client(url, () => T0, true).getCredentials());
    expect([error.code, error.operation]).toEqual([
      "expired_credentials",
      "AssumeRoleWithWebIdentity",
    ]);
  });

  it("unreadable: invalid_response", async () => {
    const { url } = await stsWith("tomorrow");
    expect((await failure(client(url, () => T0, true).getCredentials())).code).toBe(
      "invalid_response",
    );
  });

  it("in the year 3000: capped to 12 hours from now (DurationSeconds at most 43200)", async () => {
    const { url } = await stsWith("3000-01-01T00:00:00Z");
    const credentials = await client(url, () => T0, true).getCredentials();
    expect(credentials.expiration.getTime()).toBe(T0 + 12 * HOUR);
  });
});

describe("any Expiration (property)", () => {
  it("yields credentials valid now and for at most an hour, or invalid_response / expired_credentials", async () => {
    const expiration = fc.oneof(
      fc.double(),
      fc.integer({ min: T0 / 1000 - 10_000, max: T0 / 1000 + 100_000 }),
      fc.string(),
      fc.integer().map(String),
      fc.constantFrom(null, true, false, {}, [], "1.7E9", "Infinity", 1e300, -0),
    );
    await fc.assert(
      fc.asyncProperty(expiration, async (value) => {
        const fetch = (async () =>
          new Response(
            JSON.stringify({
              IdentityId: IDENTITY,
              Credentials: {
                AccessKeyId: "ASIA1",
                SecretKey: "s",
                SessionToken: "t",
                Expiration: value,
              },
            }),
          )) as unknown as typeof globalThis.fetch;
        const identity = createIdentityPoolClient({
          identityPoolId: POOL_ID,
          now: () => T0,
          fetch,
          developerIdentity: async () => ({ identityId: IDENTITY, token: "eyJ.open.id" }),
        });
        try {
          const credentials = await identity.getCredentials();
          expect(credentials.expiration.getTime()).toBeGreaterThan(T0);
          expect(credentials.expiration.getTime()).toBeLessThanOrEqual(T0 + HOUR);
        } catch (error) {
          expect(isIdentityPoolError(error) && error.code).toMatch(
            /^(invalid_response|expired_credentials)$/,
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
