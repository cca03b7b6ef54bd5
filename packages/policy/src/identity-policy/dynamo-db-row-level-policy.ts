import type { ConditionBlock, PolicyDocument } from "../document/policy-document.js";
import { PolicyError } from "../errors.js";
import { type IdentityOwner, identityPolicyVariable } from "./identity-owner.js";
import { KEYED_ACTIONS } from "./internal/keyed-actions.js";
import { parseTableArn } from "./internal/parse-table-arn.js";
import { readActions } from "./internal/read-actions.js";

/** Options of {@link dynamoDbRowLevelPolicy}. */
export interface DynamoDbRowLevelPolicyOptions {
  /** `arn:aws:dynamodb:{region}:{account}:table/{name}`; region and account may be `*`. */
  tableArn: string;
  /** DynamoDB actions, listed one by one (`dynamodb:GetItem`, `dynamodb:Query`...). */
  actions: readonly string[];
  /**
   * Attribute-level control: the only attributes a request may name (include the table's key
   * attributes). Adds `ForAllValues:StringEquals dynamodb:Attributes` and
   * `StringEqualsIfExists dynamodb:Select = SPECIFIC_ATTRIBUTES`. @default every attribute
   */
  attributes?: readonly string[];
  /** Secondary indexes the identity may query too (`["ByDate"]`, or `["*"]` for all). @default none */
  indexes?: readonly string[];
  /** Whose partition key values the identity may use. @default "identity" (the identity id) */
  owner?: IdentityOwner;
}

const INDEX_NAME = /^([A-Za-z0-9_.-]{3,255}|\*)$/;

function fail(message: string): never {
  throw new TypeError(`dynamoDbRowLevelPolicy: ${message}`);
}

function readAttributes(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0)
    fail("attributes must be a non-empty array of attribute names");
  return value.map((name: unknown, index) => {
    if (typeof name !== "string" || name === "" || name.includes("${")) {
      fail(`attributes[${index}] must be an attribute name (no policy variable)`);
    }
    return name;
  });
}

function readIndexes(value: unknown, tableArn: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail('indexes must be an array of index names or ["*"]');
  return value.map((name: unknown, index) => {
    if (typeof name !== "string" || !INDEX_NAME.test(name)) {
      throw new PolicyError(
        "invalid_resource_arn",
        `${JSON.stringify(name)} is not an index name`,
        {
          path: `indexes[${index}]`,
          expected: "3 to 255 of A-Z a-z 0-9 _ . -, or *",
          actual: name,
        },
      );
    }
    return `${tableArn}/index/${name}`;
  });
}

/**
 * A per-identity DynamoDB policy for an identity-pool role (row-level security): the actions on
 * the table only for items whose partition key is the caller's identity id (or a principal tag),
 * with `ForAllValues:StringEquals` on `dynamodb:LeadingKeys`, as AWS documents it. When an action
 * may come without a partition key (`Scan`, ...), `Null: { "dynamodb:LeadingKeys": "false" }` is
 * added, since `ForAllValues` is true on an absent key: such requests are then refused.
 *
 * @param options - {@link DynamoDbRowLevelPolicyOptions}.
 * @returns A `Version: "2012-10-17"` identity policy (no `Principal`) with one Allow statement.
 * @throws PolicyError `invalid_resource_arn` (table ARN, index name), `invalid_action` (not a
 *   `dynamodb:` action, a wildcard, a duplicate), `invalid_principal_tag` (owner tag key).
 * @throws TypeError for options of the wrong type or empty lists.
 * @example
 * ```ts
 * const policy = dynamoDbRowLevelPolicy({
 *   tableArn: "arn:aws:dynamodb:us-east-1:123456789012:table/Notes",
 *   actions: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"],
 * });
 * ```
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html
 */
export function dynamoDbRowLevelPolicy(options: DynamoDbRowLevelPolicyOptions): PolicyDocument {
  if (typeof options !== "object" || options === null) fail("options must be an object");
  const { arn } = parseTableArn(options.tableArn, "tableArn");
  const actions = readActions(options.actions, "dynamodb", "dynamoDbRowLevelPolicy");
  const attributes = readAttributes(options.attributes);
  const indexes = readIndexes(options.indexes, arn);
  const variable = identityPolicyVariable(options.owner);

  const forAll: Record<string, string[]> = { "dynamodb:LeadingKeys": [variable] };
  if (attributes !== undefined) forAll["dynamodb:Attributes"] = attributes;
  const condition: ConditionBlock = { "ForAllValues:StringEquals": forAll };
  if (attributes !== undefined) {
    condition["StringEqualsIfExists"] = { "dynamodb:Select": "SPECIFIC_ATTRIBUTES" };
  }
  if (actions.some((action) => !KEYED_ACTIONS.has(action.toLowerCase()))) {
    condition["Null"] = { "dynamodb:LeadingKeys": "false" };
  }
  return {
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: actions, Resource: [arn, ...indexes], Condition: condition },
    ],
  };
}
