import { createTestIssuer, type TestIssuer } from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginsFromIdToken } from "./logins-from-id-token.js";

let issuer: TestIssuer;
beforeAll(async () => {
  issuer = await createTestIssuer({
    kind: "cognito",
    region: "eu-west-1",
    userPoolId: "eu-west-1_AbC",
  });
});
afterAll(async () => {
  await issuer.close();
});

describe("loginsFromIdToken", () => {
  it("keys a user pool ID token by cognito-idp.{region}.amazonaws.com/{userPoolId}", async () => {
    const token = await issuer.mintIdToken();
    expect(loginsFromIdToken(token)).toEqual({
      "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC": token,
    });
  });

  it("keys a Google token by accounts.google.com", async () => {
    const token = await issuer.mintToken({ iss: "https://accounts.google.com", aud: "client" });
    expect(Object.keys(loginsFromIdToken(token))).toEqual(["accounts.google.com"]);
  });

  it("refuses an access token and says to use the ID token", async () => {
    const token = await issuer.mintAccessToken();
    expect(() => loginsFromIdToken(token)).toThrowCode("misconfiguration", {
      message: expect.stringContaining("ID token"),
    });
  });

  it("refuses a token without aud", async () => {
    const token = await issuer.mintIdToken({ aud: undefined, token_use: undefined });
    expect(() => loginsFromIdToken(token)).toThrowCode("misconfiguration");
  });

  it("never quotes the token in the error", async () => {
    const token = await issuer.mintAccessToken();
    expect(() => loginsFromIdToken(token)).toThrowCode("misconfiguration", {
      message: expect.not.stringContaining(token.split(".")[1]!),
    });
  });

  it("refuses something that is not a JWT", () => {
    expect(() => loginsFromIdToken("opaque")).toThrowCode("invalid_logins");
  });

  it("refuses a token without an https issuer", async () => {
    const token = await issuer.mintToken({ iss: "http://example.com", aud: "c" });
    expect(() => loginsFromIdToken(token)).toThrowCode("invalid_logins");
  });
});
