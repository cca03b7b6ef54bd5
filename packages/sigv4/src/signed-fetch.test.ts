import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createClockOffset } from "./clock/clock-offset.js";
import type { AwsCredentials } from "./credentials/aws-credentials.js";
import { memoizeCredentials } from "./credentials/memoize-credentials.js";
import { isSigV4Error } from "./errors.js";
import { createSignedFetch } from "./signed-fetch.js";

/** What API Gateway's clock says in these tests; the client's clock is 10 minutes slow. */
const SERVER_NOW = Date.UTC(2024, 0, 1, 0, 10, 0);
const SLOW_LOCAL = SERVER_NOW - 10 * 60_000;

const credentials: AwsCredentials = {
  accessKeyId: "ASIAEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "IQoJb3JpZ2luX2VjEXAMPLETOKEN",
};

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

function amzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/**
 * A loopback server playing API Gateway's IAM check just far enough for the fetch layer: it wants
 * the SigV4 headers, and rejects an `x-amz-date` more than 5 minutes from `serverNow()` with the
 * real 403 (message, `x-amzn-ErrorType`, `Date`). Signature maths is left to the verifier test.
 */
let seen: Seen[] = [];
let serverNow = () => SERVER_NOW;
let respond: ((req: Seen, res: ServerResponse) => boolean) | undefined;
let server: ReturnType<typeof createServer>;
let base = "";

function handle(seenRequest: Seen, res: ServerResponse): void {
  const now = serverNow();
  res.setHeader("date", new Date(now).toUTCString());
  if (respond?.(seenRequest, res)) return;
  const { authorization } = seenRequest.headers;
  const date = seenRequest.headers["x-amz-date"];
  if (typeof authorization !== "string" || typeof date !== "string") {
    res.writeHead(403, { "content-type": "application/json" });
    res.end(JSON.stringify({ message: "Missing Authentication Token" }));
    return;
  }
  const signedAt = Date.parse(
    date.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"),
  );
  if (Math.abs(signedAt - now) > 5 * 60_000) {
    const message =
      signedAt < now
        ? `Signature expired: ${date} is now earlier than ${amzDate(now - 300_000)} (${amzDate(now)} - 5 min.)`
        : `Signature not yet current: ${date} is still later than ${amzDate(now + 300_000)} (${amzDate(now)} + 5 min.)`;
    res.writeHead(403, {
      "content-type": "application/json",
      "x-amzn-ErrorType": "InvalidSignatureException",
    });
    res.end(JSON.stringify({ message }));
    return;
  }
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ ok: true }));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      seen.push(request);
      handle(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  seen = [];
  serverNow = () => SERVER_NOW;
  respond = undefined;
});

/** A signed fetch whose clock agrees with the server unless told otherwise. */
function signedFetchWith(
  local = SERVER_NOW,
  extra: Partial<Parameters<typeof createSignedFetch>[0]> = {},
) {
  const clock = createClockOffset({ now: () => local });
  return {
    clock,
    signedFetch: createSignedFetch({ credentials, region: "eu-west-1", clock, ...extra }),
  };
}

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

