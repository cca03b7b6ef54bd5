import { describe, expect, it } from "vitest";
import { hintFor } from "./hints.js";

describe("hintFor", () => {
  const cases: Array<[string, string, string]> = [
    [
      "NotAuthorizedException",
      "Invalid login token. Issuer doesn't match providerName",
      "loginsFromIdToken",
    ],
    ["NotAuthorizedException", "Invalid login token. Missing a required claim: aud", "ID token"],
    [
      "NotAuthorizedException",
      "Unauthenticated access is not supported for this identity pool.",
      "AllowUnauthenticatedIdentities",
    ],
    [
      "InvalidParameterException",
      "Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.",
      "AllowClassicFlow",
    ],
    [
      "InvalidParameterException",
      "Basic (classic) authflow is not supported for this identity pool",
      "AllowClassicFlow",
    ],
    [
      "InvalidIdentityPoolConfigurationException",
      "Invalid identity pool configuration. Check assigned IAM roles for this pool.",
      "trust",
    ],
    ["AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity", "trust"],
    [
      "NotAuthorizedException",
      "Token is not from a supported provider of this identity pool.",
      "authentication providers",
    ],
    ["ResourceNotFoundException", "IdentityPool 'us-east-1:x' not found.", "identity pool id"],
    ["NotAuthorizedException", "Invalid login token. Token expired: 1 >= 0", "fresh token"],
  ];
  for (const [code, message, expected] of cases) {
    it(`${code}: ${message}`, () => {
      expect(hintFor(code, message)).toContain(expected);
    });
  }

  it("has no hint for throttling", () => {
    expect(hintFor("TooManyRequestsException", "Rate exceeded")).toBeUndefined();
  });
});
