import { composeResourcePolicy, ipDenylist, toTerraformHcl } from "@gatehouse/policy";
import { describe, expect, it } from "vitest";
import { runCaptured } from "../internal/capture-io.js";

describe("gatehouse policy generate", () => {
  it("composes presets into the same document as composeResourcePolicy", async () => {
    const result = await runCaptured([
      "policy",
      "generate",
      "--deny-ip",
      "198.51.100.0/24,2001:db8::/32",
      "--auth-type",
      "LAMBDA",
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(
      composeResourcePolicy([ipDenylist({ cidrs: ["198.51.100.0/24", "2001:db8::/32"] })], {
        authTypes: ["LAMBDA"],
      }),
    );
  });

  it("accepts JWT (REST JWT authorizer) methods and gives them their own Allow", async () => {
    const result = await runCaptured([
      "policy",
      "generate",
      "--deny-ip",
      "198.51.100.0/24",
      "--auth-type",
      "GET /orders=jwt",
      "--auth-type",
      "LAMBDA",
    ]);
    expect(result.code).toBe(0);
    const policy = JSON.parse(result.stdout);
    expect(policy).toEqual(
      composeResourcePolicy([ipDenylist({ cidrs: ["198.51.100.0/24"] })], {
        authTypes: { "GET /orders": "JWT", "*": "LAMBDA" },
      }),
    );
    expect(policy.Statement[0]).toMatchObject({
      Sid: "AllowJwtMethods",
      Resource: ["execute-api:/*/GET/orders"],
    });
  });

  it("is `gatehouse policy --flags` too", async () => {
    const a = await runCaptured(["policy", "--allow-vpce", "vpce-0a1b2c3d", "--auth-type", "NONE"]);
    const b = await runCaptured([
      "policy",
      "generate",
      "--allow-vpce",
      "vpce-0a1b2c3d",
      "--auth-type",
      "NONE",
    ]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it("accepts repeated and comma-separated values in any order with the same output", async () => {
    const a = await runCaptured([
      "policy",
      "generate",
      "--allow-account",
      "111122223333",
      "--allow-account",
      "444455556666",
      "--deny-ip",
      "203.0.113.7",
      "--auth-type",
      "AWS_IAM",
    ]);
    const b = await runCaptured([
      "policy",
      "generate",
      "--deny-ip",
      "203.0.113.7",
      "--allow-account",
      "444455556666,111122223333",
      "--auth-type",
      "AWS_IAM",
    ]);
    expect(a.stdout).toBe(b.stdout);
  });

  it("writes the expanded form for an API target", async () => {
    const result = await runCaptured([
      "policy",
      "generate",
      "--deny-ip",
      "203.0.113.7",
      "--auth-type",
      "NONE",
      "--form",
      "expanded",
      "--region",
      "eu-west-1",
      "--account",
      "123456789012",
      "--api-id",
      "a1b2c3d4e5",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/*");
  });

  it("needs the API target for --form expanded", async () => {
    const result = await runCaptured([
      "policy",
      "generate",
      "--deny-ip",
      "203.0.113.7",
      "--auth-type",
      "NONE",
      "--form",
      "expanded",
      "--region",
      "eu-west-1",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--region, --account and --api-id");
  });

  it.each([
    ["cloudformation", '"Statement"'],
    ["openapi", '"x-amazon-apigateway-policy"'],
    ["terraform-json", '"Statement"'],
    ["terraform-hcl", 'data "aws_iam_policy_document" "resource_policy"'],
  ])("writes --format %s", async (format, marker) => {
    const result = await runCaptured([
      "policy",
      "generate",
      "--deny-ip",
      "203.0.113.7",
      "--auth-type",
      "NONE",
      "--format",
      format,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(marker);
  });

  it("passes --execution-arn and --name to the Terraform writers", async () => {
    const result = await runCaptured([
      "policy",
      "generate",
      "--deny-ip",
      "203.0.113.7",
      "--auth-type",
      "NONE",
      "--format",
      "terraform-hcl",
      "--execution-arn",
      "aws_api_gateway_rest_api.api.execution_arn",
      "--name",
      "api_policy",
    ]);
    const policy = composeResourcePolicy([ipDenylist({ cidrs: ["203.0.113.7"] })], {
      authTypes: ["NONE"],
    });
    expect(result.stdout.trim()).toBe(
      toTerraformHcl(policy, {
        name: "api_policy",
        executionArn: "aws_api_gateway_rest_api.api.execution_arn",
      }).trim(),
    );
  });

  it("prints size and hash to stderr with --stats, leaving stdout the policy", async () => {
    const result = await runCaptured([
      "policy",
      "generate",
      "--deny-ip",
      "203.0.113.7",
      "--auth-type",
      "NONE",
      "--stats",
    ]);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stderr).toMatch(/size: \d+ characters short.*sha256 [0-9a-f]{64}/);
  });

  it.each([
    ["without any preset", [], ["at least one preset"]],
    [
      "for an invalid CIDR, naming the flag and the error code",
      ["--deny-ip", "300.1.2.3/8", "--auth-type", "NONE"],
      ["--deny-ip", "invalid_cidr"],
    ],
    [
      "for an invalid --format",
      ["--deny-ip", "203.0.113.7", "--auth-type", "NONE", "--format", "yaml"],
      ["--format must be one of json, cloudformation"],
    ],
    [
      "without --auth-type, saying why it is needed",
      ["--deny-ip", "203.0.113.7"],
      ["--auth-type is required", "implicit deny"],
    ],
  ])("exits 2 %s", async (_, args, messages) => {
    const result = await runCaptured(["policy", "generate", ...args]);
    expect(result.code).toBe(2);
    for (const message of messages) expect(result.stderr).toContain(message);
  });

  it("writes no Allow for a Lambda-authorized API: Deny statements only", async () => {
    const result = await runCaptured([
      "policy",
      "generate",
      "--deny-ip",
      "203.0.113.7",
      "--auth-type",
      "CUSTOM",
    ]);
    const policy = JSON.parse(result.stdout) as { Statement: { Effect: string }[] };
    expect(policy.Statement.map((statement) => statement.Effect)).toEqual(["Deny"]);
  });

  it("takes per-method auth types as ROUTE=TYPE or as a JSON map, with the same result", async () => {
    const authTypes = {
      "OPTIONS /pets": "NONE",
      "OPTIONS /pets/{id}": "NONE",
      "*": "LAMBDA",
    } as const;
    const expected = composeResourcePolicy([ipDenylist({ cidrs: ["203.0.113.7"] })], { authTypes });
    const pairs = await runCaptured([
      "policy",
      "generate",
      "--deny-ip",
      "203.0.113.7",
      "--auth-type",
      "OPTIONS /pets=NONE",
      "--auth-type",
      "OPTIONS /pets/{id}=NONE,LAMBDA",
    ]);
    const json = await runCaptured([
      "policy",
      "generate",
      "--deny-ip",
      "203.0.113.7",
      "--auth-type",
      JSON.stringify(authTypes),
    ]);
    expect(pairs.code).toBe(0);
    expect(JSON.parse(pairs.stdout)).toEqual(expected);
    expect(json.stdout).toBe(pairs.stdout);
  });

  it.each([
    [["NONE,LAMBDA"], "Give a map of route -> type"],
    [["GET /pets/{id}=NONE", "GET /pets/{id}/owner=LAMBDA"], "would also cover"],
    [["get /pets=NONE"], "invalid_route_template"],
    [["OPTIONS /pets=NONE", "LAMBDA", "AWS_IAM"], "at most one bare type"],
    [["GET /pets=NONE", "GET /pets=LAMBDA"], "both NONE and LAMBDA"],
    [["OAUTH"], "not an authorization type"],
    [["{not json"], "not valid JSON"],
  ])("exits 2 for --auth-type %j", async (values, message) => {
    const result = await runCaptured([
      "policy",
      "generate",
      "--deny-ip",
      "203.0.113.7",
      ...values.flatMap((value) => ["--auth-type", value]),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
