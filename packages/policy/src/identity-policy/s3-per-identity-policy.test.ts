// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are written ${...} in plain strings.
import { describe, expect, it } from "vitest";
import type { PolicyDocument } from "../document/policy-document.js";
import { s3PerIdentityPolicy } from "./s3-per-identity-policy.js";
import { comparable } from "./test-support.js";

describe("s3PerIdentityPolicy", () => {
  it("equals AWS's example for Cognito users' objects", () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_s3_cognito-bucket.html
    const documented: PolicyDocument = {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "ListYourObjects",
          Effect: "Allow",
          Action: "s3:ListBucket",
          Resource: ["arn:aws:s3:::bucket-name"],
          Condition: {
            StringLike: {
              "s3:prefix": ["cognito/application-name/${cognito-identity.amazonaws.com:sub}/*"],
            },
          },
        },
        {
          Sid: "ReadWriteDeleteYourObjects",
          Effect: "Allow",
          Action: ["s3:DeleteObject", "s3:GetObject", "s3:PutObject"],
          Resource: [
            "arn:aws:s3:::bucket-name/cognito/application-name/${cognito-identity.amazonaws.com:sub}/*",
          ],
        },
      ],
    };
    const built = s3PerIdentityPolicy({
      bucket: "bucket-name",
      prefix: "cognito/application-name",
      actions: ["s3:ListBucket", "s3:DeleteObject", "s3:GetObject", "s3:PutObject"],
    });
    expect(comparable(built)).toEqual(comparable(documented));
  });

  it("puts the folders at the root for an empty prefix, per principal tag, in another partition", () => {
    const built = s3PerIdentityPolicy({
      bucket: "uploads",
      prefix: "",
      actions: ["s3:GetObject"],
      owner: { principalTag: "tenant" },
      partition: "aws-cn",
    });
    expect(built).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: ["s3:GetObject"],
          Resource: ["arn:aws-cn:s3:::uploads/${aws:PrincipalTag/tenant}/*"],
        },
      ],
    });
  });

  it("writes only the list statement for list actions", () => {
    const built = s3PerIdentityPolicy({
      bucket: "uploads",
      prefix: "private",
      actions: ["s3:ListBucket", "s3:ListBucketVersions"],
    });
    expect(built.Statement).toEqual([
      {
        Effect: "Allow",
        Action: ["s3:ListBucket", "s3:ListBucketVersions"],
        Resource: ["arn:aws:s3:::uploads"],
        Condition: {
          StringLike: { "s3:prefix": ["private/${cognito-identity.amazonaws.com:sub}/*"] },
        },
      },
    ]);
  });

  it.each([
    [{ bucket: "arn:aws:s3:::uploads" }, "invalid_s3_location", "bucket"],
    [{ bucket: "Uploads" }, "invalid_s3_location", "bucket"],
    [{ bucket: "a..b" }, "invalid_s3_location", "bucket"],
    [{ bucket: "192.168.1.1" }, "invalid_s3_location", "bucket"],
    [{ prefix: "/private" }, "invalid_s3_location", "prefix"],
    [{ prefix: "private/" }, "invalid_s3_location", "prefix"],
    [{ prefix: "a//b" }, "invalid_s3_location", "prefix"],
    [{ prefix: "private/*" }, "invalid_s3_location", "prefix"],
    [{ prefix: "${aws:username}" }, "invalid_s3_location", "prefix"],
    [{ actions: ["s3:*Object"] }, "invalid_action", "actions[0]"],
    [{ actions: ["dynamodb:GetItem"] }, "invalid_action", "actions[0]"],
    [{ partition: "aws-moon" }, "invalid_partition", "partition"],
  ])("refuses %j", (override, code, path) => {
    const options = {
      bucket: "uploads",
      prefix: "private",
      actions: ["s3:GetObject"],
      ...override,
    };
    expect(() => s3PerIdentityPolicy(options as never)).toThrowCode(code, { path });
  });

  it.each([[{ prefix: undefined }], [{ actions: [] }], [{ owner: 7 }]])(
    "refuses misuse with a TypeError: %j",
    (override) => {
      const options = {
        bucket: "uploads",
        prefix: "private",
        actions: ["s3:GetObject"],
        ...override,
      };
      expect(() => s3PerIdentityPolicy(options as never)).toThrow(TypeError);
    },
  );
});
