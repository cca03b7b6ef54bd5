import { describe, expect, it } from "vitest";
import { isPolicyError } from "../errors.js";
import { parseCallerPrincipalArn, parsePrincipalArn } from "./principal-arn.js";

describe("parsePrincipalArn", () => {
  it.each([
    [
      "arn:aws:iam::123456789012:root",
      { kind: "root", partition: "aws", accountId: "123456789012" },
    ],
    [
      "arn:aws-cn:iam::123456789012:user/alice",
      { kind: "user", partition: "aws-cn", iamPath: "/", name: "alice" },
    ],
    [
      "arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/Jane.Doe@example.com",
      { kind: "user", iamPath: "/division_abc/subdivision_xyz/", name: "Jane.Doe@example.com" },
    ],
    [
      "arn:aws-us-gov:iam::123456789012:role/service-role/Deploy.er+1=",
      { kind: "role", partition: "aws-us-gov", iamPath: "/service-role/", name: "Deploy.er+1=" },
    ],
    [
      "arn:aws:iam::123456789012:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk",
      {
        kind: "role",
        iamPath: "/aws-service-role/elasticbeanstalk.amazonaws.com/",
        name: "AWSServiceRoleForElasticBeanstalk",
      },
    ],
    [
      "arn:aws:sts::123456789012:assumed-role/Cognito_PetsAuth_Role/CognitoIdentityCredentials",
      {
        kind: "assumed-role",
        roleName: "Cognito_PetsAuth_Role",
        sessionName: "CognitoIdentityCredentials",
      },
    ],
    [
      "arn:aws-iso:sts::123456789012:assumed-role/AWSReservedSSO_Admin_0123abcd/jane.doe@example.com",
      { kind: "assumed-role", partition: "aws-iso", sessionName: "jane.doe@example.com" },
    ],
    ["arn:aws:sts::123456789012:federated-user/bob", { kind: "federated-user", name: "bob" }],
    ["arn:aws:iam::123456789012:saml-provider/Okta", { kind: "saml-provider", name: "Okta" }],
    [
      "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
      { kind: "oidc-provider", name: "token.actions.githubusercontent.com" },
    ],
    [
      "arn:aws:iam::123456789012:oidc-provider/cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC",
      { kind: "oidc-provider", name: "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC" },
    ],
  ])("reads %s", (arn, fields) => {
    expect(parsePrincipalArn(arn)).toMatchObject({ arn, accountId: "123456789012", ...fields });
  });

  it.each([
    [
      "arn:aws-foo:iam::123456789012:user/alice",
      /partition "aws-foo" is not an AWS partition \(aws, aws-cn/,
    ],
    ["arn:aws:iam::12345678901:root", /is not 12 digits \(it has 11\)/],
    ["arn:aws:iam:us-east-1:123456789012:root", /IAM and STS principal ARNs have none/],
    ["arn:aws:s3:::bucket", /is a s3 ARN, not an IAM or STS principal/],
    ["arn:aws:iam::123456789012:role/*", /has a wildcard/],
    ["arn:aws:iam::123456789012:role/", /invalid role name ""/],
    ["arn:aws:iam::123456789012:role//app", /invalid IAM path/],
    [`arn:aws:iam::123456789012:role/${"x".repeat(65)}`, /invalid role name/],
    ["arn:aws:iam::123456789012:group/Admins", /names an IAM group that is not a principal/],
    [
      "arn:aws:iam::123456789012:assumed-role/app/s",
      /write arn:aws:sts::123456789012:assumed-role/,
    ],
    ["arn:aws:sts::123456789012:role/app", /write arn:aws:iam::123456789012:role\/app/],
    ["arn:aws:sts::123456789012:assumed-role/app", /assumed-role\/\{role name\}\/\{session name\}/],
    ["arn:aws:sts::123456789012:assumed-role/path/app/s", /no role path in a session ARN/],
    ["arn:aws:sts::123456789012:federated-user/b", /invalid federated user name/],
    ["arn:aws:iam::123456789012:root/x", /text after root/],
    ["arn:aws:iam::123456789012:root ", /contains whitespace/],
    ["123456789012", /is not an ARN/],
    ["arn:aws:iam::123456789012", /is not an ARN/],
    [`arn:aws:iam::123456789012:user/${"a/".repeat(1100)}b`, /too long/],
    [42, /is not a string/],
  ])("refuses %j with invalid_principal and says why", (value, message) => {
    let caught: unknown;
    try {
      parsePrincipalArn(value, "credentials[0].principalArn");
    } catch (error) {
      caught = error;
    }
    expect(isPolicyError(caught), String(caught)).toBe(true);
    expect(caught).toMatchObject({
      code: "invalid_principal",
      path: "credentials[0].principalArn",
    });
    expect((caught as Error).message).toMatch(message);
  });

  it("returns a fresh object each time (a parse is memoised, its result is not shared)", () => {
    const first = parsePrincipalArn("arn:aws:iam::123456789012:user/alice");
    (first as { accountId: string }).accountId = "changed";
    expect(parsePrincipalArn("arn:aws:iam::123456789012:user/alice").accountId).toBe(
      "123456789012",
    );
  });
});

describe("parseCallerPrincipalArn", () => {
  it("accepts principals that sign requests", () => {
    for (const arn of [
      "arn:aws:iam::123456789012:root",
      "arn:aws:iam::123456789012:user/alice",
      "arn:aws:iam::123456789012:role/app",
      "arn:aws:sts::123456789012:assumed-role/app/s1",
      "arn:aws:sts::123456789012:federated-user/bob",
    ]) {
      expect(parseCallerPrincipalArn(arn).arn).toBe(arn);
    }
  });

  it("refuses identity providers, which never sign", () => {
    expect(() =>
      parseCallerPrincipalArn("arn:aws:iam::123456789012:saml-provider/Okta", "caller.arn"),
    ).toThrowCode("invalid_principal", {
      path: "caller.arn",
      message: expect.stringContaining("is an identity provider, which never signs a request"),
    });
  });
});
