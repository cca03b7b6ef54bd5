import { createSignedFetch, signRequest } from "@gatehouse/sigv4";
import { startSigV4Verifier } from "@gatehouse/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Fixture, startFixture } from "../internal/test-fixture.js";
import { loginsFromIdToken } from "../logins/logins-from-id-token.js";

let fx: Fixture;
beforeEach(async () => {
  fx = await startFixture();
});
afterEach(async () => {
  await fx.close();
});

describe("end to end", () => {
  it("credentials from the exchange sign a request the SigV4 verifier accepts", async () => {
    const client = fx.client({ logins: loginsFromIdToken(await fx.issuer.mintIdToken()) });
    const credentials = await client.getCredentials();
    const verifier = await startSigV4Verifier({
      credentials: fx.server.issuedCredentials,
      region: "us-east-1",
      now: () => new Date(fx.now()),
    });
    try {
      const signed = await signRequest(
        { method: "GET", url: `${verifier.url}/prod/pets` },
        { credentials, region: "us-east-1", date: new Date(fx.now()) },
      );
      const response = await fetch(signed.url, { headers: signed.headers });
      expect(response.status).toBe(200);
    } finally {
      await verifier.close();
    }
  });

  it("client.provider plugs into createSignedFetch", async () => {
    const client = fx.client();
    await client.getCredentials();
    const verifier = await startSigV4Verifier({
      credentials: fx.server.issuedCredentials,
      region: "us-east-1",
    });
    try {
      const signedFetch = createSignedFetch({ credentials: client.provider, region: "us-east-1" });
      const response = await signedFetch(`${verifier.url}/prod/pets`);
      expect(response.status).toBe(200);
    } finally {
      await verifier.close();
    }
  });
});
