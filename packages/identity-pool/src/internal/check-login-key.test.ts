import { describe, expect, it } from "vitest";
import { isIdentityPoolError } from "../errors.js";
import { checkLoginKey } from "./check-login-key.js";

const valid = [
  "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123",
  "cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_AbC123",
  "accounts.google.com",
  "graph.facebook.com",
  "www.amazon.com",
  "appleid.apple.com",
  "cognito-identity.amazonaws.com",
  "arn:aws:iam::123456789012:saml-provider/Okta",
  "dev-123.okta.com",
  "login.example.com/oauth2/default",
  "127.0.0.1:4567",
];
const invalid: Array<[string, string]> = [
  ["cognito-idp.us-east-1.amazonaws.com/eu-west-1_AbC123", "region"],
  ["us-east-1_AbC123", "cognito-idp.{region}.amazonaws.com/us-east-1_AbC123"],
  ["https://accounts.google.com", "scheme"],
  ["cognito-idp.us-east-1.amazonaws.com", "expected"],
  ["not a key", "expected"],
  ["", "expected"],
];

describe("checkLoginKey", () => {
  for (const key of valid) {
    it(`accepts ${key}`, () => {
      expect(() => checkLoginKey(key)).not.toThrow();
    });
  }
  for (const [key, why] of invalid) {
    it(`refuses "${key}"`, () => {
      let error: unknown;
      try {
        checkLoginKey(key);
      } catch (e) {
        error = e;
      }
      expect(isIdentityPoolError(error) && error.code).toBe("invalid_logins");
      expect(String(error)).toContain(why);
    });
  }
});
