import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "../evaluate/evaluate-policy.js";
import { COGNITO_UNAUTHENTICATED_SESSION_POLICY } from "./cognito-unauthenticated-session-policy.js";

const INVOKE_ARN = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets";

describe("COGNITO_UNAUTHENTICATED_SESSION_POLICY", () => {
  it.each([
    ["execute-api:Invoke", INVOKE_ARN, "implicit-deny"],
    ["execute-api:ManageConnections", INVOKE_ARN, "implicit-deny"],
    ["dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:123456789012:table/t", "implicit-deny"],
    ["s3:GetObject", "arn:aws:s3:::bucket/key", "implicit-deny"],
    ["polly:SynthesizeSpeech", "*", "allow"],
    ["geo:GetMapTile", "*", "allow"],
    ["kms:Decrypt", "*", "allow"],
    ["kms:CreateKey", "*", "implicit-deny"],
    ["rum:PutRumEvents", "*", "allow"],
  ])("%s on %s: %s (v3 of the managed policy)", (action, resource, decision) => {
    expect(
      evaluatePolicy(COGNITO_UNAUTHENTICATED_SESSION_POLICY, { action, resource }).decision,
    ).toBe(decision);
  });

  it("is frozen", () => {
    expect(Object.isFrozen(COGNITO_UNAUTHENTICATED_SESSION_POLICY)).toBe(true);
    expect(Object.isFrozen([COGNITO_UNAUTHENTICATED_SESSION_POLICY.Statement].flat()[0])).toBe(
      true,
    );
  });
});
