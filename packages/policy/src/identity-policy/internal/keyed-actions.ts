/**
 * @internal DynamoDB actions (lower case) whose requests always carry `dynamodb:LeadingKeys`: they
 * name the partition key. For any other action (`Scan`, `ExecuteStatement`...) the key can be
 * absent, and `ForAllValues` is true on an absent key.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html
 */
export const KEYED_ACTIONS: ReadonlySet<string> = new Set(
  [
    "GetItem",
    "BatchGetItem",
    "Query",
    "PutItem",
    "UpdateItem",
    "DeleteItem",
    "BatchWriteItem",
    "ConditionCheckItem",
  ].map((name) => `dynamodb:${name}`.toLowerCase()),
);
