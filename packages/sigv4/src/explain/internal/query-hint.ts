/**
 * Step 4c: why the query differs (missing parameters, order, `+`, encoding).
 * @internal
 * @packageDocumentation
 */
import { safeDecode } from "./percent-decoding.js";

/** @internal The hint for a canonical query string that differs. */
export function queryHint(expected: string, actual: string): string {
  const lead = `The server saw query ${expected === "" ? "(empty)" : expected} but you signed ${actual === "" ? "(empty)" : actual}`;
  const e = queryPairs(expected);
  const a = queryPairs(actual);
  const eNames = new Set(e.map(([name]) => safeDecode(name)));
  const aNames = new Set(a.map(([name]) => safeDecode(name)));
  const onlyServer = [...eNames].filter((name) => !aNames.has(name));
  const onlyYou = [...aNames].filter((name) => !eNames.has(name));
  if (onlyServer.length > 0 || onlyYou.length > 0) {
    const parts: string[] = [];
    if (onlyServer.length > 0)
      parts.push(`the server received ${onlyServer.join(", ")} that you did not sign`);
    if (onlyYou.length > 0)
      parts.push(`you signed ${onlyYou.join(", ")} that the server did not receive`);
    return `${lead}: ${parts.join(" and ")}; sign the final URL, after every parameter is added.`;
  }
  const sorted = (pairs: Array<[string, string]>) =>
    pairs
      .map((p) => p.join("="))
      .sort()
      .join("&");
  if (sorted(e) === sorted(a)) {
    return `${lead}: same parameters, different order; the canonical query is sorted by encoded name, then value.`;
  }
  if (actual.includes("+") && expected.includes("%2B")) {
    return `${lead}: SigV4 reads '+' in a query string as a literal plus (%2B); encode spaces as %20, not '+' (URLSearchParams writes '+').`;
  }
  const plain = (pairs: Array<[string, string]>) =>
    pairs
      .map(([name, value]) => `${safeDecode(name)}=${safeDecode(value)}`)
      .sort()
      .join("&");
  if (plain(e) === plain(a)) {
    return `${lead}: they differ only in percent-encoding; encode names and values once, RFC 3986 style (A-Z a-z 0-9 - _ . ~ left as is, everything else %XX upper-case).`;
  }
  return `${lead}: a parameter value changed between signing and the server.`;
}

/** @internal A canonical query string as `[name, value]` pairs, still encoded. */
export function queryPairs(query: string): Array<[string, string]> {
  if (query === "") return [];
  return query.split("&").map((pair) => {
    const eq = pair.indexOf("=");
    return eq < 0 ? [pair, ""] : [pair.slice(0, eq), pair.slice(eq + 1)];
  });
}
