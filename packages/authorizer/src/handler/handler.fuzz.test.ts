import {
  createTestIssuer,
  httpApiV1Event,
  httpApiV2Event,
  restRequestEvent,
  restTokenEvent,
  type TestIssuer,
  webSocketConnectEvent,
} from "@gatehouse/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jwtVerifier } from "../verifier/jwt-verifier.js";
import type { AuthorizerOptions } from "./authorizer-options.js";
import { createAuthorizer } from "./create-authorizer.js";
import { FAKE_NOW_SECONDS, fakeVerifier } from "./test-support.js";

const now = () => FAKE_NOW_SECONDS * 1000;

/** Whether a handler result lets anything through. */
function grantsSomething(result: unknown): boolean {
  if (typeof result !== "object" || result === null) return true; // not a response at all: fail the property
  const record = result as {
    isAuthorized?: unknown;
    policyDocument?: { Statement?: { Effect?: unknown }[] };
  };
  if ("isAuthorized" in record) return record.isAuthorized !== false;
  const statements = record.policyDocument?.Statement;
  if (!Array.isArray(statements)) return true;
  return statements.some((statement) => statement.Effect !== "Deny");
}

/** Runs the handler and reports "unauthorized" (the only allowed throw), "granted" or "refused". */
async function outcome(
  handler: (event: never) => Promise<unknown>,
  event: unknown,
): Promise<string> {
  try {
    return grantsSomething(await handler(event as never)) ? "granted" : "refused";
  } catch (error) {
    const exact =
      error instanceof Error &&
      error.message === "Unauthorized" &&
      Object.getPrototypeOf(error) === Error.prototype;
    return exact ? "unauthorized" : `threw ${String(error)}`;
  }
}

const tokenText = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(...'abcXYZ019-_.=+/ ,;"Bearer') }),
  fc
    .tuple(fc.base64String(), fc.base64String(), fc.base64String())
    .map(([a, b, c]) => `${a}.${b}.${c}`),
  fc.constant("tok.valid.almost"),
);

const credential = fc.oneof(
  tokenText,
  tokenText.map((token) => `Bearer ${token}`),
  tokenText.map((token) => `bearer.${token}`),
);

const baseEvent = fc
  .tuple(credential, fc.constantFrom("rest-token", "rest-request", "http-v1", "http-v2", "ws"))
  .map(([value, shape]): Record<string, unknown> => {
    const headers = {
      Authorization: value,
      Cookie: `session=${value}`,
      "Sec-WebSocket-Protocol": `chat, ${value}`,
    };
    switch (shape) {
      case "rest-token":
        return { ...restTokenEvent({ token: value }) };
      case "rest-request":
        return { ...restRequestEvent({ headers, query: { token: value } }) };
      case "http-v1":
        return { ...httpApiV1Event({ headers }) };
      case "http-v2":
        return {
          ...httpApiV2Event({ headers, cookies: [`session=${value}`], query: { token: value } }),
        };
      default:
        return { ...webSocketConnectEvent({ headers, query: { token: value } }) };
    }
  });

/** A valid-shaped event with some fields deleted or replaced by arbitrary values. */
const mutatedEvent = fc
  .tuple(
    baseEvent,
    fc.array(
      fc.tuple(
        fc.constantFrom(
          "type",
          "version",
          "methodArn",
          "routeArn",
          "headers",
          "multiValueHeaders",
          "requestContext",
          "authorizationToken",
          "cookies",
          "queryStringParameters",
          "httpMethod",
          "routeKey",
        ),
        fc.option(fc.anything(), { nil: undefined }),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([event, mutations]) => {
    const copy: Record<string, unknown> = { ...event };
    for (const [key, value] of mutations) {
      if (value === undefined) delete copy[key];
      else copy[key] = value;
    }
    return copy;
  });

const anyEvent = fc.oneof(fc.anything(), baseEvent, mutatedEvent);

const sources: AuthorizerOptions["token"] = [
  { from: "header", name: "authorization", bearer: "optional" },
  { from: "cookie", name: "session" },
  { from: "query", name: "token" },
  { from: "webSocketProtocol" },
];

describe("fuzzing: no Allow without a valid token, no throw but Unauthorized", () => {
  const variants: [string, Partial<AuthorizerOptions>][] = [
    ["defaults", {}],
    ["every token source", { token: sources }],
    ["deny modes", { token: sources, onInvalidToken: "deny", onInternalError: "deny" }],
    [
      "simple responses and a route table",
      {
        token: sources,
        http: { simpleResponses: true, authorizerCache: "per-route" },
        routes: { "GET /pets": {}, $connect: {} },
      },
    ],
  ];
  for (const [name, extra] of variants) {
    it(`with ${name}`, async () => {
      const handler = createAuthorizer({
        verifier: fakeVerifier({ "tok.valid": { sub: "v" } }),
        now,
        ...extra,
      });
      await fc.assert(
        fc.asyncProperty(anyEvent, async (event) => {
          const result = await outcome(handler, event);
          expect(["unauthorized", "refused"]).toContain(result);
        }),
        { numRuns: 1500 },
      );
    });
  }

  it("a valid token in a mutated event is allowed or refused, never anything else", async () => {
    const handler = createAuthorizer({
      verifier: fakeVerifier({ "tok.valid": { sub: "v" } }),
      now,
      token: sources,
    });
    const validEvent = fc
      .tuple(
        fc.constantFrom(
          restTokenEvent({ token: "Bearer tok.valid" }),
          restRequestEvent({ headers: { Authorization: "Bearer tok.valid" } }),
          httpApiV2Event({ headers: { authorization: "Bearer tok.valid" } }),
          webSocketConnectEvent({ query: { token: "tok.valid" } }),
        ),
        fc.array(
          fc.tuple(
            fc.constantFrom(
              "methodArn",
              "routeArn",
              "requestContext",
              "headers",
              "version",
              "type",
              "stageVariables",
            ),
            fc.anything(),
          ),
          { maxLength: 2 },
        ),
      )
      .map(([event, mutations]) => ({ ...event, ...Object.fromEntries(mutations) }));
    await fc.assert(
      fc.asyncProperty(validEvent, async (event) => {
        expect(["unauthorized", "refused", "granted"]).toContain(await outcome(handler, event));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("fuzzing with a real verifier", () => {
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await createTestIssuer();
  });
  afterAll(() => issuer.close());

  it("random and tampered tokens never get an Allow", async () => {
    const good = await issuer.mintToken({ sub: "u", aud: "api" });
    const [header, payload, signature] = good.split(".") as [string, string, string];
    const handler = createAuthorizer({
      verifier: jwtVerifier({
        issuer: issuer.issuer,
        audience: "api",
        jwksUri: issuer.jwksUri,
        algorithms: ["RS256"],
      }),
      onInvalidToken: "deny",
    });
    const tampered = fc.oneof(
      tokenText,
      fc.base64String().map((b) => `${header}.${b}.${signature}`),
      fc.base64String().map((b) => `${header}.${payload}.${b}`),
      fc.base64String().map((b) => `${b}.${payload}.${signature}`),
      // The last character is left alone: it may carry only padding bits of the signature.
      fc
        .nat({ max: good.length - 2 })
        .map((i) => `${good.slice(0, i)}${good[i] === "A" ? "B" : "A"}${good.slice(i + 1)}`),
    );
    await fc.assert(
      fc.asyncProperty(tampered, async (token) => {
        fc.pre(token !== good);
        const result = await outcome(handler, restTokenEvent({ token: `Bearer ${token}` }));
        expect(["unauthorized", "refused"]).toContain(result);
      }),
      { numRuns: 300 },
    );
  });
});
