import { request as httpRequest } from "node:http";
import { type SigV4VerifierServer, startSigV4Verifier } from "@gatehouse/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { presignUrl } from "./presign-url.js";
import { type SignableHttpRequest, type SignOptions, signRequest } from "./sign-request.js";

// The wire form (hostname + path) end to end: signed, sent with Node's http.request exactly as
// returned (the target is never re-parsed as a URL), and checked by @gatehouse/testing's verifier,
// which recomputes the signature over the target as received.

const NOW = new Date("2024-01-01T12:00:00Z");
const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
const DOT_PATH = "/bucket/photos/./2024/../a.jpg";

let normalizing: SigV4VerifierServer;
let literal: SigV4VerifierServer;

beforeAll(async () => {
  const common = { credentials: [credentials], region: "eu-west-1", now: () => NOW };
  normalizing = await startSigV4Verifier(common);
  literal = await startSigV4Verifier({ ...common, service: "s3", normalizePath: false });
});

afterAll(async () => {
  await Promise.all([normalizing.close(), literal.close()]);
});

/** Sends a request with Node's http.request and resolves with the status and JSON body. */
function send(
  options: {
    method: string;
    hostname: string;
    port: number | undefined;
    path: string;
    headers?: Record<string, string>;
  },
  body?: string,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        method: options.method,
        hostname: options.hostname,
        port: options.port,
        path: options.path,
        headers: options.headers,
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
          }),
        );
      },
    );
    req.on("timeout", () => req.destroy(new Error("no answer within 10 s")));
    req.on("error", reject);
    req.end(body);
  });
}

function at(server: SigV4VerifierServer, path: string): SignableHttpRequest {
  const { hostname, port } = new URL(server.url);
  return { method: "GET", protocol: "http:", hostname, port, path };
}

const accepted = (presigned: boolean) => ({
  status: 200,
  body: { ok: true, accessKeyId: "AKIDEXAMPLE", presigned },
});

describe("the wire form through Node's http.request against the SigV4 verifier", () => {
  it("verifies a dot-segment path signed with normalizePath: false (S3-style)", async () => {
    const options: SignOptions = {
      credentials,
      region: "eu-west-1",
      service: "s3",
      date: NOW,
      normalizePath: false,
    };
    const signed = await signRequest(
      { ...at(literal, DOT_PATH), method: "PUT", body: "photo bytes" },
      options,
    );
    expect(signed.path).toBe(DOT_PATH);
    expect(await send(signed, "photo bytes")).toEqual(accepted(false));
    // The same signed headers with another body: refused.
    expect((await send(signed, "other bytes")).status).toBe(403);
  });

  it("verifies a presigned dot-segment target sent as returned", async () => {
    const target = await presignUrl(at(literal, DOT_PATH), {
      credentials,
      region: "eu-west-1",
      service: "s3",
      date: NOW,
      normalizePath: false,
      expiresIn: 300,
    });
    expect(target.startsWith(`${DOT_PATH}?X-Amz-Algorithm=`)).toBe(true);
    const { hostname, port } = at(literal, target);
    expect(await send({ method: "GET", hostname, port: Number(port), path: target })).toEqual(
      accepted(true),
    );
  });

  it("verifies a plain path at the normalising verifier (API Gateway), and refuses a dot-segment target there even signed normalised", async () => {
    const options = { credentials, region: "eu-west-1", date: NOW };
    expect(await send(await signRequest(at(normalizing, "/prod/pets"), options))).toEqual(
      accepted(false),
    );
    // Signed as /prod/pets: the verifier cannot tell that path from the one routed, so refuses.
    const dotted = await signRequest(at(normalizing, "/prod/./x/../pets"), options);
    expect(dotted.signing.canonicalRequest.split("\n")[1]).toBe("/prod/pets");
    expect((await send(dotted)).status).toBe(403);
  });

  it("refuses a literal dot-segment signature at a normalising verifier, and a normalised one at a literal verifier", async () => {
    const options = { credentials, region: "eu-west-1", date: NOW };
    const literalSigned = await signRequest(at(normalizing, DOT_PATH), {
      ...options,
      normalizePath: false,
    });
    expect((await send(literalSigned)).status).toBe(403);
    const normalisedSigned = await signRequest(at(literal, DOT_PATH), {
      ...options,
      service: "s3",
    });
    expect((await send(normalisedSigned)).status).toBe(403);
  });
});
