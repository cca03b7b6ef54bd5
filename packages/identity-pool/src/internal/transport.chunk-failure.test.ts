import { describe, expect, it, vi } from "vitest";
import { isIdentityPoolError } from "../errors.js";
import { optionCheck } from "./option-check.js";
import { createTransport } from "./transport.js";

// The error details (message, retry decision, hint) are a lazily loaded chunk; here it fails to load.
vi.mock("./describe-service-error.js", () => {
  throw new Error("chunk failed to load");
});

describe("transport, when the error-details chunk fails to load", () => {
  it("still throws the service's error type as code, retried within bounds", async () => {
    let calls = 0;
    const transport = createTransport(
      optionCheck("test"),
      {
        fetch: (async () => {
          calls++;
          return new Response(JSON.stringify({ __type: "NotAuthorizedException", message: "m" }), {
            status: 400,
          });
        }) as unknown as typeof fetch,
        retry: { maxAttempts: 2 },
        sleep: async () => {},
      },
      "http://127.0.0.1:1/",
    );
    const error = await transport.call("GetId", {}).catch((e: unknown) => e);
    expect(isIdentityPoolError(error) && [error.code, error.status, error.message]).toEqual([
      "NotAuthorizedException",
      400,
      "GetId failed: NotAuthorizedException (HTTP 400)",
    ]);
    expect(calls).toBe(2);
  });
});
