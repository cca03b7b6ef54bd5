import type { IamAuthorizerResponse } from "@gatehouse/policy";
import { restRequestEvent, restTokenEvent } from "@gatehouse/testing";
import { describe, expect, it, vi } from "vitest";
import type {
  AuthorizerOptions,
  AuthorizerResponse,
  AuthorizerWarning,
  DecisionLog,
} from "./authorizer-options.js";
import { createAuthorizer } from "./create-authorizer.js";
import { createHttpApiAuthorizer } from "./create-http-api-authorizer.js";
import {
  FAKE_NOW_SECONDS,
  fakeVerifier,
  serverlessOfflineAllows,
  serverlessOfflineEvent,
} from "./test-support.js";

const now = () => FAKE_NOW_SECONDS * 1000;
const SENT_STAGE = "arn:aws:execute-api:eu-west-1:random-account-id:random-api-id/dev";

function setup(options: Partial<AuthorizerOptions> = {}) {
  const warnings: AuthorizerWarning[] = [];
  const logs: DecisionLog[] = [];
  const handler = createAuthorizer({
    verifier: fakeVerifier({
      "tok.reader": { sub: "reader", scope: "pets/read" },
      "tok.admin": { sub: "admin", scope: "pets/read pets/write", "cognito:groups": ["admin"] },
    }),
    now,
    cache: false,
    hooks: {
      onWarning: (warning) => warnings.push(warning),
      onDecision: (log) => logs.push(log),
    },
    ...options,
  });
  // serverless-offline's events are not API Gateway's types (TOKEN with a version): cast here.
  return { handler: (event: unknown) => handler(event as never), warnings, logs };
}

function iam(response: AuthorizerResponse): IamAuthorizerResponse<Record<string, unknown>> {
  if (!("policyDocument" in response)) throw new Error("expected an IAM response");
  return response;
}

const routes = {
  "GET /pets/{id}": { scopes: ["pets/read"] },
  "DELETE /pets/{id}": { scopes: ["pets/write"] },
  "ANY /admin/{proxy+}": { groups: ["admin"] },
};

