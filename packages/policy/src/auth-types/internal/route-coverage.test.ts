import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchesWildcard } from "../../wildcard/wildcard.js";
import { type AuthTypeRoute, readApiAuthTypes } from "./read-api-auth-types.js";
import { globCovers, globMeetsRoute, resourceTail, routeGlob } from "./route-coverage.js";

function route(key: string): AuthTypeRoute {
  const table = readApiAuthTypes({ [key]: "LAMBDA" }, "test");
  if (table.form !== "map") throw new Error("expected a map");
  return table.routes[0] as AuthTypeRoute;
}

const STAGES = ["dev", "prod", "OPTIONS", "a-b"];
const LITERALS = ["pets", "GET", "OPTIONS", "x", "toys", "a"];
const VALUES = ["1", "pets", "OPTIONS", "GET", "x", "a-b"];

/** A concrete method ARN tail for `route` with `verb`: what API Gateway would authorize. */
function concreteTail(route: AuthTypeRoute, verb: string, pick: (list: string[]) => string) {
  const path = route.segments.map((segment) => {
    if (segment.kind === "literal") return segment.text;
    if (segment.kind === "param") return pick(VALUES);
    return [pick(VALUES), pick(VALUES)].slice(0, pick(["1", "2"]) === "1" ? 1 : 2).join("/");
  });
  return `${pick(STAGES)}/${verb}/${path.join("/")}`;
}

const segmentArb = fc.oneof(
  fc.constantFrom(...LITERALS),
  fc.constant("{id}"),
  fc.constant("{proxy+}"),
);
const routeKeyArb = fc
  .tuple(fc.constantFrom("GET", "OPTIONS", "POST", "ANY"), fc.array(segmentArb, { maxLength: 4 }))
  .map(([verb, segments]) => {
    // `{proxy+}` only last.
    const cut = segments.indexOf("{proxy+}");
    const path = cut === -1 ? segments : segments.slice(0, cut + 1);
    return `${verb} /${path.join("/")}`;
  });
const globArb = fc
  .array(fc.constantFrom("*", "?", "/", "GET", "OPTIONS", "pets", "x", "dev", "1", "a"), {
    maxLength: 8,
  })
  .map((parts) => parts.join(""));

describe("routeGlob", () => {
  it.each([
    ["GET /pets/{id}", "GET", "*/GET/pets/*"],
    ["OPTIONS /{proxy+}", "OPTIONS", "*/OPTIONS/*"],
    ["GET /", "GET", "*/GET/"],
    ["POST /a/{b}/c", "POST", "*/POST/a/*/c"],
  ])("%s -> %s", (key, verb, glob) => {
    expect(routeGlob(route(key), verb)).toBe(glob);
  });

  it("matches every concrete ARN of its route", () => {
    fc.assert(
      fc.property(routeKeyArb, fc.infiniteStream(fc.nat()), (key, randoms) => {
        const r = route(key);
        const pick = (list: string[]) =>
          list[(randoms.next().value as number) % list.length] as string;
        for (const verb of r.verbs) {
          expect(matchesWildcard(routeGlob(r, verb), concreteTail(r, verb, pick))).toBe(true);
        }
      }),
    );
  });
});

describe("globMeetsRoute", () => {
  it.each([
    ["*/GET/pets/*", "GET /pets/{id}/owner", true],
    ["*/OPTIONS/*", "GET /x/OPTIONS/y", true],
    ["dev/OPTIONS/*", "GET /x/OPTIONS/y", false],
    ["*/GET/pets", "GET /pets/{id}", false],
    ["*/GET/pets/*", "GET /pets", false],
    ["*/GET/pets/*/toys", "GET /pets/{id}", false],
    ["*/GET/pets/?", "GET /pets/{id}", true],
    ["*", "GET /", true],
    ["dev/GET/", "GET /", true],
    ["dev/GET/", "GET /{proxy+}", false],
  ])("%s meets %s: %s", (glob, key, expected) => {
    const r = route(key);
    expect(r.verbs.some((verb) => globMeetsRoute(glob, r, verb))).toBe(expected);
  });

  it("is never false when a concrete ARN of the route matches (the direction security needs)", () => {
    fc.assert(
      fc.property(routeKeyArb, globArb, fc.infiniteStream(fc.nat()), (key, glob, randoms) => {
        const r = route(key);
        const pick = (list: string[]) =>
          list[(randoms.next().value as number) % list.length] as string;
        for (const verb of r.verbs) {
          for (let i = 0; i < 5; i++) {
            if (matchesWildcard(glob, concreteTail(r, verb, pick))) {
              expect(globMeetsRoute(glob, r, verb)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("globCovers", () => {
  it.each([
    ["*/OPTIONS/*", "*/OPTIONS/pets", true],
    ["*/OPTIONS/pets", "*/OPTIONS/*", false],
    ["*", "anything/*", true],
    ["prod/*", "*/GET/x", false],
    ["*/*", "prod/GET/*", true],
    ["a?c", "abc", true],
    ["a?c", "a*c", false],
  ])("%s covers %s: %s", (outer, inner, expected) => {
    expect(globCovers(outer, inner)).toBe(expected);
  });

  it("is sound: every string the inner glob matches, the outer matches too", () => {
    const fill = fc.array(fc.constantFrom("a", "/", "x", "GET"), { maxLength: 3 });
    fc.assert(
      fc.property(globArb, globArb, fc.array(fill, { maxLength: 8 }), (outer, inner, fills) => {
        if (!globCovers(outer, inner)) return;
        let index = 0;
        const concrete = inner.replace(/[*?]/g, (wild) => {
          const parts = fills[index++ % Math.max(1, fills.length)] ?? [];
          return wild === "?" ? (parts[0]?.[0] ?? "q") : parts.join("");
        });
        expect(matchesWildcard(outer, concrete)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("resourceTail", () => {
  it.each([
    ["*", "*"],
    ["execute-api:/*", "*"],
    ["execute-api:/prod/GET/pets", "prod/GET/pets"],
    ["arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*", "prod/*"],
    ["arn:aws:execute-api:us-east-1:123456789012:*", "*"],
    ["arn:aws:execute-api:*:*:abc*/GET/x", "*GET/x"],
    ["arn:aws:s3:::bucket/key", undefined],
    ["arn:aws:execute-api:us-east-1:123456789012:abc123", undefined],
  ])("%s -> %s", (resource, tail) => {
    expect(resourceTail(resource)).toBe(tail);
  });
});
