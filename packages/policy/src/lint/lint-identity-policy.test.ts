// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are written ${...} in plain strings.
import { describe, expect, it } from "vitest";
import { dynamoDbRowLevelPolicy } from "../identity-policy/dynamo-db-row-level-policy.js";
import { executeApiInvokePolicy } from "../identity-policy/execute-api-invoke-policy.js";
import { s3PerIdentityPolicy } from "../identity-policy/s3-per-identity-policy.js";
import { lintIdentityPolicy } from "./lint-identity-policy.js";
import { lintResourcePolicy } from "./lint-resource-policy.js";

const API = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5";

/** Lints one statement (fields set to `undefined` are left out) under `version`. */
function lint(statement: Record<string, unknown>, version: "2012-10-17" | "none" = "2012-10-17") {
  const merged = {
    Effect: "Allow",
    Action: "execute-api:Invoke",
    Resource: `${API}/prod/GET/pets`,
    ...statement,
  };
  const written = Object.fromEntries(
    Object.entries(merged).filter(([, value]) => value !== undefined),
  );
  const document = { ...(version === "none" ? {} : { Version: version }), Statement: [written] };
  return lintIdentityPolicy(document).map(({ code, severity, path }) => ({ code, severity, path }));
}

describe("lintIdentityPolicy", () => {
  it("accepts a least-privilege invoke policy", () => {
    expect(lint({})).toEqual([]);
  });

  it("reports Principal, which IAM rejects in an identity policy (and which lintResourcePolicy requires)", () => {
    expect(lint({ Principal: "*" })).toEqual([
      { code: "principal_in_identity_policy", severity: "error", path: "Statement[0].Principal" },
    ]);
    const identityPolicy = {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: "execute-api:Invoke", Resource: `${API}/prod/GET/pets` },
      ],
    };
    const resourceFindings = lintResourcePolicy(identityPolicy, {
      endpointType: "REGIONAL",
      authTypes: ["AWS_IAM"],
      ipAddressType: "ipv4",
    });
    expect(resourceFindings.find((finding) => finding.path === "Statement[0]")?.fix).toContain(
      "lintIdentityPolicy",
    );
  });

  it.each([
    ["*", "Statement[0].Resource"],
    [`arn:aws:execute-api:us-east-1:*:*/prod/GET/pets`, "Statement[0].Resource"],
    [`arn:aws:execute-api:us-east-1:123456789012:*`, "Statement[0].Resource"],
    [`${API}/*`, "Statement[0].Resource"],
    [`${API}/prod/*`, "Statement[0].Resource"],
    [`${API}/prod/*/*`, "Statement[0].Resource"],
    [`arn:aws:execute-api:*:*:*`, "Statement[0].Resource"],
  ])("reports the over-broad resource %s", (resource, path) => {
    expect(lint({ Resource: resource })).toEqual([
      { code: "broad_invoke_resource", severity: "error", path },
    ]);
  });

  it("reports Allow with NotResource", () => {
    expect(lint({ Resource: undefined, NotResource: `${API}/prod/GET/admin` })).toEqual([
      { code: "broad_invoke_resource", severity: "error", path: "Statement[0].NotResource" },
    ]);
  });

  it.each([
    [`${API}/prod/GET/pets/*/toys`],
    [`${API}/*/GET/pets/*/toys`],
    [`${API}/prod/GET/pe*s`],
  ])("notes the mid-path wildcard in %s", (resource) => {
    expect(lint({ Resource: resource })).toEqual([
      { code: "invoke_mid_path_wildcard", severity: "info", path: "Statement[0].Resource" },
    ]);
  });

  it("accepts a trailing wildcard and every stage of one route", () => {
    expect(lint({ Resource: [`${API}/prod/GET/pets/*`, `${API}/*/POST/pets`] })).toEqual([]);
  });

  it.each([
    ["execute-api:/prod/GET/pets", "Statement[0].Resource"],
    ["arn:aws:execute-api:us-east-1:123456789012", "Statement[0].Resource"],
  ])("reports %s, which matches no request", (resource, path) => {
    expect(lint({ Resource: resource })).toEqual([
      { code: "invalid_invoke_resource", severity: "error", path },
    ]);
  });

  it.each([
    [{ Action: "execute-api:*" }, "Statement[0].Action"],
    [{ Action: "*" }, "Statement[0].Action"],
    [{ Action: undefined, NotAction: "execute-api:InvalidateCache" }, "Statement[0].NotAction"],
  ])(
    "reports action wildcards that also grant InvalidateCache / ManageConnections: %j",
    (statement, path) => {
      expect(lint(statement)).toEqual([{ code: "broad_invoke_action", severity: "warning", path }]);
    },
  );

  it("ignores resources of other services", () => {
    expect(lint({ Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/*" })).toEqual([]);
  });

  it("reports ForAllValues on a key that may be absent, unless a condition requires it", () => {
    const scan = {
      Action: ["dynamodb:Query", "dynamodb:Scan"],
      Resource: "arn:aws:dynamodb:us-east-1:123456789012:table/Notes",
      Condition: {
        "ForAllValues:StringEquals": {
          "dynamodb:LeadingKeys": ["${cognito-identity.amazonaws.com:sub}"],
        },
      },
    };
    expect(lint(scan)).toEqual([
      {
        code: "for_all_values_without_key_check",
        severity: "warning",
        path: "Statement[0].Condition.ForAllValues:StringEquals.dynamodb:LeadingKeys",
      },
    ]);
    expect(
      lint({
        ...scan,
        Condition: { ...scan.Condition, Null: { "dynamodb:LeadingKeys": "false" } },
      }),
    ).toEqual([]);
    // Every action names the partition key: the key is never absent.
    expect(lint({ ...scan, Action: ["dynamodb:GetItem", "dynamodb:Query"] })).toEqual([]);
    expect(
      lint({
        Action: "sts:TagSession",
        Resource: "*",
        Condition: { "ForAllValues:StringEquals": { "aws:TagKeys": ["a"] } },
      }),
    ).toEqual([expect.objectContaining({ code: "for_all_values_without_key_check" })]);
  });

  it("reports policy variables without Version 2012-10-17", () => {
    const findings = lint(
      { Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/${aws:username}/*" },
      "none",
    );
    expect(findings).toEqual([
      { code: "policy_variable_without_version", severity: "error", path: "Statement[0].Resource" },
    ]);
  });

  it("keeps suppressed findings, marked, and refuses suppressions of other linters' codes", () => {
    const findings = lintIdentityPolicy(
      {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "execute-api:Invoke", Resource: "*" }],
      },
      { suppress: [{ code: "broad_invoke_resource", reason: "a test account" }] },
    );
    expect(findings).toEqual([
      expect.objectContaining({
        code: "broad_invoke_resource",
        suppressed: { reason: "a test account" },
      }),
    ]);
    expect(() =>
      lintIdentityPolicy(
        { Statement: [] },
        { suppress: [{ code: "missing_principal", reason: "x" }] },
      ),
    ).toThrow(TypeError);
    expect(() =>
      lintIdentityPolicy(
        { Statement: [] },
        { suppress: [{ code: "broad_invoke_resource", reason: " " }] },
      ),
    ).toThrow(/needs a reason/);
  });

  it("refuses a document that is not an IAM policy", () => {
    expect(() => lintIdentityPolicy({ Statement: [{ Effect: "Maybe" }] })).toThrowCode(
      "invalid_policy",
    );
  });

  it("finds no error or warning in the builders' output", () => {
    const outputs = [
      dynamoDbRowLevelPolicy({
        tableArn: "arn:aws:dynamodb:us-east-1:123456789012:table/Notes",
        actions: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"],
        attributes: ["owner", "noteId", "text"],
      }),
      s3PerIdentityPolicy({
        bucket: "uploads",
        prefix: "private",
        actions: ["s3:ListBucket", "s3:GetObject"],
      }),
      executeApiInvokePolicy({
        api: {
          region: "us-east-1",
          accountId: "123456789012",
          apiId: "a1b2c3d4e5",
          stage: "prod",
          apiType: "rest",
          routes: ["GET /pets/{id}", "GET /pets/{id}/toys"],
        },
        routes: ["GET /pets/{id}/toys"],
      }).policy,
    ];
    for (const policy of outputs) {
      expect(lintIdentityPolicy(policy).filter((finding) => finding.severity !== "info")).toEqual(
        [],
      );
    }
  });
});
