/**
 * The per-identity permissions of `gatehouse policy identity-pool`: DynamoDB row-level security
 * (`--table`), an S3 folder per identity (`--bucket`) and exact-route `execute-api:Invoke`
 * (`--api`, `--route`), as the statements of one identity policy.
 * @internal
 * @packageDocumentation
 */
import {
  type ApiType,
  dynamoDbRowLevelPolicy,
  executeApiInvokePolicy,
  type IdentityOwner,
  isPolicyError,
  type PolicyDocument,
  type PolicyStatement,
  parseExecuteApiArn,
  s3PerIdentityPolicy,
} from "@gatehouse/policy";
import { CliError, usageError } from "../../errors.js";
import type { CommandContext } from "../../internal/command.js";
import { policyInputError } from "../../internal/policy-errors.js";

const DEFAULT_TABLE_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
];
const DEFAULT_S3_ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"];

function invokeStatements(context: CommandContext, notes: string[]): PolicyStatement[] {
  const api = context.string("api");
  const routes = context.strings("route");
  if (api === undefined) {
    for (const flag of ["route", "api-routes", "api-type"]) {
      if (context.given(flag)) throw usageError(`--${flag} needs --api <arn of the API's stage>`);
    }
    return [];
  }
  if (routes.length === 0) {
    throw usageError('--api needs at least one --route "GET /users/{id}" to grant');
  }
  let target: ReturnType<typeof parseExecuteApiArn>;
  try {
    target = parseExecuteApiArn(api);
  } catch (error) {
    throw policyInputError(error, "--api", context);
  }
  const { region, accountId, apiId } = target;
  if (
    region === undefined ||
    accountId === undefined ||
    apiId === undefined ||
    target.method !== undefined
  ) {
    throw usageError(
      `--api must be the ARN of one stage: arn:aws:execute-api:{region}:{account}:{api-id}/{stage}; got ${JSON.stringify(api)}`,
    );
  }
  const all = context.strings("api-routes");
  try {
    const built = executeApiInvokePolicy({
      api: {
        ...(target.partition === undefined ? {} : { partition: target.partition }),
        region,
        accountId,
        apiId,
        stage: target.stage,
        apiType: context.choice<ApiType>("api-type", "rest"),
        routes: all.length === 0 ? routes : all,
      },
      routes,
    });
    if (built.refused.length > 0) {
      notes.push(
        `${built.refused.length} request shape(s) of the granted routes are refused by the over-match Deny (IAM's * cannot express the route table exactly)`,
      );
    }
    const statements = built.policy.Statement;
    return Array.isArray(statements) ? [...statements] : [statements as PolicyStatement];
  } catch (error) {
    throw policyInputError(error, undefined, context, {
      routes: "--route",
      "api.routes": "--api-routes",
    });
  }
}

/** The statements of the per-identity permissions the flags ask for (none: `[]`). */
export function permissionStatements(
  context: CommandContext,
  owner: IdentityOwner,
  notes: string[],
): PolicyStatement[] {
  const statements: PolicyStatement[] = [];
  const add = (policy: PolicyDocument) => {
    const list = policy.Statement;
    statements.push(...(Array.isArray(list) ? list : [list as PolicyStatement]));
  };
  const table = context.string("table");
  if (table === undefined) {
    for (const flag of ["table-actions", "table-attributes"]) {
      if (context.given(flag)) throw usageError(`--${flag} needs --table <table arn>`);
    }
  } else {
    const attributes = context.strings("table-attributes");
    const actions = context.strings("table-actions");
    try {
      add(
        dynamoDbRowLevelPolicy({
          tableArn: table,
          actions: actions.length === 0 ? DEFAULT_TABLE_ACTIONS : actions,
          owner,
          ...(attributes.length === 0 ? {} : { attributes }),
        }),
      );
    } catch (error) {
      throw policyInputError(error, undefined, context, {
        tableArn: "--table",
        actions: "--table-actions",
        attributes: "--table-attributes",
      });
    }
  }
  const bucket = context.string("bucket");
  if (bucket === undefined) {
    for (const flag of ["prefix", "s3-actions"]) {
      if (context.given(flag)) throw usageError(`--${flag} needs --bucket <bucket name>`);
    }
  } else {
    const actions = context.strings("s3-actions");
    try {
      add(
        s3PerIdentityPolicy({
          bucket,
          prefix: context.string("prefix") ?? "private",
          actions: actions.length === 0 ? DEFAULT_S3_ACTIONS : actions,
          owner,
        }),
      );
    } catch (error) {
      // "bucket" is also a word of the message: name the flag in front instead.
      if (isPolicyError(error) && error.path === "bucket") {
        throw new CliError("usage", `--bucket: ${error.code}: ${error.message}`, { cause: error });
      }
      throw policyInputError(error, undefined, context, {
        prefix: "--prefix",
        actions: "--s3-actions",
      });
    }
  }
  statements.push(...invokeStatements(context, notes));
  return statements;
}
