/**
 * IAM wildcard matching (`*` and `?`), compiled once per pattern and cached: the one engine behind
 * the evaluator, the linter and the public {@link compileWildcard} / {@link matchesWildcard}.
 *
 * Matching never backtracks more than one star deep: a pattern is cut at its stars into literal
 * segments; the first must be a prefix, the last a suffix, and each middle segment is taken at its
 * leftmost occurrence (greedy leftmost is exact for globs), so `*a*a*a*a*b` against a long string
 * costs one scan per segment instead of an exponential search.
 *
 * @packageDocumentation
 */

import { substituteVariables } from "../evaluate/internal/policy-variables.js";

/** A piece of a pattern: a string whose `*`/`?` are wildcards, or `{ literal }` taken verbatim. @internal */
export type WildcardPart = string | { readonly literal: string };

interface Segment {
  readonly text: string;
  /** Positions of `?` in `text` (`undefined` when there are none). */
  readonly any: readonly boolean[] | undefined;
}

/** A compiled pattern; build with {@link compilePattern}. @internal */
export interface CompiledWildcard {
  readonly ignoreCase: boolean;
  /** `exact`: no wildcard at all; `all`: only stars; `glob`: the general case. */
  readonly kind: "exact" | "all" | "glob";
  readonly exact: string;
  /** `segments[0]` is the prefix; with `starred`, the last one is the suffix. */
  readonly segments: readonly Segment[];
  readonly starred: boolean;
  readonly hasAny: boolean;
  readonly minLength: number;
  /** Code-point tokens (`-1` star, `-2` any) for values with astral characters; built lazily. */
  tokens: number[] | undefined;
}

const STAR = -1;
const ANY = -2;
const CACHE_LIMIT = 4096;
const caseSensitiveCache = new Map<string, CompiledWildcard>();
const ignoreCaseCache = new Map<string, CompiledWildcard>();
const SURROGATE = /[\uD800-\uDFFF]/;

interface Token {
  char: string;
  wild: "*" | "?" | undefined;
}

function tokenize(parts: readonly WildcardPart[], ignoreCase: boolean): Token[] {
  const tokens: Token[] = [];
  for (const part of parts) {
    const literal = typeof part !== "string";
    const text = literal ? part.literal : part;
    const folded = ignoreCase ? text.toLowerCase() : text;
    for (let i = 0; i < folded.length; i++) {
      const char = folded[i] as string;
      const wild = !literal && (char === "*" || char === "?") ? char : undefined;
      tokens.push({ char, wild });
    }
  }
  return tokens;
}

function build(parts: readonly WildcardPart[], ignoreCase: boolean): CompiledWildcard {
  const tokens = tokenize(parts, ignoreCase);
  const segments: Segment[] = [];
  let text = "";
  let any: boolean[] | undefined;
  let starred = false;
  let hasAny = false;
  let minLength = 0;
  const close = (force: boolean) => {
    // Empty middle segments (from `**`) carry no constraint; the prefix and suffix always count.
    if (force || text.length > 0) segments.push({ text, any });
    text = "";
    any = undefined;
  };
  for (const token of tokens) {
    if (token.wild === "*") {
      close(!starred);
      starred = true;
      continue;
    }
    if (token.wild === "?") {
      hasAny = true;
      any ??= new Array<boolean>(text.length).fill(false);
      any.push(true);
    } else if (any !== undefined) {
      any.push(false);
    }
    text += token.char;
    minLength++;
  }
  close(true);
  const first = segments[0] as Segment;
  let kind: CompiledWildcard["kind"] = "glob";
  if (!starred && !hasAny) kind = "exact";
  else if (starred && minLength === 0) kind = "all";
  return {
    ignoreCase,
    kind,
    exact: first.text,
    segments,
    starred,
    hasAny,
    minLength,
    tokens: undefined,
  };
}

/**
 * Compiles a pattern for repeated matching. String patterns are cached; part lists (with literal
 * pieces from policy-variable substitution) are not, since they vary per request.
 * @internal
 */
