/**
 * Test helpers for the handler tests: a counting fake verifier. Events come from
 * `@gatehouse/testing`; real tokens from its test issuer.
 * @internal
 */
import { authorizerError } from "../errors.js";
import type { JwtClaims, TokenVerifier, VerifiedToken } from "../verifier/token-verifier.js";

/** A {@link TokenVerifier} that accepts the tokens it was given, and counts calls. */
export interface FakeVerifier extends TokenVerifier {
  calls: number;
}

/** Epoch seconds of the fake clock used with {@link fakeVerifier}. */
export const FAKE_NOW_SECONDS = 1_750_000_000;

/**
 * A verifier accepting exactly the tokens in `tokens` (token -> claims); anything else throws
 * `invalid_signature`. `"jwks-down"` throws `jwks_unavailable`.
 */
export function fakeVerifier(
  tokens: Record<string, Partial<JwtClaims>>,
  options: { cacheUntil?: number } = {},
): FakeVerifier {
  const verifier: FakeVerifier = {
    calls: 0,
    issuers: ["https://issuer.example"],
    async hydrate() {},
    async verify(token: string): Promise<VerifiedToken> {
      verifier.calls += 1;
      if (token === "jwks-down") throw authorizerError("jwks_unavailable", "keys unavailable");
      const claims = Object.hasOwn(tokens, token) ? tokens[token] : undefined;
      if (claims === undefined) throw authorizerError("invalid_signature", "bad signature");
      const full: JwtClaims = {
        iss: "https://issuer.example",
        exp: FAKE_NOW_SECONDS + 3600,
        ...claims,
      } as JwtClaims;
      return {
        header: { alg: "RS256" },
        claims: full,
        issuer: full.iss,
        cacheUntil: options.cacheUntil ?? full.exp,
        scopes: typeof full.scope === "string" ? full.scope.split(" ").filter(Boolean) : [],
        groups: full["cognito:groups"] ?? [],
      };
    },
  };
  return verifier;
}
