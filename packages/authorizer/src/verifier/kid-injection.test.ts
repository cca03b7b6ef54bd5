import { createTestIssuer, type TestIssuer } from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthorizerErrorCode } from "../errors.js";
import { type JwtVerifierOptions, jwtVerifier } from "./jwt-verifier.js";

// `kid` injection: the header's kid is attacker input. It may only select a key from the
// configured key set; it is never a path, a URL or a query, and a flood of made-up kids must not
// turn the verifier into a request amplifier against the JWKS endpoint.

const now = () => Date.UTC(2030, 0, 1);

let issuer: TestIssuer;
let options: JwtVerifierOptions;

beforeAll(async () => {
  issuer = await createTestIssuer({ now });
  options = {
    issuer: issuer.issuer,
    audience: "api",
    jwksUri: issuer.jwksUri,
    algorithms: ["RS256"],
    now,
  };
});
afterAll(() => issuer.close());

describe("jwtVerifier: kid injection", () => {
  const injected: Array<[string, unknown, AuthorizerErrorCode]> = [
    ["a path traversal", "../../../../../../dev/null", "unknown_key"],
    ["a URL", "https://attacker.example/.well-known/jwks.json", "unknown_key"],
    ["an SQL fragment", "' OR '1'='1' --", "unknown_key"],
    ["a NUL byte", "k1\u0000", "unknown_key"],
    ["a number", 12345, "malformed_token"],
    ["an object", { $ne: null }, "malformed_token"],
  ];

  for (const [what, kid, code] of injected) {
    it(`rejects a kid that is ${what} with ${code}`, async () => {
      const verifier = jwtVerifier(options);
      await verifier.hydrate();
      const token = await issuer.mintToken({ aud: "api" }, { header: { kid } });
      await expect(verifier.verify(token)).rejects.toThrowCode(code);
    });
  }

  it("rejects a known kid on a token signed by another key (invalid_signature)", async () => {
    const verifier = jwtVerifier(options);
    const token = await issuer.mintToken(
      { aud: "api" },
      { signWith: "other", header: { kid: issuer.currentKid } },
    );
    await expect(verifier.verify(token)).rejects.toThrowCode("invalid_signature");
  });

  it("fetches only the configured JWKS URL, at most once more, for 200 injected kids", async () => {
    const verifier = jwtVerifier(options);
    await verifier.hydrate();
    const before = issuer.jwksRequests;
    const tokens = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        issuer.mintToken({ aud: "api" }, { header: { kid: `https://attacker.example/${i}` } }),
      ),
    );
    await Promise.all(
      tokens.map((token) => expect(verifier.verify(token)).rejects.toThrowCode("unknown_key")),
    );
    expect(issuer.jwksRequests - before).toBeLessThanOrEqual(1);
  });
});
