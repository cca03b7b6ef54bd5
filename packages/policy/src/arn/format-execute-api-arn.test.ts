import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasControlCharacter, isMethodSegment } from "./arn-fields.js";
import type { ExecuteApiArn, Partition } from "./execute-api-arn.js";
import { formatExecuteApiArn } from "./format-execute-api-arn.js";
import { parseExecuteApiArn } from "./parse-execute-api-arn.js";

const connect: ExecuteApiArn = {
  form: "full",
  partition: "aws",
  region: "us-east-1",
  accountId: "123456789012",
  apiId: "abcdef123",
  stage: "default",
  routeKey: "$connect",
};

// Generators for valid parts; each also renders the ARN text by hand (not via the formatter).
const regions: Record<Partition, string[]> = {
  aws: ["us-east-1", "eu-west-1", "ap-southeast-2", "il-central-1", "*", "eu-*", "us-east-?"],
  "aws-cn": ["cn-north-1", "cn-northwest-1", "*", "cn-*"],
  "aws-us-gov": ["us-gov-west-1", "us-gov-east-1", "*"],
  "aws-iso": ["us-iso-east-1", "us-iso-west-1", "*"],
  "aws-iso-b": ["us-isob-east-1", "*"],
  "aws-iso-e": ["eu-isoe-west-1", "*"],
  "aws-iso-f": ["us-isof-south-1", "us-isof-east-1", "*"],
  "aws-eusc": ["eusc-de-east-1", "*"],
};
const accountId = fc.oneof(
  fc.stringMatching(/^\d{12}$/),
  fc.constantFrom("*", "1234*", "12345678901?", "*9012"),
);
const apiId = fc.oneof(
  fc.stringMatching(/^[a-z0-9]{10}$/),
  fc.stringMatching(/^[A-Za-z0-9*?]{1,12}$/),
);
const stage = fc.oneof(
  fc.constantFrom("prod", "$default", "*", "dev-2", "test_stage"),
  // `$` starts only `$default` or a pattern: `$abc` is no stage name.
  fc
    .stringMatching(/^\$?[A-Za-z0-9_*?-]{1,20}$/)
    .filter((text) => !text.startsWith("$") || /[*?]/.test(text)),
);
const method = fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");
const methodPattern = fc.oneof(
  method,
  method.map((verb) => verb.toLowerCase()),
  fc.constantFrom("*", "G*", "P?T", "*T", "?ET"),
);
const pathText = fc
  .array(fc.string({ unit: "grapheme", maxLength: 12 }), { maxLength: 5 })
  .map((segments) => `/${segments.join("/")}`)
  .filter((path) => !hasControlCharacter(path));
const routeKey = fc
  .tuple(
    fc.oneof(
      fc.constantFrom("$connect", "$disconnect", "$default", "sendMessage", "$conn*", "chat"),
      fc.stringMatching(/^[$A-Za-z0-9_@*?]{1,12}$/),
    ),
    fc.option(pathText, { nil: undefined }),
  )
  .filter(([first]) => !isMethodSegment(first))
  .map(([first, rest]) => first + (rest ?? ""));

type Tail = Pick<ExecuteApiArn, "method" | "path" | "routeKey">;
const tail: fc.Arbitrary<{ parts: Tail; text: string }> = fc.oneof(
  fc.constant({ parts: {}, text: "" }),
  methodPattern.map((m) => ({ parts: { method: m }, text: `/${m}` })),
  fc
    .tuple(methodPattern, pathText)
    .map(([m, p]) => ({ parts: { method: m, path: p }, text: `/${m}${p}` })),
  routeKey.map((key) => ({ parts: { routeKey: key }, text: `/${key}` })),
);

