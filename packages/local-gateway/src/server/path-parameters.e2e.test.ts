import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpApiV2ProxyEvent, RestProxyEvent } from "../config/proxy-event.js";
import { type LocalGateway, startLocalGateway } from "./start-local-gateway.js";

function echo(event: unknown) {
  return { statusCode: 200, body: JSON.stringify(event) };
}

interface SeenEvent {
  methodArn: string;
  pathParameters?: Record<string, string> | null;
}

const allow = (resource: string) => ({
  principalId: "u",
  policyDocument: {
    Version: "2012-10-17",
    Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: resource }],
  },
});

/** API Gateway percent-decodes the path once: `%2541` is the parameter `%41`, never `A`. */
describe("path parameters are decoded once", () => {
  let gw: LocalGateway;
  const authorizerEvents: SeenEvent[] = [];

  beforeAll(async () => {
    const request = {
      type: "REQUEST" as const,
      resultTtlInSeconds: 0,
      identitySources: [],
      handler: (event: unknown) => {
        const seen = event as SeenEvent;
        authorizerEvents.push(seen);
        return allow(seen.methodArn);
      },
    };
    gw = await startLocalGateway({
      apis: [
        {
          type: "REST",
          name: "rest",
          authorizers: { restRequest: request },
          routes: [
            { method: "GET", resource: "/pets/{id}", auth: "NONE", handler: echo },
            { method: "GET", resource: "/files/{proxy+}", auth: "NONE", handler: echo },
            {
              method: "GET",
              resource: "/guarded/{id}",
              auth: { authorizer: "restRequest" },
              handler: echo,
            },
          ],
        },
        {
          type: "HTTP",
          name: "http",
          basePath: "/http",
          authorizers: {
            httpV1: { ...request, payloadFormatVersion: "1.0" },
          },
          routes: [
            { routeKey: "GET /pets/{id}", auth: "NONE", handler: echo },
            {
              routeKey: "GET /v1/pets/{id}",
              auth: "NONE",
              handler: echo,
              payloadFormatVersion: "1.0",
            },
            {
              routeKey: "GET /guarded/{id}",
              auth: { authorizer: "httpV1" },
              handler: echo,
              payloadFormatVersion: "1.0",
            },
          ],
        },
      ],
    });
  });

  afterAll(() => gw.close());

  it("REST integration: {id}", async () => {
    const event = (await (
      await fetch(`${gw.apiUrls["rest"]}/pets/%2541`)
    ).json()) as RestProxyEvent;
    expect(event.path).toBe("/pets/%41");
    expect(event.pathParameters).toEqual({ id: "%41" });
  });

  it("REST integration: {proxy+}", async () => {
    const event = (await (
      await fetch(`${gw.apiUrls["rest"]}/files/a%2541/b%20c`)
    ).json()) as RestProxyEvent;
    expect(event.pathParameters).toEqual({ proxy: "a%41/b c" });
  });

  it("REST REQUEST authorizer event", async () => {
    authorizerEvents.length = 0;
    expect((await fetch(`${gw.apiUrls["rest"]}/guarded/%2541`)).status).toBe(200);
    expect(authorizerEvents[0]?.pathParameters).toEqual({ id: "%41" });
  });

  it("HTTP API payload 2.0 integration", async () => {
    const response = await fetch(`${gw.apiUrls["http"]}/pets/%2541`);
    const event = (await response.json()) as HttpApiV2ProxyEvent;
    expect(event.pathParameters).toEqual({ id: "%41" });
  });

  it("HTTP API payload 1.0 integration and authorizer event", async () => {
    const integration = (await (
      await fetch(`${gw.apiUrls["http"]}/v1/pets/%2541`)
    ).json()) as RestProxyEvent;
    expect(integration.pathParameters).toEqual({ id: "%41" });
    authorizerEvents.length = 0;
    expect((await fetch(`${gw.apiUrls["http"]}/guarded/%2541`)).status).toBe(200);
    expect(authorizerEvents[0]?.pathParameters).toEqual({ id: "%41" });
  });

  it("a plain encoded character is decoded (once)", async () => {
    const event = (await (
      await fetch(`${gw.apiUrls["rest"]}/pets/a%20b`)
    ).json()) as RestProxyEvent;
    expect(event.pathParameters).toEqual({ id: "a b" });
  });
});