export function compilePattern(
  pattern: string | readonly WildcardPart[],
  ignoreCase = false,
): CompiledWildcard {
  if (typeof pattern !== "string") return build(pattern, ignoreCase);
  const cache = ignoreCase ? ignoreCaseCache : caseSensitiveCache;
  let compiled = cache.get(pattern);
  if (compiled === undefined) {
    compiled = build([pattern], ignoreCase);
    // A crude bound: policies are few, but request-derived patterns must not grow memory forever.
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(pattern, compiled);
  }
  return compiled;
}

function segmentAt(segment: Segment, value: string, position: number): boolean {
  const { text, any } = segment;
  if (any === undefined) return value.startsWith(text, position);
  if (position + text.length > value.length) return false;
  for (let i = 0; i < text.length; i++) {
    if (!any[i] && text.charCodeAt(i) !== value.charCodeAt(position + i)) return false;
  }
  return true;
}

function segmentIndexOf(segment: Segment, value: string, from: number, last: number): number {
  if (segment.any === undefined) {
    const index = value.indexOf(segment.text, from);
    return index !== -1 && index <= last ? index : -1;
  }
  for (let position = from; position <= last; position++) {
    if (segmentAt(segment, value, position)) return position;
  }
  return -1;
}

function toTokens(compiled: CompiledWildcard): number[] {
  const tokens: number[] = [];
  compiled.segments.forEach((segment, index) => {
    if (index > 0) tokens.push(STAR);
    let i = 0;
    for (const char of segment.text) {
      tokens.push(segment.any?.[i] ? ANY : (char.codePointAt(0) as number));
      i += char.length;
    }
  });
  return tokens;
}

/** Code-point matcher for values with astral characters, where `?` must take a whole pair. */
function matchCodePoints(tokens: readonly number[], value: string): boolean {
  const chars = Array.from(value, (char) => char.codePointAt(0) as number);
  let p = 0;
  let v = 0;
  let starP = -1;
  let starV = 0;
  while (v < chars.length) {
    const token = tokens[p];
    if (token !== undefined && token !== STAR && (token === ANY || token === chars[v])) {
      p++;
      v++;
    } else if (token === STAR) {
      starP = p++;
      starV = v;
    } else if (starP >= 0) {
      p = starP + 1;
      v = ++starV;
    } else {
      return false;
    }
  }
  while (tokens[p] === STAR) p++;
  return p === tokens.length;
}

/** Matches a value against a compiled pattern. @internal */
export function matchCompiledWildcard(compiled: CompiledWildcard, input: string): boolean {
  return matchFoldedWildcard(compiled, compiled.ignoreCase ? input.toLowerCase() : input);
}

/**
 * {@link matchCompiledWildcard} for a value already lower-cased when the pattern ignores case, so
 * that one request value folded once can be tried against many patterns.
 * @internal
 */
export function matchFoldedWildcard(compiled: CompiledWildcard, value: string): boolean {
  if (compiled.kind === "exact") return value === compiled.exact;
  if (compiled.kind === "all") return true;
  if (compiled.hasAny && SURROGATE.test(value)) {
    compiled.tokens ??= toTokens(compiled);
    return matchCodePoints(compiled.tokens, value);
  }
  if (value.length < compiled.minLength) return false;
  const { segments } = compiled;
  const first = segments[0] as Segment;
  if (!compiled.starred) {
    return value.length === first.text.length && segmentAt(first, value, 0);
  }
  // A starred pattern always has a prefix and a suffix segment (either may be empty).
  const lastSegment = segments[segments.length - 1] as Segment;
  const end = value.length - lastSegment.text.length;
  if (!segmentAt(first, value, 0) || !segmentAt(lastSegment, value, end)) return false;
  let position = first.text.length;
  for (let i = 1; i < segments.length - 1; i++) {
    const segment = segments[i] as Segment;
    const index = segmentIndexOf(segment, value, position, end - segment.text.length);
    if (index === -1) return false;
    position = index + segment.text.length;
  }
  return true;
}

