import { createTestIssuer, type TestAlg, type TestIssuer } from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAuthorizerError } from "../errors.js";
import { JwksCache } from "../jwks/jwks-cache.js";
import { joseJwtVerifier } from "./jose-jwt-verifier.js";
import { type JwtVerifierOptions, jwtVerifier } from "./jwt-verifier.js";

const T0 = Date.UTC(2030, 0, 1);
const clock = T0;
const now = () => clock;

let issuer: TestIssuer;
let base: JwtVerifierOptions;

beforeAll(async () => {
  issuer = await createTestIssuer({ now });
  base = {
    issuer: issuer.issuer,
    audience: "api",
    jwksUri: issuer.jwksUri,
    algorithms: ["RS256"],
    now,
  };
});
afterAll(() => issuer.close());

describe("jwtVerifier: algorithms", () => {
  const algs: TestAlg[] = ["RS256", "RS512", "ES256", "ES384", "PS256", "PS512", "EdDSA"];
  for (const alg of algs) {
    it(`verifies ${alg}`, async () => {
      const other = await createTestIssuer({ alg, now });
      try {
        // PS* is verified with jose: the @gatehouse/authorizer/jose entry.
        const verifier = (alg.startsWith("PS") ? joseJwtVerifier : jwtVerifier)({
          issuer: other.issuer,
          audience: "api",
          jwksUri: other.jwksUri,
          algorithms: [alg],
          now,
        });
        const token = await other.mintToken({ aud: "api", sub: "user-1" });
        const verified = await verifier.verify(token);
        expect(verified.claims.sub).toBe("user-1");
        expect(verified.header.alg).toBe(alg);
      } finally {
        await other.close();
      }
    });
  }

  it("verifies HS256 with an explicit sharedSecret", async () => {
    const secret = "a-shared-secret-of-at-least-32-bytes!";
    const verifier = joseJwtVerifier({
      issuer: issuer.issuer,
      audience: "api",
      sharedSecret: secret,
      algorithms: ["HS256"],
      now,
    });
    const token = await issuer.mintToken({ aud: "api" }, { alg: "HS256", secret });
    const verified = await verifier.verify(token);
    expect(verified.cacheUntil).toBe(verified.claims.exp);
  });

  it("rejects HS256 signed with the RSA public key as secret (unsupported_algorithm)", async () => {
    const token = await issuer.mintToken({ aud: "api" }, { alg: "HS256" });
    await expect(jwtVerifier(base).verify(token)).rejects.toThrowCode("unsupported_algorithm");
  });

  it("rejects RS256 on a verifier that only allows HS256", async () => {
    const verifier = joseJwtVerifier({
      issuer: issuer.issuer,
      audience: "api",
      sharedSecret: "a-shared-secret-of-at-least-32-bytes!",
      algorithms: ["HS256"],
      now,
    });
    const token = await issuer.mintToken({ aud: "api" });
    await expect(verifier.verify(token)).rejects.toThrowCode("unsupported_algorithm");
  });

  it("rejects alg none", async () => {
    const token = await issuer.mintToken({ aud: "api" }, { alg: "none" });
    await expect(jwtVerifier(base).verify(token)).rejects.toThrowCode("unsupported_algorithm");
  });

  it("rejects an algorithm outside the allowlist", async () => {
    const verifier = jwtVerifier({ ...base, algorithms: ["ES256"] });
    const token = await issuer.mintToken({ aud: "api" });
    await expect(verifier.verify(token)).rejects.toThrowCode("unsupported_algorithm");
  });

  it("takes the algorithm from config when the JWKS has no alg (Entra ID)", async () => {
    const entra = await createTestIssuer({ jwksIncludesAlg: false, now });
    try {
      const verifier = jwtVerifier({
        issuer: entra.issuer,
        audience: "api",
        jwksUri: entra.jwksUri,
        algorithms: ["RS256"],
        now,
      });
      await expect(verifier.verify(await entra.mintToken({ aud: "api" }))).resolves.toBeDefined();
    } finally {
      await entra.close();
    }
  });

  it("rejects a header alg that does not suit an alg-less key", async () => {
    const entra = await createTestIssuer({ jwksIncludesAlg: false, now });
    try {
      const verifier = jwtVerifier({
        issuer: entra.issuer,
        audience: "api",
        jwksUri: entra.jwksUri,
        algorithms: ["RS256", "ES256"],
        now,
      });
      // An RS256 signature relabelled ES256: aws-jwt-verify alone would check it as RSA-SHA256.
      const token = await entra.mintToken({ aud: "api" }, { header: { alg: "ES256" } });
      await expect(verifier.verify(token)).rejects.toThrowCode("unsupported_algorithm");
    } finally {
      await entra.close();
    }
  });
});

