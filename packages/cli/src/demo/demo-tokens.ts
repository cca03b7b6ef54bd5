import type { TestIssuer } from "@gatehouse/testing";

/** The tokens the demo sends. Minted by the loopback Cognito-shaped issuer; never printed. @internal */
export interface DemoTokens {
  /** Access token with `pets/read orders/read`. */
  reader: string;
  /** Access token with only `profile`. */
  noScopes: string;
  /** Signed by a key that is not in the JWKS, under the current `kid`. */
  forged: string;
  /** Expired an hour ago. */
  expired: string;
  /** An ID token, for the identity-pool login. */
  id: string;
}

/** @internal */
export async function mintDemoTokens(issuer: TestIssuer): Promise<DemoTokens> {
  const [reader, noScopes, forged, expired, id] = await Promise.all([
    issuer.mintAccessToken({ scope: "pets/read orders/read" }),
    issuer.mintAccessToken({ scope: "profile" }),
    issuer.mintAccessToken(
      { scope: "pets/read orders/read" },
      { signWith: "other", header: { kid: issuer.currentKid } },
    ),
    issuer.mintAccessToken({ scope: "pets/read orders/read" }, { expiresIn: -3600 }),
    issuer.mintIdToken(),
  ]);
  return { reader, noScopes, forged, expired, id };
}
