import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  evaluateIdentityPolicy,
  lintIdentityPolicy,
  lintTrustPolicy,
  parseIdentityPoolRoleConfig,
} from "@gatehouse/policy";
import { describe, expect, it } from "vitest";
import { runCaptured } from "../internal/capture-io.js";
import { lintPlan } from "./internal/identity-pool-plan.js";

const POOL = "eu-west-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11";
const POOL_2 = "eu-west-1:1c7a7b8f-3a8d-4d1a-8e66-2e1a8dab4d22";
const TABLE = "arn:aws:dynamodb:eu-west-1:123456789012:table/Notes";
const PROVIDER = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI";
const FIXTURES = fileURLToPath(new URL("./__fixtures__/identity-pool/", import.meta.url));
const MAPPINGS = `${FIXTURES}role-mappings.json`;

/** Every feature at once: two pools, a table, a bucket, an API, tags and role mappings. */
const FULL = [
  "policy",
  "identity-pool",
  "--pool",
  `${POOL},${POOL_2}`,
  "--table",
  TABLE,
  "--table-actions",
  "dynamodb:GetItem,dynamodb:Query",
  "--bucket",
  "notes-uploads",
  "--prefix",
  "private",
  "--api",
  "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod",
  "--route",
  "GET /users/{id}",
  "--api-routes",
  "GET /users/{id},GET /users/{id}/settings",
  "--principal-tag",
  "tenant=custom:tenant",
  "--provider",
  PROVIDER,
  "--role-mapping",
  MAPPINGS,
];

async function generate(args: readonly string[], format: string) {
  const result = await runCaptured([...args, "--format", format]);
  expect(result.stderr, result.stderr).not.toContain("error:");
  expect(result.code).toBe(0);
  return result.stdout;
}

describe("gatehouse policy identity-pool: golden outputs", () => {
  it.each([
    ["json", "json.golden"],
    ["cloudformation", "cloudformation.json.golden"],
    ["cdk", "cdk.ts.golden"],
    ["terraform", "terraform.tf.golden"],
  ])("--format %s", async (format, file) => {
    await expect(await generate(FULL, format)).toMatchFileSnapshot(`${FIXTURES}${file}`);
  });

  it("--no-guests with the defaults only: one role, trust policy only", async () => {
    await expect(
      await generate(["policy", "identity-pool", "--pool", POOL, "--no-guests"], "cloudformation"),
    ).toMatchFileSnapshot(`${FIXTURES}minimal.cloudformation.json.golden`);
  });
});

describe("gatehouse policy identity-pool: the CDK output", () => {
  it("is the ts block of docs/cli.md, which scripts/check-docs-code.mjs typechecks against aws-cdk-lib", async () => {
    const docs = readFileSync(
      fileURLToPath(new URL("../../../../docs/cli.md", import.meta.url)),
      "utf8",
    );
    const intro = docs.indexOf("`--format cdk` for `--pool $POOL --no-guests");
    expect(intro).toBeGreaterThan(-1);
    const start = docs.indexOf("```ts\n", intro) + "```ts\n".length;
    const block = docs.slice(start, docs.indexOf("\n```", start));
    const cdk = await generate(
      [
        "policy",
        "identity-pool",
        "--pool",
        POOL,
        "--no-guests",
        "--table",
        TABLE,
        "--table-actions",
        "dynamodb:GetItem",
      ],
      "cdk",
    );
    expect(cdk.trimEnd()).toBe(block);
  });
});

describe("gatehouse policy identity-pool: the CloudFormation output", () => {
  it("parses, each policy passes the linters, and the attachment is one Cognito accepts", async () => {
    const template = JSON.parse(await generate(FULL, "cloudformation")) as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    };
    const resources = Object.values(template.Resources);
    expect(resources.map((resource) => resource.Type).sort()).toEqual([
      "AWS::Cognito::IdentityPoolPrincipalTag",
      "AWS::Cognito::IdentityPoolPrincipalTag",
      "AWS::Cognito::IdentityPoolRoleAttachment",
      "AWS::Cognito::IdentityPoolRoleAttachment",
      "AWS::IAM::Role",
      "AWS::IAM::Role",
    ]);
    const auth = template.Resources["AuthenticatedRole"]?.Properties as {
      AssumeRolePolicyDocument: unknown;
      Policies: Array<{ PolicyDocument: unknown }>;
    };
    const guest = template.Resources["GuestRole"]?.Properties as Record<string, unknown>;
    expect(
      lintTrustPolicy(auth.AssumeRolePolicyDocument, {
        principalTagsMapped: true,
        amr: "authenticated",
      }),
    ).toEqual([]);
    expect(
      lintTrustPolicy(guest["AssumeRolePolicyDocument"], {
        principalTagsMapped: true,
        amr: "unauthenticated",
      }),
    ).toEqual([]);
    expect(guest["Policies"]).toBeUndefined();
    const permissions = auth.Policies[0]?.PolicyDocument;
    expect(lintIdentityPolicy(permissions).filter((f) => f.severity === "error")).toEqual([]);
    // The permissions are per identity: the owner's row, not another identity's.
    const me = "eu-west-1:11111111-2222-3333-4444-555555555555";
    const request = (key: string) => ({
      action: "dynamodb:GetItem",
      resource: TABLE,
      context: { "cognito-identity.amazonaws.com:sub": me, "dynamodb:LeadingKeys": [key] },
    });
    expect(evaluateIdentityPolicy(permissions, request(me)).decision).toBe("allow");
    expect(evaluateIdentityPolicy(permissions, request("eu-west-1:other")).decision).toBe(
      "implicit-deny",
    );
    const attachment = template.Resources["RoleAttachment"]?.Properties as Record<string, unknown>;
    expect(attachment["IdentityPoolId"]).toBe(POOL);
    expect(attachment["Roles"]).toEqual({
      authenticated: { "Fn::GetAtt": ["AuthenticatedRole", "Arn"] },
      unauthenticated: { "Fn::GetAtt": ["GuestRole", "Arn"] },
    });
    expect(template.Resources["RoleAttachment2"]?.Properties["IdentityPoolId"]).toBe(POOL_2);
  });

  it("the JSON output's attachment, with --account, is what parseIdentityPoolRoleConfig takes", async () => {
    const out = JSON.parse(await generate([...FULL, "--account", "123456789012"], "json")) as {
      roleAttachments: unknown[];
    };
    expect(out.roleAttachments).toHaveLength(2);
    for (const attachment of out.roleAttachments) {
      expect(parseIdentityPoolRoleConfig(attachment)).toMatchObject({
        roles: { authenticated: "arn:aws:iam::123456789012:role/IdentityPoolAuthenticated" },
      });
    }
  });

  it("the Terraform output escapes policy variables so they reach AWS", async () => {
    const hcl = await generate(FULL, "terraform");
    expect(hcl).toContain("$${cognito-identity.amazonaws.com:sub}");
    expect(hcl).not.toMatch(/[^$]\$\{cognito-identity/);
  });
});