const fullArn = fc
  .constantFrom<Partition>("aws", "aws-cn", "aws-us-gov")
  .chain((partition) =>
    fc.record({
      partition: fc.constant(partition),
      region: fc.constantFrom(...regions[partition]),
      accountId,
      apiId,
      stage,
      tail,
    }),
  )
  .map(({ tail: t, ...head }) => ({
    parts: { form: "full" as const, ...head, ...t.parts },
    text: `arn:${head.partition}:execute-api:${head.region}:${head.accountId}:${head.apiId}/${head.stage}${t.text}`,
  }));

const shortArn = fc.tuple(stage, tail).map(([s, t]) => ({
  parts: {
    form: "short" as const,
    partition: undefined,
    region: undefined,
    accountId: undefined,
    apiId: undefined,
    stage: s,
    ...t.parts,
  },
  text: `execute-api:/${s}${t.text}`,
}));

const anyArn = fc.oneof(fullArn, shortArn);

/** Fields to override in a valid ARN; `undefined` removes one. */
type Change = { [K in keyof ExecuteApiArn]?: ExecuteApiArn[K] | undefined };

describe("formatExecuteApiArn", () => {
  it("formats a WebSocket route ARN", () => {
    expect(formatExecuteApiArn(connect)).toBe(
      "arn:aws:execute-api:us-east-1:123456789012:abcdef123/default/$connect",
    );
  });

  it("formats the short form for everything", () => {
    expect(formatExecuteApiArn(parseExecuteApiArn("execute-api:/*"))).toBe("execute-api:/*");
  });

  it("formats an ARN that stops after the API id", () => {
    const parts = parseExecuteApiArn("arn:aws:execute-api:*:*:*");
    expect(formatExecuteApiArn(parts)).toBe("arn:aws:execute-api:*:*:*");
  });

  it("round-trips generated parts: parse(format(x)) equals x", () => {
    fc.assert(
      fc.property(anyArn, ({ parts }) => {
        expect(parseExecuteApiArn(formatExecuteApiArn(parts))).toStrictEqual(parts);
      }),
      { numRuns: 2000 },
    );
  });

  it("round-trips generated ARN text: format(parse(s)) === s", () => {
    fc.assert(
      fc.property(anyArn, ({ text }) => {
        expect(formatExecuteApiArn(parseExecuteApiArn(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it.each<[string, Change, string]>([
    ["both method and routeKey", { method: "GET", routeKey: "$connect" }, "method"],
    ["a path without a method", { routeKey: undefined, path: "/x" }, "path"],
    ["a path without a leading slash", { routeKey: undefined, method: "GET", path: "x" }, "path"],
    ["a method that is no verb", { routeKey: undefined, method: "FETCH" }, "method"],
    ["a route key that reads as a method", { routeKey: "GET/x" }, "routeKey"],
    ["an empty route key", { routeKey: "" }, "routeKey"],
    ["a wrong region for the partition", { partition: "aws-cn" }, "region"],
    ["a missing apiId on a full ARN", { apiId: undefined }, "apiId"],
    ["a region on the short form", { form: "short" }, "partition"],
    ["a malformed stage", { stage: "a/b" }, "stage"],
    ["an empty stage with a route key", { stage: "" }, "routeKey"],
  ])("rejects %s with invalid_arn naming the field", (_name, change, field) => {
    expect(() => formatExecuteApiArn({ ...connect, ...change } as ExecuteApiArn)).toThrowCode(
      "invalid_arn",
      { path: field },
    );
  });

  it("rejects parts that would format above 1600 bytes", () => {
    const parts = { ...connect, routeKey: `a${"/b".repeat(800)}` };
    expect(() => formatExecuteApiArn(parts)).toThrowCode("invalid_arn");
  });

  it("throws TypeError when parts is not an object", () => {
    expect(() => formatExecuteApiArn(null as unknown as ExecuteApiArn)).toThrow(TypeError);
  });

  it("throws TypeError when a field has the wrong type", () => {
    expect(() => formatExecuteApiArn({ ...connect, stage: 1 } as unknown as ExecuteApiArn)).toThrow(
      TypeError,
    );
  });
});
