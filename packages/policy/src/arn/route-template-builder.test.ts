import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPolicyError } from "../errors.js";
import { matchesWildcard } from "../wildcard/wildcard.js";
import { routeTemplateToArn } from "./route-template.js";
import { routeTemplate } from "./route-template-builder.js";

const base = {
  partition: "aws",
  region: "us-east-1",
  accountId: "123456789012",
  apiId: "abc123",
  stage: "prod",
} as const;
const prefix = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/";

function refusal(run: () => unknown): { code: string; path?: string; message: string } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!isPolicyError(error)) throw error;
    return {
      code: error.code,
      message: error.message,
      ...(error.path ? { path: error.path } : {}),
    };
  }
}

describe("routeTemplate", () => {
  it("puts literal values into the template, fixed text and {params} untouched", () => {
    const tenant = "acme";
    const order = 42;
    expect(routeTemplate`GET /tenants/${tenant}/orders/${order}`).toBe(
      "GET /tenants/acme/orders/42",
    );
    expect(routeTemplate`ANY /tenants/${tenant}/{proxy+}`).toBe("ANY /tenants/acme/{proxy+}");
    expect(routeTemplate`GET /files/${"report"}.pdf`).toBe("GET /files/report.pdf");
    expect(routeTemplate`GET /tenants/${"ACME-01_x.y~z:%20@$"}/orders`).toBe(
      "GET /tenants/ACME-01_x.y~z:%20@$/orders",
    );
    expect(routeTemplate`GET /tenants/${"ünïcødé-租户"}/orders`).toBe(
      "GET /tenants/ünïcødé-租户/orders",
    );
    expect(routeTemplate`GET /pets`).toBe("GET /pets");
  });

  it.each<[unknown, RegExp]>([
    ["acme/*", /contains "\/"/],
    ["a/b", /contains "\/"/],
    ["*", /contains "\*"/],
    ["ac?me", /contains "\?"/],
    ["{id}", /contains "\{"/],
    ["{proxy+}", /contains "\{"/],
    ["a}", /contains "\}"/],
    ["a b", /contains U\+0020/],
    [" acme", /contains U\+0020/],
    ["acme\t", /contains U\+0009/],
    ["acme\n", /contains U\+000A/],
    ["ac\u0000me", /contains U\+0000/],
    ["ac\u007fme", /contains U\+007F/],
    ["ac\u0085me", /contains U\+0085/],
    ["ac\u00a0me", /contains U\+00A0/],
    ["ac\u200bme", /contains U\+200B/],
    ["ac\u202eme", /contains U\+202E/],
    ["ac\ud800me", /contains U\+D800/],
    ["", /is empty/],
    [".", /dot segment/],
    ["..", /dot segment/],
    ["x".repeat(513), /longer than 512/],
    [undefined, /is undefined/],
    [null, /is null/],
    [1.5, /is number, not a string or a safe integer/],
    [Number.NaN, /is number/],
    [{ toString: () => "acme" }, /is object/],
    [["acme"], /is object/],
  ])("refuses %j with invalid_route_value", (value, why) => {
    const refused = refusal(() => routeTemplate`GET /tenants/${"ok"}/x/${value}/orders`);
    expect(refused?.code).toBe("invalid_route_value");
    expect(refused?.path).toBe("value[1]");
    expect(refused?.message).toMatch(why);
  });

  it("never echoes more than four characters of a refused value", () => {
    const secret = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRlbmFudA/sig";
    const refused = refusal(() => routeTemplate`GET /tenants/${secret}/orders`);
    expect(refused?.code).toBe("invalid_route_value");
    expect(refused?.message).not.toContain("eyJh");
    let actual: unknown;
    try {
      routeTemplate`GET /tenants/${secret}/orders`;
    } catch (error) {
      actual = (error as { actual?: unknown }).actual;
    }
    expect(actual).toBe(`eyJh… (${secret.length} characters)`);
  });

  it("is a tagged template only", () => {
    const call = routeTemplate as unknown as (...args: unknown[]) => string;
    expect(() => call("GET /x", "a")).toThrow(TypeError);
  });

  // Strings built to hit every rule: separators, wildcards, braces, dots, spaces, controls.
  const adversarial = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          "/",
          "*",
          "?",
          "{",
          "}",
          "+",
          ".",
          "..",
          " ",
          "\t",
          "\u200b",
          "%2F",
          "$",
          ":",
          "\\",
        ),
        fc.string({ maxLength: 4 }),
        fc.string({ unit: "grapheme", maxLength: 3 }),
        fc.string({ unit: "binary", maxLength: 3 }),
      ),
      { maxLength: 5 },
    )
    .map((parts) => parts.join(""));

  it("any value yields a template whose pattern matches only the literal path, or is refused", () => {
    fc.assert(
      fc.property(
        fc.oneof(adversarial, fc.string(), fc.string({ unit: "binary" })),
        fc.array(fc.oneof(adversarial, fc.constantFrom("", "x", "orders")), { maxLength: 4 }),
        (value, otherSegments) => {
          let template: string;
          try {
            template = routeTemplate`GET /tenants/${value}/orders`;
          } catch (error) {
            expect(isPolicyError(error) && error.code).toBe("invalid_route_value");
            return;
          }
          const { pattern, overMatch } = routeTemplateToArn(template, base, "http");
          const literal = `${prefix}GET/tenants/${value}/orders`;
          // No wildcard left: IAM then compares the whole ARN for equality.
          expect(pattern).toBe(literal);
          expect(overMatch).toBe(false);
          expect(/[*?]/.test(pattern)).toBe(false);
          expect(matchesWildcard(pattern, literal)).toBe(true);
          // Any other request path of the stage is not covered.
          const other = `${prefix}GET/tenants/${otherSegments.join("/")}/orders`;
          expect(matchesWildcard(pattern, other)).toBe(other === literal);
          expect(matchesWildcard(pattern, `${prefix}GET/tenants/${value}/x/orders`)).toBe(false);
          expect(matchesWildcard(pattern, `${prefix}GET/tenants/${value}x/orders`)).toBe(false);
          expect(matchesWildcard(pattern, `${prefix}POST/tenants/${value}/orders`)).toBe(false);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