/** Options of {@link compileWildcard} and {@link matchesWildcard}. */
export interface WildcardOptions {
  /**
   * Compare case-insensitively, as IAM compares actions (`execute-api:invoke` equals
   * `execute-api:Invoke`). Resources and ARNs are case-sensitive.
   * @default false
   */
  ignoreCase?: boolean;
  /**
   * Read policy variables in the pattern as `evaluatePolicy` reads a `Resource` of a
   * `Version: "2012-10-17"` policy for a request without context: `${key, 'default'}` becomes its
   * default (taken literally, so a `*` in it is no wildcard), a variable without a default matches
   * nothing, and `${*}`, `${?}`, `${$}` are a literal `*`, `?`, `$`. Off, `${...}` is plain text.
   * @default false
   */
  policyVariables?: boolean;
}

/** A compiled pattern from {@link compileWildcard}: tells whether a whole value matches it. */
export type WildcardMatcher = (value: string) => boolean;

const EMPTY_CONTEXT: ReadonlyMap<string, string> = new Map();
const NEVER: WildcardMatcher = () => false;
const ALWAYS: WildcardMatcher = () => true;

/**
 * Compiles an IAM wildcard pattern once, for matching many values: `*` is any run of characters
 * (including `/` and `:`), `?` exactly one character, everything else literal. Matching takes
 * linear time in the value whatever the pattern (no backtracking blow-up on `*a*a*a*b`).
 *
 * @param pattern - The pattern, e.g. a policy's `Resource` `arn:aws:execute-api:*:*:abc123/prod/GET/*`.
 * @param options - `ignoreCase` for actions; `policyVariables` to read `${...}` as a `Resource` does.
 * @returns A function telling whether the whole of a value matches the whole pattern.
 * @example
 * ```ts
 * const covers = compileWildcard("arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets/*");
 * covers("arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets/42"); // true
 * covers("arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/POST/pets/42"); // false
 *
 * const owner = compileWildcard("arn:aws:s3:::home/${aws:username, 'guest'}/*", { policyVariables: true });
 * owner("arn:aws:s3:::home/guest/notes.txt"); // true
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards
 */
export function compileWildcard(pattern: string, options: WildcardOptions = {}): WildcardMatcher {
  const ignoreCase = options.ignoreCase === true;
  let source: string | WildcardPart[] = pattern;
  if (options.policyVariables === true) {
    const substituted = substituteVariables(pattern, EMPTY_CONTEXT);
    if (substituted === null) return NEVER;
    source = substituted;
  }
  const compiled = compilePattern(source, ignoreCase);
  if (compiled.kind === "all") return ALWAYS;
  if (compiled.kind === "exact") {
    const { exact } = compiled;
    return ignoreCase ? (value) => value.toLowerCase() === exact : (value) => value === exact;
  }
  return ignoreCase
    ? (value) => matchFoldedWildcard(compiled, value.toLowerCase())
    : (value) => matchFoldedWildcard(compiled, value);
}

/**
 * Tells whether `value` matches an IAM wildcard pattern: `*` is any run of characters (including
 * `/` and `:`), `?` exactly one character, everything else literal. Patterns are compiled once and
 * cached; use {@link compileWildcard} to hold on to one.
 *
 * @param pattern - The pattern, e.g. `arn:aws:execute-api:*:*:abc123/prod/GET/*`.
 * @param value - The concrete string, e.g. a method ARN.
 * @param options - `ignoreCase` for actions; `policyVariables` to read `${...}` as a `Resource` does.
 * @returns `true` when the whole of `value` matches the whole pattern.
 * @example
 * ```ts
 * matchesWildcard("arn:aws:execute-api:*:*:abc/prod/GET/users/*", "arn:aws:execute-api:us-east-1:1:abc/prod/GET/users/a/b"); // true
 * matchesWildcard("execute-api:Invoke", "EXECUTE-API:invoke", { ignoreCase: true }); // true
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards
 */
export function matchesWildcard(
  pattern: string,
  value: string,
  options?: WildcardOptions,
): boolean {
  if (options?.policyVariables === true) return compileWildcard(pattern, options)(value);
  return matchCompiledWildcard(compilePattern(pattern, options?.ignoreCase === true), value);
}