describe("gatehouse policy identity-pool: refusals", () => {
  const base = ["policy", "identity-pool", "--pool", POOL];
  it.each([
    ["no --pool", ["policy", "identity-pool"], "--pool <identity pool id> is required"],
    ["a bad pool id", ["policy", "identity-pool", "--pool", "eu-west-1_pool"], "--pool"],
    [
      "--table-actions without --table",
      [...base, "--table-actions", "dynamodb:GetItem"],
      "--table-actions needs --table",
    ],
    ["--prefix without --bucket", [...base, "--prefix", "p"], "--prefix needs --bucket"],
    ["--route without --api", [...base, "--route", "GET /a"], "--route needs --api"],
    [
      "--api without --route",
      [...base, "--api", "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod"],
      "at least one --route",
    ],
    [
      "--api with a method",
      [
        ...base,
        "--api",
        "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/a",
        "--route",
        "GET /a",
      ],
      "ARN of one stage",
    ],
    ["a bucket ARN", [...base, "--bucket", "arn:aws:s3:::b"], "not an S3 bucket name"],
    ["a malformed table ARN", [...base, "--table", "Notes"], "--table"],
    [
      "a tag mapping without =",
      [...base, "--principal-tag", "tenant", "--provider", PROVIDER],
      "<tag key>=<claim>",
    ],
    [
      "--principal-tag without --provider",
      [...base, "--principal-tag", "tenant=custom:tenant"],
      "needs --provider",
    ],
    [
      "--owner on an unmapped tag",
      [...base, "--table", TABLE, "--owner", "tag:tenant"],
      "not mapped by --principal-tag",
    ],
    ["--owner neither identity nor tag:", [...base, "--owner", "me"], "identity or tag:<key>"],
    [
      "--no-guests with a guest role name",
      [...base, "--no-guests", "--unauthenticated-role-name", "G"],
      "contradicts --no-guests",
    ],
    ["a bad role name", [...base, "--authenticated-role-name", "a/b"], "not an IAM role name"],
    ["a bad --account", [...base, "--account", "12"], "12-digit"],
    ["an unknown format", [...base, "--format", "yaml"], "--format"],
    [
      "an unreadable role-mapping file",
      [...base, "--role-mapping", `${FIXTURES}missing.json`],
      "cannot read",
    ],
  ])("%s: exit 2", async (_name, argv, message) => {
    const result = await runCaptured(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(message);
  });

  it("a role mapping Cognito would refuse: exit 2 with the mapping's path", async () => {
    const result = await runCaptured([...base, "--role-mapping", "-"], {
      stdin: (async function* () {
        yield JSON.stringify({ [`${PROVIDER}:client`]: { type: "Rules" } });
      })(),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/rules/i);
  });
});

describe("gatehouse policy identity-pool: its own output is linted", () => {
  const trustWithoutAud = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: "cognito-identity.amazonaws.com" },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" },
        },
      },
    ],
  } as const;

  it("an error finding refuses the plan (exit 1, the finding named)", () => {
    const role = {
      amr: "authenticated" as const,
      name: "R",
      trustPolicy: structuredClone(trustWithoutAud) as never,
      permissions: undefined,
    };
    expect(() => lintPlan([role], false, [])).toThrowCode("denied", {
      exitCode: 1,
      message: expect.stringContaining("missing_aud_condition"),
    });
  });

  it("a missing sts:TagSession while tags are mapped is refused too", () => {
    const notes: string[] = [];
    const trust = {
      Version: "2012-10-17",
      Statement: [
        {
          ...trustWithoutAud.Statement[0],
          Condition: {
            ...trustWithoutAud.Statement[0].Condition,
            StringEquals: { "cognito-identity.amazonaws.com:aud": POOL },
          },
        },
      ],
    };
    const role = {
      amr: "authenticated" as const,
      name: "R",
      trustPolicy: trust as never,
      permissions: undefined,
    };
    expect(() => lintPlan([role], false, notes)).not.toThrow();
    expect(() => lintPlan([role], true, notes)).toThrow(/missing_tag_session/);
  });
});
