/**
 * Policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'none'}`) and the escapes `${*}`,
 * `${?}`, `${$}`, substituted in Resource and condition values of `Version: "2012-10-17"` policies.
 *
 * @internal
 * @packageDocumentation
 */

import type { WildcardPart } from "../../wildcard/wildcard.js";

/** Request context with lower-cased key names. @internal */
export type NormalizedContext = ReadonlyMap<string, string | readonly string[]>;

/**
 * `key` or `key, 'default'` (a quote inside the default is written `''`); spaces around either part
 * are ignored.
 */
const VARIABLE = /^\s*([^\s,']+)\s*(?:,\s*'((?:[^']|'')*)'\s*)?$/;

/**
 * Substitutes variables in one value. Text from a variable or an escape is returned as a literal
 * part so that a `*` in it is never a wildcard.
 *
 * @returns `null` when a variable has no value and no default (the value then matches nothing:
 * positive operators fail on it, negated ones pass, as with AWS's null value); the text unchanged
 * when it holds no `${`.
 * @internal
 */
export function substituteVariables(
  text: string,
  context: NormalizedContext,
): string | WildcardPart[] | null {
  if (!text.includes("${")) return text;
  const parts: WildcardPart[] = [];
  let position = 0;
  while (position < text.length) {
    const start = text.indexOf("${", position);
    const end = start === -1 ? -1 : text.indexOf("}", start + 2);
    if (start === -1 || end === -1) {
      // An unterminated `${` is ordinary text.
      parts.push(text.slice(position));
      break;
    }
    if (start > position) parts.push(text.slice(position, start));
    const inner = text.slice(start + 2, end);
    if (inner === "*" || inner === "?" || inner === "$") {
      parts.push({ literal: inner });
    } else {
      const match = VARIABLE.exec(inner);
      if (match === null) return null;
      const value = context.get((match[1] as string).toLowerCase());
      // Multi-valued keys cannot be used as variables.
      if (typeof value === "string") parts.push({ literal: value });
      else if (match[2] !== undefined) parts.push({ literal: match[2].replaceAll("''", "'") });
      else return null;
    }
    position = end + 1;
  }
  return parts;
}

/** Joins substituted parts into plain text, for the operators that have no wildcards. @internal */
export function partsToText(parts: string | readonly WildcardPart[]): string {
  if (typeof parts === "string") return parts;
  let text = "";
  for (const part of parts) text += typeof part === "string" ? part : part.literal;
  return text;
}
