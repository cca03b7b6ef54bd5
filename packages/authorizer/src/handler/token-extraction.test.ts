import {
  httpApiV1Event,
  httpApiV2Event,
  restRequestEvent,
  restTokenEvent,
  webSocketConnectEvent,
} from "@gatehouse/testing";
import { describe, expect, it } from "vitest";
import type { AuthorizerOptions, DecisionLog } from "./authorizer-options.js";
import { createAuthorizer } from "./create-authorizer.js";
import { FAKE_NOW_SECONDS, fakeVerifier } from "./test-support.js";

const now = () => FAKE_NOW_SECONDS * 1000;

/** A handler that records each decision, so a test can tell which code refused a token. */
function setup(options: Partial<AuthorizerOptions> = {}) {
  const logs: DecisionLog[] = [];
  const verifier = fakeVerifier({ "tok.alice": { sub: "alice" } });
  const handler = createAuthorizer({
    verifier,
    now,
    cache: false,
    hooks: { onDecision: (log) => logs.push(log) },
    ...options,
  });
  const outcome = async (event: unknown) => {
    try {
      await handler(event as never);
    } catch {
      // The log says why.
    }
    const last = logs.at(-1);
    return last?.outcome === "allow" ? "allow" : last?.code;
  };
  return { outcome, verifier };
}

describe("TOKEN events: authorizationToken", () => {
  it("accepts a Bearer token with a lower-case scheme", async () => {
    expect(await setup().outcome(restTokenEvent({ token: "bearer tok.alice" }))).toBe("allow");
  });

  it("refuses a bare token by default (Bearer required)", async () => {
    expect(await setup().outcome(restTokenEvent({ token: "tok.alice" }))).toBe("malformed_token");
  });

  it("accepts a bare token with bearer: optional", async () => {
    const { outcome } = setup({ token: { from: "authorizationToken", bearer: "optional" } });
    expect(await outcome(restTokenEvent({ token: "tok.alice" }))).toBe("allow");
  });

  it("reports missing_token for an empty authorizationToken", async () => {
    expect(await setup().outcome(restTokenEvent({ token: "" }))).toBe("missing_token");
  });

  it("refuses another scheme", async () => {
    expect(await setup().outcome(restTokenEvent({ token: "Basic dXNlcjpwYXNz" }))).toBe(
      "malformed_token",
    );
  });

  it("refuses a token with characters no bearer token has", async () => {
    expect(await setup().outcome(restTokenEvent({ token: "Bearer tok alice" }))).toBe(
      "malformed_token",
    );
  });
});

describe("header source", () => {
  it("matches the header name case-insensitively", async () => {
    const event = restRequestEvent({ headers: { AUTHORIZATION: "Bearer tok.alice" } });
    expect(await setup().outcome(event)).toBe("allow");
  });

  it("reads a custom header", async () => {
    const { outcome } = setup({
      token: { from: "header", name: "X-Api-Token", bearer: "optional" },
    });
    expect(await outcome(restRequestEvent({ headers: { "x-api-token": "tok.alice" } }))).toBe(
      "allow",
    );
  });

  it("refuses two different values in multiValueHeaders", async () => {
    const event = restRequestEvent({
      headers: { Authorization: ["Bearer tok.alice", "Bearer tok.mallory"] },
    });
    expect(await setup().outcome(event)).toBe("malformed_token");
  });

  it("refuses HTTP API 2.0's comma-joined repeated header", async () => {
    const event = httpApiV2Event({
      headers: { authorization: "Bearer tok.alice,Bearer tok.mallory" },
    });
    expect(await setup().outcome(event)).toBe("malformed_token");
  });

  it("tolerates null header maps (console test events)", async () => {
    const event = restRequestEvent();
    event.headers = null;
    event.multiValueHeaders = null;
    expect(await setup().outcome(event)).toBe("missing_token");
  });
});

