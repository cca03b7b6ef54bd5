import { request as httpRequest } from "node:http";
import {
  createClockOffset,
  createSignedFetch,
  explainSignatureMismatch,
  presignUrl,
  type SignedRequest,
  signRequest,
} from "@gatehouse/sigv4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SigV4VerifierServer, startSigV4Verifier } from "./start-sigv4-verifier.js";
import { KEY, NOW, REGION, signOptions, verifierOptions } from "./test-support.js";

/** Sends a signed request with Node's fetch, which sets `host` itself. */
function send(signed: SignedRequest, init: RequestInit = {}): Promise<Response> {
  const { host: _host, ...headers } = signed.headers;
  const body = typeof signed.body === "string" ? signed.body : undefined;
  return fetch(signed.url, {
    method: signed.method,
    headers,
    ...(body === undefined ? {} : { body }),
    ...init,
  });
}

describe("startSigV4Verifier", () => {
  let verifier: SigV4VerifierServer;

  beforeAll(async () => {
    verifier = await startSigV4Verifier(verifierOptions);
  });

  afterAll(async () => {
    await verifier.close();
  });

  it("listens on 127.0.0.1 on a free port", () => {
    expect(verifier.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("answers 200 with the access key for a header-signed request", async () => {
    const signed = await signRequest(
      { method: "GET", url: `${verifier.url}/prod/pets?a=1&a=0` },
      signOptions,
    );
    const response = await send(signed);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      accessKeyId: KEY.accessKeyId,
      presigned: false,
    });
  });

  it("accepts a header sent twice, which SigV4 signs as the trimmed values joined with `,`", async () => {
    const signed = await signRequest(
      {
        method: "GET",
        url: `${verifier.url}/prod/pets`,
        headers: [
          ["x-tag", "one"],
          ["x-tag", "\ttwo  three "],
        ],
      },
      signOptions,
    );
    // Node's fetch would merge the two lines into one; node:http sends an array as repeated lines.
    const { host: _host, ...headers } = signed.headers;
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        signed.url,
        { method: "GET", headers: { ...headers, "x-tag": ["one", "\ttwo  three "] } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(signed.headers["authorization"]).toContain("SignedHeaders=host;x-amz-date;x-tag");
    expect(status).toBe(200);
  });

  it("reads the whole body of a POST", async () => {
    const body = JSON.stringify({ text: "x".repeat(200_000) });
    const signed = await signRequest(
      {
        method: "POST",
        url: `${verifier.url}/prod/pets`,
        headers: { "content-type": "application/json" },
        body,
      },
      signOptions,
    );
    expect((await send(signed)).status).toBe(200);
  });

  it("answers 200 with presigned true for a presigned URL", async () => {
    const url = await presignUrl(
      { url: `${verifier.url}/prod/connect` },
      { ...signOptions, expiresIn: 60 },
    );
    expect(await (await fetch(url)).json()).toEqual({
      ok: true,
      accessKeyId: KEY.accessKeyId,
      presigned: true,
    });
  });

  it("answers 403 Missing Authentication Token like API Gateway", async () => {
    const response = await fetch(`${verifier.url}/prod/pets`);
    expect(response.status).toBe(403);
    expect(response.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
    expect(await response.text()).toBe('{"message":"Missing Authentication Token"}');
  });

  it("answers 403 InvalidSignatureException for a tampered body", async () => {
    const signed = await signRequest(
      { method: "POST", url: `${verifier.url}/prod/pets`, body: "a" },
      signOptions,
    );
    const response = await send(signed, { body: "b" });
    expect(response.status).toBe(403);
    expect(response.headers.get("x-amzn-errortype")).toBe("InvalidSignatureException");
    expect(((await response.json()) as { message: string }).message).toContain(
      "The Canonical String for this request should have been\n'POST\n/prod/pets\n",
    );
  });

  it("sends the Date header from the injected clock", async () => {
    const response = await fetch(`${verifier.url}/`);
    expect(response.headers.get("date")).toBe(NOW.toUTCString());
  });

  it("answers a CORS preflight allowing the SigV4 headers", async () => {
    const response = await fetch(`${verifier.url}/prod/pets`, {
      method: "OPTIONS",
      headers: {
        origin: "http://127.0.0.1:1",
        "access-control-request-method": "POST",
        "access-control-request-headers":
          "authorization,x-amz-date,x-amz-security-token,content-type",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:1");
    const allowed = response.headers.get("access-control-allow-headers") ?? "";
    for (const header of [
      "authorization",
      "x-amz-date",
      "x-amz-security-token",
      "x-amz-content-sha256",
      "content-type",
    ]) {
      expect(allowed).toContain(header);
    }
  });

  it("exposes Date to cross-origin scripts so a browser client can learn its clock offset", async () => {
    const response = await fetch(`${verifier.url}/`, { headers: { origin: "http://127.0.0.1:1" } });
    expect(response.headers.get("access-control-expose-headers")).toContain("Date");
  });

  it("rejects malformed options with TypeError", async () => {
    await expect(startSigV4Verifier({ ...verifierOptions, region: "" })).rejects.toThrow(TypeError);
  });
});

describe("startSigV4Verifier counters", () => {
  let verifier: SigV4VerifierServer;

  beforeAll(async () => {
    verifier = await startSigV4Verifier(verifierOptions);
  });

  afterAll(async () => {
    await verifier.close();
  });

  it("counts requests, acceptances and rejections but not preflights", async () => {
    const signed = await signRequest({ method: "GET", url: `${verifier.url}/x` }, signOptions);
    await send(signed);
    await send(signed);
    await fetch(`${verifier.url}/x`);
    await fetch(`${verifier.url}/x`, {
      method: "OPTIONS",
      headers: { "access-control-request-method": "GET" },
    });
    expect({
      requests: verifier.requests,
      accepted: verifier.accepted,
      rejected: verifier.rejected,
    }).toEqual({
      requests: 3,
      accepted: 2,
      rejected: 1,
    });
  });
});

describe("startSigV4Verifier close", () => {
  it("stops accepting connections", async () => {
    const verifier = await startSigV4Verifier(verifierOptions);
    await verifier.close();
    await expect(fetch(`${verifier.url}/`)).rejects.toThrow();
  });
});

describe("startSigV4Verifier with the signer's client tools", () => {
  let verifier: SigV4VerifierServer;

  beforeAll(async () => {
    // The real clock: createSignedFetch signs with its own clock.
    verifier = await startSigV4Verifier({ ...verifierOptions, now: undefined });
  });

  afterAll(async () => {
    await verifier.close();
  });

  it("gives a mismatch body that explainSignatureMismatch pins on the changed part", async () => {
    const signed = await signRequest(
      { method: "GET", url: `${verifier.url}/prod/pets` },
      {
        ...signOptions,
        date: new Date(),
      },
    );
    const response = await send({ ...signed, method: "DELETE" });
    const explanation = explainSignatureMismatch(await response.text(), signed);
    expect(explanation.differences.map((difference) => difference.part)).toContain("method");
  });

  it("lets createSignedFetch recover from a 10-minute clock skew through the Date header", async () => {
    const clock = createClockOffset({ now: () => Date.now() - 10 * 60_000 });
    const signedFetch = createSignedFetch({ credentials: KEY, region: REGION, clock });
    const before = { rejected: verifier.rejected, accepted: verifier.accepted };
    const response = await signedFetch(`${verifier.url}/prod/pets`);
    expect({
      status: response.status,
      rejected: verifier.rejected - before.rejected,
      accepted: verifier.accepted - before.accepted,
    }).toEqual({ status: 200, rejected: 1, accepted: 1 });
  });
});
