import { describe, expect, it } from "vitest";
import { decodeJwtUnverified } from "./decode-jwt-unverified.js";

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");
const token = (header: unknown, claims: unknown, signature = "c2ln"): string =>
  `${b64(header)}.${b64(claims)}.${signature}`;

describe("decodeJwtUnverified", () => {
  it("returns header and claims, never the signature", () => {
    const decoded = decodeJwtUnverified(token({ alg: "RS256", kid: "k" }, { iss: "i", n: 1 }));
    expect(decoded).toEqual({ header: { alg: "RS256", kid: "k" }, claims: { iss: "i", n: 1 } });
  });

  it("checks structure only, not the types of claims", () => {
    const decoded = decodeJwtUnverified(token({ alg: 5 }, { exp: "soon", aud: 1 }));
    expect(decoded.claims).toEqual({ exp: "soon", aud: 1 });
  });

  it("throws malformed_token for junk, with the segment count for a wrong one", () => {
    expect(() => decodeJwtUnverified("a.b")).toThrowCode("malformed_token");
    expect(() => decodeJwtUnverified(`${b64([1])}.${b64({})}.`)).toThrowCode("malformed_token");
    try {
      decodeJwtUnverified("a.b.c.d.e");
    } catch (error) {
      expect(error).toMatchObject({ code: "malformed_token", expected: 3, actual: 5 });
    }
  });

  it("throws token_too_large past maxTokenBytes", () => {
    const long = token({ alg: "RS256" }, { pad: "x".repeat(9000) });
    expect(() => decodeJwtUnverified(long)).toThrowCode("token_too_large");
    expect(decodeJwtUnverified(long, { maxTokenBytes: 20000 }).claims["pad"]).toHaveLength(9000);
  });
});
