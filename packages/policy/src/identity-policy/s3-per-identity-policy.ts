import type { PolicyDocument, PolicyStatement } from "../document/policy-document.js";
import { PolicyError } from "../errors.js";
import { type Partition, parsePartition } from "../identifiers/partition.js";
import { type IdentityOwner, identityPolicyVariable } from "./identity-owner.js";
import { readActions } from "./internal/read-actions.js";

/** Options of {@link s3PerIdentityPolicy}. */
export interface S3PerIdentityPolicyOptions {
  /** The bucket name (`my-app-uploads`), not its ARN. */
  bucket: string;
  /**
   * The key prefix above the per-identity folders, without leading or trailing `/`
   * (`private` -> `private/<identity id>/...`). `""` puts the folders at the bucket's root.
   */
  prefix: string;
  /**
   * S3 actions, one by one. `s3:ListBucket` and `s3:ListBucketVersions` apply to the bucket with
   * `StringLike s3:prefix` limited to the identity's folder; every other action applies to the
   * objects of the folder (`s3:GetObject`, `s3:PutObject`, `s3:DeleteObject`...).
   */
  actions: readonly string[];
  /** Whose folder: the identity id, or a principal tag. @default "identity" */
  owner?: IdentityOwner;
  /** @default "aws" */
  partition?: Partition;
}

const LIST_ACTIONS: ReadonlySet<string> = new Set(["s3:listbucket", "s3:listbucketversions"]);
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function fail(message: string): never {
  throw new TypeError(`s3PerIdentityPolicy: ${message}`);
}

function locationError(
  message: string,
  path: string,
  expected: string,
  actual: unknown,
): PolicyError {
  return new PolicyError("invalid_s3_location", message, { path, expected, actual });
}

function readBucket(value: unknown): string {
  if (
    typeof value !== "string" ||
    !BUCKET.test(value) ||
    value.includes("..") ||
    /^\d+\.\d+\.\d+\.\d+$/.test(value)
  ) {
    const hint =
      typeof value === "string" && value.startsWith("arn:") ? " (give the name, not the ARN)" : "";
    throw locationError(
      `${JSON.stringify(value)} is not an S3 bucket name${hint}`,
      "bucket",
      "3 to 63 of a-z 0-9 . -, starting and ending with a letter or digit",
      value,
    );
  }
  return value;
}

function readPrefix(value: unknown): string {
  if (typeof value !== "string") fail('prefix must be a string ("" for the bucket root)');
  if (value === "") return value;
  const expected = "segments separated by /, without leading or trailing /, * ? or ${";
  if (value.startsWith("/") || value.endsWith("/") || value.includes("//")) {
    throw locationError(
      `prefix ${JSON.stringify(value)} has an empty segment: write it without leading or trailing "/"`,
      "prefix",
      expected,
      value,
    );
  }
  if (/[*?]|\$\{/.test(value)) {
    throw locationError(
      `prefix ${JSON.stringify(value)} holds a wildcard or a policy variable, which would widen the grant to other identities' folders`,
      "prefix",
      expected,
      value,
    );
  }
  return value;
}

/**
 * A per-identity S3 policy for an identity-pool role: each identity reads and writes only the
 * objects under `prefix/<its identity id>/` (or under a principal tag's value) and lists only that
 * folder, as AWS documents it: object ARN `arn:aws:s3:::bucket/prefix/${cognito-identity.amazonaws.com:sub}/*`,
 * and `s3:ListBucket` on the bucket with `StringLike s3:prefix` = `prefix/${...}/*`.
 *
 * @param options - {@link S3PerIdentityPolicyOptions}.
 * @returns A `Version: "2012-10-17"` identity policy: the list statement first (when a list action
 *   is asked for), then the object statement (when an object action is).
 * @throws PolicyError `invalid_s3_location` (bucket name, prefix), `invalid_action` (not an `s3:`
 *   action, a wildcard, a duplicate), `invalid_principal_tag`, `invalid_partition`.
 * @throws TypeError for options of the wrong type.
 * @example
 * ```ts
 * const policy = s3PerIdentityPolicy({
 *   bucket: "my-app-uploads",
 *   prefix: "private",
 *   actions: ["s3:ListBucket", "s3:GetObject", "s3:PutObject"],
 * });
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_s3_cognito-bucket.html
 */
export function s3PerIdentityPolicy(options: S3PerIdentityPolicyOptions): PolicyDocument {
  if (typeof options !== "object" || options === null) fail("options must be an object");
  const bucket = readBucket(options.bucket);
  const prefix = readPrefix(options.prefix);
  const actions = readActions(options.actions, "s3", "s3PerIdentityPolicy");
  const partition = options.partition === undefined ? "aws" : parsePartition(options.partition);
  const folder = `${prefix === "" ? "" : `${prefix}/`}${identityPolicyVariable(options.owner)}/`;
  const bucketArn = `arn:${partition}:s3:::${bucket}`;

  const listActions = actions.filter((action) => LIST_ACTIONS.has(action.toLowerCase()));
  const objectActions = actions.filter((action) => !LIST_ACTIONS.has(action.toLowerCase()));
  const statements: PolicyStatement[] = [];
  if (listActions.length > 0) {
    statements.push({
      Effect: "Allow",
      Action: listActions,
      Resource: [bucketArn],
      Condition: { StringLike: { "s3:prefix": [`${folder}*`] } },
    });
  }
  if (objectActions.length > 0) {
    statements.push({
      Effect: "Allow",
      Action: objectActions,
      Resource: [`${bucketArn}/${folder}*`],
    });
  }
  return { Version: "2012-10-17", Statement: statements };
}
