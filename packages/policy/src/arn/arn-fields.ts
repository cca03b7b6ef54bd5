/**
 * Field rules shared by the ARN parser, formatter, expander and route templates, so every entry
 * point accepts exactly the same values.
 *
 * @internal
 * @packageDocumentation
 */
import { PolicyError } from "../errors.js";
import { accountIdProblem } from "../identifiers/account-id.js";
import { HTTP_METHODS } from "../identifiers/http-method.js";
import { type IdentifierProblem, shortValue } from "../identifiers/internal/identifier-error.js";
import { type Partition, partitionProblem } from "../identifiers/partition.js";
import { regionProblem } from "../identifiers/region.js";
import { stageNameProblem } from "../identifiers/stage-name.js";
import { matchesWildcard } from "../wildcard/wildcard.js";
import type { ApiTarget } from "./expand-resource-arn.js";

/** @internal HTTP verbs API Gateway puts in method ARNs (always upper-case there). */
export const HTTP_VERBS: readonly string[] = HTTP_METHODS;

// `ANY` never appears in a request ARN (API Gateway writes the real verb), but people write it in
// policies; recognising it as a verb lets the linter point at it instead of a bogus route key.
const METHOD_WORDS: readonly string[] = [...HTTP_VERBS, "ANY"];

// Patterns: the concrete rules live in ../identifiers; an ARN in a policy may also hold wildcards.
const REGION_PATTERN = /^[a-z0-9*?-]+$/;
const ACCOUNT_PATTERN = /^[0-9*?]+$/;
const API_ID = /^[A-Za-z0-9*?]+$/;
const STAGE_PATTERN = /^\$?[A-Za-z0-9_*?-]+$/;
const MAX_STAGE_LENGTH = 128;

/** @internal True when `value` holds a C0 control character or DEL (never valid in an ARN). */
export function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** @internal True when `value` contains an IAM wildcard (`*` or `?`). */
export function hasWildcard(value: string): boolean {
  return value.includes("*") || value.includes("?");
}

/**
 * @internal True when a segment after the stage names an HTTP method: a verb in any case (kept as
 * written so the linter can report lower case), `ANY`, or a wildcard pattern that can match a verb.
 */
export function isMethodSegment(segment: string): boolean {
  if (METHOD_WORDS.includes(segment.toUpperCase())) return true;
  return (
    hasWildcard(segment) &&
    METHOD_WORDS.some((verb) => matchesWildcard(segment, verb, { ignoreCase: true }))
  );
}

/** @internal A `PolicyError("invalid_arn")` with a shortened `actual`. */
export function invalidArn(message: string, path: string, expected: string, actual: unknown) {
  return new PolicyError("invalid_arn", message, { path, expected, actual: shortValue(actual) });
}

function fromProblem(problem: IdentifierProblem, path: string, actual: unknown) {
  return invalidArn(problem.message, path, problem.expected, actual);
}

/** @internal */
export function checkPartition(value: string, path: string): Partition {
  const problem = partitionProblem(value);
  if (problem !== undefined) throw fromProblem(problem, path, value);
  return value as Partition;
}

/** @internal `partition` is checked against a concrete region when known. */
export function checkRegion(value: string, partition: Partition | undefined, path: string): string {
  if (hasWildcard(value)) {
    if (!REGION_PATTERN.test(value)) {
      throw invalidArn(
        `region pattern "${value}" is malformed`,
        path,
        "a region such as us-east-1, or a wildcard pattern",
        value,
      );
    }
    return value;
  }
  const problem = regionProblem(value, partition);
  if (problem !== undefined) throw fromProblem(problem, path, value);
  return value;
}

/** @internal 12 digits, or a pattern of digits, `*` and `?` that can match 12 digits. */
export function checkAccountId(value: string, path: string): string {
  if (!hasWildcard(value)) {
    const problem = accountIdProblem(value);
    if (problem !== undefined) throw fromProblem(problem, path, value);
    return value;
  }
  const fixed = value.replaceAll("*", "").length;
  if (!ACCOUNT_PATTERN.test(value) || (value.includes("*") ? fixed > 12 : fixed !== 12)) {
    throw invalidArn(
      `account id pattern "${value}" cannot match 12 digits`,
      path,
      "a 12-digit account id or a wildcard pattern",
      value,
    );
  }
  return value;
}

/** @internal Real ids are 10 lower-case alphanumerics; any `[A-Za-z0-9]` run is accepted. */
export function checkApiId(value: string, path: string): string {
  if (!API_ID.test(value)) {
    throw invalidArn(
      `API id "${value}" is malformed`,
      path,
      "letters and digits, or a wildcard pattern",
      value,
    );
  }
  return value;
}

/** @internal Letters, digits, `-`, `_` (128 at most), `$default`, or a wildcard pattern. */
export function checkStage(value: string, path: string): string {
  if (!hasWildcard(value)) {
    const problem = stageNameProblem(value);
    if (problem !== undefined) throw fromProblem(problem, path, value);
    return value;
  }
  if (!STAGE_PATTERN.test(value) || value.length > MAX_STAGE_LENGTH) {
    throw invalidArn(
      `stage pattern "${value}" is malformed`,
      path,
      "a stage name ([A-Za-z0-9_-], $default) or a wildcard pattern",
      value,
    );
  }
  return value;
}

/** @internal The request path after the verb: starts with `/`, no control characters. */
export function checkPath(value: string, path: string): string {
  if (!value.startsWith("/") || hasControlCharacter(value)) {
    throw invalidArn(
      "the path after the HTTP method must start with / and hold no control characters",
      path,
      "a path starting with /",
      value,
    );
  }
  return value;
}

/** @internal A route key: non-empty, and its first segment must not read as an HTTP method. */
export function checkRouteKey(value: string, path: string): string {
  const first = value.split("/", 1)[0] ?? "";
  if (first === "" || hasControlCharacter(value)) {
    throw invalidArn(
      "the segment after the stage is empty or holds control characters",
      path,
      "an HTTP method or a route key",
      value,
    );
  }
  if (isMethodSegment(first)) {
    throw invalidArn(
      `route key "${value}" starts with an HTTP method and would read as method + path`,
      path,
      "a route key that does not start with an HTTP method",
      value,
    );
  }
  return value;
}

/** @internal Validates an {@link ApiTarget}; shared with route templates. */
export function checkApiTarget(target: ApiTarget, caller: string, path = "target"): ApiTarget {
  if (typeof target !== "object" || target === null) {
    throw new TypeError(`${caller}: ${path} must be an object`);
  }
  for (const name of ["partition", "region", "accountId", "apiId"] as const) {
    if (typeof target[name] !== "string") {
      throw new TypeError(`${caller}: ${path}.${name} must be a string`);
    }
  }
  const partition = checkPartition(target.partition, `${path}.partition`);
  return {
    partition,
    region: checkRegion(target.region, partition, `${path}.region`),
    accountId: checkAccountId(target.accountId, `${path}.accountId`),
    apiId: checkApiId(target.apiId, `${path}.apiId`),
  };
}
