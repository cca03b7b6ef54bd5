import { httpApiV2Event, restRequestEvent, restTokenEvent } from "@gatehouse/testing";
import { describe, expect, it } from "vitest";
import type { DecisionLog } from "./authorizer-options.js";
import { createAuthorizer } from "./create-authorizer.js";
import { FAKE_NOW_SECONDS, fakeVerifier } from "./test-support.js";

const now = () => FAKE_NOW_SECONDS * 1000;
const TOKEN = "tok.alice";

function setup(extra: Record<string, unknown> = {}) {
  const logs: DecisionLog[] = [];
  const handler = createAuthorizer({
    verifier: fakeVerifier({ [TOKEN]: { sub: "alice", scope: "pets/read" } }),
    now,
    routes: { "GET /pets": { scopes: ["pets/read"] }, "POST /pets": { scopes: ["pets/write"] } },
    hooks: { onDecision: (log) => logs.push(log) },
    ...extra,
  });
  return { handler, logs };
}

describe("hooks.onDecision", () => {
  it("logs allow with the shape, route and principal", async () => {
    const { handler, logs } = setup();
    await handler(
      restRequestEvent({
        method: "GET",
        path: "/pets",
        headers: { Authorization: `Bearer ${TOKEN}` },
      }),
    );
    expect(logs).toEqual([
      {
        outcome: "allow",
        eventShape: "rest-request",
        route: "GET /pets",
        principalId: "alice",
        durationMs: expect.any(Number),
        cached: false,
      },
    ]);
  });

  it("logs deny with access_denied for a route the identity may not call", async () => {
    const { handler, logs } = setup();
    await handler(
      restRequestEvent({
        method: "POST",
        path: "/pets",
        headers: { Authorization: `Bearer ${TOKEN}` },
      }),
    );
    expect(logs[0]).toMatchObject({ outcome: "deny", code: "access_denied", route: "POST /pets" });
  });

  it("logs unauthorized with the verifier's code", async () => {
    const { handler, logs } = setup();
    await handler(restTokenEvent({ token: "Bearer tok.forged" })).catch(() => undefined);
    expect(logs[0]).toMatchObject({
      outcome: "unauthorized",
      code: "invalid_signature",
      eventShape: "rest-token",
    });
  });

  it("logs unauthorized missing_token", async () => {
    const { handler, logs } = setup();
    await handler(httpApiV2Event()).catch(() => undefined);
    expect(logs[0]).toMatchObject({
      outcome: "unauthorized",
      code: "missing_token",
      eventShape: "http-v2",
      route: "GET /pets",
    });
  });

  it("logs error jwks_unavailable", async () => {
    const { handler, logs } = setup();
    await handler(restTokenEvent({ token: "Bearer jwks-down" })).catch(() => undefined);
    expect(logs[0]).toMatchObject({ outcome: "error", code: "jwks_unavailable" });
  });

  it("logs error invalid_event for an unknown event", async () => {
    const { handler, logs } = setup();
    await handler({} as never).catch(() => undefined);
    expect(logs[0]).toMatchObject({
      outcome: "error",
      code: "invalid_event",
      eventShape: "unknown",
      route: null,
    });
  });

  it("logs error internal_error when the authorize hook throws", async () => {
    const { handler, logs } = setup({
      authorize: () => {
        throw new Error(`leaked ${TOKEN}`);
      },
    });
    await handler(restTokenEvent({ token: `Bearer ${TOKEN}` })).catch(() => undefined);
    expect(logs[0]).toMatchObject({ outcome: "error", code: "internal_error" });
  });

  it("never puts the token in any log line", async () => {
    const { handler, logs } = setup({
      authorize: (_v: unknown, request: { route: string | null }) => {
        if (request.route === "GET /boom") throw new Error(`leaked ${TOKEN}`);
        return { allow: true };
      },
    });
    const events = [
      restTokenEvent({ token: `Bearer ${TOKEN}` }),
      restTokenEvent({ token: `Bearer ${TOKEN}` }),
      restTokenEvent({ token: `Bearer ${TOKEN}.x` }),
      restTokenEvent({ token: TOKEN }),
      restRequestEvent({
        method: "POST",
        path: "/pets",
        headers: { Authorization: `Bearer ${TOKEN}` },
      }),
      httpApiV2Event({
        method: "GET",
        path: "/boom",
        headers: { authorization: `Bearer ${TOKEN}` },
      }),
    ];
    for (const event of events) await handler(event).catch(() => undefined);
    expect(logs).toHaveLength(events.length);
    expect(JSON.stringify(logs)).not.toContain(TOKEN);
  });

  it("ignores a hook that throws", async () => {
    const handler = createAuthorizer({
      verifier: fakeVerifier({ [TOKEN]: { sub: "alice" } }),
      now,
      hooks: {
        onDecision: () => {
          throw new Error("logger down");
        },
      },
    });
    await expect(handler(restTokenEvent({ token: `Bearer ${TOKEN}` }))).resolves.toHaveProperty(
      "principalId",
      "alice",
    );
  });

  it("ignores an async hook that rejects", async () => {
    const handler = createAuthorizer({
      verifier: fakeVerifier({ [TOKEN]: { sub: "alice" } }),
      now,
      hooks: { onDecision: (() => Promise.reject(new Error("logger down"))) as () => void },
    });
    await expect(handler(restTokenEvent({ token: `Bearer ${TOKEN}` }))).resolves.toHaveProperty(
      "principalId",
      "alice",
    );
  });
});
