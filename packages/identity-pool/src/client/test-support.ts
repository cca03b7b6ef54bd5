/**
 * Test helpers of the client tests (not exported from the package): the shared misbehaving
 * loopback server of `test/support/` seen as a Cognito-identity / STS endpoint: each request's
 * operation (`X-Amz-Target` suffix, or the STS `Action`), and answers in Cognito's JSON.
 * @internal
 */
import type { ServerResponse } from "node:http";
import {
  endless as endlessBody,
  hang as hangHandler,
  type MisbehavingServer as LoopbackServer,
  startMisbehavingServer as startLoopback,
  trickle as trickleBody,
} from "../../../../test/support/misbehaving-server.js";

const JSON_1_1 = "application/x-amz-json-1.1";

/** Answers one request; `body` is the request body, `target` its `X-Amz-Target` operation. */
export type Handler = (
  request: { target: string; body: string; url: string },
  response: ServerResponse,
) => void;

export interface MisbehavingServer extends Omit<LoopbackServer, "requests"> {
  /** The operation (`X-Amz-Target` suffix, or the STS `Action`) of every request received. */
  operations: string[];
}

export async function startMisbehavingServer(handler: Handler): Promise<MisbehavingServer> {
  const operations: string[] = [];
  const server = await startLoopback(({ url, headers, body }, response) => {
    const target =
      String(headers["x-amz-target"] ?? "")
        .split(".")
        .pop() ?? "";
    operations.push(target || (new URLSearchParams(body).get("Action") ?? ""));
    handler({ target, body, url }, response);
  });
  const { url, written, nextRequest, close } = server;
  return { url, operations, written, nextRequest, close };
}

/** Accepts the request and never answers. */
export const hang: Handler = hangHandler;

/** Answers 200 at once, then one byte of JSON whitespace every `intervalMs`, never ending. */
export const trickle = (intervalMs: number): Handler => trickleBody(intervalMs, JSON_1_1);

/** Answers 200 with a body that never ends, as fast as the client reads it. */
export const endless: Handler = endlessBody(JSON_1_1, `{"IdentityId":"${"x".repeat(64 * 1024)}`);

/** Answers each operation with the JSON its function returns (HTTP 200). */
export const answers =
  (byOperation: Record<string, (input: Record<string, unknown>) => unknown>): Handler =>
  ({ target, body }, response) => {
    const answer = byOperation[target];
    if (answer === undefined) {
      response.writeHead(400, { "content-type": JSON_1_1 });
      response.end(JSON.stringify({ __type: "UnknownOperationException" }));
      return;
    }
    response.writeHead(200, { "content-type": JSON_1_1 });
    response.end(JSON.stringify(answer(JSON.parse(body || "{}") as Record<string, unknown>)));
  };
