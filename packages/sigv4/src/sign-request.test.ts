import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type { AwsCredentials } from "./credentials/aws-credentials.js";
import { memoizeCredentials } from "./credentials/memoize-credentials.js";
import { signRequest } from "./sign-request.js";

const DATE = new Date("2024-03-05T06:07:08Z");
const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const TOKEN = "FwoGZXIvYXdzEXAMPLETOKEN";
const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: SECRET };
const API = "https://abc123.execute-api.eu-west-1.amazonaws.com";
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const header = (signed: { headers: Record<string, string> }, name: string) => signed.headers[name];
const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

const sign = (
  url: string,
  extra: Partial<Parameters<typeof signRequest>[1]> = {},
  method = "GET",
) => signRequest({ method, url }, { credentials: CREDENTIALS, date: DATE, ...extra });

describe("signRequest", () => {
  it("signs the URL's host, port included when it is not the default", async () => {
    const signed = await sign("https://127.0.0.1:8443/x", { region: "eu-west-1" });
    expect(header(signed, "host")).toBe("127.0.0.1:8443");
    expect(signed.signing.canonicalRequest).toContain("\nhost:127.0.0.1:8443\n");
  });

  it("signs the URL's host even when the request carries another Host header", async () => {
    const signed = await signRequest(
      { method: "GET", url: `${API}/`, headers: { Host: "evil.example.com" } },
      { credentials: CREDENTIALS, date: DATE },
    );
    expect(header(signed, "host")).toBe("abc123.execute-api.eu-west-1.amazonaws.com");
  });

  it("adds x-amz-date and an Authorization header for the frozen date", async () => {
    const signed = await sign(`${API}/prod/pets`);
    expect(header(signed, "x-amz-date")).toBe("20240305T060708Z");
    expect(header(signed, "authorization")).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20240305\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=host;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
  });

  it("infers region and execute-api from an API Gateway host", async () => {
    const signed = await sign(`${API}/prod`);
    expect(signed.signing.credentialScope).toBe("20240305/eu-west-1/execute-api/aws4_request");
  });

  it("infers the region from a China (.amazonaws.com.cn) API Gateway host", async () => {
    const signed = await sign("https://abc123.execute-api.cn-north-1.amazonaws.com.cn/prod");
    expect(signed.signing.credentialScope).toBe("20240305/cn-north-1/execute-api/aws4_request");
  });

  it("infers region and the lambda service from a Lambda function URL host", async () => {
    const signed = await sign("https://abcdefghij0123456789.lambda-url.us-west-2.on.aws/");
    expect(signed.signing.credentialScope).toBe("20240305/us-west-2/lambda/aws4_request");
  });

  it("infers the region from a wss:// WebSocket API host", async () => {
    const signed = await sign("wss://abc123.execute-api.ap-south-1.amazonaws.com/prod");
    expect(signed.signing.credentialScope).toBe("20240305/ap-south-1/execute-api/aws4_request");
  });

  it("rejects a host it cannot infer a region from with missing_region", async () => {
    await expect(sign("https://api.example.com/prod")).rejects.toThrowCode("missing_region");
  });

  it("lets explicit region and service options win over the host", async () => {
    const signed = await sign(`${API}/prod`, { region: "us-east-1", service: "vpc-lattice-svcs" });
    expect(signed.signing.credentialScope).toBe("20240305/us-east-1/vpc-lattice-svcs/aws4_request");
  });

  it("percent-encodes the wire path a second time", async () => {
    const signed = await sign(`${API}/prod/a b/caf%C3%A9`);
    expect(signed.signing.canonicalRequest.split("\n")[1]).toBe("/prod/a%2520b/caf%25C3%25A9");
  });

  it("removes empty path segments by default", async () => {
    const signed = await sign(`${API}//prod//a%20b/`);
    expect(signed.signing.canonicalRequest.split("\n")[1]).toBe("/prod/a%2520b/");
  });

  it("keeps empty segments but still double-encodes with normalizePath: false", async () => {
    const signed = await sign(`${API}//prod//a%20b/`, { normalizePath: false });
    expect(signed.signing.canonicalRequest.split("\n")[1]).toBe("//prod//a%2520b/");
  });

  it("sorts the query by key then value, keeping repeated keys and empty values", async () => {
    const signed = await sign(`${API}/?b=2&a=z&a=&a=y&c&%E1%88%B4=x+y`);
    // Byte order of the encoded keys: "%" (0x25) sorts before letters.
    expect(signed.signing.canonicalRequest.split("\n")[2]).toBe(
      "%E1%88%B4=x%2By&a=&a=y&a=z&b=2&c=",
    );
  });

  it("signs the session token as x-amz-security-token", async () => {
    const signed = await sign(`${API}/`, {
      credentials: { ...CREDENTIALS, sessionToken: TOKEN },
    });
    expect(header(signed, "x-amz-security-token")).toBe(TOKEN);
    expect(signed.signing.signedHeaders).toEqual(["host", "x-amz-date", "x-amz-security-token"]);
  });

  it("adds no x-amz-content-sha256 header by default", async () => {
    const signed = await sign(`${API}/`);
    expect(header(signed, "x-amz-content-sha256")).toBeUndefined();
  });

  it("adds and signs x-amz-content-sha256 with contentSha256Header: true", async () => {
    const signed = await sign(`${API}/`, { contentSha256Header: true });
    expect(header(signed, "x-amz-content-sha256")).toBe(EMPTY_SHA256);
    expect(signed.signing.signedHeaders).toContain("x-amz-content-sha256");
  });

  it("hashes a string body as UTF-8", async () => {
    const signed = await signRequest(
      { method: "POST", url: `${API}/`, body: "héllo" },
      { credentials: CREDENTIALS, date: DATE },
    );
    expect(signed.signing.canonicalRequest.endsWith(`\n${sha256("héllo")}`)).toBe(true);
  });

  it("hashes an ArrayBuffer like the same bytes as a Uint8Array", async () => {
    const bytes = new Uint8Array([0, 1, 2, 250]);
    const fromView = await signRequest(
      { method: "PUT", url: `${API}/`, body: bytes },
      { credentials: CREDENTIALS, date: DATE },
    );
    const fromBuffer = await signRequest(
      { method: "PUT", url: `${API}/`, body: bytes.slice().buffer },
      { credentials: CREDENTIALS, date: DATE },
    );
    expect(header(fromBuffer, "authorization")).toBe(header(fromView, "authorization"));
  });

  it("hashes URLSearchParams as fetch serialises them and sets fetch's content-type", async () => {
    const body = new URLSearchParams([
      ["a b", "c&d"],
      ["é", "~*"],
    ]);
    const signed = await signRequest(
      { method: "POST", url: `${API}/`, body },
      { credentials: CREDENTIALS, date: DATE },
    );
    const sent = await new Request(`${API}/`, { method: "POST", body }).text();
    expect(header(signed, "content-type")).toBe("application/x-www-form-urlencoded;charset=UTF-8");
    expect(signed.signing.canonicalRequest.endsWith(`\n${sha256(sent)}`)).toBe(true);
    expect(signed.body).toBe(body);
  });

  it("rejects a ReadableStream body without payloadHash with unsupported_body", async () => {
    const body = new ReadableStream<Uint8Array>();
    await expect(
      signRequest({ method: "POST", url: `${API}/`, body }, { credentials: CREDENTIALS }),
    ).rejects.toThrowCode("unsupported_body");
  });

  it("signs a ReadableStream body with the given payloadHash", async () => {
    const body = new ReadableStream<Uint8Array>();
    const signed = await signRequest(
      { method: "POST", url: `${API}/`, body },
      { credentials: CREDENTIALS, date: DATE, payloadHash: "UNSIGNED-PAYLOAD" },
    );
    expect(signed.signing.canonicalRequest.endsWith("\nUNSIGNED-PAYLOAD")).toBe(true);
  });

  it("rejects a payloadHash that is neither hex SHA-256 nor UNSIGNED-PAYLOAD", async () => {
    await expect(sign(`${API}/`, { payloadHash: "ABC" })).rejects.toThrowCode("invalid_option");
  });

  it("uses fetch's method normalisation (get upper-cased, patch kept)", async () => {
    const get = await sign(`${API}/`, {}, "get");
    const patch = await sign(`${API}/`, {}, "patch");
    expect([get.method, patch.method]).toEqual(["GET", "patch"]);
  });

  it("resolves a credentials provider", async () => {
    const signed = await sign(`${API}/`, { credentials: async () => CREDENTIALS });
    expect(header(signed, "authorization")).toContain("Credential=AKIDEXAMPLE/");
  });

  it("reports a failing provider as credentials_unavailable", async () => {
    await expect(
      sign(`${API}/`, {
        credentials: async () => {
          throw new Error("no profile");
        },
      }),
    ).rejects.toThrowCode("credentials_unavailable");
  });

  it("bounds the wait for a provider that is not memoized (timeout after 20 s)", async () => {
    vi.useFakeTimers();
    try {
      const assertion = expect(
        sign(`${API}/`, { credentials: () => new Promise<AwsCredentials>(() => undefined) }),
      ).rejects.toThrowCode("timeout", { path: "options.credentials" });
      await vi.advanceTimersByTimeAsync(20_000);
      await assertion;
    } finally {
      vi.useRealTimers();
    }
  });

  it("stops waiting for a provider when options.signal aborts, and hands it the signal", async () => {
    const controller = new AbortController();
    const given: Array<AbortSignal | undefined> = [];
    const assertion = expect(
      sign(`${API}/`, {
        credentials: (options) => {
          given.push(options?.signal);
          return new Promise<AwsCredentials>(() => undefined);
        },
        signal: controller.signal,
      }),
    ).rejects.toThrowCode("aborted", { cause: expect.objectContaining({ message: "cancelled" }) });
    controller.abort(new Error("cancelled"));
    await assertion;
    expect(given).toEqual([controller.signal]);
  });

  it("passes a memoized provider's own error code through (timeout)", async () => {
    const credentials = memoizeCredentials(() => new Promise<AwsCredentials>(() => undefined), {
      timeoutMs: 50,
    });
    await expect(sign(`${API}/`, { credentials })).rejects.toThrowCode("timeout");
  });

  it("throws TypeError for a signal that is not an AbortSignal", async () => {
    await expect(sign(`${API}/`, { signal: {} as AbortSignal })).rejects.toThrow(TypeError);
  });

  it("throws TypeError for an invalid date", async () => {
    await expect(sign(`${API}/`, { date: new Date(Number.NaN) })).rejects.toThrow(TypeError);
  });

  it("never puts the secret key or session token in an error message", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[A-Za-z0-9+/]{20,40}$/),
        fc.constantFrom("https://api.example.com/", "ftp://x/", `${API}/`),
        fc.constantFrom("", "bad key", "AKID"),
        async (secret, url, accessKeyId) => {
          await expect(
            signRequest(
              { method: "GET", url, body: new ReadableStream() },
              { credentials: { accessKeyId, secretAccessKey: secret, sessionToken: `${secret}T` } },
            ),
          ).rejects.toSatisfy(
            (error: unknown) => !String((error as Error).message).includes(secret),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