describe("createSignedFetch", () => {
  it("sends the SigV4 headers with a GET", async () => {
    const { signedFetch } = signedFetchWith();
    const response = await signedFetch(`${base}/prod/pets?limit=2`);
    expect(response.status).toBe(200);
    const [request] = seen;
    expect(request?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE\/20240101\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
    );
    expect(request?.headers["x-amz-date"]).toBe("20240101T001000Z");
    expect(request?.headers["x-amz-security-token"]).toBe(credentials.sessionToken);
    expect(request?.url).toBe("/prod/pets?limit=2");
  });

  it("accepts a URL object", async () => {
    const { signedFetch } = signedFetchWith();
    expect((await signedFetch(new URL(`${base}/prod/pets`))).status).toBe(200);
  });

  it.each([
    ["string", () => '{"name":"Rex"}', '{"name":"Rex"}'],
    ["Uint8Array", () => new TextEncoder().encode("bytes"), "bytes"],
    ["ArrayBuffer", () => new TextEncoder().encode("buffer").buffer, "buffer"],
    ["DataView", () => new DataView(new TextEncoder().encode("xxview").buffer, 2), "view"],
    ["URLSearchParams", () => new URLSearchParams({ a: "1", b: "x y" }), "a=1&b=x+y"],
    ["Blob", () => new Blob(["blob"]), "blob"],
  ])("signs the exact bytes it sends for a %s body", async (_name, body, text) => {
    const { signedFetch } = signedFetchWith(SERVER_NOW, { contentSha256Header: true });
    await signedFetch(`${base}/prod/pets`, { method: "POST", body: body() as BodyInit });
    const [request] = seen;
    expect(request?.body.toString()).toBe(text);
    expect(request?.headers["x-amz-content-sha256"]).toBe(sha256(request!.body));
  });

  it("signs a FormData body with the multipart content type it is sent with", async () => {
    const { signedFetch } = signedFetchWith(SERVER_NOW, { contentSha256Header: true });
    const form = new FormData();
    form.set("name", "Rex");
    await signedFetch(`${base}/prod/pets`, { method: "POST", body: form });
    const [request] = seen;
    const boundary = /boundary=(\S+)/.exec(request?.headers["content-type"] ?? "")?.[1];
    expect(boundary !== undefined && request!.body.toString().includes(boundary)).toBe(true);
    expect(request?.headers["x-amz-content-sha256"]).toBe(sha256(request!.body));
    expect(request?.headers.authorization).toContain("content-type");
  });

  it("reads method, headers and body from a Request", async () => {
    const { signedFetch } = signedFetchWith(SERVER_NOW, { contentSha256Header: true });
    await signedFetch(
      new Request(`${base}/prod/pets`, {
        method: "PUT",
        headers: { "x-trace": "abc" },
        body: "from request",
      }),
    );
    const [request] = seen;
    expect([request?.method, request?.headers["x-trace"], request?.body.toString()]).toEqual([
      "PUT",
      "abc",
      "from request",
    ]);
    expect(request?.headers["x-amz-content-sha256"]).toBe(sha256("from request"));
    expect(request?.headers.authorization).toContain("x-trace");
  });

  it("lets init.headers replace a Request's headers, as fetch does", async () => {
    const { signedFetch } = signedFetchWith();
    await signedFetch(new Request(`${base}/prod`, { headers: { "x-old": "1" } }), {
      headers: { "x-new": "2" },
    });
    expect([seen[0]?.headers["x-old"], seen[0]?.headers["x-new"]]).toEqual([undefined, "2"]);
  });

  it("signs the caller's headers", async () => {
    const { signedFetch } = signedFetchWith();
    await signedFetch(`${base}/prod`, { headers: { "X-Api-Version": "2" } });
    expect(seen[0]?.headers.authorization).toMatch(/SignedHeaders=[^,]*x-api-version/);
  });

  it("learns the clock offset from a skew rejection and retries once", async () => {
    const { signedFetch, clock } = signedFetchWith(SLOW_LOCAL);
    const response = await signedFetch(`${base}/prod/pets`);
    expect(response.status).toBe(200);
    expect(seen.map((r) => r.headers["x-amz-date"])).toEqual([
      "20240101T000000Z",
      "20240101T001000Z",
    ]);
    expect(clock.offsetMs).toBe(10 * 60_000);
  });

  it("keeps the learnt offset for later requests", async () => {
    const { signedFetch } = signedFetchWith(SLOW_LOCAL);
    await signedFetch(`${base}/prod/pets`);
    seen = [];
    expect((await signedFetch(`${base}/prod/pets`)).status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it("corrects a clock that is ahead ('Signature not yet current')", async () => {
    const { signedFetch } = signedFetchWith(SERVER_NOW + 3_600_000);
    expect((await signedFetch(`${base}/prod`)).status).toBe(200);
    expect(seen).toHaveLength(2);
  });

  it("re-sends the same body on the retry", async () => {
    const { signedFetch } = signedFetchWith(SLOW_LOCAL);
    await signedFetch(`${base}/prod/pets`, {
      method: "POST",
      body: new URLSearchParams({ a: "1" }),
    });
    expect(seen.map((r) => r.body.toString())).toEqual(["a=1", "a=1"]);
  });

  it("re-sends a Request's body on the retry", async () => {
    const { signedFetch } = signedFetchWith(SLOW_LOCAL);
    const response = await signedFetch(
      new Request(`${base}/prod/pets`, { method: "POST", body: "once" }),
    );
    expect(response.status).toBe(200);
    expect(seen.map((r) => r.body.toString())).toEqual(["once", "once"]);
  });

  it("retries only once", async () => {
    let calls = 0;
    serverNow = () => SERVER_NOW + 3_600_000 * calls++;
    const { signedFetch } = signedFetchWith(SLOW_LOCAL);
    const response = await signedFetch(`${base}/prod`);
    expect([response.status, seen.length]).toEqual([403, 2]);
  });

  it("does not retry a stream body but still learns the offset", async () => {
    const { signedFetch, clock } = signedFetchWith(SLOW_LOCAL, { payloadHash: "UNSIGNED-PAYLOAD" });
    const body = new Blob(["streamed"]).stream();
    const response = await signedFetch(`${base}/prod/upload`, { method: "POST", body });
    expect([response.status, seen.length, clock.offsetMs]).toEqual([403, 1, 10 * 60_000]);
    expect(seen[0]?.body.toString()).toBe("streamed");
  });

  it("returns any other 403 untouched, body unread", async () => {
    respond = (_req, res) => {
      res.writeHead(403, { "content-type": "application/json" });
      res.end('{"message":"User: anonymous is not authorized to perform: execute-api:Invoke"}');
      return true;
    };
    const { signedFetch, clock } = signedFetchWith();
    const response = await signedFetch(`${base}/prod`);
    expect(await response.json()).toEqual({
      message: "User: anonymous is not authorized to perform: execute-api:Invoke",
    });
    expect([seen.length, clock.offsetMs]).toEqual([1, 0]);
  });

  it("returns the skew rejection itself, readable, when the retry is not possible", async () => {
    const { signedFetch } = signedFetchWith(SLOW_LOCAL, { payloadHash: "UNSIGNED-PAYLOAD" });
    const response = await signedFetch(`${base}/prod`, {
      method: "POST",
      body: new Blob(["x"]).stream(),
    });
    expect(((await response.json()) as { message: string }).message).toMatch(/^Signature expired/);
  });

  it("calls the credentials provider once for many requests", async () => {
    let calls = 0;
    const signedFetch = createSignedFetch({
      credentials: async () => {
        calls += 1;
        return credentials;
      },
      region: "eu-west-1",
      clock: createClockOffset({ now: () => SERVER_NOW }),
    });
    await Promise.all(Array.from({ length: 20 }, () => signedFetch(`${base}/prod`)));
    expect([calls, seen.length]).toEqual([1, 20]);
  });

  it("compares credential expiry with the corrected clock", async () => {
    const clock = createClockOffset({ now: () => SLOW_LOCAL });
    clock.offsetMs = SERVER_NOW - SLOW_LOCAL;
    const signedFetch = createSignedFetch({
      // Expired a minute ago in server time (9 minutes left on the slow local clock).
      credentials: async () => ({ ...credentials, expiration: new Date(SERVER_NOW - 60_000) }),
      region: "eu-west-1",
      clock,
    });
    await expect(signedFetch(`${base}/prod`)).rejects.toThrowCode("expired_credentials");
  });

  it("sends through the injected fetch, leaving host to it", async () => {
    const sent: Headers[] = [];
    const { signedFetch } = signedFetchWith(SERVER_NOW, {
      fetch: (input, init) => {
        sent.push(new Headers(init?.headers));
        return fetch(input, init);
      },
    });
    await signedFetch(`${base}/prod`);
    expect([sent.length, sent[0]?.has("host"), sent[0]?.has("authorization")]).toEqual([
      1,
      false,
      true,
    ]);
  });

  it("passes other init options through to fetch", async () => {
    const signals: Array<AbortSignal | null | undefined> = [];
    const controller = new AbortController();
    const { signedFetch } = signedFetchWith(SERVER_NOW, {
      fetch: (input, init) => {
        signals.push(init?.signal);
        return fetch(input, init);
      },
    });
    await signedFetch(`${base}/prod`, { signal: controller.signal });
    expect(signals[0]).toBe(controller.signal);
  });

  it("stops waiting for a hung credentials provider when the request's signal aborts", async () => {
    const signedFetch = createSignedFetch({
      credentials: () => new Promise<AwsCredentials>(() => undefined),
      region: "eu-west-1",
      clock: createClockOffset({ now: () => SERVER_NOW }),
    });
    const controller = new AbortController();
    const pending = signedFetch(`${base}/prod`, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrowCode("aborted");
    expect(seen).toHaveLength(0);
  });

  it("is not wedged by a hung credentials refresh: timeout, then the next request signs", async () => {
    let calls = 0;
    const signedFetch = createSignedFetch({
      credentials: memoizeCredentials(
        () => {
          calls += 1;
          return calls === 1
            ? new Promise<AwsCredentials>(() => undefined)
            : Promise.resolve(credentials);
        },
        { timeoutMs: 50 },
      ),
      region: "eu-west-1",
      clock: createClockOffset({ now: () => SERVER_NOW }),
    });
    await expect(signedFetch(`${base}/prod`)).rejects.toThrowCode("timeout");
    expect((await signedFetch(`${base}/prod`)).status).toBe(200);
    expect(calls).toBe(2);
  });

  it("takes the signal of a Request input too", async () => {
    const signedFetch = createSignedFetch({
      credentials: () => new Promise<AwsCredentials>(() => undefined),
      region: "eu-west-1",
    });
    const error = await signedFetch(new Request(`${base}/prod`, { signal: AbortSignal.abort() }))
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(isSigV4Error(error) && error.code).toBe("aborted");
  });

  it.each([
    ["options that are not an object", null],
    ["a date option", { credentials, region: "eu-west-1", date: new Date() }],
    ["a fetch that is not a function", { credentials, fetch: "fetch" }],
    ["a clock that is not a ClockOffset", { credentials, clock: { now: () => new Date() } }],
    ["credentials that are a string", { credentials: "AKID:secret" }],
  ])("throws TypeError for %s", (_name, options) => {
    expect(() => createSignedFetch(options as never)).toThrow(TypeError);
  });

  it("rejects an input that is not a string, URL or Request with TypeError", async () => {
    const { signedFetch } = signedFetchWith();
    await expect(signedFetch(42 as never)).rejects.toThrow(TypeError);
  });
});
