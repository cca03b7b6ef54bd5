// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are written ${...} in plain strings.
/**
 * TEST SUPPORT ONLY, part of the reference evaluator (`test-support.ts`): policy values as the IAM
 * documentation describes them, written without the package's wildcard compiler or variable
 * substituter. A value becomes a list of {@link PatternChar}s; matching is plain memoised
 * recursion over code points. Slow and obvious on purpose.
 *
 * - Wildcards (`*` any run, `?` one character) only in the policy's own text; text a variable
 *   substitutes is data ("reference_policies_variables.html": `${*}`, `${?}`, `${$}` write the
 *   characters themselves).
 * - Variables `${key}` and `${key, 'default'}` (`''` is a quote) only with Version 2012-10-17; a
 *   key that is absent or multi-valued and has no default makes the value match nothing.
 * - ARNs (`Arn*` operators) compare per colon-separated field; the sixth field keeps its colons.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * @packageDocumentation
 */

/** One character of a policy value: a wildcard, or a character written in the policy or substituted. */
export type PatternChar =
  | { readonly wild: "*" | "?" }
  | { readonly char: string; readonly substituted: boolean };

/** Request context with lower-cased keys (IAM condition keys are case-insensitive). */
export type ReferenceContext = ReadonlyMap<string, string | readonly string[]>;

function written(text: string): PatternChar[] {
  return Array.from(text, (char) =>
    char === "*" || char === "?" ? { wild: char } : { char, substituted: false },
  );
}

function data(text: string): PatternChar[] {
  return Array.from(text, (char) => ({ char, substituted: true }));
}

/** `key` or `key, 'default'` inside `${...}`. */
const VARIABLE_BODY = /^\s*([^\s,']+)\s*(?:,\s*'((?:[^']|'')*)'\s*)?$/;

/**
 * A policy value as pattern characters; `null` when a variable cannot be resolved (the value then
 * matches nothing). Without `variables` (Version 2008-10-17) `${...}` is ordinary text.
 */
export function readPolicyValue(
  text: string,
  context: ReferenceContext,
  variables: boolean,
): PatternChar[] | null {
  if (!variables) return written(text);
  const out: PatternChar[] = [];
  let rest = text;
  for (;;) {
    const open = rest.indexOf("${");
    const close = open === -1 ? -1 : rest.indexOf("}", open);
    if (close === -1) return [...out, ...written(rest)];
    out.push(...written(rest.slice(0, open)));
    const body = rest.slice(open + 2, close);
    rest = rest.slice(close + 1);
    if (body === "*" || body === "?" || body === "$") {
      out.push(...data(body));
      continue;
    }
    const variable = VARIABLE_BODY.exec(body);
    if (variable === null) return null;
    const [, key = "", fallback] = variable;
    const value = context.get(key.toLowerCase());
    if (typeof value === "string") out.push(...data(value));
    else if (fallback !== undefined) out.push(...data(fallback.split("''").join("'")));
    else return null;
  }
}

/** The characters of a value, wildcards as written. */
export function textOf(pattern: readonly PatternChar[]): string {
  return pattern.map((part) => ("wild" in part ? part.wild : part.char)).join("");
}

/** `*` matches any run of characters (even `/` and `:`), `?` exactly one; the rest literally. */
export function globMatches(pattern: readonly PatternChar[], value: string): boolean {
  const chars = Array.from(value);
  const memo = new Map<number, boolean>();
  const from = (p: number, v: number): boolean => {
    const key = p * (chars.length + 1) + v;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    const part = pattern[p];
    if (part === undefined) result = v === chars.length;
    else if ("wild" in part && part.wild === "*") {
      result = from(p + 1, v) || (v < chars.length && from(p, v + 1));
    } else if (v === chars.length) result = false;
    else if ("wild" in part) result = from(p + 1, v + 1);
    else result = part.char === chars[v] && from(p + 1, v + 1);
    memo.set(key, result);
    return result;
  };
  return from(0, 0);
}

/** Wildcard match ignoring case (actions): both sides lower-cased first. */
export function globMatchesIgnoringCase(pattern: string, value: string): boolean {
  return globMatches(written(pattern.toLowerCase()), value.toLowerCase());
}

/** Splits at the first five colons (only colons written in the policy, not substituted ones). */
function sixFields<T>(items: readonly T[], isColon: (item: T) => boolean): T[][] | undefined {
  const fields: T[][] = [[]];
  for (const item of items) {
    if (isColon(item) && fields.length < 6) fields.push([]);
    else fields[fields.length - 1]?.push(item);
  }
  return fields.length === 6 ? fields : undefined;
}

/** `ArnEquals` / `ArnLike`: the six ARN fields match one by one, wildcards within a field. */
export function arnMatches(pattern: readonly PatternChar[], value: string): boolean {
  const patternFields = sixFields(
    pattern,
    (part) => "char" in part && part.char === ":" && !part.substituted,
  );
  const valueFields = sixFields(Array.from(value), (char) => char === ":");
  if (patternFields === undefined || valueFields === undefined) return false;
  return patternFields.every((field, index) =>
    globMatches(field, (valueFields[index] as string[]).join("")),
  );
}
