/**
 * Declared decision inputs, validated once (cold start) and compiled to what the cache key and
 * the read check need.
 * @internal
 * @packageDocumentation
 */
import type { DecisionInput } from "../decision-input.js";
import {
  headerPairs,
  queryValues,
  READ_ARN,
  READ_ROUTE,
  READ_SOURCE_IP,
  READ_STAGE_VARIABLES,
  type RequestReads,
  type RequestSource,
  rawSourceIp,
  stageVariablePairs,
} from "./request-view.js";

/**
 * Declared inputs, compiled: flags, header names (lower case) and query names, sorted.
 * @internal
 */
export interface CompiledInputs {
  readonly flags: number;
  readonly headers: readonly string[];
  readonly queries: readonly string[];
  /** No input at all: the cache key is the token and stage alone. */
  readonly empty: boolean;
}

/** @internal */
export const NO_INPUTS: CompiledInputs = Object.freeze({
  flags: 0,
  headers: [],
  queries: [],
  empty: true,
});

const FLAG_OF: Readonly<Record<string, number>> = {
  sourceIp: READ_SOURCE_IP,
  route: READ_ROUTE,
  arn: READ_ARN,
  stageVariables: READ_STAGE_VARIABLES,
};

/** RFC 9110 `token`: what a header name is made of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function compiled(flags: number, headers: Set<string>, queries: Set<string>): CompiledInputs {
  const result = {
    flags,
    headers: [...headers].sort(),
    queries: [...queries].sort(),
    empty: flags === 0 && headers.size === 0 && queries.size === 0,
  };
  return result.empty ? NO_INPUTS : Object.freeze(result);
}

/**
 * Validates a `cacheInputs` list at cold start.
 * @throws TypeError naming `where` for anything but a list of {@link DecisionInput}s.
 * @internal
 */
export function compileDecisionInputs(value: unknown, where: string): CompiledInputs {
  if (!Array.isArray(value)) {
    throw new TypeError(
      `${where} must be an array of "sourceIp", "route", "arn", "stageVariables", { header: name } or { query: name }`,
    );
  }
  let flags = 0;
  const headers = new Set<string>();
  const queries = new Set<string>();
  value.forEach((input: unknown, index) => {
    const at = `${where}[${index}]`;
    if (typeof input === "string") {
      if (input === "event") {
        throw new TypeError(
          `${at}: "event" cannot be a cache input (every event differs); declare the parts you read, or leave the decision uncached`,
        );
      }
      const flag = FLAG_OF[input];
      if (flag === undefined) {
        throw new TypeError(
          `${at} must be "sourceIp", "route", "arn", "stageVariables", { header: name } or { query: name }`,
        );
      }
      flags |= flag;
      return;
    }
    if (typeof input !== "object" || input === null || Array.isArray(input)) {
      throw new TypeError(`${at} must be a string or { header: name } / { query: name }`);
    }
    const keys = Object.keys(input);
    const kind = keys[0];
    if (keys.length !== 1 || (kind !== "header" && kind !== "query")) {
      throw new TypeError(`${at} must have exactly one property, header or query`);
    }
    const name = (input as Record<string, unknown>)[kind];
    if (kind === "header") {
      if (typeof name !== "string" || !HEADER_NAME.test(name)) {
        throw new TypeError(`${at}.header must be a header name (letters, digits, - and the like)`);
      }
      headers.add(name.toLowerCase());
    } else {
      if (typeof name !== "string" || name === "") {
        throw new TypeError(`${at}.query must be a non-empty parameter name`);
      }
      queries.add(name);
    }
  });
  return compiled(flags, headers, queries);
}

/** @internal The union of two declarations. */
export function mergeInputs(a: CompiledInputs, b: CompiledInputs): CompiledInputs {
  if (b.empty) return a;
  if (a.empty) return b;
  return compiled(
    a.flags | b.flags,
    new Set([...a.headers, ...b.headers]),
    new Set([...a.queries, ...b.queries]),
  );
}

