// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables and Terraform templates are literal text here.
import { describe, expect, it } from "vitest";
import { parsePolicyDocument } from "../document/parse-policy-document.js";
import type { PolicyDocument } from "../document/policy-document.js";
import { composedPolicy } from "./composed-policy.fixture.js";
import { toCloudFormation } from "./to-cloud-formation.js";
import { toTerraformJson } from "./to-terraform-json.js";

const withVariable: PolicyDocument = {
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::111122223333:root" },
      Action: "execute-api:Invoke",
      Resource: "execute-api:/prod/GET/users/${aws:username}",
      Condition: { StringLike: { "aws:UserAgent": "%{tool}*" } },
    },
  ],
};

describe("toTerraformJson", () => {
  it("renders a composed policy (golden, one line)", () => {
    expect(toTerraformJson(composedPolicy(), { indent: 0 })).toBe(
      '{"Version":"2012-10-17","Statement":[{"Sid":"AllowInvoke","Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root","arn:aws:iam::444455556666:role/ci-deploy"]},"Action":"execute-api:Invoke","Resource":["execute-api:/*"]},{"Sid":"DenyIpDenylist","Effect":"Deny","Principal":"*","Action":"execute-api:Invoke","Resource":["execute-api:/*"],"Condition":{"IpAddress":{"aws:SourceIp":["198.51.100.0/24","2001:db8::/32"]}}}]}',
    );
  });

  it("indents with two spaces by default, like JSON.stringify", () => {
    expect(toTerraformJson(composedPolicy())).toBe(
      JSON.stringify(toCloudFormation(composedPolicy()), null, 2),
    );
  });

  it("round-trips: the output parses back to the same document", () => {
    const policy = composedPolicy();
    expect(parsePolicyDocument(toTerraformJson(policy))).toEqual(parsePolicyDocument(policy));
  });

  it("round-trips policy variables with usage file", () => {
    const text = toTerraformJson(withVariable, { usage: "file" });
    expect(parsePolicyDocument(text)).toEqual(parsePolicyDocument(withVariable));
  });

  it("doubles ${ and %{ for jsonencode so Terraform does not interpolate them", () => {
    const text = toTerraformJson(withVariable, { indent: 0 });
    expect(text).toContain('"execute-api:/prod/GET/users/$${aws:username}"');
    expect(text).toContain('"aws:UserAgent":"%%{tool}*"');
  });

  it("writes control characters as \\u escapes HCL understands, never \\b or \\f", () => {
    const policy = { Statement: { Sid: "a\bb\fc", Effect: "Allow", Action: "*", Resource: "*" } };
    const text = toTerraformJson(policy as PolicyDocument, { indent: 0 });
    expect(text).toContain('"Sid":"a\\u0008b\\u000cc"');
  });

  it("turns short-form resources into templates over executionArn", () => {
    const text = toTerraformJson(composedPolicy(), {
      indent: 0,
      executionArn: "aws_api_gateway_rest_api.api.execution_arn",
    });
    expect(text).toContain('"Resource":["${aws_api_gateway_rest_api.api.execution_arn}/*"]');
  });

  it("leaves full ARNs and condition values alone with executionArn", () => {
    const policy: PolicyDocument = {
      Statement: [
        {
          Effect: "Deny",
          Principal: "*",
          Action: "execute-api:Invoke",
          NotResource: ["arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/health"],
          Condition: { StringEquals: { "aws:SourceArn": "execute-api:/x" } },
        },
      ],
    };
    const text = toTerraformJson(policy, { indent: 0, executionArn: "module.api.execution_arn" });
    expect(text).toBe(toTerraformJson(policy, { indent: 0 }));
  });

  it("rejects executionArn with usage file", () => {
    expect(() =>
      toTerraformJson(composedPolicy(), { usage: "file", executionArn: "a.b.execution_arn" }),
    ).toThrow(TypeError);
  });

  it("rejects an executionArn that is not a Terraform reference", () => {
    expect(() => toTerraformJson(composedPolicy(), { executionArn: "${a.b}" })).toThrow(TypeError);
  });

  it("rejects an unknown usage", () => {
    const usage = "heredoc" as "file";
    expect(() => toTerraformJson(composedPolicy(), { usage })).toThrow(TypeError);
  });

  it("rejects an indent that is not a small non-negative integer", () => {
    expect(() => toTerraformJson(composedPolicy(), { indent: -1 })).toThrow(TypeError);
  });

  it("rejects an invalid document with PolicyError invalid_policy", () => {
    expect(() => toTerraformJson("{")).toThrowCode("invalid_policy");
  });
});
