import { randomUUID } from "node:crypto";
import { startJwksServer } from "./internal/jwks-server.js";
import { signToken } from "./internal/sign-token.js";
import { generateSigningKey, publishedJwk, type SigningKey } from "./internal/signing-key.js";
import type {
  MintOptions,
  TestAlg,
  TestIssuer,
  TestIssuerOptions,
  TestJwk,
} from "./test-issuer.js";

const DEFAULT_LIFETIME_SECONDS = 3600;
const TEST_ALGS: readonly string[] = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
];

/**
 * Starts a local token issuer: fresh keys, a JWKS server on 127.0.0.1 (random port) with fault
 * injection and key rotation, and minting of Cognito-shaped and arbitrary tokens. Close it in
 * `afterAll`.
 *
 * @param options - algorithm, issuer kind and identifiers, clock; see {@link TestIssuerOptions}.
 * @returns the running issuer.
 * @example
 * ```ts
 * const issuer = await createTestIssuer({ kind: "cognito", alg: "RS256" });
 * const token = await issuer.mintAccessToken({ scope: "orders/read", "cognito:groups": ["admin"] });
 * const jwks = await (await fetch(issuer.jwksUri)).json();
 * await issuer.close();
 * ```
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 */
export async function createTestIssuer(options: TestIssuerOptions = {}): Promise<TestIssuer> {
  const alg: TestAlg = options.alg ?? "RS256";
  if (!TEST_ALGS.includes(alg)) throw new TypeError(`Unsupported test issuer algorithm: ${alg}`);
  const kind = options.kind ?? "oidc";
  const region = options.region ?? "eu-west-1";
  const userPoolId = options.userPoolId ?? `${region}_Gatehouse`;
  const clientId = options.clientId ?? "7gatehousetestclient000000";
  const now = options.now ?? Date.now;
  const includeAlg = options.jwksIncludesAlg ?? true;
  const keepPreviousDefault = options.keepPreviousKey ?? true;
  const user = {
    sub: options.user?.sub ?? randomUUID(),
    username: options.user?.username ?? "test-user",
    email: options.user?.email ?? "test-user@example.com",
  };

  let current: SigningKey = generateSigningKey(alg);
  let previous: SigningKey | undefined;
  let previousPublished = false;
  let other: SigningKey | undefined;

  const jwks = (): { keys: TestJwk[] } => ({
    keys: [current, ...(previous !== undefined && previousPublished ? [previous] : [])].map((key) =>
      publishedJwk(key, includeAlg),
    ),
  });

  let issuer = "";
  const server = await startJwksServer({
    jwks,
    discovery: (url) => ({
      issuer,
      jwks_uri: `${url}/.well-known/jwks.json`,
      authorization_endpoint: `${url}/oauth2/authorize`,
      token_endpoint: `${url}/oauth2/token`,
      response_types_supported: ["code", "token"],
      subject_types_supported: ["public"],
      id_token_signing_alg_values_supported: [alg],
      scopes_supported: ["openid", "email", "phone", "profile"],
    }),
  });
  issuer =
    options.issuer ??
    (kind === "cognito" ? `https://cognito-idp.${region}.amazonaws.com/${userPoolId}` : server.url);

  function keyFor(signWith: MintOptions["signWith"]): SigningKey {
    if (signWith === "previous") {
      if (previous === undefined) {
        throw new TypeError('signWith: "previous" needs a rotateKeys() call first');
      }
      return previous;
    }
    if (signWith === "other") {
      other ??= generateSigningKey(alg);
      return other;
    }
    return current;
  }

  async function mint(
    defaultHeader: Record<string, unknown>,
    defaults: (times: { iat: number; exp: number }) => Record<string, unknown>,
    claims: Record<string, unknown>,
    mintOptions: MintOptions = {},
  ): Promise<string> {
    const key = keyFor(mintOptions.signWith);
    const signingAlg = mintOptions.alg ?? alg;
    const iat = Math.floor(now() / 1000);
    const exp = iat + (mintOptions.expiresIn ?? DEFAULT_LIFETIME_SECONDS);
    return signToken({
      header: { alg: signingAlg, ...defaultHeader, kid: key.kid, ...mintOptions.header },
      payload: { ...defaults({ iat, exp }), ...claims },
      alg: signingAlg,
      key,
      ...(mintOptions.secret !== undefined ? { secret: mintOptions.secret } : {}),
    });
  }

  return {
    get issuer() {
      return issuer;
    },
    jwksUri: `${server.url}/.well-known/jwks.json`,
    url: server.url,
    clientId,
    userPoolId,
    region,
    alg,
    get currentKid() {
      return current.kid;
    },
    get jwksRequests() {
      return server.jwksRequests;
    },
    jwks,

    mintIdToken(claims = {}, mintOptions) {
      return mint(
        {},
        ({ iat, exp }) => ({
          sub: user.sub,
          email_verified: true,
          iss: issuer,
          "cognito:username": user.username,
          origin_jti: randomUUID(),
          aud: clientId,
          event_id: randomUUID(),
          token_use: "id",
          auth_time: iat,
          exp,
          iat,
          jti: randomUUID(),
          email: user.email,
        }),
        claims,
        mintOptions,
      );
    },

    mintAccessToken(claims = {}, mintOptions) {
      return mint(
        {},
        ({ iat, exp }) => ({
          sub: user.sub,
          iss: issuer,
          client_id: clientId,
          origin_jti: randomUUID(),
          event_id: randomUUID(),
          token_use: "access",
          scope: "aws.cognito.signin.user.admin",
          auth_time: iat,
          exp,
          iat,
          jti: randomUUID(),
          username: user.username,
        }),
        claims,
        mintOptions,
      );
    },

    mintClientCredentialsToken(claims = {}, mintOptions) {
      return mint(
        {},
        ({ iat, exp }) => ({
          sub: clientId,
          token_use: "access",
          scope: "resource-server/read",
          auth_time: iat,
          iss: issuer,
          exp,
          iat,
          version: 2,
          jti: randomUUID(),
          client_id: clientId,
        }),
        claims,
        mintOptions,
      );
    },

    mintToken(claims, mintOptions) {
      return mint(
        { typ: "JWT" },
        ({ iat, exp }) => ({ iss: issuer, iat, exp }),
        claims,
        mintOptions,
      );
    },

    rotateKeys(rotateOptions = {}) {
      previous = current;
      previousPublished = rotateOptions.keepPrevious ?? keepPreviousDefault;
      current = generateSigningKey(alg);
    },

    setFault(fault, faultOptions) {
      server.setFault(fault, faultOptions);
    },

    close() {
      return server.close();
    },
  };
}
