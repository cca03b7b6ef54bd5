/**
 * Path templates (`/pets/{id}`, `/files/{proxy+}`) compiled for matching and ranked the way API
 * Gateway picks the most specific resource or route.
 * @internal
 * @packageDocumentation
 */
import { LocalGatewayError } from "../../errors.js";

type Segment =
  | { kind: "literal"; value: string }
  | { kind: "param"; name: string }
  | { kind: "greedy"; name: string };

/** @internal A compiled template. */
export interface RoutePattern {
  template: string;
  segments: readonly Segment[];
}

/** @internal */
export function compilePattern(template: string, path: string): RoutePattern {
  if (!template.startsWith("/")) {
    throw new LocalGatewayError(
      "invalid_config",
      `${path} must start with "/", e.g. /pets/{id}: got ${JSON.stringify(template.slice(0, 80))}`,
      { path, expected: "/pets/{id}" },
    );
  }
  const parts = template === "/" ? [] : template.slice(1).split("/");
  const segments = parts.map((part, index): Segment => {
    if (part === "") {
      throw new LocalGatewayError(
        "invalid_config",
        `${path} has an empty segment (// or a trailing /) in ${template.slice(0, 80)}`,
        { path, expected: "/segment/segment" },
      );
    }
    const greedy = /^\{([A-Za-z0-9._-]+)\+\}$/.exec(part);
    if (greedy?.[1] !== undefined) {
      if (index !== parts.length - 1) {
        throw new LocalGatewayError(
          "invalid_config",
          `${path}: the greedy {${greedy[1]}+} segment must be last in ${template.slice(0, 80)}`,
          { path },
        );
      }
      return { kind: "greedy", name: greedy[1] };
    }
    const param = /^\{([A-Za-z0-9._-]+)\}$/.exec(part);
    if (param?.[1] !== undefined) return { kind: "param", name: param[1] };
    if (/[{}]/.test(part)) {
      throw new LocalGatewayError(
        "invalid_config",
        `${path}: segment "${part.slice(0, 40)}" of ${template.slice(0, 80)} must be literal text or a whole {param}`,
        { path, expected: "literal text, {param} or a final {proxy+}" },
      );
    }
    return { kind: "literal", value: part };
  });
  return { template, segments };
}

/**
 * @internal Ranks a match: one number per template segment (0 literal, 1 parameter, 2 greedy);
 * lower compares as more specific. `undefined` when the path does not match.
 */
export function matchPattern(
  pattern: RoutePattern,
  pathSegments: readonly string[],
): number[] | undefined {
  const rank: number[] = [];
  const { segments } = pattern;
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index] as Segment;
    if (segment.kind === "greedy") {
      if (pathSegments.length <= index) return undefined;
      rank.push(2);
      return rank;
    }
    const value = pathSegments[index];
    if (value === undefined) return undefined;
    if (segment.kind === "literal") {
      if (segment.value !== value) return undefined;
      rank.push(0);
    } else {
      if (value === "") return undefined;
      rank.push(1);
    }
  }
  return pathSegments.length === segments.length ? rank : undefined;
}

/**
 * @internal The path parameters of a path the pattern matched, from its segments as the gateway
 * decoded them (once, as API Gateway does): `{id}` one segment, `{proxy+}` the rest joined by `/`.
 * `{}` for a pattern without parameters or a path it does not match.
 */
export function extractPathParameters(
  pattern: RoutePattern,
  pathSegments: readonly string[],
): Record<string, string> {
  if (matchPattern(pattern, pathSegments) === undefined) return {};
  const parameters: Record<string, string> = {};
  for (const [index, segment] of pattern.segments.entries()) {
    if (segment.kind === "greedy") parameters[segment.name] = pathSegments.slice(index).join("/");
    else if (segment.kind === "param") parameters[segment.name] = pathSegments[index] as string;
  }
  return parameters;
}

/** @internal Negative when `a` is more specific than `b`. */
export function compareRanks(a: readonly number[], b: readonly number[]): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const diff = (a[index] as number) - (b[index] as number);
    if (diff !== 0) return diff;
  }
  // Same prefix: the longer (more segments matched exactly) wins.
  return b.length - a.length;
}

/** @internal `/a/b/` -> `["a", "b", ""]`; `/` -> `[]`. */
export function splitPath(path: string): string[] {
  return path === "/" || path === "" ? [] : path.slice(1).split("/");
}