describe("under serverless-offline (placeholder ids, route templates)", () => {
  it.each([
    ["TOKEN", "rest-token"],
    ["REQUEST", "rest-request"],
  ] as const)(
    "answers a valid token on a %s event with an Allow serverless-offline honours",
    async (type, shape) => {
      const { handler, logs } = setup();
      const event = serverlessOfflineEvent({ type, authorization: "Bearer tok.reader" });
      const response = iam(await handler(event));
      expect(response.principalId).toBe("reader");
      expect(response.policyDocument.Statement).toEqual([
        { Action: "execute-api:Invoke", Effect: "Allow", Resource: [`${SENT_STAGE}/*`] },
      ]);
      expect(serverlessOfflineAllows(response.policyDocument, event.methodArn)).toBe(true);
      expect(logs).toEqual([expect.objectContaining({ outcome: "allow", eventShape: shape })]);
    },
  );

  it("reads an emulator's REQUEST 1.0 event as HTTP API 1.0 for an HTTP API factory", async () => {
    const logs: DecisionLog[] = [];
    const handler = createHttpApiAuthorizer({
      verifier: fakeVerifier({ "tok.reader": { sub: "reader" } }),
      now,
      hooks: { onDecision: (log) => logs.push(log), onWarning: () => undefined },
    });
    const event = serverlessOfflineEvent({ type: "REQUEST", authorization: "Bearer tok.reader" });
    const response = iam(await handler(event as never));
    expect(serverlessOfflineAllows(response.policyDocument, event.methodArn)).toBe(true);
    expect(logs[0]).toMatchObject({ outcome: "allow", eventShape: "http-v1" });
  });

  it("answers an HTTP API 2.0 event (placeholder routeArn) as serverless-offline sends it", async () => {
    const { handler, logs } = setup();
    const base = serverlessOfflineEvent({ type: "REQUEST", authorization: "Bearer tok.reader" });
    // createAuthScheme.js, payload 2.0: routeArn instead of methodArn, routeKey, identitySource[].
    const event = {
      headers: base.headers,
      requestContext: { ...base.requestContext, routeKey: "GET /pets/{id}" },
      version: "2.0",
      identitySource: ["Bearer tok.reader"],
      rawPath: "/dev/pets/1",
      rawQueryString: "",
      routeArn: base.methodArn,
      routeKey: "GET /pets/{id}",
      type: "REQUEST",
    };
    const response = iam(await handler(event));
    expect(serverlessOfflineAllows(response.policyDocument, event.routeArn)).toBe(true);
    expect(logs[0]).toMatchObject({ outcome: "allow", eventShape: "http-v2" });
  });

  it("reports each unusual shape once per handler, never the token", async () => {
    const { handler, warnings } = setup();
    for (const resourcePath of ["/pets/{id}", "/pets/{id}", "/admin/{proxy*}", "/pets"]) {
      await handler(serverlessOfflineEvent({ resourcePath, authorization: "Bearer tok.reader" }));
    }
    expect(warnings.map((warning) => warning.code)).toEqual([
      "method_arn_placeholder_ids",
      "method_arn_route_template",
    ]);
    expect(JSON.stringify(warnings)).not.toContain("tok.reader");
  });

  it("without a hook, writes one console.warn line per code, the code first", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const handler = createAuthorizer({ verifier: fakeVerifier({ "tok.a": { sub: "a" } }), now });
      const event = serverlessOfflineEvent({ authorization: "Bearer tok.a" });
      await handler(event as never);
      await handler(event as never);
      expect(warn.mock.calls.map(([line]) => String(line).split(":")[0])).toEqual([
        "[gatehouse] method_arn_placeholder_ids",
        "[gatehouse] method_arn_route_template",
      ]);
    } finally {
      warn.mockRestore();
    }
  });

  it.each([
    ["Bearer tok.mallory", "invalid_signature"],
    ["", "missing_token"],
    ["tok.reader", "malformed_token"],
  ])("refuses %j with 401 (%s), as on API Gateway", async (authorization, code) => {
    const { handler, logs } = setup();
    const event = serverlessOfflineEvent({ authorization });
    await expect(handler(event)).rejects.toThrow(/^Unauthorized$/);
    expect(logs).toEqual([expect.objectContaining({ outcome: "unauthorized", code })]);
  });

  it("answers an invalid token with a Deny of the stage as sent with onInvalidToken: deny", async () => {
    const { handler } = setup({ onInvalidToken: "deny" });
    const event = serverlessOfflineEvent({ authorization: "Bearer tok.mallory" });
    const response = iam(await handler(event));
    expect(response.policyDocument.Statement).toEqual([
      { Action: "execute-api:Invoke", Effect: "Deny", Resource: [`${SENT_STAGE}/*`] },
    ]);
    expect(serverlessOfflineAllows(response.policyDocument, event.methodArn)).toBe(false);
  });

  it.each([
    ["tok.reader", "GET", "/pets/{id}", true],
    ["tok.reader", "DELETE", "/pets/{id}", false],
    ["tok.reader", "POST", "/admin/{proxy*}", false],
    ["tok.admin", "DELETE", "/pets/{id}", true],
    ["tok.admin", "POST", "/admin/{proxy*}", true],
  ])(
    "with a route table, %s %s %s is let through: %s",
    async (token, method, resourcePath, allowed) => {
      const { handler, logs } = setup({ routes });
      const event = serverlessOfflineEvent({
        method,
        resourcePath,
        authorization: `Bearer ${token}`,
      });
      const response = iam(await handler(event));
      expect(serverlessOfflineAllows(response.policyDocument, event.methodArn)).toBe(allowed);
      expect(logs[0]?.outcome).toBe(allowed ? "allow" : "deny");
      const resources = response.policyDocument.Statement.flatMap(
        (statement) => statement.Resource,
      );
      expect(resources.length).toBeGreaterThan(0);
      for (const resource of resources) expect(resource.startsWith(`${SENT_STAGE}/`)).toBe(true);
    },
  );

  it.each([
    ["a {proxy+} route (hapi's {proxy*})", "POST", "/admin/{proxy*}"],
    ["a {param} route", "GET", "/pets/{id}"],
    ["a literal route", "GET", "/pets"],
  ])(
    "allows only the request with allow: { requestOnly: true } on %s",
    async (_name, method, resourcePath) => {
      const { handler, logs } = setup({
        authorize: () => ({ allow: { requestOnly: true, authorizerTtlSeconds: 0 } }),
      });
      const event = serverlessOfflineEvent({
        method,
        resourcePath,
        authorization: "Bearer tok.reader",
      });
      const response = iam(await handler(event));
      expect(response.policyDocument.Statement).toEqual([
        { Action: "execute-api:Invoke", Effect: "Allow", Resource: [event.methodArn] },
      ]);
      expect(serverlessOfflineAllows(response.policyDocument, event.methodArn)).toBe(true);
      // Another route of the emulated API is not allowed by it.
      expect(
        serverlessOfflineAllows(response.policyDocument, `${SENT_STAGE}/DELETE/pets/{id}`),
      ).toBe(false);
      expect(logs[0]).toMatchObject({ outcome: "allow" });
    },
  );

  it('refuses them with methodArn: "strict" (401, invalid_event), after the warning', async () => {
    const { handler, warnings, logs } = setup({ methodArn: "strict" });
    await expect(
      handler(serverlessOfflineEvent({ authorization: "Bearer tok.reader" })),
    ).rejects.toThrow(/^Unauthorized$/);
    expect(logs).toEqual([expect.objectContaining({ outcome: "error", code: "invalid_event" })]);
    expect(warnings.map((warning) => warning.code)).toEqual([
      "method_arn_placeholder_ids",
      "method_arn_route_template",
    ]);
  });

  it("rejects an unknown methodArn mode at construction", () => {
    expect(() => setup({ methodArn: "lenient" as never })).toThrow(TypeError);
  });
});

