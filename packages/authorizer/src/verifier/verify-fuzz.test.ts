import { createTestIssuer, type TestIssuer } from "@gatehouse/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAuthorizerError } from "../errors.js";
import { cognitoVerifier } from "./cognito-verifier.js";
// The jose entry: PS256 and HS256 are among the algorithms fuzzed.
import { joseJwtVerifier } from "./jose-jwt-verifier.js";
import type { TokenVerifier } from "./token-verifier.js";

const T0 = Date.UTC(2030, 0, 1);
const now = () => T0;

let issuer: TestIssuer;
let verifiers: TokenVerifier[];

beforeAll(async () => {
  issuer = await createTestIssuer({ kind: "cognito", now });
  verifiers = [
    joseJwtVerifier({
      issuer: issuer.issuer,
      audience: null,
      jwks: issuer.jwks(),
      algorithms: ["RS256", "PS256", "ES256", "EdDSA"],
      now,
    }),
    joseJwtVerifier({
      issuer: issuer.issuer,
      audience: null,
      sharedSecret: "a-shared-secret-of-at-least-32-bytes!",
      algorithms: ["HS256"],
      now,
    }),
    cognitoVerifier({
      userPoolId: issuer.userPoolId,
      clientId: null,
      tokenUse: null,
      jwks: issuer.jwks(),
      now,
    }),
  ];
});
afterAll(() => issuer.close());

/** Rejects, only with an AuthorizerError, and never as an unexpected (internal) failure. */
async function rejectsCleanly(verifier: TokenVerifier, token: string): Promise<boolean> {
  try {
    await verifier.verify(token);
    return false;
  } catch (error) {
    return isAuthorizerError(error) && error.code !== "internal_error";
  }
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("verify under fuzzing", () => {
  it("never accepts a random string and only throws AuthorizerError", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400 }), fc.nat(2), async (token, which) =>
        rejectsCleanly(verifiers[which]!, token),
      ),
      { numRuns: 500 },
    );
  });

  it("never accepts JWT-shaped junk and only throws AuthorizerError", async () => {
    const kid = issuer.currentKid;
    const header = fc.record(
      {
        alg: fc.constantFrom("RS256", "PS256", "ES256", "EdDSA", "HS256", "none", "NONE", "x"),
        kid: fc.oneof(fc.constant(kid), fc.string()),
        typ: fc.constantFrom("JWT", "at+jwt"),
        crit: fc.array(fc.string()),
      },
      { requiredKeys: ["alg"] },
    );
    const claims = fc.record(
      {
        iss: fc.oneof(fc.constant(issuer.issuer), fc.string()),
        exp: fc.oneof(fc.integer(), fc.string(), fc.constant(T0 / 1000 + 60)),
        aud: fc.oneof(fc.string(), fc.array(fc.string()), fc.integer()),
        token_use: fc.constantFrom("id", "access", 1),
        "cognito:groups": fc.anything(),
      },
      { requiredKeys: [] },
    );
    const segment = fc.oneof(
      header.map(b64),
      claims.map(b64),
      fc.jsonValue().map(b64),
      fc.base64String().map((s) => s.replace(/=+$/, "")),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(header.map(b64), segment),
        fc.oneof(claims.map(b64), segment),
        fc.oneof(
          fc.constant(""),
          fc.base64String().map((s) => s.replace(/=+$/, "")),
        ),
        fc.nat(2),
        async (h, p, s, which) => rejectsCleanly(verifiers[which]!, `${h}.${p}.${s}`),
      ),
      { numRuns: 500 },
    );
  });

  it("never accepts a real token with one character changed", async () => {
    const token = await issuer.mintAccessToken();
    await expect(verifiers[2]!.verify(token)).resolves.toBeDefined();
    await fc.assert(
      fc.asyncProperty(
        fc.nat(token.length - 1),
        fc.constantFrom(..."ABCDEFabcdef0123456789-_.=+/"),
        async (index, char) => {
          fc.pre(token[index] !== char);
          const mutated = token.slice(0, index) + char + token.slice(index + 1);
          // A change in the last base64url character may only touch padding bits.
          fc.pre(index !== token.length - 1);
          return rejectsCleanly(verifiers[2]!, mutated);
        },
      ),
      { numRuns: 300 },
    );
  });
});
