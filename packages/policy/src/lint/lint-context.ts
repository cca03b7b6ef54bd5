import type { ExecuteApiArn, Partition } from "../arn/execute-api-arn.js";
import type { ApiTarget } from "../arn/expand-resource-arn.js";
import { parseExecuteApiArn } from "../arn/parse-execute-api-arn.js";
import type { ApiAuthTypeTable } from "../auth-types/internal/read-api-auth-types.js";
import type { Cidr } from "../cidr/parse-cidr.js";
import { parseCidr } from "../cidr/parse-cidr.js";
import type {
  ConditionValue,
  PolicyDocument,
  PolicyStatement,
} from "../document/policy-document.js";
import { isPolicyError, type PolicyError } from "../errors.js";
import {
  type ConditionOperator,
  parseConditionOperator,
} from "../evaluate/internal/condition-operator.js";
import type { EndpointType, MethodAuthType } from "../gateway/api-gateway-access.js";
import type { LintFinding } from "./lint-finding.js";
import type { IpAddressType } from "./lint-options.js";
import { type Located, listAt } from "./list-at.js";

/** One statement with its path (`Statement` or `Statement[2]`). @internal */
export interface StatementView {
  statement: PolicyStatement;
  path: string;
  conditions: ConditionEntry[];
}

/** One operator/key pair of a Condition block. @internal */
export interface ConditionEntry {
  operator: string;
  parsed: ConditionOperator;
  /** As written (IAM reads key names case-insensitively; compare `keyLower`). */
  key: string;
  keyLower: string;
  values: Located<ConditionValue>[];
  /** `Statement[1].Condition.NotIpAddress.aws:SourceIp` */
  path: string;
}

/** One Resource / NotResource entry, parsed once. @internal */
export interface ResourceView {
  owner: StatementView;
  raw: string;
  path: string;
  /** `undefined` for `*` and for a resource that did not parse (see `error`). */
  arn: ExecuteApiArn | undefined;
  error: PolicyError | undefined;
}

/** One `IpAddress` / `NotIpAddress` condition on `aws:SourceIp` or `aws:VpcSourceIp`. @internal */
export interface IpCondition {
  owner: StatementView;
  entry: ConditionEntry;
  key: "aws:sourceip" | "aws:vpcsourceip";
  negated: boolean;
  /** The parsed blocks; values holding a policy variable are left out (known only per request). */
  cidrs: Cidr[];
}

/** Everything a rule may look at, computed once per lint run. @internal */
export interface LintContext {
  document: PolicyDocument;
  statements: StatementView[];
  resources: ResourceView[];
  ipConditions: IpCondition[];
  endpointType: EndpointType;
  /** Every authorization type the API's methods use. */
  authTypes: ReadonlySet<MethodAuthType>;
  /** The same, per route when the caller gave a map. */
  authTypeTable: ApiAuthTypeTable;
  ipAddressType: IpAddressType;
  partition: Partition | undefined;
  target: ApiTarget | undefined;
  /** The `mutualTls` option, when the API is behind a mutual-TLS custom domain. */
  mutualTls?: { disableExecuteApiEndpoint: boolean } | undefined;
}

/** A lint rule: a pure function from the context to its findings. @internal */
export type LintRule = (context: LintContext) => LintFinding[];

function parseOrError<T>(parse: () => T): { value: T | undefined; error: PolicyError | undefined } {
  try {
    return { value: parse(), error: undefined };
  } catch (error) {
    if (isPolicyError(error)) return { value: undefined, error };
    throw error;
  }
}

function conditionEntries(statement: PolicyStatement, path: string): ConditionEntry[] {
  const entries: ConditionEntry[] = [];
  for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
    // parsePolicyDocument has rejected unknown operators already.
    const parsed = parseConditionOperator(operator);
    if (parsed === undefined) continue;
    for (const [key, values] of Object.entries(keys)) {
      const entryPath = `${path}.Condition.${operator}.${key}`;
      entries.push({
        operator,
        parsed,
        key,
        keyLower: key.toLowerCase(),
        values: listAt(values, entryPath),
        path: entryPath,
      });
    }
  }
  return entries;
}

/** The statements of a policy with their paths and condition entries (every linter). @internal */
export function readStatements(document: PolicyDocument): StatementView[] {
  return listAt(document.Statement, "Statement").map(({ value, path }) => ({
    statement: value,
    path,
    conditions: conditionEntries(value, path),
  }));
}

/** What every linter's rules may look at: the document and its statements. @internal */
export type StatementsContext = Pick<LintContext, "document" | "statements">;

/** Builds the context shared by all rules. @internal */
export function createLintContext(
  document: PolicyDocument,
  options: Omit<LintContext, "document" | "statements" | "resources" | "ipConditions">,
): LintContext {
  const statements = readStatements(document);

  const resources: ResourceView[] = [];
  for (const owner of statements) {
    const entries = [
      ...listAt(owner.statement.Resource, `${owner.path}.Resource`),
      ...listAt(owner.statement.NotResource, `${owner.path}.NotResource`),
    ];
    for (const { value, path } of entries) {
      if (value === "*") {
        resources.push({ owner, raw: value, path, arn: undefined, error: undefined });
        continue;
      }
      const { value: arn, error } = parseOrError(() => parseExecuteApiArn(value, path));
      resources.push({ owner, raw: value, path, arn, error });
    }
  }

  const ipConditions: IpCondition[] = [];
  for (const owner of statements) {
    for (const entry of owner.conditions) {
      if (entry.keyLower !== "aws:sourceip" && entry.keyLower !== "aws:vpcsourceip") continue;
      if (entry.parsed.comparison !== "IpAddress" || entry.parsed.set !== undefined) continue;
      ipConditions.push({
        owner,
        entry,
        key: entry.keyLower,
        negated: entry.parsed.negated,
        // parsePolicyDocument has validated every block that holds no policy variable.
        cidrs: entry.values
          .filter(({ value }) => !String(value).includes("${"))
          .map(({ value, path }) => parseCidr(String(value), path)),
      });
    }
  }

  return { document, statements, resources, ipConditions, ...options };
}
