import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AuthorizerResponseBuilder } from "./authorizer-response-builder.js";
import { buildDenyAllAuthorizerResponse } from "./build-deny-all-authorizer-response.js";
import { buildHttpV1AuthorizerResponse } from "./build-http-v1-authorizer-response.js";
import { buildHttpV2IamAuthorizerResponse } from "./build-http-v2-iam-authorizer-response.js";
import { buildHttpV2SimpleAuthorizerResponse } from "./build-http-v2-simple-authorizer-response.js";
import { buildRestAuthorizerResponse } from "./build-rest-authorizer-response.js";
import { buildWebSocketAuthorizerResponse } from "./build-web-socket-authorizer-response.js";
import { createAuthorizerResponseBuilder } from "./create-authorizer-response-builder.js";

type Shape = keyof AuthorizerResponseBuilder;

// biome-ignore lint/suspicious/noExplicitAny: generated options, some deliberately invalid
type Build = (options: any) => unknown;

const plain: Record<Shape, Build> = {
  rest: buildRestAuthorizerResponse,
  httpV1: buildHttpV1AuthorizerResponse,
  httpV2Iam: buildHttpV2IamAuthorizerResponse,
  httpV2Simple: buildHttpV2SimpleAuthorizerResponse,
  webSocket: buildWebSocketAuthorizerResponse,
  denyAll: buildDenyAllAuthorizerResponse,
};

const SHAPES = Object.keys(plain) as Shape[];

/** A few stages (so the memo is hit), with the route part each shape's event carries. */
const stage = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      "arn:aws:execute-api:eu-west-1:111122223333:k3x9q2m7ab/prod",
      "arn:aws:execute-api:us-east-1:123456789012:abcdef123/dev",
      "arn:aws-cn:execute-api:cn-north-1:123456789012:a1b2c3d4e5/$default",
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "arn:aws:execute-api:eu-west-1:111122223333:k3x9q2m7ab/st*ge",
      "arn:aws:execute-api:eu-west-1:111122223333:k3x9q2m7ab",
      "not an arn",
    ),
  },
);
const route = fc.constantFrom("/GET/pets", "/POST/pets/42", "/$connect", "/$default", "/GET/*");
const arn = fc.oneof(
  { weight: 30, arbitrary: fc.tuple(stage, route).map(([s, r]) => `${s}${r}`) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, 42) },
);

/** Route templates each API type compiles, and a few it refuses (`invalid_route_template`). */
const VALID_TEMPLATES: Record<Shape, readonly string[]> = {
  rest: ["GET /pets", "GET /pets/{id}", "POST /pets", "ANY /admin/{proxy+}", "*"],
  httpV1: ["GET /pets", "GET /pets/{id}", "POST /pets", "ANY /admin/{proxy+}", "$default"],
  httpV2Iam: ["GET /pets", "GET /pets/{id}", "POST /pets", "ANY /admin/{proxy+}", "$default"],
  httpV2Simple: [],
  webSocket: ["$connect", "$default", "sendMessage", "*"],
  denyAll: [],
};
const templatesOf = (shape: Shape) =>
  fc.array(
    fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom(...VALID_TEMPLATES[shape], "GET /pets") },
      { weight: 1, arbitrary: fc.constantFrom("not a template", "GET pets", "$connect", "*") },
    ),
    { maxLength: 4 },
  );
const allowOf = (shape: Shape) =>
  fc.oneof(
    { weight: 12, arbitrary: templatesOf(shape) },
    { weight: 8, arbitrary: fc.constant("stage") },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { requestOnly: true, authorizerTtlSeconds: 0 },
        { requestOnly: true, authorizerTtlSeconds: 300 },
        "everything",
        undefined,
        [7],
      ),
    },
  );
const denyOf = (shape: Shape) =>
  fc.option(
    fc.oneof(
      { weight: 20, arbitrary: templatesOf(shape) },
      { weight: 1, arbitrary: fc.constant("GET /pets") },
    ),
    { nil: undefined },
  );

const value = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 10 }),
  fc.double(),
  fc.integer(),
  fc.constant(-0),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.jsonValue({ maxDepth: 2 }),
  fc.array(fc.oneof(fc.integer(), fc.constant(undefined)), { maxLength: 2 }),
);
const contextKey = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.string({ unit: "grapheme", maxLength: 3 }),
  fc.constantFrom("claims", "__proto__", "principalId", "toString", "constructor"),
);
const context = fc.option(
  fc.oneof(
    { weight: 30, arbitrary: fc.dictionary(contextKey, value, { maxKeys: 5 }) },
    { weight: 1, arbitrary: fc.constantFrom(null, [1], "text") },
  ),
  { nil: undefined },
);
const principalId = fc.oneof(
  { weight: 30, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, 42) },
);

