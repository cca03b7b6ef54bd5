import { describe, expect, it } from "vitest";
import type { PolicyDocument } from "../document/policy-document.js";
import { identityPoolTrustPolicy } from "../identity-policy/identity-pool-trust-policy.js";
import { toCloudFormation } from "./to-cloud-formation.js";
import { toTerraformHcl } from "./to-terraform-hcl.js";

const trust = identityPoolTrustPolicy({
  identityPoolId: "us-east-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11",
  amr: "authenticated",
});
const withPrincipal: PolicyDocument = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }],
};

describe("the kind option of toCloudFormation and toTerraformHcl", () => {
  it('"trust" renders a trust policy, which has no Resource (AssumeRolePolicyDocument)', () => {
    expect(toCloudFormation(trust, { kind: "trust" }).Statement[0]).toMatchObject({
      Principal: { Federated: "cognito-identity.amazonaws.com" },
      Action: "sts:AssumeRoleWithWebIdentity",
    });
    const hcl = toTerraformHcl(trust, { name: "trust", kind: "trust" });
    expect(hcl).toContain('type        = "Federated"');
    expect(hcl).not.toContain("resources");
  });

  it("the default grammar still requires Resource; a trust policy is refused without the kind", () => {
    expect(() => toCloudFormation(trust)).toThrowCode("invalid_policy");
    expect(() => toTerraformHcl(trust)).toThrowCode("invalid_policy");
  });

  it.each([
    ["toCloudFormation", () => toCloudFormation(withPrincipal, { kind: "identity" })],
    ["toTerraformHcl", () => toTerraformHcl(withPrincipal, { kind: "identity" })],
  ])('%s: "identity" refuses a Principal, as IAM does in an identity policy', (_name, render) => {
    expect(render).toThrowCode("invalid_policy");
  });
});