describe("jwtVerifier: headers and structure", () => {
  for (const name of ["jku", "x5u", "jwk", "x5c"]) {
    it(`rejects a ${name} header`, async () => {
      const value = name === "jwk" ? issuer.jwks().keys[0] : "https://attacker.example/keys";
      const token = await issuer.mintToken({ aud: "api" }, { header: { [name]: value } });
      await expect(jwtVerifier(base).verify(token)).rejects.toThrowCode("forbidden_header");
    });
  }

  it("rejects any crit header", async () => {
    const token = await issuer.mintToken({ aud: "api" }, { header: { crit: ["exp"] } });
    await expect(jwtVerifier(base).verify(token)).rejects.toThrowCode("forbidden_header");
  });

  it("rejects a token above maxTokenBytes before parsing it", async () => {
    const token = await issuer.mintToken({ aud: "api", pad: "x".repeat(9000) });
    await expect(jwtVerifier(base).verify(token)).rejects.toThrowCode("token_too_large");
  });

  it("rejects malformed base64url", async () => {
    await expect(jwtVerifier(base).verify("e30.e30+.sig")).rejects.toThrowCode("malformed_token");
  });

  it("rejects a header that is not JSON", async () => {
    const bad = `${Buffer.from("{nope").toString("base64url")}.e30.c2ln`;
    await expect(jwtVerifier(base).verify(bad)).rejects.toThrowCode("malformed_token");
  });

  it("rejects a claim of the wrong type", async () => {
    const token = await issuer.mintToken({ aud: "api", exp: "tomorrow" });
    await expect(jwtVerifier(base).verify(token)).rejects.toThrowCode("malformed_token");
  });

  it("checks typ when configured", async () => {
    const verifier = jwtVerifier({ ...base, typ: "at+jwt" });
    const token = await issuer.mintToken({ aud: "api" });
    await expect(verifier.verify(token)).rejects.toThrowCode("invalid_typ");
  });

  it("accepts typ with an application/ prefix", async () => {
    const verifier = jwtVerifier({ ...base, typ: "at+jwt" });
    const token = await issuer.mintToken({ aud: "api" }, { header: { typ: "application/at+jwt" } });
    await expect(verifier.verify(token)).resolves.toBeDefined();
  });
});

describe("jwtVerifier: signature and keys", () => {
  it("rejects a tampered payload (invalid_signature)", async () => {
    const token = await issuer.mintToken({ aud: "api", sub: "alice" });
    const [h, , s] = token.split(".");
    const forged = Buffer.from(
      JSON.stringify({ iss: issuer.issuer, aud: "api", sub: "admin", exp: T0 / 1000 + 60 }),
    ).toString("base64url");
    await expect(jwtVerifier(base).verify(`${h}.${forged}.${s}`)).rejects.toThrowCode(
      "invalid_signature",
    );
  });

  it("rejects a PS256 token with a bad signature (invalid_signature)", async () => {
    const ps = await createTestIssuer({ alg: "PS256", now });
    try {
      const verifier = joseJwtVerifier({
        issuer: ps.issuer,
        audience: null,
        jwksUri: ps.jwksUri,
        algorithms: ["PS256"],
        now,
      });
      const token = await ps.mintToken({ sub: "alice" });
      const tampered = `${token.slice(0, -6)}AAAAAA`;
      await expect(verifier.verify(tampered)).rejects.toThrowCode("invalid_signature");
    } finally {
      await ps.close();
    }
  });

  it("rejects a key that is not in the JWKS (unknown_key)", async () => {
    const token = await issuer.mintToken({ aud: "api" }, { signWith: "other" });
    await expect(jwtVerifier(base).verify(token)).rejects.toThrowCode("unknown_key");
  });

  it("verifies from an inline jwks without any request", async () => {
    const verifier = jwtVerifier({
      issuer: issuer.issuer,
      audience: "api",
      jwks: issuer.jwks(),
      algorithms: ["RS256"],
      now,
    });
    const before = issuer.jwksRequests;
    await verifier.verify(await issuer.mintToken({ aud: "api" }));
    expect(issuer.jwksRequests).toBe(before);
  });
});

