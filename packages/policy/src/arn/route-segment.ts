import { PolicyError } from "../errors.js";

/** Longer than a Resource ARN may be: it could never be part of a usable pattern. */
const MAX_SEGMENT_LENGTH = 512;

/**
 * Characters a value may not hold: path separators and IAM / route-template syntax (`/ { } * ?`),
 * whitespace, control and format characters (C0/C1, zero-width and bidi controls), lone
 * surrogates.
 */
const FORBIDDEN = /[/{}*?\s\p{Cc}\p{Cf}\p{Cs}]/u;

/** How a refused character is named in a message: itself when printable, else `U+XXXX`. */
function describeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  if (/[\s\p{Cc}\p{Cf}\p{Cs}]/u.test(character)) {
    return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return `"${character}"`;
}

/** At most a few characters of the value and its length, never the whole of it (it may be a secret). */
function preview(value: string): string {
  return value.length <= 8 ? value : `${value.slice(0, 4)}… (${value.length} characters)`;
}

/**
 * Checks that a value (a tenant id from a claim, a user id) can stand in a route template as
 * literal text only, and returns it as a string: it must be a non-empty string (or a safe
 * integer) of at most 512 characters, without `/`, `{`, `}`, `*`, `?`, whitespace, control or
 * format characters and lone surrogates, and not `.` or `..`. So a value can neither add a path
 * segment, nor become a `{param}` or a wildcard that IAM's `*` would widen to other tenants' paths,
 * nor be moved by dot-segment normalisation. Use {@link routeTemplate} to build a whole template.
 *
 * @param value - The value, typically from a verified token's claims.
 * @param path - Where the value came from, reported in the error (default `"value"`).
 * @returns The value as a string, unchanged.
 * @throws PolicyError `invalid_route_value`, whose message names the rule broken and never echoes
 *   more than four characters of the value.
 * @example
 * ```ts
 * declare const claims: { tenant: string };
 * const tenant = routeSegment(claims.tenant, "claims.tenant"); // "acme", or throws for "acme/*"
 * const allow = [`GET /tenants/${tenant}/orders`];
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards
 */
export function routeSegment(value: unknown, path = "value"): string {
  let text: string;
  if (typeof value === "string") text = value;
  else if (typeof value === "number" && Number.isSafeInteger(value)) text = String(value);
  else {
    throw refuse(
      path,
      `is ${value === null ? "null" : typeof value}, not a string or a safe integer`,
      typeof value,
    );
  }
  if (text === "") throw refuse(path, "is empty", text);
  if (text === "." || text === "..") {
    throw refuse(path, `is "${text}", a dot segment that URL normalisation would remove`, text);
  }
  if (text.length > MAX_SEGMENT_LENGTH) {
    throw refuse(path, `is longer than ${MAX_SEGMENT_LENGTH} characters`, preview(text));
  }
  const forbidden = FORBIDDEN.exec(text);
  if (forbidden !== null) {
    throw refuse(
      path,
      `contains ${describeCharacter(forbidden[0])} (a value must be one literal path segment: no / { } * ?, whitespace, control characters or lone surrogates)`,
      preview(text),
    );
  }
  return text;
}

function refuse(path: string, why: string, actual: string): PolicyError {
  return new PolicyError("invalid_route_value", `${path} ${why}`, {
    path,
    expected:
      "one literal path segment: no / { } * ?, whitespace or control characters; not empty, . or ..",
    actual,
  });
}
