/**
 * The search at the heart of an exact route table: is there a request that an IAM resource glob
 * matches and that API Gateway routes to a given route (and to none of the routes that would win
 * over it)? If so, one such request.
 *
 * A request is a word of symbols: its verb, then its path segments (`/` is `[""]`), as its method
 * ARN reads after the stage (`GET/pets/42`). Glob tokens are the pattern's `/`-separated parts:
 * a literal matches one equal symbol, `*` one or more symbols (IAM's `*` crosses `/`). Route
 * templates are deterministic automata over the path symbols. Only equality with literals matters,
 * so a single extra symbol, {@link FRESH}, stands for every other segment value, and the search
 * over the product of the automata is finite.
 *
 * Paths are assumed to have no empty segments but for `/` itself.
 * @internal
 * @packageDocumentation
 */

/** @internal A path segment value equal to no literal of any template or pattern. */
export const FRESH = "\u0000";
/** @internal The one symbol of the root path `/` (its method ARN ends in `GET/`). */
export const ROOT = "";

/** @internal One segment of a route path as the automata read it. */
export type MatchSegment =
  | { kind: "literal"; value: string }
  | { kind: "param" }
  | { kind: "greedy" }
  /** The whole path of `GET /`. */
  | { kind: "root" };

/** @internal The paths a route matches: its segments, or any path at all (`$default`). */
export type PathPattern =
  | { kind: "segments"; segments: readonly MatchSegment[] }
  | { kind: "fallback" };

const DEAD = -1;
/** In a greedy segment that has consumed at least one symbol. */
const GREEDY = -2;
/** `fallback` states: 0 at the start, 1 after a segment, 2 after the root symbol. */
const FALLBACK_SEGMENTS = 1;
const FALLBACK_ROOT = 2;

function step(pattern: PathPattern, state: number, symbol: string): number {
  if (state === DEAD) return DEAD;
  if (pattern.kind === "fallback") {
    if (state === FALLBACK_ROOT) return DEAD;
    if (symbol === ROOT) return state === 0 ? FALLBACK_ROOT : DEAD;
    return FALLBACK_SEGMENTS;
  }
  if (state === GREEDY) return symbol === ROOT ? DEAD : GREEDY;
  const segment = pattern.segments[state];
  if (segment === undefined) return DEAD;
  switch (segment.kind) {
    case "literal":
      return symbol === segment.value ? state + 1 : DEAD;
    case "param":
      return symbol === ROOT ? DEAD : state + 1;
    case "greedy":
      return symbol === ROOT ? DEAD : GREEDY;
    case "root":
      return symbol === ROOT ? state + 1 : DEAD;
  }
}

function accepts(pattern: PathPattern, state: number): boolean {
  if (state === DEAD) return false;
  if (pattern.kind === "fallback") return state !== 0;
  return state === GREEDY || state === pattern.segments.length;
}

/** What the target route lets the next symbol be. */
type Expectation = { literal: string } | "any" | "any-or-root" | "dead";

function expectation(pattern: PathPattern, state: number): Expectation {
  if (state === DEAD) return "dead";
  if (pattern.kind === "fallback") {
    if (state === FALLBACK_ROOT) return "dead";
    return state === 0 ? "any-or-root" : "any";
  }
  if (state === GREEDY) return "any";
  const segment = pattern.segments[state];
  if (segment === undefined) return "dead";
  switch (segment.kind) {
    case "literal":
      return { literal: segment.value };
    case "root":
      return { literal: ROOT };
    default:
      return "any";
  }
}

/** The literal a route looks for next, if any. */
function literalAt(pattern: PathPattern, state: number): string | undefined {
  if (pattern.kind !== "segments" || state < 0) return undefined;
  const segment = pattern.segments[state];
  return segment?.kind === "literal" ? segment.value : undefined;
}

/** Glob states: `2 * token index + (1 when inside a "*" that has consumed a symbol)`. */
function closure(states: readonly number[]): number[] {
  const out = new Set<number>();
  for (const state of states) {
    out.add(state);
    if (state % 2 === 1) out.add((state >> 1) * 2 + 2);
  }
  return [...out].sort((a, b) => a - b);
}

function globStep(tokens: readonly string[], states: readonly number[], symbol: string): number[] {
  const next: number[] = [];
  for (const state of states) {
    const index = state >> 1;
    if (state % 2 === 1) {
      next.push(state);
      continue;
    }
    const token = tokens[index];
    if (token === undefined) continue;
    if (token === "*") next.push(index * 2 + 1);
    else if (token === symbol) next.push(index * 2 + 2);
  }
  return next.length === 0 ? next : closure(next);
}

function globAccepts(tokens: readonly string[], states: readonly number[]): boolean {
  return states.includes(tokens.length * 2);
}

