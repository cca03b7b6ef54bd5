import { describe, expect, it } from "vitest";
import { optionCheck } from "./option-check.js";
import { createTransport } from "./transport.js";

const URL_ = "http://127.0.0.1:1/";

function transportWith(answers: Array<Response | Error>, sleeps: number[] = []) {
  const requests: RequestInit[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    requests.push(init);
    const next = answers.shift();
    if (next instanceof Error) throw next;
    if (next === undefined) throw new Error("no more answers");
    return next;
  }) as unknown as typeof globalThis.fetch;
  const transport = createTransport(
    optionCheck("test"),
    {
      fetch,
      random: () => 1,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
    URL_,
  );
  return { transport, requests };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers });

describe("transport.call", () => {
  it("sends JSON 1.1 with the X-Amz-Target of the operation", async () => {
    const { transport, requests } = transportWith([json(200, { IdentityId: "x" })]);
    await transport.call("GetId", { IdentityPoolId: "p" });
    expect(requests[0]?.headers).toEqual({
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": "AWSCognitoIdentityService.GetId",
    });
  });

  it("reads the error type from x-amzn-ErrorType, whatever the status", async () => {
    const { transport } = transportWith([
      json(
        400,
        { message: "m" },
        { "x-amzn-ErrorType": "NotAuthorizedException:http://internal.amazon.com/" },
      ),
    ]);
    await expect(transport.call("GetId", {})).rejects.toThrowCode("NotAuthorizedException", {
      name: "IdentityPoolError",
      status: 400,
      operation: "GetId",
    });
  });

  it("reads the error type from __type when the header is absent (browsers without CORS exposure)", async () => {
    const { transport } = transportWith([
      json(400, {
        __type: "com.amazonaws.cognito.identity.model#ResourceNotFoundException",
        Message: "m",
      }),
    ]);
    await expect(transport.call("GetId", {})).rejects.toThrowCode("ResourceNotFoundException", {
      name: "IdentityPoolError",
    });
  });

  it("retries network errors, then reports network_error", async () => {
    const sleeps: number[] = [];
    const { transport } = transportWith(
      [
        new TypeError("fetch failed"),
        new TypeError("fetch failed"),
        new TypeError("x"),
        new TypeError("x"),
      ],
      sleeps,
    );
    await expect(transport.call("GetId", {})).rejects.toThrowCode("network_error", {
      name: "IdentityPoolError",
      retryable: true,
    });
    expect(sleeps).toEqual([100, 200, 400]);
  });

  it("caps the backoff at maxDelayMs", async () => {
    const sleeps: number[] = [];
    const transport = createTransport(
      optionCheck("t"),
      {
        fetch: (async () => {
          throw new TypeError("x");
        }) as unknown as typeof fetch,
        retry: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 250 },
        random: () => 1,
        sleep: async (ms) => {
          sleeps.push(ms);
        },
      },
      URL_,
    );
    await expect(transport.call("GetId", {})).rejects.toThrow(
      expect.objectContaining({ name: "IdentityPoolError" }),
    );
    expect(sleeps).toEqual([100, 200, 250, 250]);
  });

  it("retries a 502 without a JSON body and reports invalid_response", async () => {
    const { transport } = transportWith([
      new Response("<html>bad gateway</html>", { status: 502 }),
      json(200, { IdentityId: "x" }),
    ]);
    expect(await transport.call("GetId", {})).toEqual({ IdentityId: "x" });
  });

  it("does not retry LimitExceededException (a quota, not a rate)", async () => {
    const { transport, requests } = transportWith([
      json(400, { __type: "LimitExceededException" }),
    ]);
    await expect(transport.call("GetId", {})).rejects.toThrow(
      expect.objectContaining({ name: "IdentityPoolError" }),
    );
    expect(requests).toHaveLength(1);
  });

  it("redacts token-shaped text from service messages", async () => {
    const token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl";
    const { transport } = transportWith([
      json(400, { __type: "NotAuthorizedException", message: `Invalid login token ${token}` }),
    ]);
    const call = transport.call("GetId", {});
    await expect(call).rejects.toThrow(expect.objectContaining({ name: "IdentityPoolError" }));
    await expect(call).rejects.toThrow("[redacted]");
    await expect(call).rejects.toSatisfy((error: unknown) => !String(error).includes(token));
  });

  it("a 200 that is not JSON is invalid_response", async () => {
    const { transport } = transportWith([new Response("ok", { status: 200 })]);
    await expect(transport.call("GetId", {})).rejects.toThrowCode("invalid_response", {
      name: "IdentityPoolError",
    });
  });
});
