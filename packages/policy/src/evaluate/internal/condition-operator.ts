/**
 * The grammar of IAM condition operator names (`ForAnyValue:StringNotLikeIfExists` ...), shared by
 * the document parser (which rejects unknown names) and the evaluator.
 *
 * @internal
 * @packageDocumentation
 */

/** The positive comparison an operator performs; a negated operator is `NOT` of it. @internal */
export type Comparison =
  | "StringEquals"
  | "StringEqualsIgnoreCase"
  | "StringLike"
  | "NumericEquals"
  | "NumericLessThan"
  | "NumericLessThanEquals"
  | "NumericGreaterThan"
  | "NumericGreaterThanEquals"
  | "DateEquals"
  | "DateLessThan"
  | "DateLessThanEquals"
  | "DateGreaterThan"
  | "DateGreaterThanEquals"
  | "Bool"
  | "BinaryEquals"
  | "IpAddress"
  | "Arn"
  | "Null";

/** A parsed operator name. @internal */
export interface ConditionOperator {
  readonly name: string;
  readonly comparison: Comparison;
  /** `StringNotEquals`, `NotIpAddress` ...: several values are ANDed, a missing key is true. */
  readonly negated: boolean;
  readonly ifExists: boolean;
  readonly set: "ForAnyValue" | "ForAllValues" | undefined;
}

const BASE_OPERATORS: Readonly<Record<string, readonly [Comparison, boolean]>> = {
  StringEquals: ["StringEquals", false],
  StringNotEquals: ["StringEquals", true],
  StringEqualsIgnoreCase: ["StringEqualsIgnoreCase", false],
  StringNotEqualsIgnoreCase: ["StringEqualsIgnoreCase", true],
  StringLike: ["StringLike", false],
  StringNotLike: ["StringLike", true],
  NumericEquals: ["NumericEquals", false],
  NumericNotEquals: ["NumericEquals", true],
  NumericLessThan: ["NumericLessThan", false],
  NumericLessThanEquals: ["NumericLessThanEquals", false],
  NumericGreaterThan: ["NumericGreaterThan", false],
  NumericGreaterThanEquals: ["NumericGreaterThanEquals", false],
  DateEquals: ["DateEquals", false],
  DateNotEquals: ["DateEquals", true],
  DateLessThan: ["DateLessThan", false],
  DateLessThanEquals: ["DateLessThanEquals", false],
  DateGreaterThan: ["DateGreaterThan", false],
  DateGreaterThanEquals: ["DateGreaterThanEquals", false],
  Bool: ["Bool", false],
  BinaryEquals: ["BinaryEquals", false],
  IpAddress: ["IpAddress", false],
  NotIpAddress: ["IpAddress", true],
  // ArnEquals and ArnLike are documented as identical: per-segment, wildcards allowed in both.
  ArnEquals: ["Arn", false],
  ArnLike: ["Arn", false],
  ArnNotEquals: ["Arn", true],
  ArnNotLike: ["Arn", true],
  Null: ["Null", false],
};

const cache = new Map<string, ConditionOperator | null>();

function parse(name: string): ConditionOperator | undefined {
  let rest = name;
  let set: ConditionOperator["set"];
  if (rest.startsWith("ForAnyValue:")) set = "ForAnyValue";
  else if (rest.startsWith("ForAllValues:")) set = "ForAllValues";
  if (set !== undefined) rest = rest.slice(set.length + 1);
  let ifExists = false;
  if (rest.endsWith("IfExists")) {
    ifExists = true;
    rest = rest.slice(0, -"IfExists".length);
  }
  if (!Object.hasOwn(BASE_OPERATORS, rest)) return undefined;
  const [comparison, negated] = BASE_OPERATORS[rest] as readonly [Comparison, boolean];
  // `Null` tests presence itself: neither IfExists nor a set prefix means anything with it.
  if (comparison === "Null" && (ifExists || set !== undefined)) return undefined;
  return { name, comparison, negated, ifExists, set };
}

/**
 * Parses an operator name such as `ForAllValues:StringLikeIfExists`; `undefined` when unknown.
 * Names are case-sensitive, as IAM writes them.
 * @internal
 */
export function parseConditionOperator(name: string): ConditionOperator | undefined {
  let parsed = cache.get(name);
  if (parsed === undefined) {
    parsed = parse(name) ?? null;
    if (cache.size < 1024) cache.set(name, parsed);
  }
  return parsed ?? undefined;
}
