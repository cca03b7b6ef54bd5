import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { GatewayDecisionRecord, LocalGatewayConfig } from "../config/gateway-config.js";
import { type LocalGateway, startLocalGateway } from "./start-local-gateway.js";
import { connectWebSocket } from "./test-support.js";

/**
 * What each authorizer does, chosen per request (the authorizers run with TTL 0 or with the answer
 * in their identity sources, so one answer is never served from another's cache entry).
 */
type Answer = "allow" | "deny" | "other-resource" | "no" | "unauthorized" | "throw" | "malformed";

/** The answer a request asks for: its `x-answer` header, or a TOKEN event's `Bearer <answer>`. */
function headerOf(event: {
  type?: string;
  headers?: Record<string, string> | null;
  authorizationToken?: string;
}): Answer {
  // HTTP API payload 1.0 also has `authorizationToken` (the identity sources joined by commas).
  if (event.type === "TOKEN" && event.authorizationToken !== undefined) {
    return event.authorizationToken.replace(/^Bearer /, "") as Answer;
  }
  const headers = event.headers ?? {};
  const name = Object.keys(headers).find((key) => key.toLowerCase() === "x-answer");
  return (name === undefined ? "allow" : headers[name]) as Answer;
}

function policyAnswer(event: {
  type?: string;
  methodArn?: string;
  routeArn?: string;
  headers?: Record<string, string> | null;
  authorizationToken?: string;
}) {
  const arn = event.methodArn ?? event.routeArn ?? "";
  const answer = headerOf(event);
  if (answer === "unauthorized") throw new Error("Unauthorized");
  if (answer === "throw") throw new Error("database down");
  if (answer === "malformed") return { principalId: "u", policyDocument: "nope" };
  const stage = `${arn.split("/").slice(0, 2).join("/")}/*`;
  return {
    principalId: "u",
    policyDocument: {
      Version: "2012-10-17",
      Statement: [
        {
          Action: "execute-api:Invoke",
          Effect: answer === "deny" ? "Deny" : "Allow",
          Resource: answer === "other-resource" ? `${arn}/other` : stage,
        },
      ],
    },
  };
}

function simpleAnswer(event: { headers?: Record<string, string> | null }) {
  const answer = headerOf(event);
  if (answer === "unauthorized") throw new Error("Unauthorized");
  if (answer === "throw") throw new Error("database down");
  if (answer === "malformed") return { isAuthorized: "yes" };
  return { isAuthorized: answer !== "no" };
}

