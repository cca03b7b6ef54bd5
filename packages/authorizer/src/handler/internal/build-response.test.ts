import {
  buildHttpV1AuthorizerResponse,
  buildHttpV2IamAuthorizerResponse,
  buildHttpV2SimpleAuthorizerResponse,
  buildRestAuthorizerResponse,
  buildWebSocketAuthorizerResponse,
  evaluatePolicy,
} from "@gatehouse/policy";
import {
  httpApiV1Event,
  httpApiV2Event,
  restRequestEvent,
  restTokenEvent,
  webSocketConnectEvent,
} from "@gatehouse/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  prepareResponse,
  type ResponseInput,
  type ResponseSettings,
  respond,
} from "./build-response.js";
import { type RecognisedEvent, recogniseEvent } from "./recognise-event.js";

const events: RecognisedEvent[] = [
  recogniseEvent(restTokenEvent({ token: "Bearer x", method: "GET", path: "/pets/42" })),
  recogniseEvent(restRequestEvent({ method: "POST", path: "/pets" })),
  recogniseEvent(httpApiV1Event({ method: "GET", path: "/pets/42" })),
  recogniseEvent(httpApiV2Event({ method: "GET", path: "/pets/42" })),
  recogniseEvent(webSocketConnectEvent({})),
];

/** What the handler did before: the shape's builder, every call, and the IAM evaluator. */
function reference(event: RecognisedEvent, input: ResponseInput, settings: ResponseSettings) {
  const common = { principalId: input.principalId, allow: input.allow };
  const context = input.context === undefined ? {} : { context: input.context };
  const key =
    input.usageIdentifierKey === undefined ? {} : { usageIdentifierKey: input.usageIdentifierKey };
  const flat = {
    ...common,
    methodArn: event.arn,
    ...context,
    nestedContext: settings.nestedContext,
  };
  // biome-ignore lint/suspicious/noExplicitAny: the builders' option types, loosened for the test
  const args: any =
    event.shape === "http-v2"
      ? { ...common, routeArn: event.arn, ...context, ...key }
      : { ...flat, ...key };
  const iam =
    event.shape === "http-v2"
      ? buildHttpV2IamAuthorizerResponse(args)
      : event.shape === "http-v1"
        ? buildHttpV1AuthorizerResponse(args)
        : event.shape === "websocket-connect"
          ? buildWebSocketAuthorizerResponse(args)
          : buildRestAuthorizerResponse(args);
  const allowed =
    evaluatePolicy(iam.policyDocument, { action: "execute-api:Invoke", resource: event.arn })
      .decision === "allow";
  if (event.shape === "http-v2" && settings.simpleResponses) {
    return {
      response: buildHttpV2SimpleAuthorizerResponse({ isAuthorized: allowed, ...context }),
      allowed,
    };
  }
  return { response: iam, allowed };
}

function outcome(run: () => { response: unknown; allowed: boolean }) {
  try {
    const { response, allowed } = run();
    return { json: JSON.stringify(response), allowed };
  } catch (error) {
    return { error: (error as Error).constructor.name, message: (error as Error).message };
  }
}

const value = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
  fc.array(fc.integer(), { maxLength: 2 }),
);
const contextKey = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom("claims", "__proto__", "sub"),
);
const template = fc.constantFrom(
  "GET /pets",
  "GET /pets/{id}",
  "POST /pets",
  "ANY /admin/{proxy+}",
  "$connect",
  "$default",
  "sendMessage",
  "not a template",
);

describe("prepareResponse + respond: the same as building every call with the builders", () => {
  it("on generated decisions, for every event shape", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...events),
        fc.oneof(fc.constant("stage" as const), fc.array(template, { maxLength: 4 })),
        fc.option(fc.dictionary(contextKey, value, { maxKeys: 4 }), { nil: undefined }),
        fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
        fc.boolean(),
        fc.constantFrom("reject" as const, "json-string" as const),
        fc.option(fc.nat({ max: 9000 }), { nil: undefined }),
        (event, allow, context, usageIdentifierKey, simple, nestedContext, pad) => {
          const settings: ResponseSettings = {
            simpleResponses: simple && event.shape === "http-v2",
            nestedContext,
          };
          const withPad =
            pad === undefined ? context : { ...(context ?? {}), pad: "é".repeat(pad >> 1) };
          const input: ResponseInput = {
            principalId: "user-1",
            allow,
            context: withPad,
            usageIdentifierKey,
          };
          const expected = outcome(() => reference(event, input, settings));
          const actual = outcome(() =>
            respond(event, prepareResponse(event, input, settings), input, settings),
          );
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("answers exactly at the 8192-byte quota as the builders do", () => {
    const event = events[0] as RecognisedEvent;
    const settings: ResponseSettings = { simpleResponses: false, nestedContext: "reject" };
    for (let size = 7900; size <= 8200; size++) {
      const input: ResponseInput = {
        principalId: "user-1",
        allow: ["GET /pets"],
        context: { pad: "x".repeat(size) },
        usageIdentifierKey: undefined,
      };
      const expected = outcome(() => reference(event, input, settings));
      const actual = outcome(() =>
        respond(event, prepareResponse(event, input, settings), input, settings),
      );
      expect(actual).toEqual(expected);
    }
  });
});