/**
 * A request with verb `verb` whose method ARN tail the glob `tokens` matches, that `target`
 * matches and no route of `competitors` matches (they are the routes API Gateway would prefer).
 * @returns the path symbols of one such request (`FRESH` for "any other value"), or `undefined`.
 * @internal
 */
export function findWitness(
  tokens: readonly string[],
  verb: string,
  target: PathPattern,
  competitors: readonly PathPattern[],
): string[] | undefined {
  const start = globStep(tokens, closure([0]), verb);
  if (start.length === 0) return undefined;
  const visited = new Set<string>();
  const path: string[] = [];

  /** `rivals` holds the competitors still alive, `states` their states, side by side. */
  const search = (
    glob: number[],
    state: number,
    rivals: readonly PathPattern[],
    states: readonly number[],
  ): boolean => {
    if (
      path.length > 0 &&
      accepts(target, state) &&
      globAccepts(tokens, glob) &&
      states.every((rival, i) => !accepts(rivals[i] as PathPattern, rival))
    ) {
      return true;
    }
    const key = `${glob.join(",")}|${state}|${states.join(",")}|${rivals.length}`;
    if (visited.has(key)) return false;
    visited.add(key);

    const expected = expectation(target, state);
    if (expected === "dead") return false;
    let symbols: Iterable<string>;
    if (typeof expected === "object") symbols = [expected.literal];
    else {
      const candidates = new Set<string>([FRESH]);
      if (expected === "any-or-root") candidates.add(ROOT);
      for (const globState of glob) {
        const token = tokens[globState >> 1];
        if (globState % 2 === 0 && token !== undefined && token !== "*" && token !== ROOT) {
          candidates.add(token);
        }
      }
      states.forEach((rival, i) => {
        const literal = literalAt(rivals[i] as PathPattern, rival);
        if (literal !== undefined) candidates.add(literal);
      });
      symbols = candidates;
    }
    for (const symbol of symbols) {
      const nextState = step(target, state, symbol);
      if (nextState === DEAD) continue;
      const nextGlob = globStep(tokens, glob, symbol);
      if (nextGlob.length === 0) continue;
      const nextRivals: PathPattern[] = [];
      const nextStates: number[] = [];
      states.forEach((rival, i) => {
        const pattern = rivals[i] as PathPattern;
        const next = step(pattern, rival, symbol);
        if (next !== DEAD) {
          nextRivals.push(pattern);
          nextStates.push(next);
        }
      });
      path.push(symbol);
      if (search(nextGlob, nextState, nextRivals, nextStates)) return true;
      path.pop();
    }
    return false;
  };

  const live = competitors.filter((rival) => mayOverlap(rival, target));
  return search(
    start,
    0,
    live,
    live.map(() => 0),
  )
    ? path.slice()
    : undefined;
}

/**
 * Whether two routes can match the same path, judged segment by segment (a cheap filter: the
 * routes that cannot are dropped from a search).
 * @internal
 */
export function mayOverlap(a: PathPattern, b: PathPattern): boolean {
  if (a.kind === "fallback" || b.kind === "fallback") return true;
  const x = a.segments;
  const y = b.segments;
  for (let i = 0; ; i++) {
    const p = x[i];
    const q = y[i];
    if (p === undefined || q === undefined) return p === q;
    if (p.kind === "greedy") return q.kind !== "root";
    if (q.kind === "greedy") return p.kind !== "root";
    if (p.kind === "root" || q.kind === "root") {
      if (p.kind !== q.kind) return false;
      continue;
    }
    if (p.kind === "literal" && q.kind === "literal" && p.value !== q.value) return false;
  }
}

/**
 * Whether a glob and a route can meet at all, judged on their fixed prefixes (a cheap filter
 * before {@link findWitness}).
 * @internal
 */
export function mayMeet(tokens: readonly string[], verb: string, target: PathPattern): boolean {
  const first = tokens[0];
  if (first === undefined) return false;
  if (first !== "*" && first !== verb) return false;
  if (first === "*" || target.kind === "fallback") return true;
  const { segments } = target;
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (token === "*") return true;
    const segment = segments[i - 1];
    if (segment === undefined) return false;
    if (segment.kind === "greedy") return token !== ROOT;
    if (segment.kind === "param") {
      if (token === ROOT) return false;
      continue;
    }
    const value = segment.kind === "root" ? ROOT : segment.value;
    if (token !== value) return false;
  }
  return tokens.length - 1 === segments.length;
}

/**
 * The path of a witness as a request line: `FRESH` becomes `x` (or another value that is no
 * literal of the table).
 * @internal
 */
export function formatRequest(verb: string, symbols: readonly string[], fresh: string): string {
  if (symbols.length === 1 && symbols[0] === ROOT) return `${verb} /`;
  return `${verb} /${symbols.map((symbol) => (symbol === FRESH ? fresh : symbol)).join("/")}`;
}
