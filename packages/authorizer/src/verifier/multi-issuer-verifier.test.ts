import { createTestIssuer, type TestIssuer } from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cognitoVerifier } from "./cognito-verifier.js";
import { jwtVerifier } from "./jwt-verifier.js";
import { multiIssuerVerifier } from "./multi-issuer-verifier.js";
import type { TokenVerifier } from "./token-verifier.js";

const T0 = Date.UTC(2030, 0, 1);
const now = () => T0;

let oidc: TestIssuer;
let cognito: TestIssuer;
let stranger: TestIssuer;
let oidcVerifier: TokenVerifier;
let cognitoPoolVerifier: TokenVerifier;

beforeAll(async () => {
  oidc = await createTestIssuer({ now });
  cognito = await createTestIssuer({ kind: "cognito", alg: "RS256", now });
  stranger = await createTestIssuer({ now });
  oidcVerifier = jwtVerifier({
    issuer: oidc.issuer,
    audience: "api",
    jwksUri: oidc.jwksUri,
    algorithms: ["RS256"],
    now,
  });
  cognitoPoolVerifier = cognitoVerifier({
    userPoolId: cognito.userPoolId,
    clientId: cognito.clientId,
    tokenUse: "access",
    jwksUri: cognito.jwksUri,
    now,
  });
});
afterAll(async () => {
  await oidc.close();
  await cognito.close();
  await stranger.close();
});

describe("multiIssuerVerifier", () => {
  it("dispatches on iss to the matching verifier", async () => {
    const verifier = multiIssuerVerifier({ verifiers: [oidcVerifier, cognitoPoolVerifier] });
    const a = await verifier.verify(await oidc.mintToken({ aud: "api" }));
    const b = await verifier.verify(await cognito.mintAccessToken());
    expect([a.issuer, b.issuer]).toEqual([oidc.issuer, cognito.issuer]);
  });

  it("still verifies fully after dispatch", async () => {
    const verifier = multiIssuerVerifier({ verifiers: [oidcVerifier, cognitoPoolVerifier] });
    // Right issuer, but signed by a key the issuer never published.
    const token = await oidc.mintToken({ aud: "api" }, { signWith: "other" });
    await expect(verifier.verify(token)).rejects.toThrowCode("unknown_key");
  });

  it("rejects an unknown iss without any fetch", async () => {
    const verifier = multiIssuerVerifier({ verifiers: [oidcVerifier, cognitoPoolVerifier] });
    const before = oidc.jwksRequests + cognito.jwksRequests + stranger.jwksRequests;
    const token = await stranger.mintToken({ aud: "api" });
    await expect(verifier.verify(token)).rejects.toThrowCode("invalid_issuer");
    expect(oidc.jwksRequests + cognito.jwksRequests + stranger.jwksRequests).toBe(before);
  });

  it("rejects an issuer configured twice (TypeError)", () => {
    expect(() => multiIssuerVerifier({ verifiers: [oidcVerifier, oidcVerifier] })).toThrow(
      TypeError,
    );
  });

  it("passes the unverified issuer and the event to resolveIssuer", async () => {
    const seen: unknown[] = [];
    const verifier = multiIssuerVerifier({
      resolveIssuer: async (iss, event) => {
        seen.push(iss, event);
        return iss === oidc.issuer ? oidcVerifier : null;
      },
    });
    const event = { type: "TOKEN" };
    await verifier.verify(await oidc.mintToken({ aud: "api" }), { event });
    expect(seen).toEqual([oidc.issuer, event]);
  });

  it("rejects an issuer the resolver does not know", async () => {
    const verifier = multiIssuerVerifier({ resolveIssuer: async () => null });
    await expect(verifier.verify(await stranger.mintToken({ aud: "api" }))).rejects.toThrowCode(
      "invalid_issuer",
    );
  });

  it("rejects a resolved verifier that does not accept the issuer", async () => {
    const verifier = multiIssuerVerifier({ resolveIssuer: async () => oidcVerifier });
    await expect(verifier.verify(await stranger.mintToken({ aud: "api" }))).rejects.toThrowCode(
      "invalid_issuer",
    );
  });

  it("maps a throwing resolver to internal_error", async () => {
    const verifier = multiIssuerVerifier({
      resolveIssuer: async () => {
        throw new Error("tenant table unavailable");
      },
    });
    await expect(verifier.verify(await oidc.mintToken({ aud: "api" }))).rejects.toThrowCode(
      "internal_error",
    );
  });

  it("hydrates every listed verifier", async () => {
    const before = oidc.jwksRequests;
    const fresh = jwtVerifier({
      issuer: oidc.issuer,
      audience: "api",
      jwksUri: oidc.jwksUri,
      algorithms: ["RS256"],
      now,
    });
    await multiIssuerVerifier({ verifiers: [fresh] }).hydrate();
    expect(oidc.jwksRequests).toBe(before + 1);
  });

  it("passes the chosen verifier's cacheUntil on, maxTokenAgeSeconds included", async () => {
    const aged = jwtVerifier({
      issuer: oidc.issuer,
      audience: "api",
      jwksUri: oidc.jwksUri,
      algorithms: ["RS256"],
      maxTokenAgeSeconds: 120,
      now,
    });
    const verifier = multiIssuerVerifier({ verifiers: [aged, cognitoPoolVerifier] });
    const verified = await verifier.verify(await oidc.mintToken({ aud: "api" }));
    expect(verified.cacheUntil).toBe(T0 / 1000 + 120);
  });
});
