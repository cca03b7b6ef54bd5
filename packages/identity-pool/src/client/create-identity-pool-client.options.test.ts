import { describe, expect, it } from "vitest";
import { createIdentityPoolClient } from "./create-identity-pool-client.js";
import type { IdentityPoolClientOptions } from "./identity-pool-client.js";

const POOL = "us-east-1:0d0f8b1c-0000-4000-8000-000000000001";
const make = (options: Partial<IdentityPoolClientOptions>) => () =>
  createIdentityPoolClient({ identityPoolId: POOL, ...options } as IdentityPoolClientOptions);

describe("createIdentityPoolClient options", () => {
  const typeErrors: Array<[string, Partial<IdentityPoolClientOptions>, RegExp]> = [
    ["a malformed pool id", { identityPoolId: "my-pool" }, /identityPoolId/],
    ["a region that is not the pool's", { region: "eu-west-1" }, /region, us-east-1/],
    ["the basic flow without roleArn", { flow: "basic" }, /roleArn/],
    ["an unknown flow", { flow: "classic" as "basic" }, /flow/],
    [
      "durationSeconds out of range",
      { flow: "basic", roleArn: "arn:aws:iam::1:role/r", durationSeconds: 60 },
      /900/,
    ],
    ["a negative refresh window", { refreshBeforeExpirySeconds: -1 }, /refreshBeforeExpirySeconds/],
    ["a negative advisory window", { advisoryRefreshSeconds: -1 }, /advisoryRefreshSeconds/],
    ["maxAttempts 0", { retry: { maxAttempts: 0 } }, /maxAttempts/],
    [
      "a store without delete",
      { identityStore: { get: () => undefined, set: () => undefined } as never },
      /identityStore/,
    ],
    [
      "a logins value that is a number",
      { logins: { "accounts.google.com": 1 as never } },
      /logins/,
    ],
    [
      "logins with developerIdentity",
      {
        logins: { "accounts.google.com": "t" },
        developerIdentity: async () => ({ identityId: "i", token: "t" }),
      },
      /left out/,
    ],
  ];
  for (const [what, options, message] of typeErrors) {
    it(`throws a TypeError for ${what}`, () => {
      expect(make(options)).toThrow(TypeError);
      expect(make(options)).toThrow(message);
    });
  }

  it("takes the region from the pool id and builds the endpoint from it", async () => {
    const urls: string[] = [];
    const fetch = (async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify({ IdentityId: `${POOL.split(":")[0]}:x` }));
    }) as unknown as typeof globalThis.fetch;
    await createIdentityPoolClient({ identityPoolId: POOL, fetch }).getIdentityId();
    expect(urls).toEqual(["https://cognito-identity.us-east-1.amazonaws.com/"]);
  });

  it("throws invalid_logins for a malformed login key", () => {
    expect(make({ logins: { "https://accounts.google.com": "t" } })).toThrowCode("invalid_logins", {
      name: "IdentityPoolError",
    });
  });

  it("a logins function that throws is invalid_logins with the cause kept", async () => {
    const cause = new Error("refresh failed");
    const client = make({ logins: { "accounts.google.com": () => Promise.reject(cause) } })();
    await expect(client.getCredentials()).rejects.toThrowCode("invalid_logins", {
      cause: cause,
    });
  });
});