describe("jwtVerifier: claims", () => {
  it("rejects the wrong issuer without fetching keys", async () => {
    const cache = new JwksCache({ now });
    const verifier = jwtVerifier({ ...base, jwksCache: cache });
    const token = await issuer.mintToken({ aud: "api", iss: "https://evil.example/" });
    await expect(verifier.verify(token)).rejects.toThrowCode("invalid_issuer");
    expect(cache.requests).toBe(0);
  });

  it("rejects the wrong audience", async () => {
    const token = await issuer.mintToken({ aud: "other-api" });
    await expect(jwtVerifier(base).verify(token)).rejects.toThrowCode("invalid_audience");
  });

  it("rejects the wrong audience on the jose path too", async () => {
    const verifier = joseJwtVerifier({
      issuer: issuer.issuer,
      audience: "api",
      sharedSecret: "a-shared-secret-of-at-least-32-bytes!",
      algorithms: ["HS256"],
      now,
    });
    const token = await issuer.mintToken(
      { aud: "other" },
      { alg: "HS256", secret: "a-shared-secret-of-at-least-32-bytes!" },
    );
    await expect(verifier.verify(token)).rejects.toThrowCode("invalid_audience");
  });

  it("accepts any audience with an explicit null", async () => {
    const verifier = jwtVerifier({ ...base, audience: null });
    await expect(verifier.verify(await issuer.mintToken({}))).resolves.toBeDefined();
  });

  it("rejects an expired token against the injected clock", async () => {
    const token = await issuer.mintToken({ aud: "api" }, { expiresIn: 60 });
    const verifier = jwtVerifier({ ...base, now: () => T0 + 60_000 });
    await expect(verifier.verify(token)).rejects.toThrowCode("token_expired");
  });

  it("accepts an expired token within clockToleranceSeconds", async () => {
    const token = await issuer.mintToken({ aud: "api" }, { expiresIn: 60 });
    const verifier = jwtVerifier({ ...base, now: () => T0 + 61_000, clockToleranceSeconds: 5 });
    await expect(verifier.verify(token)).resolves.toBeDefined();
  });

  it("requires exp", async () => {
    const token = await issuer.mintToken({ aud: "api", exp: undefined });
    await expect(jwtVerifier(base).verify(token)).rejects.toThrowCode("missing_claim");
  });

  it("rejects a token before nbf", async () => {
    const token = await issuer.mintToken({ aud: "api", nbf: T0 / 1000 + 300 });
    await expect(jwtVerifier(base).verify(token)).rejects.toThrowCode("token_not_yet_valid");
  });

  it("rejects a token older than maxTokenAgeSeconds", async () => {
    const token = await issuer.mintToken({ aud: "api" }, { expiresIn: 7200 });
    const verifier = jwtVerifier({ ...base, maxTokenAgeSeconds: 600, now: () => T0 + 601_000 });
    await expect(verifier.verify(token)).rejects.toThrowCode("token_too_old");
  });

  it("bounds cacheUntil by iat + maxTokenAgeSeconds (aws-jwt-verify path)", async () => {
    const token = await issuer.mintToken({ aud: "api" }, { expiresIn: 7200 });
    const verified = await jwtVerifier({ ...base, maxTokenAgeSeconds: 600 }).verify(token);
    expect(verified.cacheUntil).toBe((verified.claims.iat as number) + 600);
    expect(verified.cacheUntil).toBeLessThan(verified.claims.exp);
  });

  it("bounds cacheUntil by iat + maxTokenAgeSeconds (jose path, PS256 and HS256)", async () => {
    const ps = await createTestIssuer({ alg: "PS256", now });
    try {
      const verifier = joseJwtVerifier({
        issuer: ps.issuer,
        audience: "api",
        jwks: ps.jwks(),
        algorithms: ["PS256"],
        maxTokenAgeSeconds: 60,
        now,
      });
      const verified = await verifier.verify(await ps.mintToken({ aud: "api" }));
      expect(verified.cacheUntil).toBe(T0 / 1000 + 60);
    } finally {
      await ps.close();
    }
    const secret = "a-shared-secret-of-at-least-32-bytes!";
    const hs = joseJwtVerifier({
      issuer: issuer.issuer,
      audience: "api",
      sharedSecret: secret,
      algorithms: ["HS256"],
      maxTokenAgeSeconds: 90,
      now,
    });
    const verified = await hs.verify(
      await issuer.mintToken({ aud: "api" }, { alg: "HS256", secret }),
    );
    expect(verified.cacheUntil).toBe(T0 / 1000 + 90);
  });

  it("keeps cacheUntil at the earliest limit whichever it is", async () => {
    const verifier = jwtVerifier({
      ...base,
      maxTokenAgeSeconds: 3600,
      jwksCache: { maxAgeSeconds: 600 },
    });
    const token = await issuer.mintToken({ aud: "api" }, { expiresIn: 300 });
    const verified = await verifier.verify(token);
    // exp (300 s) < key set (600 s) < age limit (3600 s)
    expect(verified.cacheUntil).toBe(verified.claims.exp);
  });

  it("rejects a missing required claim", async () => {
    const verifier = jwtVerifier({ ...base, requiredClaims: ["email"] });
    const token = await issuer.mintToken({ aud: "api" });
    await expect(verifier.verify(token)).rejects.toThrowCode("missing_claim");
  });

  it("exposes scopes and a cacheUntil bounded by the key-set age", async () => {
    const verifier = jwtVerifier({
      ...base,
      jwksCache: { maxAgeSeconds: 600 },
    });
    const token = await issuer.mintToken({ aud: "api", scope: "orders:read orders:write" });
    const verified = await verifier.verify(token);
    expect(verified.scopes).toEqual(["orders:read", "orders:write"]);
    expect(verified.cacheUntil).toBe(T0 / 1000 + 600);
  });

  it("never puts the token in an error message", async () => {
    const token = await issuer.mintToken({ aud: "wrong", secretish: "s3cr3t-value" });
    const error = (await jwtVerifier(base)
      .verify(token)
      .then(
        () => new Error("resolved"),
        (e: unknown) => e,
      )) as Error;
    expect(error.message).not.toContain(token.split(".")[1]);
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain("s3cr3t-value");
  });

  it("drops library errors that carry claim values (no cause on claim failures)", async () => {
    const token = await issuer.mintToken({ aud: "wrong" });
    const error = await jwtVerifier(base)
      .verify(token)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isAuthorizerError(error) && error.code).toBe("invalid_audience");
    expect((error as Error).cause).toBeUndefined();
  });
});

