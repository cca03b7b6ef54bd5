import { accountAllowlist, composeResourcePolicy, ipDenylist } from "@gatehouse/policy";
import { describe, expect, it } from "vitest";
import { runCaptured, stdinOf } from "../internal/capture-io.js";

const ARN = "arn:aws:execute-api:eu-west-1:111122223333:a1b2c3d4e5/prod/GET/pets";
const denylist = JSON.stringify(
  composeResourcePolicy([ipDenylist({ cidrs: ["198.51.100.0/24"] })], { authTypes: ["NONE"] }),
);
const accounts = JSON.stringify(
  composeResourcePolicy([accountAllowlist({ principals: ["111122223333"] })], {
    authTypes: ["AWS_IAM"],
  }),
);

describe("gatehouse policy simulate", () => {
  it("prints the gateway model's status, message and reason; exits 1 when denied", async () => {
    const result = await runCaptured(
      ["policy", "simulate", "-", "--arn", ARN, "--source-ip", "198.51.100.7"],
      {
        stdin: stdinOf(denylist),
      },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("403 AccessDeniedException");
    expect(result.stdout).toContain(
      `User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${ARN} with an explicit deny`,
    );
    expect(result.stdout).toContain("resource_policy_explicit_deny");
  });

  it("exits 0 when allowed", async () => {
    const result = await runCaptured(
      ["policy", "simulate", "-", "--arn", ARN, "--source-ip", "203.0.113.9"],
      {
        stdin: stdinOf(denylist),
      },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^200/);
  });

  it("--principal makes an AWS_IAM caller; an account id stands for its root", async () => {
    const same = await runCaptured(
      ["policy", "simulate", "-", "--arn", ARN, "--principal", "111122223333", "--json"],
      {
        stdin: stdinOf(accounts),
      },
    );
    expect(JSON.parse(same.stdout)).toMatchObject({
      status: 200,
      principal: "arn:aws:iam::111122223333:root",
    });
    const other = await runCaptured(
      [
        "policy",
        "simulate",
        "-",
        "--arn",
        ARN,
        "--principal",
        "arn:aws:iam::999988887777:role/partner",
        "--json",
      ],
      { stdin: stdinOf(accounts) },
    );
    expect(other.code).toBe(1);
    expect(JSON.parse(other.stdout)).toMatchObject({ status: 403, combination: "table-b" });
  });

  it("shows that Principal AWS breaks a Lambda-authorized method", async () => {
    const result = await runCaptured(
      ["policy", "simulate", "-", "--arn", ARN, "--auth-type", "LAMBDA", "--json"],
      {
        stdin: stdinOf(accounts),
      },
    );
    expect(JSON.parse(result.stdout)).toMatchObject({
      status: 403,
      reason: "iam_principal_requires_iam_auth",
    });
  });

  it("models the Lambda authorizer's outcomes", async () => {
    const statuses: Record<string, number> = {};
    for (const outcome of ["allow", "deny", "unauthorized", "error"]) {
      const result = await runCaptured([
        "policy",
        "simulate",
        "none",
        "--arn",
        ARN,
        "--auth-type",
        "LAMBDA",
        "--authorizer",
        outcome,
        "--json",
      ]);
      statuses[outcome] = (JSON.parse(result.stdout) as { status: number }).status;
    }
    expect(statuses).toEqual({ allow: 200, deny: 403, unauthorized: 401, error: 500 });
  });

  it("--expect turns the exit code into 'was it this status'", async () => {
    const args = ["policy", "simulate", "-", "--arn", ARN, "--source-ip", "198.51.100.7"];
    expect(
      (await runCaptured([...args, "--expect", "403"], { stdin: stdinOf(denylist) })).code,
    ).toBe(0);
    expect(
      (await runCaptured([...args, "--expect", "200"], { stdin: stdinOf(denylist) })).code,
    ).toBe(1);
  });

  it("exits 2 without --arn or with a bad one", async () => {
    expect((await runCaptured(["policy", "simulate", "none"])).code).toBe(2);
    const bad = await runCaptured(["policy", "simulate", "none", "--arn", "arn:aws:s3:::bucket"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("invalid_arn");
  });

  it("exits 2 for an AWS_IAM method without a caller", async () => {
    const result = await runCaptured([
      "policy",
      "simulate",
      "none",
      "--arn",
      ARN,
      "--auth-type",
      "AWS_IAM",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--principal");
  });

  it("checks --principal with @gatehouse/policy and says what is wrong", async () => {
    for (const [principal, why] of [
      ["arn:aws-foo:iam::111122223333:user/a", 'partition "aws-foo" is not an AWS partition'],
      ["arn:aws:iam::111122223333:role/*", "has a wildcard"],
      ["arn:aws:iam::111122223333:saml-provider/Okta", "is an identity provider"],
    ] as const) {
      const result = await runCaptured(
        [
          "policy",
          "simulate",
          "-",
          "--arn",
          ARN,
          "--principal",
          principal,
          "--auth-type",
          "AWS_IAM",
        ],
        { stdin: stdinOf(accounts) },
      );
      expect(result.code, principal).toBe(2);
      expect(result.stderr).toContain(
        "--principal must be a 12-digit account id or an IAM/STS ARN",
      );
      expect(result.stderr).toContain(why);
    }
  });

  it("--unsigned gives Missing Authentication Token", async () => {
    const result = await runCaptured([
      "policy",
      "simulate",
      "none",
      "--arn",
      ARN,
      "--auth-type",
      "AWS_IAM",
      "--unsigned",
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Missing Authentication Token");
  });
});
