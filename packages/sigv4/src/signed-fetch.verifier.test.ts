import { type SigV4VerifierServer, startSigV4Verifier } from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClockOffset } from "./clock/clock-offset.js";
import { explainSignatureMismatch } from "./explain/explain-signature-mismatch.js";
import { signRequest } from "./sign-request.js";
import { createSignedFetch } from "./signed-fetch.js";

// End to end against @gatehouse/testing's SigV4 verifier, which recomputes the signature the way
// API Gateway does and answers with API Gateway's 403 bodies.

const SERVER_NOW = Date.UTC(2024, 0, 1, 12, 0, 0);
const credentials = {
  accessKeyId: "ASIAEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "IQoJb3JpZ2luX2VjEXAMPLETOKENEXAMPLETOKEN",
};

let verifier: SigV4VerifierServer;

beforeAll(async () => {
  verifier = await startSigV4Verifier({
    credentials: [credentials],
    region: "eu-west-1",
    now: () => new Date(SERVER_NOW),
  });
});

afterAll(async () => {
  await verifier.close();
});

function signedFetchAt(localMs: number) {
  const clock = createClockOffset({ now: () => localMs });
  return { clock, signedFetch: createSignedFetch({ credentials, region: "eu-west-1", clock }) };
}

describe("createSignedFetch against the SigV4 verifier", () => {
  it("is accepted with a GET and a query", async () => {
    const { signedFetch } = signedFetchAt(SERVER_NOW);
    const response = await signedFetch(`${verifier.url}/prod/pets/a%20b?limit=2&name=R%C3%A9x`);
    expect([response.status, await response.json()]).toEqual([
      200,
      { ok: true, accessKeyId: "ASIAEXAMPLE", presigned: false },
    ]);
  });

  it.each([
    ["a JSON string", () => JSON.stringify({ name: "Rex" })],
    ["a form", () => new URLSearchParams({ name: "Rex", note: "a b+c" })],
    ["bytes", () => new Uint8Array([0, 1, 2, 255])],
    [
      "a multipart form",
      () => {
        const form = new FormData();
        form.set("file", new Blob(["hello"]), "hello.txt");
        return form;
      },
    ],
  ])("is accepted with %s body", async (_name, body) => {
    const { signedFetch } = signedFetchAt(SERVER_NOW);
    const response = await signedFetch(`${verifier.url}/prod/pets`, {
      method: "POST",
      headers: { "x-trace": "  spaced   value " },
      body: body() as BodyInit,
    });
    expect(response.status).toBe(200);
  });

  it("is accepted with a Request", async () => {
    const { signedFetch } = signedFetchAt(SERVER_NOW);
    const response = await signedFetch(
      new Request(`${verifier.url}/prod/pets`, { method: "PUT", body: '{"name":"Rex"}' }),
    );
    expect(response.status).toBe(200);
  });

  it("corrects a clock 10 minutes slow after one retry", async () => {
    const before = verifier.requests;
    const { signedFetch, clock } = signedFetchAt(SERVER_NOW - 10 * 60_000);
    const response = await signedFetch(`${verifier.url}/prod/pets`);
    expect([response.status, verifier.requests - before, clock.offsetMs]).toEqual([
      200,
      2,
      10 * 60_000,
    ]);
  });

  it("corrects a clock an hour fast after one retry", async () => {
    const before = verifier.requests;
    const { signedFetch } = signedFetchAt(SERVER_NOW + 3_600_000);
    const response = await signedFetch(`${verifier.url}/prod/pets`, { method: "DELETE" });
    expect([response.status, verifier.requests - before]).toEqual([200, 2]);
  });
});

describe("explainSignatureMismatch against the SigV4 verifier", () => {
  it("finds a path changed after signing", async () => {
    const signed = await signRequest(
      { method: "GET", url: `${verifier.url}/prod/pets` },
      { credentials, region: "eu-west-1", date: new Date(SERVER_NOW) },
    );
    const { host: _host, ...headers } = signed.headers;
    const response = await fetch(`${verifier.url}/prod/cats`, { headers });
    expect(response.status).toBe(403);
    const result = explainSignatureMismatch(await response.text(), signed);
    expect(result.differences).toEqual([
      { part: "path", expected: "/prod/cats", actual: "/prod/pets" },
    ]);
    expect(JSON.stringify(result)).not.toContain(credentials.sessionToken);
  });

  it("finds a header value changed after signing", async () => {
    const signed = await signRequest(
      { method: "GET", url: `${verifier.url}/prod/pets`, headers: { "x-tenant": "blue" } },
      { credentials, region: "eu-west-1", date: new Date(SERVER_NOW) },
    );
    const { host: _host, ...headers } = signed.headers;
    const response = await fetch(`${verifier.url}/prod/pets`, {
      headers: { ...headers, "x-tenant": "green" },
    });
    const result = explainSignatureMismatch(await response.text(), signed);
    expect(result.differences).toEqual([
      { part: "headers", expected: "x-tenant:green", actual: "x-tenant:blue" },
    ]);
  });

  it("finds a body changed after signing", async () => {
    const signed = await signRequest(
      { method: "POST", url: `${verifier.url}/prod/pets`, body: '{"name":"Rex"}' },
      { credentials, region: "eu-west-1", date: new Date(SERVER_NOW) },
    );
    const { host: _host, ...headers } = signed.headers;
    const response = await fetch(`${verifier.url}/prod/pets`, {
      method: "POST",
      headers,
      body: '{"name": "Rex"}',
    });
    const result = explainSignatureMismatch(await response.text(), signed);
    expect(result.differences.map((d) => d.part)).toEqual(["payload-hash"]);
  });

  it("blames the secret when only the key is wrong", async () => {
    const signed = await signRequest(
      { method: "GET", url: `${verifier.url}/prod/pets` },
      {
        credentials: { ...credentials, secretAccessKey: `${credentials.secretAccessKey}\n` },
        region: "eu-west-1",
        date: new Date(SERVER_NOW),
      },
    );
    const { host: _host, ...headers } = signed.headers;
    const response = await fetch(`${verifier.url}/prod/pets`, { headers });
    const result = explainSignatureMismatch(await response.text(), signed);
    expect([result.differences, result.summary]).toEqual([
      [],
      expect.stringContaining("the secret access key does not belong to the access key id"),
    ]);
  });
});
