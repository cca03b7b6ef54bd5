import { exportJWK, generateKeyPair, type JWK, type JWTPayload, jwtVerify, SignJWT } from "jose";

/** @internal */
export interface OpenIdSigner {
  readonly issuer: string;
  readonly kid: string;
  jwks(): { keys: JWK[] };
  sign(
    claims: { sub: string; aud: string; amr: string[] },
    lifetimeSeconds: number,
  ): Promise<string>;
  /** Verifies a token this signer issued; throws jose's errors. */
  verify(token: string): Promise<JWTPayload>;
}

/**
 * The server's own OpenID token key (RS512, as Cognito's identity tokens use).
 * @internal
 */
export async function createOpenIdSigner(
  issuer: string,
  kid: string,
  now: () => number,
): Promise<OpenIdSigner> {
  const { privateKey, publicKey } = await generateKeyPair("RS512");
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "RS512", use: "sig" };
  return {
    issuer,
    kid,
    jwks: () => ({ keys: [publicJwk] }),
    sign: (claims, lifetimeSeconds) => {
      const iat = Math.floor(now() / 1000);
      return new SignJWT({ amr: claims.amr })
        .setProtectedHeader({ kid, typ: "JWS", alg: "RS512" })
        .setIssuer(issuer)
        .setSubject(claims.sub)
        .setAudience(claims.aud)
        .setIssuedAt(iat)
        .setExpirationTime(iat + lifetimeSeconds)
        .sign(privateKey);
    },
    verify: async (token) => {
      const { payload } = await jwtVerify(token, publicKey, {
        issuer,
        algorithms: ["RS512"],
        currentDate: new Date(now()),
      });
      return payload;
    },
  };
}
