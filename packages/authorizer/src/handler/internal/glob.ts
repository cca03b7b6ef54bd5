const STAR = -1;
const ANY = -2;

/** `key` or `key, 'default'`, as `@gatehouse/policy` reads a policy variable. */
const VARIABLE = /^\s*([^\s,']+)\s*(?:,\s*'((?:[^']|'')*)'\s*)?$/;

/**
 * IAM resource matching for the handler's own policies, as `@gatehouse/policy`'s `evaluatePolicy`
 * matches a `Resource` of a `2012-10-17` policy for a request without context: `*` is any run of
 * characters (including `/` and `:`), `?` exactly one character (a whole surrogate pair), policy
 * variables resolve to their default or match nothing (`${*}`, `${?}`, `${$}` are literal),
 * everything else is literal and case-sensitive. Keeps the evaluator out of every Lambda bundle;
 * `glob.test.ts` checks that the two agree.
 * @internal
 */
export function matchesResource(pattern: string, value: string): boolean {
  if (!pattern.includes("${")) return matchesGlob(pattern, value);
  const tokens = substituteVariables(pattern);
  return tokens !== null && matchTokens(tokens, value);
}

function pushText(tokens: number[], text: string, literal: boolean): void {
  for (const char of text) {
    if (!literal && char === "*") tokens.push(STAR);
    else if (!literal && char === "?") tokens.push(ANY);
    else tokens.push(char.codePointAt(0) as number);
  }
}

/** The pattern as tokens with variables substituted; `null` when one has no value. */
function substituteVariables(text: string): number[] | null {
  const tokens: number[] = [];
  let position = 0;
  while (position < text.length) {
    const start = text.indexOf("${", position);
    const end = start === -1 ? -1 : text.indexOf("}", start + 2);
    if (start === -1 || end === -1) {
      pushText(tokens, text.slice(position), false);
      break;
    }
    if (start > position) pushText(tokens, text.slice(position, start), false);
    const inner = text.slice(start + 2, end);
    if (inner === "*" || inner === "?" || inner === "$") {
      pushText(tokens, inner, true);
    } else {
      const match = VARIABLE.exec(inner);
      // No request context: only a default gives a variable a value.
      if (match === null || match[2] === undefined) return null;
      pushText(tokens, match[2].replaceAll("''", "'"), true);
    }
    position = end + 1;
  }
  return tokens;
}

/**
 * {@link matchesResource} for one pattern, compiled once: the handler matches every request's ARN
 * against the same few resources.
 * @internal
 */
export function compileResource(pattern: string): (value: string) => boolean {
  if (pattern.includes("${") || pattern.includes("?")) {
    return (value) => matchesResource(pattern, value);
  }
  if (!pattern.includes("*")) return (value) => value === pattern;
  const segments = pattern.split("*");
  const first = segments[0] as string;
  const last = segments[segments.length - 1] as string;
  const middles = segments.slice(1, -1).filter((segment) => segment !== "");
  const minLength = first.length + last.length;
  return (value) => {
    if (value.length < minLength || !value.startsWith(first) || !value.endsWith(last)) {
      return false;
    }
    let position = first.length;
    const end = value.length - last.length;
    for (const segment of middles) {
      const index = value.indexOf(segment, position);
      if (index === -1 || index + segment.length > end) return false;
      position = index + segment.length;
    }
    return true;
  };
}

/** Glob matching (`*`, `?`) without policy variables. */
export function matchesGlob(pattern: string, value: string): boolean {
  if (pattern.includes("?")) {
    const tokens: number[] = [];
    pushText(tokens, pattern, false);
    return matchTokens(tokens, value);
  }
  const star = pattern.indexOf("*");
  if (star === -1) return pattern === value;
  const segments = pattern.split("*");
  const first = segments[0] as string;
  const last = segments[segments.length - 1] as string;
  if (value.length < first.length + last.length) return false;
  if (!value.startsWith(first) || !value.endsWith(last)) return false;
  // Greedy leftmost placement of each middle segment is exact for `*`-only globs.
  let position = first.length;
  const end = value.length - last.length;
  for (let i = 1; i < segments.length - 1; i++) {
    const segment = segments[i] as string;
    if (segment === "") continue;
    const index = value.indexOf(segment, position);
    if (index === -1 || index + segment.length > end) return false;
    position = index + segment.length;
  }
  return true;
}

/** The general case, code point by code point with single-star backtracking. */
function matchTokens(tokens: readonly number[], value: string): boolean {
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