describe("jwtVerifier: configuration errors (TypeError at construction)", () => {
  it("requires algorithms", () => {
    expect(() => jwtVerifier({ ...base, algorithms: [] })).toThrow(TypeError);
  });

  it("requires audience (or an explicit null)", () => {
    const { audience: _, ...rest } = base;
    expect(() => jwtVerifier(rest as JwtVerifierOptions)).toThrow(TypeError);
  });

  it("refuses HS algorithms without a sharedSecret", () => {
    expect(() => jwtVerifier({ ...base, algorithms: ["RS256", "HS256"] })).toThrow(TypeError);
  });

  it("refuses non-HS algorithms with a sharedSecret", () => {
    const { jwksUri: _, ...rest } = base;
    expect(() =>
      jwtVerifier({ ...rest, sharedSecret: "x".repeat(64), algorithms: ["HS256", "RS256"] }),
    ).toThrow(TypeError);
  });

  it("refuses a short sharedSecret", () => {
    const { jwksUri: _, ...rest } = base;
    expect(() => jwtVerifier({ ...rest, sharedSecret: "short", algorithms: ["HS256"] })).toThrow(
      TypeError,
    );
  });

  it("refuses plain http outside loopback", () => {
    expect(() =>
      jwtVerifier({ ...base, jwksUri: "http://idp.example.com/.well-known/jwks.json" }),
    ).toThrow(TypeError);
  });

  it("needs jwksUri or jwks", () => {
    const { jwksUri: _, ...rest } = base;
    expect(() => jwtVerifier(rest)).toThrow(TypeError);
  });
});

describe("jwtVerifier: the jose entry", () => {
  const secret = "a-shared-secret-of-at-least-32-bytes!";
  const withoutKeys = (): Omit<JwtVerifierOptions, "jwksUri"> => {
    const { jwksUri: _, ...rest } = base;
    return rest;
  };

  it("refuses PS* and HS* from the main entry, naming @gatehouse/authorizer/jose", () => {
    expect(() => jwtVerifier({ ...base, algorithms: ["RS256", "PS256"] })).toThrow(
      /PS256 is verified with jose.*joseJwtVerifier.*@gatehouse\/authorizer\/jose/,
    );
    expect(() =>
      jwtVerifier({ ...withoutKeys(), sharedSecret: secret, algorithms: ["HS256"] }),
    ).toThrow(/HS256 is verified with jose.*@gatehouse\/authorizer\/jose/);
  });

  it("keeps the main entry's option checks first", () => {
    expect(() =>
      jwtVerifier({ ...withoutKeys(), sharedSecret: "short", algorithms: ["HS256"] }),
    ).toThrow(/too short/);
  });

  it("verifies RS256 on aws-jwt-verify exactly as the main entry does", async () => {
    const token = await issuer.mintToken({ aud: "api", sub: "user-1" });
    const [main, jose] = await Promise.all([
      jwtVerifier(base).verify(token),
      joseJwtVerifier(base).verify(token),
    ]);
    expect(jose).toEqual(main);
    const bad = await issuer.mintToken({ aud: "other" });
    await expect(joseJwtVerifier(base).verify(bad)).rejects.toThrowCode("invalid_audience");
  });

  it("verifies PS256 and RS256 with one verifier", async () => {
    const ps = await createTestIssuer({ alg: "PS256", now });
    try {
      const verifier = joseJwtVerifier({
        issuer: ps.issuer,
        audience: "api",
        jwksUri: ps.jwksUri,
        algorithms: ["RS256", "PS256"],
        now,
      });
      const verified = await verifier.verify(await ps.mintToken({ aud: "api", sub: "p" }));
      expect(verified.header.alg).toBe("PS256");
    } finally {
      await ps.close();
    }
  });
});