describe("what stays refused (fail closed)", () => {
  const stage = "eu-west-1:random-account-id:random-api-id/dev";
  it.each([
    ["not an ARN", "random-api-id/dev/GET/pets"],
    ["another service", `arn:aws:lambda:${stage}/GET/pets`],
    ["an unknown partition", `arn:aws-mars:execute-api:${stage}/GET/pets`],
    [
      "an unknown region",
      "arn:aws:execute-api:mars-1:random-account-id:random-api-id/dev/GET/pets",
    ],
    ["a wildcard account", "arn:aws:execute-api:eu-west-1:*:random-api-id/dev/GET/pets"],
    ["a wildcard API id", "arn:aws:execute-api:eu-west-1:random-account-id:random-*/dev/GET/pets"],
    ["an empty account", "arn:aws:execute-api:eu-west-1::random-api-id/dev/GET/pets"],
    ["an account with a space", "arn:aws:execute-api:eu-west-1:random account:abc/dev/GET/pets"],
    ["an API id with a colon", "arn:aws:execute-api:eu-west-1:random-account-id:a:b/dev/GET/pets"],
    ["a 65-character id", `arn:aws:execute-api:eu-west-1:${"a".repeat(65)}:x/dev/GET/pets`],
    ["no stage", "arn:aws:execute-api:eu-west-1:random-account-id:random-api-id"],
    ["a wildcard stage", `arn:aws:execute-api:eu-west-1:random-account-id:random-api-id/*/GET/x`],
    ["a lower-case method", `arn:aws:execute-api:${stage}/get/pets`],
    ["a wildcard method", `arn:aws:execute-api:${stage}/*/pets`],
    ["a control character in the path", `arn:aws:execute-api:${stage}/GET/pets\n/1`],
    ["a non-string", 42],
  ])("%s", async (_name, methodArn) => {
    const { handler, logs } = setup();
    const event = { ...serverlessOfflineEvent({ authorization: "Bearer tok.reader" }), methodArn };
    await expect(handler(event)).rejects.toThrow(/^Unauthorized$/);
    expect(logs).toEqual([expect.objectContaining({ outcome: "error", code: "invalid_event" })]);
  });

  it.each([
    ["placeholder ids and a bare *", `${SENT_STAGE}/POST/admin/*`],
    ["placeholder ids and * inside a segment", `${SENT_STAGE}/POST/admin/x{proxy*}`],
  ])(
    "a request-only policy still refuses a wildcard with %s (401, fail closed)",
    async (_name, methodArn) => {
      const { handler, logs } = setup({
        authorize: () => ({ allow: { requestOnly: true, authorizerTtlSeconds: 0 } }),
      });
      const event = {
        ...serverlessOfflineEvent({ authorization: "Bearer tok.reader" }),
        methodArn,
      };
      await expect(handler(event)).rejects.toThrow(/^Unauthorized$/);
      // Past the event and the token: the policy builder refuses the wildcard.
      expect(logs).toEqual([
        expect.objectContaining({
          outcome: "error",
          code: "internal_error",
          principalId: "reader",
        }),
      ]);
    },
  );

  it("a request-only policy still refuses API Gateway's own ARN with {proxy*} (real ids: no rewrite)", async () => {
    const { handler, logs } = setup({
      authorize: () => ({ allow: { requestOnly: true, authorizerTtlSeconds: 0 } }),
    });
    const event = {
      ...restTokenEvent({ token: "Bearer tok.reader" }),
      methodArn: "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/dev/POST/admin/{proxy*}",
    };
    await expect(handler(event)).rejects.toThrow(/^Unauthorized$/);
    // Past the event and the token: the policy builder refuses the wildcard.
    expect(logs).toEqual([
      expect.objectContaining({ outcome: "error", code: "internal_error", principalId: "reader" }),
    ]);
  });

  it("still refuses a TOKEN event with a version when its ARN has real ids", async () => {
    const { handler, logs } = setup();
    const event = { ...restTokenEvent({ token: "Bearer tok.reader" }), version: "1.0" };
    await expect(handler(event)).rejects.toThrow(/^Unauthorized$/);
    expect(logs[0]).toMatchObject({ code: "invalid_event" });
  });

  it("warns about nothing for API Gateway's own events", async () => {
    const { handler, warnings } = setup();
    await handler(restTokenEvent({ token: "Bearer tok.reader" }));
    await handler(restRequestEvent({ headers: { Authorization: "Bearer tok.reader" } }));
    expect(warnings).toEqual([]);
  });

  it("never shares a cached decision between placeholder and real ids", async () => {
    const { handler } = setup({ cache: { ttlSeconds: 60 } });
    const emulated = iam(
      await handler(serverlessOfflineEvent({ authorization: "Bearer tok.reader" })),
    );
    const real = iam(await handler(restTokenEvent({ token: "Bearer tok.reader" })));
    expect(emulated.policyDocument.Statement[0]?.Resource).toEqual([`${SENT_STAGE}/*`]);
    expect(real.policyDocument.Statement[0]?.Resource).not.toEqual([`${SENT_STAGE}/*`]);
  });
});
