// `policy simulate` refuses options that do not fit the request (exit 2) instead of ignoring them,
// and names the flags the user typed in errors, never the library's option paths.
import { describe, expect, it } from "vitest";
import { runCaptured, stdinOf } from "../internal/capture-io.js";

const ARN = "arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5/prod/GET/pets";
const simulate = (...args: string[]) =>
  runCaptured(["policy", "simulate", "none", "--arn", ARN, ...args]);

describe("gatehouse policy simulate: options that do not fit", () => {
  it("refuses --authorizer without --auth-type LAMBDA instead of answering 200", async () => {
    // Reproduction: this answered 200 and `--expect 200` passed, as if the authorizer did not exist.
    const result = await simulate("--authorizer", "deny", "--expect", "200");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(
      "--authorizer needs --auth-type LAMBDA (here: NONE, the default)",
    );
    expect(result.stderr).toContain("add --auth-type LAMBDA");
  });

  it("refuses --authorizer-response for an AWS_IAM method", async () => {
    const result = await simulate(
      "--principal",
      "111122223333",
      "--authorizer-response",
      "response.json",
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "--authorizer-response needs --auth-type LAMBDA (here: AWS_IAM, the default with --principal)",
    );
  });

  it("refuses the AWS_IAM caller's options on other auth types", async () => {
    for (const args of [
      ["--auth-type", "LAMBDA", "--principal", "111122223333"],
      ["--auth-type", "NONE", "--unsigned"],
      ["--auth-type", "COGNITO_USER_POOLS", "--bad-signature"],
      ["--principal-org-id", "o-a1b2c3d4e5"],
    ]) {
      const result = await simulate(...args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toContain("needs --auth-type AWS_IAM");
    }
  });

  it("refuses the Cognito options without --auth-type COGNITO_USER_POOLS", async () => {
    const result = await simulate("--auth-type", "LAMBDA", "--cognito-token", "invalid");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "--cognito-token needs --auth-type COGNITO_USER_POOLS (here: LAMBDA)",
    );
  });

  it("refuses contradictory options", async () => {
    const both = await simulate(
      "--auth-type",
      "LAMBDA",
      "--authorizer",
      "allow",
      "--authorizer-response",
      "r.json",
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--authorizer cannot be combined with --authorizer-response");
    const unsigned = await simulate(
      "--auth-type",
      "AWS_IAM",
      "--unsigned",
      "--principal",
      "111122223333",
    );
    expect(unsigned.code).toBe(2);
    expect(unsigned.stderr).toContain("--unsigned cannot be combined with --principal");
  });

  it("refuses the VPC keys on a public API and aws:SourceIp on a private one", async () => {
    const vpc = await simulate("--vpc-source-ip", "10.0.0.7");
    expect(vpc.code).toBe(2);
    expect(vpc.stderr).toContain("--vpc-source-ip needs --endpoint-type PRIVATE (here: REGIONAL)");
    expect(vpc.stderr).not.toContain("vpcSourceIp");
    const sourceIp = await simulate("--endpoint-type", "PRIVATE", "--source-ip", "198.51.100.7");
    expect(sourceIp.code).toBe(2);
    expect(sourceIp.stderr).toContain("--source-ip needs a public endpoint type");
    expect(sourceIp.stderr).toContain("--vpc-source-ip");
  });

  it("names a flag of another subcommand as such", async () => {
    const result = await simulate("--deny-ip", "198.51.100.0/24");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "--deny-ip is an option of `gatehouse policy generate`, not of `gatehouse policy simulate`",
    );
  });
});

describe("gatehouse policy simulate: errors in the user's terms", () => {
  it("names --source-ip and its value, not the option path sourceIp", async () => {
    const result = await simulate("--source-ip", "300.1.1.1");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'invalid_request: --source-ip ("300.1.1.1") is not a usable IP address',
    );
    expect(result.stderr).not.toMatch(/\bsourceIp\b/);
  });

  it("names --arn for a bad ARN", async () => {
    const result = await runCaptured([
      "policy",
      "simulate",
      "none",
      "--arn",
      "arn:aws:s3:::bucket",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--arn ("arn:aws:s3:::bucket"): invalid_arn');
  });

  it("points into the policy file, not at resourcePolicy", async () => {
    const policy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Deny",
          Principal: "*",
          Action: "execute-api:Invoke",
          Resource: "execute-api:/*",
          Condition: { IpAddress: { "aws:SourceIp": "not-an-ip" } },
        },
      ],
    });
    const result = await runCaptured(["policy", "simulate", "-", "--arn", ARN], {
      stdin: stdinOf(policy),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "invalid_policy: stdin at Statement[0].Condition.IpAddress.aws:SourceIp",
    );
    expect(result.stderr).not.toContain("resourcePolicy");
  });
});
