import { dynamoDbRowLevelPolicy, identityPoolTrustPolicy } from "@gatehouse/policy";
import { describe, expect, it } from "vitest";
import { runCaptured, stdinOf } from "../internal/capture-io.js";

const POOL = "eu-west-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11";
const OTHER_POOL = "eu-west-1:1c7a7b8f-3a8d-4d1a-8e66-2e1a8dab4d22";
const ME = "eu-west-1:11111111-2222-3333-4444-555555555555";
const YOU = "eu-west-1:99999999-8888-7777-6666-555555555555";
const TABLE = "arn:aws:dynamodb:eu-west-1:123456789012:table/Notes";
const ROLE = "arn:aws:iam::123456789012:role/app-auth";
const rowLevel = JSON.stringify(
  dynamoDbRowLevelPolicy({ tableArn: TABLE, actions: ["dynamodb:GetItem"] }),
);
const trust = (tagSession = false) =>
  JSON.stringify(
    identityPoolTrustPolicy({ identityPoolId: POOL, amr: "authenticated", tagSession }),
  );

const ask = (args: readonly string[], policy = rowLevel) =>
  runCaptured(["policy", "simulate", ...args], { stdin: stdinOf(policy) });

const identityQuestion = (key: string, extra: readonly string[] = []) => [
  "--identity-policy",
  "-",
  "--identity",
  `sub=${ME}, pool=${POOL}, amr=authenticated`,
  "--action",
  "dynamodb:GetItem",
  "--resource",
  TABLE,
  "--context",
  `dynamodb:LeadingKeys=${key}`,
  ...extra,
];

describe("gatehouse policy simulate --identity-policy", () => {
  it("allows the owner's leading key: exit 0, the deciding statement named", async () => {
    const result = await ask(identityQuestion(ME));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^allow \(allow\)/);
    expect(result.stdout).toContain("deciding:  stdin Statement[0]");
    expect(result.stdout).toContain("Allowed: stdin Statement[0]");
  });

  it("refuses another identity's key and explains the condition, with the variable resolved", async () => {
    const result = await ask(identityQuestion(YOU));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^deny \(implicit-deny\)/);
    expect(result.stdout).toContain(
      `ForAllValues:StringEquals dynamodb:LeadingKeys ["\${cognito-identity.amazonaws.com:sub}"] does not hold: the request's dynamodb:LeadingKeys is "${YOU}"`,
    );
    expect(result.stdout).toContain(
      `\${cognito-identity.amazonaws.com:sub} is the caller's identity id, "${ME}"`,
    );
  });

  it("an action no statement covers: implicit deny, said so", async () => {
    const result = await ask(
      identityQuestion(ME).map((arg) => (arg === "dynamodb:GetItem" ? "dynamodb:DeleteItem" : arg)),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("No Allow statement covers dynamodb:DeleteItem");
  });

  it("--json: decision, deciding statements, explanation and the identity's condition keys", async () => {
    const result = await ask(identityQuestion(ME, ["--json", "--role", ROLE]));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      question: "identity-policy",
      decision: "allow",
      allowed: true,
      deciding: [{ statement: "stdin Statement[0]", effect: "Allow" }],
      context: {
        "cognito-identity.amazonaws.com:sub": ME,
        "cognito-identity.amazonaws.com:aud": POOL,
        "aws:PrincipalArn": ROLE,
        "dynamodb:LeadingKeys": ME,
      },
    });
  });

  it("--guest: AWS's guest session policy scopes down what the role allows (no API Gateway)", async () => {
    const invoke = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: "execute-api:Invoke",
          Resource: "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/pets",
        },
      ],
    });
    const result = await ask(
      [
        "--identity-policy",
        "-",
        "--guest",
        "--identity",
        `sub=${ME}, pool=${POOL}`,
        "--action",
        "execute-api:Invoke",
        "--resource",
        "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/pets",
      ],
      invoke,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("The role's policies allow execute-api:Invoke");
    expect(result.stdout).toContain("AmazonCognitoUnAuthedIdentitiesSessionPolicy");
  });

  it("principal tags from --identity are aws:PrincipalTag keys", async () => {
    const byTenant = JSON.stringify(
      dynamoDbRowLevelPolicy({
        tableArn: TABLE,
        actions: ["dynamodb:GetItem"],
        owner: { principalTag: "tenant" },
      }),
    );
    const args = (tenant: string) => [
      "--identity-policy",
      "-",
      "--identity",
      `sub=${ME}, pool=${POOL}, tag:tenant=${tenant}`,
      "--action",
      "dynamodb:GetItem",
      "--resource",
      TABLE,
      "--context",
      "dynamodb:LeadingKeys=acme",
    ];
    expect((await ask(args("acme"), byTenant)).code).toBe(0);
    const other = await ask(args("globex"), byTenant);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain(
      `\${aws:PrincipalTag/tenant} is the caller's principal tag tenant, "globex"`,
    );
  });
});

