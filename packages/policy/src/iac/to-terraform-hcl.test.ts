// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables and Terraform templates are literal text here.
import { describe, expect, it } from "vitest";
import type { PolicyDocument } from "../document/policy-document.js";
import { composedPolicy } from "./composed-policy.fixture.js";
import { toTerraformHcl } from "./to-terraform-hcl.js";

const GOLDEN = `data "aws_iam_policy_document" "resource_policy" {
  version = "2012-10-17"

  statement {
    sid       = "AllowInvoke"
    effect    = "Allow"
    actions   = ["execute-api:Invoke"]
    resources = ["execute-api:/*"]

    principals {
      type = "AWS"
      identifiers = [
        "arn:aws:iam::111122223333:root",
        "arn:aws:iam::444455556666:role/ci-deploy",
      ]
    }
  }

  statement {
    sid       = "DenyIpDenylist"
    effect    = "Deny"
    actions   = ["execute-api:Invoke"]
    resources = ["execute-api:/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values = [
        "198.51.100.0/24",
        "2001:db8::/32",
      ]
    }
  }
}
`;

const statement = (extra: Partial<PolicyDocument["Statement"]>): PolicyDocument =>
  ({ Statement: [{ Effect: "Allow", Action: "*", Resource: "*", ...extra }] }) as PolicyDocument;

describe("toTerraformHcl", () => {
  it("renders a composed policy (golden, terraform fmt clean)", () => {
    expect(toTerraformHcl(composedPolicy())).toBe(GOLDEN);
  });

  it("names the data source and templates short-form resources over executionArn", () => {
    const hcl = toTerraformHcl(composedPolicy(), {
      name: "api",
      executionArn: "aws_api_gateway_rest_api.api.execution_arn",
    });
    expect(hcl.split("\n")[0]).toBe('data "aws_iam_policy_document" "api" {');
    expect(hcl).toContain('    resources = ["${aws_api_gateway_rest_api.api.execution_arn}/*"]\n');
  });

  it("maps NotAction, NotResource and NotPrincipal to not_* arguments and Id to policy_id", () => {
    const policy: PolicyDocument = {
      Id: "edge",
      Statement: [
        {
          Effect: "Deny",
          NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" },
          NotAction: "execute-api:Invoke",
          NotResource: "execute-api:/prod/GET/health",
        },
      ],
    };
    expect(toTerraformHcl(policy)).toBe(`data "aws_iam_policy_document" "resource_policy" {
  policy_id = "edge"

  statement {
    effect        = "Deny"
    not_actions   = ["execute-api:Invoke"]
    not_resources = ["execute-api:/prod/GET/health"]

    not_principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
}
`);
  });

  it("escapes policy variables in every string so Terraform passes them through", () => {
    const hcl = toTerraformHcl({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "Self",
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::111122223333:user/${aws:username}" },
          Action: "execute-api:Invoke",
          Resource: 'execute-api:/prod/GET/"${aws:username}"',
          Condition: { StringLike: { "aws:UserAgent": "%{x}\\${*}" } },
        },
      ],
    });
    expect(hcl).toContain('identifiers = ["arn:aws:iam::111122223333:user/$${aws:username}"]');
    expect(hcl).toContain('resources = ["execute-api:/prod/GET/\\"$${aws:username}\\""]');
    expect(hcl).toContain('values   = ["%%{x}\\\\$${*}"]');
  });

  it("writes numeric and boolean condition values as strings", () => {
    const hcl = toTerraformHcl(
      statement({
        Condition: {
          Bool: { "aws:SecureTransport": false },
          NumericLessThan: { "aws:EpochTime": 1767225600 },
        },
      }),
    );
    expect(hcl).toContain('values   = ["false"]');
    expect(hcl).toContain('values   = ["1767225600"]');
  });

  it("writes one condition block per operator and key, sorted", () => {
    const hcl = toTerraformHcl(
      statement({
        Condition: {
          StringNotEquals: { "aws:SourceVpce": "vpce-1", "aws:SourceVpc": "vpc-1" },
          IpAddress: { "aws:SourceIp": "192.0.2.0/24" },
        },
      }),
    );
    const variables = [...hcl.matchAll(/variable = "([^"]+)"/g)].map((match) => match[1]);
    expect(variables).toEqual(["aws:SourceIp", "aws:SourceVpc", "aws:SourceVpce"]);
  });

  it('writes a typed wildcard principal as its type with identifiers ["*"]', () => {
    const hcl = toTerraformHcl(statement({ Principal: { AWS: "*" } }));
    expect(hcl).toContain('      type        = "AWS"\n      identifiers = ["*"]\n');
  });

  it("renders equal documents with different key order identically", () => {
    const a = statement({
      Sid: "S",
      Principal: "*",
      Condition: { Bool: { "aws:SecureTransport": "true" } },
    });
    const b = {
      Statement: [
        {
          Condition: { Bool: { "aws:SecureTransport": "true" } },
          Principal: "*",
          Resource: "*",
          Action: "*",
          Sid: "S",
          Effect: "Allow",
        },
      ],
    } as PolicyDocument;
    expect(toTerraformHcl(b)).toBe(toTerraformHcl(a));
  });

  it("rejects a name that is not a Terraform identifier", () => {
    expect(() => toTerraformHcl(composedPolicy(), { name: "my policy" })).toThrow(TypeError);
  });

  it("rejects an executionArn that is not a Terraform reference", () => {
    expect(() => toTerraformHcl(composedPolicy(), { executionArn: "arn:aws:x" })).toThrow(
      TypeError,
    );
  });

  it("rejects an invalid document with PolicyError invalid_policy and its path", () => {
    expect(() =>
      toTerraformHcl({ Statement: [{ Effect: "Allow", Action: "*" }] } as never),
    ).toThrowCode("invalid_policy", { path: "Statement[0]" });
  });
});