describe("query source", () => {
  const token = [{ from: "query", name: "access_token" }] as const;

  it("reads a query parameter", async () => {
    const { outcome } = setup({ token: [...token] });
    expect(await outcome(webSocketConnectEvent({ query: { access_token: "tok.alice" } }))).toBe(
      "allow",
    );
  });

  it("refuses a repeated parameter with different values", async () => {
    const { outcome } = setup({ token: [...token] });
    expect(
      await outcome(restRequestEvent({ query: { access_token: ["tok.alice", "tok.x"] } })),
    ).toBe("malformed_token");
  });

  it("refuses HTTP API 2.0's comma-joined repeated parameter", async () => {
    const { outcome } = setup({ token: [...token] });
    expect(await outcome(httpApiV2Event({ query: { access_token: ["tok.alice", "tok.x"] } }))).toBe(
      "malformed_token",
    );
  });

  it("matches the parameter name case-sensitively", async () => {
    const { outcome } = setup({ token: [...token] });
    expect(await outcome(restRequestEvent({ query: { ACCESS_TOKEN: "tok.alice" } }))).toBe(
      "missing_token",
    );
  });
});

describe("cookie source", () => {
  const token = { from: "cookie", name: "session" } as const;

  it("reads HTTP API 2.0 cookies", async () => {
    const { outcome } = setup({ token });
    expect(await outcome(httpApiV2Event({ cookies: ["theme=dark", "session=tok.alice"] }))).toBe(
      "allow",
    );
  });

  it("reads the Cookie header of a REST event", async () => {
    const { outcome } = setup({ token });
    expect(
      await outcome(restRequestEvent({ headers: { Cookie: "theme=dark; session=tok.alice" } })),
    ).toBe("allow");
  });

  it("refuses a cookie sent twice with different values (cookie tossing)", async () => {
    const { outcome } = setup({ token });
    expect(
      await outcome(httpApiV2Event({ cookies: ["session=tok.alice", "session=tok.other"] })),
    ).toBe("malformed_token");
  });

  it("does not match a cookie whose name only ends the same", async () => {
    const { outcome } = setup({ token });
    expect(await outcome(httpApiV2Event({ cookies: ["xsession=tok.alice"] }))).toBe(
      "missing_token",
    );
  });
});

describe("Sec-WebSocket-Protocol source", () => {
  it("reads the entry with the bearer. prefix", async () => {
    const { outcome } = setup({ token: { from: "webSocketProtocol" } });
    const event = webSocketConnectEvent({
      headers: { "Sec-WebSocket-Protocol": "gatehouse, bearer.tok.alice" },
    });
    expect(await outcome(event)).toBe("allow");
  });

  it("reads a custom prefix", async () => {
    const { outcome } = setup({ token: { from: "webSocketProtocol", prefix: "access_token|" } });
    const event = webSocketConnectEvent({
      headers: { "sec-websocket-protocol": "chat,access_token|tok.alice" },
    });
    expect(await outcome(event)).toBe("allow");
  });

  it("reports missing_token when no entry has the prefix", async () => {
    const { outcome } = setup({ token: { from: "webSocketProtocol" } });
    const event = webSocketConnectEvent({ headers: { "Sec-WebSocket-Protocol": "gatehouse" } });
    expect(await outcome(event)).toBe("missing_token");
  });
});

describe("several sources and HTTP API 1.0", () => {
  it("uses the first source present", async () => {
    const { outcome } = setup({
      token: [
        { from: "header", name: "authorization" },
        { from: "query", name: "token" },
      ],
    });
    expect(await outcome(restRequestEvent({ query: { token: "tok.alice" } }))).toBe("allow");
  });

  it("does not fall back to the next source when the first is malformed", async () => {
    const { outcome } = setup({
      token: [
        { from: "header", name: "authorization" },
        { from: "query", name: "token" },
      ],
    });
    const event = restRequestEvent({
      headers: { Authorization: "Basic abc" },
      query: { token: "tok.alice" },
    });
    expect(await outcome(event)).toBe("malformed_token");
  });

  it("reads a single-valued HTTP API 1.0 authorizationToken", async () => {
    const { outcome } = setup({ token: { from: "authorizationToken" } });
    expect(await outcome(httpApiV1Event({ identitySource: ["Bearer tok.alice"] }))).toBe("allow");
  });

  it("refuses the comma-joined identity sources of HTTP API 1.0 as a token", async () => {
    const { outcome } = setup({ token: { from: "authorizationToken" } });
    expect(
      await outcome(httpApiV1Event({ identitySource: ["Bearer tok.alice", "tenant-1"] })),
    ).toBe("malformed_token");
  });

  it("reads the header of an HTTP API 1.0 event with several identity sources", async () => {
    const event = httpApiV1Event({
      headers: { Authorization: "Bearer tok.alice", "X-Tenant": "t1" },
      identitySource: ["Bearer tok.alice", "t1"],
    });
    expect(await setup().outcome(event)).toBe("allow");
  });
});