/**
 * Whether everything a decision read is declared (and so in its cache key).
 * @internal
 */
export function covers(inputs: CompiledInputs, reads: RequestReads): boolean {
  if ((reads.flags & ~inputs.flags) !== 0) return false;
  if (reads.headers !== undefined) {
    for (const name of reads.headers) if (!inputs.headers.includes(name)) return false;
  }
  if (reads.queries !== undefined) {
    for (const name of reads.queries) if (!inputs.queries.includes(name)) return false;
  }
  return true;
}

/**
 * The part of the cache key the declared inputs add: their raw values in the event, exactly (so
 * two requests with the same key give every read the same answer), as JSON (injective).
 * @internal
 */
export function inputsKey(inputs: CompiledInputs, source: RequestSource): string {
  const { record } = source;
  const parts: unknown[] = [];
  if (inputs.flags & READ_SOURCE_IP) parts.push(rawSourceIp(record));
  if (inputs.flags & READ_ROUTE) parts.push(source.route);
  if (inputs.flags & READ_ARN) parts.push(source.arn);
  if (inputs.flags & READ_STAGE_VARIABLES) parts.push(stageVariablePairs(record));
  for (const name of inputs.headers) parts.push(headerPairs(record, name));
  for (const name of inputs.queries) parts.push(queryValues(record, name));
  return JSON.stringify(parts);
}

/**
 * Readable names of what `reads` holds beyond `inputs` (for the one-time warning).
 * @internal
 */
export function undeclaredReads(inputs: CompiledInputs, reads: RequestReads): string[] {
  const out: string[] = [];
  const extra = reads.flags & ~inputs.flags;
  for (const [name, flag] of Object.entries(FLAG_OF)) if (extra & flag) out.push(name);
  if (extra & ~(READ_SOURCE_IP | READ_ROUTE | READ_ARN | READ_STAGE_VARIABLES)) out.push("event");
  for (const name of reads.headers ?? []) {
    if (!inputs.headers.includes(name)) out.push(`header ${name}`);
  }
  for (const name of reads.queries ?? []) {
    if (!inputs.queries.includes(name)) out.push(`query ${name}`);
  }
  return out;
}

/**
 * What to add to the authorizer's identity sources for each declared input, by API type.
 * @internal
 */
export function identitySourceHints(inputs: CompiledInputs): string[] {
  const hints: string[] = [];
  if (inputs.flags & READ_SOURCE_IP) {
    hints.push("sourceIp: context.identity.sourceIp (REST) / $context.identity.sourceIp (HTTP)");
  }
  if (inputs.flags & READ_ROUTE) {
    hints.push("route: $context.routeKey (HTTP); REST: context.httpMethod + context.resourcePath");
  }
  if (inputs.flags & READ_ARN) hints.push("arn: no identity source covers the path: TTL 0");
  if (inputs.flags & READ_STAGE_VARIABLES) {
    hints.push("stageVariables: stageVariables.<name> / $stageVariables.<name> for each one read");
  }
  for (const name of inputs.headers) {
    hints.push(`header ${name}: method.request.header.${name} / $request.header.${name}`);
  }
  for (const name of inputs.queries) {
    hints.push(`query ${name}: method.request.querystring.${name} / $request.querystring.${name}`);
  }
  return hints;
}

/**
 * The declared inputs as the list users wrote (normalised), for warnings and `cacheInputs`.
 * @internal
 */
export function inputsList(inputs: CompiledInputs): DecisionInput[] {
  const out: DecisionInput[] = [];
  for (const [name, flag] of Object.entries(FLAG_OF)) {
    if (inputs.flags & flag) out.push(name as DecisionInput);
  }
  for (const header of inputs.headers) out.push({ header });
  for (const query of inputs.queries) out.push({ query });
  return out;
}

/** Inputs a TOKEN event never carries (it has the token and the method ARN only). @internal */
export const REQUEST_ONLY_FLAGS = READ_SOURCE_IP | READ_STAGE_VARIABLES;
