/**
 * Step 3: session tokens: compare through a redacted token, and mask every token in the result.
 * @internal
 * @packageDocumentation
 */
import { type CanonicalParts, TOKEN_HEADER } from "./parse-canonical.js";
import { safeDecode } from "./percent-decoding.js";

/** @internal `<redacted>`, `<redacted, 812 chars>`, `****`: a token someone (a logger, a test server) hid. */
export function isRedactedValue(value: string): boolean {
  return /^(?:<[^>]*redacted[^>]*>|%3C[^%]*redacted.*%3E|\*{3,}|\[redacted\])$/i.test(value);
}

/**
 * When the server's canonical request shows the session token redacted, compare as if it held the
 * token you signed: a redacted value says nothing about whether the token matched.
 * @internal
 */
export function fillRedactedToken(expected: CanonicalParts, actual: CanonicalParts): void {
  const header = expected.headers.get(TOKEN_HEADER);
  const actualHeader = actual.headers.get(TOKEN_HEADER);
  if (header !== undefined && actualHeader !== undefined && isRedactedValue(header)) {
    expected.headers.set(TOKEN_HEADER, actualHeader);
  }
  const actualToken = queryToken(actual.query);
  if (actualToken === undefined) return;
  expected.query = expected.query
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const isToken = eq > 0 && pair.slice(0, eq).toLowerCase() === TOKEN_HEADER;
      return isToken && isRedactedValue(pair.slice(eq + 1))
        ? `${pair.slice(0, eq)}=${actualToken}`
        : pair;
    })
    .join("&");
}

/** @internal The session token in a canonical query string, still encoded. */
export function queryToken(query: string): string | undefined {
  for (const pair of query.split("&")) {
    const eq = pair.indexOf("=");
    if (eq > 0 && pair.slice(0, eq).toLowerCase() === TOKEN_HEADER) return pair.slice(eq + 1);
  }
  return undefined;
}

/** @internal Every session token a canonical request holds (query ones also decoded). */
export function tokensOf(parts: CanonicalParts): string[] {
  const tokens: string[] = [];
  const header = parts.headers.get(TOKEN_HEADER);
  if (header !== undefined) tokens.push(header);
  const query = queryToken(parts.query);
  if (query !== undefined) tokens.push(query, safeDecode(query));
  return tokens;
}

/** @internal The placeholder a token is replaced with. */
export function mask(value: string): string {
  return `<redacted, ${value.length} chars>`;
}

/** @internal `text` with every session token masked. */
export function redactText(text: string, secrets: ReadonlySet<string>): string {
  let out = text
    .replace(
      /(^|\n)(x-amz-security-token:)([^\n]+)/gi,
      (_m, pre: string, name: string, value: string) =>
        value.startsWith("<redacted") ? `${pre}${name}${value}` : `${pre}${name}${mask(value)}`,
    )
    .replace(/((?:^|[?&\n])X-Amz-Security-Token=)([^&\n]+)/gi, (_m, pre: string, value: string) =>
      value.startsWith("<redacted") ? `${pre}${value}` : `${pre}${mask(value)}`,
    );
  // Belt and braces: a token quoted anywhere else (a hint, a header) is masked too.
  for (const secret of secrets) {
    if (secret.length >= 8) out = out.split(secret).join(mask(secret));
  }
  return out;
}