/** One generated call: the shape and its options (the ARN under the shape's own option name). */
const call = fc
  .constantFrom(...SHAPES)
  .chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      arn,
      principalId,
      allow: allowOf(shape),
      deny: denyOf(shape),
      context,
      usageIdentifierKey: fc.option(fc.string({ unit: "grapheme", maxLength: 8 }), {
        nil: undefined,
      }),
      /** Whether to pass `usageIdentifierKey` to an HTTP API builder (which refuses it). */
      misuseKey: fc.oneof({ weight: 20, arbitrary: fc.constant(false) }, fc.constant(true)),
      nestedContext: fc.oneof(
        { weight: 20, arbitrary: fc.constantFrom(undefined, "reject", "json-string") },
        { weight: 1, arbitrary: fc.constant("pack") },
      ),
      isAuthorized: fc.oneof(
        { weight: 20, arbitrary: fc.boolean() },
        { weight: 1, arbitrary: fc.constant("yes") },
      ),
      /** Bytes of padding to reach the 8 KB quota. */
      pad: fc.option(fc.nat({ max: 8300 }), { nil: undefined }),
    }),
  )
  .map(({ shape, arn, pad, ...rest }) => {
    const padded =
      pad === undefined
        ? rest.context
        : { ...(rest.context as object | undefined), pad: "é".repeat(pad >> 1) };
    const options: Record<string, unknown> = {};
    const put = (key: string, member: unknown) => {
      if (member !== undefined) options[key] = member;
    };
    if (shape === "httpV2Simple") {
      put("isAuthorized", rest.isAuthorized);
      put("context", padded);
      return { shape, options };
    }
    if (shape === "denyAll") {
      put("arn", arn);
      put("principalId", rest.principalId);
      return { shape, options };
    }
    put(shape === "httpV2Iam" ? "routeArn" : "methodArn", arn);
    put("principalId", rest.principalId);
    put("allow", rest.allow);
    put("deny", rest.deny);
    put("context", padded);
    if (shape === "rest" || shape === "webSocket" || rest.misuseKey) {
      put("usageIdentifierKey", rest.usageIdentifierKey);
    }
    if (shape !== "httpV2Iam") put("nestedContext", rest.nestedContext);
    return { shape, options };
  });

/** What a call gives: the response's JSON, or the error's class, code and message. */
function outcome(run: () => unknown) {
  try {
    return { json: JSON.stringify(run()) };
  } catch (error) {
    const { name, message, code } = error as Error & { code?: unknown };
    return { error: name, code, message };
  }
}

/** Changes every object of a response (its lists, statements, resources, context). */
function vandalise(value: unknown): void {
  if (typeof value !== "object" || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) vandalise(item);
    value.push("vandalised");
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const member = record[key];
    if (typeof member === "object" && member !== null) {
      vandalise(member);
    } else {
      record[key] = "vandalised";
    }
  }
  record["added"] = "vandalised";
}

describe("createAuthorizerResponseBuilder: the plain builders' results, memoised", () => {
  it("gives the same JSON and the same errors as the plain builder, on a miss and on a hit", () => {
    const builders = [
      createAuthorizerResponseBuilder(),
      // Tiny bounds: documents are evicted all the time.
      createAuthorizerResponseBuilder({ maxStages: 1, documentsPerStage: 1 }),
    ];
    fc.assert(
      fc.property(fc.array(call, { minLength: 1, maxLength: 6 }), (calls) => {
        for (const { shape, options } of calls) {
          const expected = outcome(() => plain[shape](options));
          for (const builder of builders) {
            expect(outcome(() => builder[shape](options as never))).toEqual(expected);
            expect(outcome(() => builder[shape](options as never))).toEqual(expected);
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("hands out fresh objects: changing a response never changes a later one", () => {
    const builder = createAuthorizerResponseBuilder();
    fc.assert(
      fc.property(call, ({ shape, options }) => {
        const expected = outcome(() => plain[shape](options));
        let first: unknown;
        try {
          first = builder[shape](options as never);
        } catch {
          return;
        }
        vandalise(first);
        expect(outcome(() => builder[shape](options as never))).toEqual(expected);
      }),
      { numRuns: 800 },
    );
  });

  it("does not keep the caller's allow and deny lists: changing them later changes nothing", () => {
    const builder = createAuthorizerResponseBuilder();
    const methodArn = "arn:aws:execute-api:eu-west-1:111122223333:k3x9q2m7ab/prod/GET/pets";
    const allowList = ["GET /pets", "ANY /admin/{proxy+}"];
    const denyList = ["ANY /admin/secrets/{proxy+}"];
    const options = { methodArn, principalId: "user-42", allow: allowList, deny: denyList };
    const before = JSON.stringify(builder.rest(options));
    allowList[0] = "DELETE /pets";
    denyList.pop();
    expect(JSON.stringify(builder.rest(options))).toBe(
      JSON.stringify(buildRestAuthorizerResponse(options)),
    );
    expect(JSON.stringify(builder.rest(options))).not.toBe(before);
  });
});
