import type { IamAuthorizerResponse } from "@gatehouse/policy";
import { httpApiV2Event, restTokenEvent } from "@gatehouse/testing";
import middy from "@middy/core";
import type { Context } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { FAKE_NOW_SECONDS, fakeVerifier } from "./handler/test-support.js";
import { gatehouseAuthorizer } from "./middy.js";

const now = () => FAKE_NOW_SECONDS * 1000;
const context = {} as Context;

function setup(extra: Record<string, unknown> = {}) {
  let bodyRan = false;
  const handler = middy()
    .use(
      gatehouseAuthorizer({
        verifier: fakeVerifier({ "tok.alice": { sub: "alice" } }),
        now,
        ...extra,
      }),
    )
    .handler(async () => {
      bodyRan = true;
      return { isAuthorized: true };
    });
  return { handler, bodyRan: () => bodyRan };
}

describe("gatehouseAuthorizer (middy)", () => {
  it("answers with the authorizer's policy", async () => {
    const { handler } = setup();
    const response = (await handler(
      restTokenEvent({ token: "Bearer tok.alice" }) as never,
      context,
    )) as IamAuthorizerResponse;
    expect(response.principalId).toBe("alice");
  });

  it("replaces the handler body with the decision", async () => {
    const { handler, bodyRan } = setup();
    await handler(restTokenEvent({ token: "Bearer tok.alice" }) as never, context);
    expect(bodyRan()).toBe(false);
  });

  it("throws exactly Unauthorized for an invalid token", async () => {
    const { handler } = setup();
    await expect(
      handler(restTokenEvent({ token: "Bearer tok.bad" }) as never, context),
    ).rejects.toThrow(/^Unauthorized$/);
  });

  it("does not run the body after a refusal", async () => {
    const { handler, bodyRan } = setup();
    await handler(httpApiV2Event() as never, context).catch(() => undefined);
    expect(bodyRan()).toBe(false);
  });

  it("answers simple responses when configured", async () => {
    const { handler } = setup({ http: { simpleResponses: true }, context: false });
    const response = await handler(
      httpApiV2Event({ headers: { authorization: "Bearer tok.alice" } }) as never,
      context,
    );
    expect(response).toEqual({ isAuthorized: true });
  });

  it("validates options when the middleware is created", () => {
    expect(() =>
      gatehouseAuthorizer({ verifier: fakeVerifier({}), cache: { maxEntries: -1 } }),
    ).toThrow(TypeError);
  });
});
