// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are written ${...} in plain strings.
import { describe, expect, it } from "vitest";
import type { PolicyDocument } from "../document/policy-document.js";
import { dynamoDbRowLevelPolicy } from "./dynamo-db-row-level-policy.js";
import { comparable, gameScoresAttributeLevelExample } from "./test-support.js";

const TABLE = "arn:aws:dynamodb:us-west-1:123456789012:table/GameScores";

describe("dynamoDbRowLevelPolicy", () => {
  it("equals AWS's item-level example for a Cognito identity", () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_dynamodb_items.html
    const documented: PolicyDocument = {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: [
            "dynamodb:DeleteItem",
            "dynamodb:GetItem",
            "dynamodb:PutItem",
            "dynamodb:Query",
            "dynamodb:UpdateItem",
          ],
          Resource: ["arn:aws:dynamodb:*:*:table/MyTable"],
          Condition: {
            "ForAllValues:StringEquals": {
              "dynamodb:LeadingKeys": ["${cognito-identity.amazonaws.com:sub}"],
            },
          },
        },
      ],
    };
    const built = dynamoDbRowLevelPolicy({
      tableArn: "arn:aws:dynamodb:*:*:table/MyTable",
      actions: [
        "dynamodb:DeleteItem",
        "dynamodb:GetItem",
        "dynamodb:PutItem",
        "dynamodb:Query",
        "dynamodb:UpdateItem",
      ],
    });
    expect(comparable(built)).toEqual(comparable(documented));
  });

  it("equals AWS's attribute-level example (items and attributes of the GameScores table)", () => {
    // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html
    // AWS writes the example with ${www.amazon.com:user_id} (Login with Amazon); here the identity
    // pool's variable, as the page's web identity federation section does for Cognito.
    const documented = gameScoresAttributeLevelExample(TABLE);

    const built = dynamoDbRowLevelPolicy({
      tableArn: TABLE,
      actions: [
        "dynamodb:GetItem",
        "dynamodb:BatchGetItem",
        "dynamodb:Query",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
        "dynamodb:DeleteItem",
        "dynamodb:BatchWriteItem",
      ],
      attributes: ["UserId", "GameTitle", "Wins", "Losses", "TopScore", "TopScoreDateTime"],
    });
    expect(comparable(built)).toEqual(comparable(documented));
  });

  it("requires the partition key when an action may come without one (Scan)", () => {
    const built = dynamoDbRowLevelPolicy({
      tableArn: TABLE,
      actions: ["dynamodb:Query", "dynamodb:Scan"],
    });
    expect(built.Statement).toEqual([
      expect.objectContaining({
        Condition: {
          "ForAllValues:StringEquals": {
            "dynamodb:LeadingKeys": ["${cognito-identity.amazonaws.com:sub}"],
          },
          Null: { "dynamodb:LeadingKeys": "false" },
        },
      }),
    ]);
  });

  it("uses a principal tag and adds the indexes", () => {
    const built = dynamoDbRowLevelPolicy({
      tableArn: TABLE,
      actions: ["dynamodb:Query"],
      indexes: ["ByDate"],
      owner: { principalTag: "tenant" },
    });
    expect(built.Statement).toEqual([
      {
        Effect: "Allow",
        Action: ["dynamodb:Query"],
        Resource: [TABLE, `${TABLE}/index/ByDate`],
        Condition: {
          "ForAllValues:StringEquals": { "dynamodb:LeadingKeys": ["${aws:PrincipalTag/tenant}"] },
        },
      },
    ]);
  });

  it.each([
    [
      { tableArn: "arn:aws:dynamodb:us-east-1:123456789012:table/*" },
      "invalid_resource_arn",
      "tableArn",
    ],
    [{ tableArn: "arn:aws:s3:::bucket" }, "invalid_resource_arn", "tableArn"],
    [
      { tableArn: "arn:aws:dynamodb:us-east-1:12345:table/Notes" },
      "invalid_resource_arn",
      "tableArn",
    ],
    [{ actions: ["dynamodb:*"] }, "invalid_action", "actions[0]"],
    [{ actions: ["s3:GetObject"] }, "invalid_action", "actions[0]"],
    [{ actions: ["dynamodb:GetItem", "dynamodb:getitem"] }, "invalid_action", "actions[1]"],
    [{ indexes: ["a/b"] }, "invalid_resource_arn", "indexes[0]"],
    [{ owner: { principalTag: "a}b" } }, "invalid_principal_tag", "owner.principalTag"],
  ])("refuses %j", (override, code, path) => {
    const options = { tableArn: TABLE, actions: ["dynamodb:GetItem"], ...override };
    expect(() => dynamoDbRowLevelPolicy(options)).toThrowCode(code, { path });
  });

  it.each([
    [{ actions: [] }],
    [{ attributes: [] }],
    [{ attributes: ["${aws:username}"] }],
    [{ indexes: "ByDate" }],
    [{ owner: "user" }],
  ])("refuses misuse with a TypeError: %j", (override) => {
    const options = { tableArn: TABLE, actions: ["dynamodb:GetItem"], ...override };
    expect(() => dynamoDbRowLevelPolicy(options as never)).toThrow(TypeError);
  });
});