describe("gatehouse policy simulate --trust-policy", () => {
  const question = (pool: string, extra: readonly string[] = []) => [
    "--trust-policy",
    "-",
    "--role",
    ROLE,
    "--identity",
    `sub=${ME}, pool=${pool}, amr=authenticated${extra.join("")}`,
  ];

  it("the pool's signed-in identity may assume the role", async () => {
    const result = await ask(question(POOL), trust());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("sts:AssumeRoleWithWebIdentity");
  });

  it("another pool's identity may not: the aud condition is named, and the error users see", async () => {
    const result = await ask(question(OTHER_POOL), trust());
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("StringEquals cognito-identity.amazonaws.com:aud");
    expect(result.stdout).toContain(`"${OTHER_POOL}"`);
    expect(result.stdout).toContain("InvalidIdentityPoolConfigurationException");
  });

  it("tags without sts:TagSession in the trust policy: refused, with the fix", async () => {
    const tagged = question(POOL, [", tag:tenant=acme"]);
    const refused = await ask(tagged, trust(false));
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("add it to the trust policy's Action");
    expect((await ask(tagged, trust(true))).code).toBe(0);
  });
});

describe("gatehouse policy simulate: identity questions refuse what does not fit", () => {
  it.each([
    [
      "--arn",
      [
        ...identityQuestion(ME),
        "--arn",
        "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/pets",
      ],
      "--arn describes an API Gateway request",
    ],
    [
      "a resource policy file",
      ["policy.json", ...identityQuestion(ME)],
      "take no resource policy file",
    ],
    [
      "no --identity",
      ["--identity-policy", "-", "--action", "dynamodb:GetItem", "--resource", TABLE],
      "--identity is required",
    ],
    [
      "no --action",
      ["--identity-policy", "-", "--identity", `sub=${ME}, pool=${POOL}`, "--resource", TABLE],
      "--action",
    ],
    [
      "an identity without pool",
      ["--identity-policy", "-", "--identity", `sub=${ME}`, "--action", "a:b", "--resource", TABLE],
      "needs sub=<identity id> and pool=",
    ],
    [
      "an unknown identity key",
      [
        "--identity-policy",
        "-",
        "--identity",
        `sub=${ME}, pool=${POOL}, user=x`,
        "--action",
        "a:b",
        "--resource",
        TABLE,
      ],
      'unknown key "user"',
    ],
    [
      "a bad amr",
      [
        "--identity-policy",
        "-",
        "--identity",
        `sub=${ME}, pool=${POOL}, amr=admin`,
        "--action",
        "a:b",
        "--resource",
        TABLE,
      ],
      "amr must be",
    ],
    [
      "--guest with amr=authenticated",
      [
        "--identity-policy",
        "-",
        "--guest",
        "--identity",
        `sub=${ME}, pool=${POOL}, amr=authenticated`,
        "--action",
        "a:b",
        "--resource",
        TABLE,
      ],
      "--guest contradicts",
    ],
    [
      "--trust-policy without --role",
      ["--trust-policy", "-", "--identity", `sub=${ME}, pool=${POOL}`],
      "needs --role",
    ],
    [
      "--trust-policy with --identity-policy",
      [
        "--trust-policy",
        "-",
        "--identity-policy",
        "x.json",
        "--identity",
        `sub=${ME}, pool=${POOL}`,
      ],
      "--identity-policy",
    ],
    [
      "--identity without a question",
      [
        "none",
        "--arn",
        "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/pets",
        "--identity",
        `sub=${ME}, pool=${POOL}`,
      ],
      "--identity belongs to an identity question",
    ],
    [
      "no file and no question",
      ["--arn", "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/pets"],
      "missing <file|-|none>",
    ],
    [
      "a bad role ARN",
      [...identityQuestion(ME), "--role", "app-auth"],
      "--role must be an IAM role ARN",
    ],
  ])("%s: exit 2", async (_name, args, message) => {
    const result = await ask(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("a malformed identity policy: exit 2 naming the file", async () => {
    const result = await ask(
      identityQuestion(ME),
      JSON.stringify({ Statement: [{ Effect: "Permit" }] }),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("stdin");
  });
});