describe("authorizer refusals: status, body and error type per API type", () => {
  let gw: LocalGateway;
  let integrationCalls = 0;
  const records: GatewayDecisionRecord[] = [];
  const ok = () => {
    integrationCalls++;
    return { statusCode: 200, body: "ok" };
  };

  beforeAll(async () => {
    const config: LocalGatewayConfig = {
      onDecision: (record) => records.push(record),
      apis: [
        {
          type: "REST",
          name: "rest",
          authorizers: {
            token: { type: "TOKEN", handler: policyAnswer as never, resultTtlInSeconds: 0 },
          },
          routes: [
            { method: "GET", resource: "/pets", auth: { authorizer: "token" }, handler: ok },
          ],
        },
        {
          type: "HTTP",
          name: "http",
          basePath: "/http",
          authorizers: {
            simple: {
              type: "REQUEST",
              handler: simpleAnswer as never,
              enableSimpleResponses: true,
              identitySources: ["$request.header.Authorization", "$request.header.x-answer"],
            },
            v2iam: {
              type: "REQUEST",
              handler: policyAnswer as never,
              identitySources: ["$request.header.Authorization", "$request.header.x-answer"],
            },
            v1: {
              type: "REQUEST",
              handler: policyAnswer as never,
              payloadFormatVersion: "1.0",
              identitySources: ["$request.header.Authorization", "$request.header.x-answer"],
            },
          },
          routes: [
            { routeKey: "GET /simple", auth: { authorizer: "simple" }, handler: ok },
            { routeKey: "GET /v2", auth: { authorizer: "v2iam" }, handler: ok },
            {
              routeKey: "GET /v1",
              auth: { authorizer: "v1" },
              handler: ok,
              payloadFormatVersion: "1.0",
            },
          ],
        },
        {
          type: "WEBSOCKET",
          name: "ws",
          basePath: "/ws",
          authorizers: {
            connect: { type: "REQUEST", handler: policyAnswer as never, resultTtlInSeconds: 0 },
          },
          connect: { auth: { authorizer: "connect" }, handler: ok as never },
        },
      ],
    };
    gw = await startLocalGateway(config);
  });
  afterAll(() => gw.close());
  afterEach(() => {
    records.length = 0;
  });

  const call = (api: string, path: string, answer: Answer) =>
    fetch(`${gw.apiUrls[api]}${path}`, {
      headers: { authorization: `Bearer ${answer}`, "x-answer": answer },
    });

  async function expectRefusal(
    response: Response,
    status: number,
    body: unknown,
    errorType?: string,
  ) {
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(body);
    if (errorType !== undefined) expect(response.headers.get("x-amzn-errortype")).toBe(errorType);
  }

  function expectNoIntegration(before: number) {
    expect(integrationCalls).toBe(before);
  }

  it("REST: a policy Deny -> 403 ... with an explicit deny", async () => {
    const before = integrationCalls;
    await expectRefusal(
      await call("rest", "/pets", "deny"),
      403,
      { message: "User is not authorized to access this resource with an explicit deny" },
      "AccessDeniedException",
    );
    expect(records.at(-1)?.reason).toBe("authorizer_explicit_deny");
    expectNoIntegration(before);
  });

  it("REST: a policy that does not cover the method -> 403 (implicit deny)", async () => {
    await expectRefusal(
      await call("rest", "/pets", "other-resource"),
      403,
      { message: "User is not authorized to access this resource" },
      "AccessDeniedException",
    );
  });

  it("HTTP API simple response isAuthorized: false -> 403 Forbidden", async () => {
    const before = integrationCalls;
    await expectRefusal(await call("http", "/simple", "no"), 403, { message: "Forbidden" });
    expect(records.at(-1)?.reason).toBe("authorizer_denied");
    expectNoIntegration(before);
    expect((await call("http", "/simple", "allow")).status).toBe(200);
  });

  it("HTTP API 2.0 IAM policy: Deny -> 403 Forbidden; not covering the route -> 403 Forbidden", async () => {
    const before = integrationCalls;
    await expectRefusal(await call("http", "/v2", "deny"), 403, { message: "Forbidden" });
    await expectRefusal(await call("http", "/v2", "other-resource"), 403, {
      message: "Forbidden",
    });
    expectNoIntegration(before);
  });

  it("HTTP API 1.0 IAM policy: Deny -> 403 Forbidden", async () => {
    await expectRefusal(await call("http", "/v1", "deny"), 403, { message: "Forbidden" });
  });

  it("HTTP API: an authorizer throwing -> 500 Internal Server Error (every payload kind)", async () => {
    const before = integrationCalls;
    for (const path of ["/simple", "/v2", "/v1"]) {
      await expectRefusal(
        await call("http", path, "throw"),
        500,
        { message: "Internal Server Error" },
        "AuthorizerConfigurationException",
      );
      expect(records.at(-1)?.reason).toBe("authorizer_error");
    }
    expectNoIntegration(before);
  });

  it("HTTP API: a malformed response -> 500 Internal Server Error", async () => {
    for (const path of ["/simple", "/v2", "/v1"]) {
      await expectRefusal(await call("http", path, "malformed"), 500, {
        message: "Internal Server Error",
      });
      expect(records.at(-1)?.reason).toBe("authorizer_malformed_response");
    }
  });

  it("HTTP API: an authorizer throwing Unauthorized -> 401 Unauthorized", async () => {
    for (const path of ["/simple", "/v2", "/v1"]) {
      await expectRefusal(await call("http", path, "unauthorized"), 401, {
        message: "Unauthorized",
      });
    }
  });

  // PLATFORM-FACTS gives no WebSocket bodies; the gateway uses REST wording (see the guide).
  it("WebSocket $connect: a policy Deny -> 403, no connection, no $connect integration", async () => {
    const before = integrationCalls;
    const response = await connectWebSocket(gw.apiUrls["ws"] ?? "", {
      Authorization: "Bearer t",
      "X-Answer": "deny",
    });
    expect(response.status).toBe(403);
    expect(response.headers["x-amzn-errortype"]).toBe("AccessDeniedException");
    expect(JSON.parse(response.body)).toEqual({
      message: "User is not authorized to access this resource with an explicit deny",
    });
    expect(records.at(-1)).toMatchObject({ route: "$connect", status: 403 });
    expectNoIntegration(before);
  });

  it("WebSocket $connect: an authorizer error -> 500 AuthorizerConfigurationException", async () => {
    const before = integrationCalls;
    const response = await connectWebSocket(gw.apiUrls["ws"] ?? "", {
      Authorization: "Bearer t",
      "X-Answer": "throw",
    });
    expect(response.status).toBe(500);
    expect(response.headers["x-amzn-errortype"]).toBe("AuthorizerConfigurationException");
    expect(JSON.parse(response.body)).toEqual({ message: null });
    expectNoIntegration(before);
  });

  it("WebSocket $connect: Unauthorized -> 401; allowed -> 101", async () => {
    const url = gw.apiUrls["ws"] ?? "";
    const refused = await connectWebSocket(url, {
      Authorization: "Bearer t",
      "X-Answer": "unauthorized",
    });
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toEqual({ message: "Unauthorized" });
    expect((await connectWebSocket(url, { Authorization: "Bearer t" })).status).toBe(101);
  });
});
