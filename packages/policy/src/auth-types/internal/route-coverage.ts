/**
 * Which method ARNs a policy resource covers, seen per route: the check behind "this Allow would
 * also reach a Lambda-authorized method". Everything works on the part of a method ARN after the
 * API id, `{stage}/{VERB}/{path}`; IAM's `*` matches any run of characters, `/` included.
 *
 * @internal
 * @packageDocumentation
 */
import type { AuthTypeRoute } from "./read-api-auth-types.js";

/**
 * @internal The resource glob (after `execute-api:/`) that covers `route` for `verb` on every stage:
 * `GET /pets/{id}` -> `* /GET/pets/*` (without the space). Parameters become `*`, which also
 * matches deeper paths: {@link globMeetsRoute} says when that reaches another route.
 */
export function routeGlob(route: AuthTypeRoute, verb: string): string {
  const path = route.segments.map((segment) => (segment.kind === "literal" ? segment.text : "*"));
  return `*/${verb}/${path.join("/")}`;
}

type Token = { kind: "char"; char: string } | { kind: "segment" } | { kind: "greedy" };

/** The method ARNs of a route as tokens: the stage and `{param}` are one or more non-`/` characters. */
function routeTokens(route: AuthTypeRoute, verb: string): Token[] {
  const tokens: Token[] = [{ kind: "segment" }];
  const literal = (text: string) => {
    for (const char of text) tokens.push({ kind: "char", char });
  };
  literal(`/${verb}/`);
  route.segments.forEach((segment, index) => {
    if (index > 0) literal("/");
    if (segment.kind === "literal") literal(segment.text);
    else tokens.push({ kind: segment.kind === "param" ? "segment" : "greedy" });
  });
  return tokens;
}

/**
 * @internal Whether `glob` (a resource tail, see {@link resourceTail}) matches at least one method ARN
 * of `route` called with `verb`, on any stage and with any parameter values: a search of the product
 * of the two automata, exact for single-segment parameters and stages.
 */
export function globMeetsRoute(glob: string, route: AuthTypeRoute, verb: string): boolean {
  const tokens = routeTokens(route, verb);
  // State: route token `i`, whether a character class token has taken a character (`k`), glob `j`.
  const seen = new Set<number>();
  const stack: [number, number, number][] = [[0, 0, 0]];
  const width = glob.length + 1;
  while (stack.length > 0) {
    const [i, k, j] = stack.pop() as [number, number, number];
    const id = (i * 2 + k) * width + j;
    if (seen.has(id)) continue;
    seen.add(id);
    if (i === tokens.length && j === glob.length) return true;
    const g = glob[j];
    if (g === "*") stack.push([i, k, j + 1]);
    const token = tokens[i];
    if (token === undefined) continue;
    if (token.kind !== "char" && k === 1) stack.push([i + 1, 0, j]);
    if (g === undefined) continue;
    const next = g === "*" ? j : j + 1;
    if (token.kind === "char") {
      if (g === "*" || g === "?" || g === token.char) stack.push([i + 1, 0, next]);
    } else if (token.kind === "greedy" || g !== "/") {
      stack.push([i, 1, next]);
    }
  }
  return false;
}

/**
 * @internal Whether every string `inner` matches is also matched by `outer` (both IAM globs). Sound:
 * `true` is always right; a few contrived pairs that are contained answer `false`.
 */
export function globCovers(outer: string, inner: string): boolean {
  const memo = new Map<number, boolean>();
  const width = inner.length + 1;
  const covers = (o: number, n: number): boolean => {
    const id = o * width + n;
    const known = memo.get(id);
    if (known !== undefined) return known;
    let result: boolean;
    const oc = outer[o];
    const nc = inner[n];
    if (oc === undefined) result = nc === undefined;
    else if (oc === "*") result = covers(o + 1, n) || (nc !== undefined && covers(o, n + 1));
    else if (nc === undefined || nc === "*") result = false;
    else if (oc === "?") result = covers(o + 1, n + 1);
    else result = nc === oc && covers(o + 1, n + 1);
    memo.set(id, result);
    return result;
  };
  return covers(0, 0);
}

/**
 * @internal The glob a policy `Resource` is over `{stage}/{VERB}/{path}` of the API: `execute-api:/X`
 * -> `X`; `arn:...:{apiId}/X` -> `X`; `*` -> `*`. A wildcard before the first `/` may reach into
 * the stage, so it becomes a leading `*` (wider, never narrower). `undefined` when the resource
 * names no execute-api method at all.
 */
export function resourceTail(resource: string): string | undefined {
  if (resource === "*") return "*";
  if (resource.startsWith("execute-api:/")) return resource.slice("execute-api:/".length);
  const slash = resource.indexOf("/");
  const head = slash === -1 ? resource : resource.slice(0, slash);
  const rest = slash === -1 ? undefined : resource.slice(slash + 1);
  if (head.includes("*")) return rest === undefined ? "*" : `*${rest}`;
  if (rest === undefined || !head.startsWith("arn:") || !head.includes(":execute-api:")) {
    return undefined;
  }
  return rest;
}
