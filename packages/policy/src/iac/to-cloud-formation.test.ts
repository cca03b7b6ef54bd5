import { describe, expect, it } from "vitest";
import { parsePolicyDocument } from "../document/parse-policy-document.js";
import type { PolicyDocument } from "../document/policy-document.js";
import { isPolicyError } from "../errors.js";
import { composedPolicy } from "./composed-policy.fixture.js";
import { toCloudFormation } from "./to-cloud-formation.js";

const GOLDEN = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "AllowInvoke",
      "Effect": "Allow",
      "Principal": {
        "AWS": [
          "arn:aws:iam::111122223333:root",
          "arn:aws:iam::444455556666:role/ci-deploy"
        ]
      },
      "Action": "execute-api:Invoke",
      "Resource": [
        "execute-api:/*"
      ]
    },
    {
      "Sid": "DenyIpDenylist",
      "Effect": "Deny",
      "Principal": "*",
      "Action": "execute-api:Invoke",
      "Resource": [
        "execute-api:/*"
      ],
      "Condition": {
        "IpAddress": {
          "aws:SourceIp": [
            "198.51.100.0/24",
            "2001:db8::/32"
          ]
        }
      }
    }
  ]
}`;

describe("toCloudFormation", () => {
  it("renders a composed policy (golden)", () => {
    expect(JSON.stringify(toCloudFormation(composedPolicy()), null, 2)).toBe(GOLDEN);
  });

  it("round-trips: the output parses back to the same document", () => {
    const policy = composedPolicy();
    const output = JSON.parse(JSON.stringify(toCloudFormation(policy)));
    expect(parsePolicyDocument(output)).toEqual(parsePolicyDocument(policy));
  });

  it("wraps a single Statement object in a list, as iam.PolicyDocument.fromJson requires", () => {
    const statement = { Effect: "Allow", Action: "execute-api:Invoke", Resource: "*" } as const;
    expect(toCloudFormation({ Statement: statement }).Statement).toEqual([statement]);
  });

  it("writes keys in IAM grammar order and sorts condition operators and keys", () => {
    const policy = {
      Statement: [
        {
          Condition: {
            StringNotEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" },
            IpAddress: { "aws:VpcSourceIp": "10.0.0.0/8", "aws:SourceIp": "192.0.2.1" },
          },
          Resource: "execute-api:/*",
          Action: "execute-api:Invoke",
          Principal: "*",
          Effect: "Deny",
          Sid: "Deny",
        },
      ],
      Id: "api-policy",
      Version: "2012-10-17",
    } satisfies PolicyDocument;
    expect(JSON.stringify(toCloudFormation(policy))).toBe(
      '{"Version":"2012-10-17","Id":"api-policy","Statement":[{"Sid":"Deny","Effect":"Deny","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*","Condition":{"IpAddress":{"aws:SourceIp":"192.0.2.1","aws:VpcSourceIp":"10.0.0.0/8"},"StringNotEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}}]}',
    );
  });

  it("does not add a Version the input does not have", () => {
    const output = toCloudFormation({
      Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
    });
    expect(output).not.toHaveProperty("Version");
  });

  it("returns a fresh copy that shares nothing with the input", () => {
    const policy = composedPolicy();
    const before = structuredClone(policy);
    const output = toCloudFormation(policy);
    (output.Statement[1]!.Resource as string[]).push("execute-api:/other");
    output.Statement.pop();
    expect(policy).toEqual(before);
  });

  it("accepts the policy as JSON text", () => {
    const text = JSON.stringify(composedPolicy());
    expect(toCloudFormation(text)).toEqual(toCloudFormation(composedPolicy()));
  });

  it("rejects an invalid document with PolicyError invalid_policy and its path", () => {
    const bad = { Statement: [{ Effect: "Permit", Action: "*", Resource: "*" }] };
    try {
      toCloudFormation(bad as unknown as PolicyDocument);
      expect.unreachable();
    } catch (error) {
      expect(isPolicyError(error) && [error.code, error.path]).toEqual([
        "invalid_policy",
        "Statement[0].Effect",
      ]);
    }
  });
});
