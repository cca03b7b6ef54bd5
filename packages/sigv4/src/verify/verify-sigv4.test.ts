import { describe, expect, it } from "vitest";
import { presignUrl } from "../presign-url.js";
import { type SignedRequest, signRequest } from "../sign-request.js";
import {
  API,
  authorizationOf,
  KEY,
  NOW,
  REGION,
  received,
  signOptions,
  TEMP_KEY,
  verifierOptions,
} from "./test-support.js";
import type { VerifiableRequest } from "./verifiable-request.js";
import { verifySigV4 } from "./verify-sigv4.js";

const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

function presigned(url: string, method = "GET") {
  return { method, url, headers: { host: new URL(url).host }, body: new Uint8Array() };
}

async function rejection(request: Parameters<typeof verifySigV4>[0]) {
  const verdict = await verifySigV4(request, verifierOptions);
  if (verdict.ok) throw new Error("expected a rejection");
  return verdict;
}

describe("verifySigV4 accepts what the signer produces", () => {
  it("accepts a header-signed GET and names the access key", async () => {
    const signed = await signRequest({ method: "GET", url: `${API}/prod/pets` }, signOptions);
    expect(await verifySigV4(received(signed), verifierOptions)).toEqual({
      ok: true,
      accessKeyId: KEY.accessKeyId,
      presigned: false,
    });
  });

  it("accepts a POST with a JSON string body and a content-type", async () => {
    const signed = await signRequest(
      {
        method: "POST",
        url: `${API}/prod/pets`,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Rex", tags: ["ü", "🐕"] }),
      },
      signOptions,
    );
    expect((await verifySigV4(received(signed), verifierOptions)).ok).toBe(true);
  });

  it("accepts a PUT with a binary body", async () => {
    const body = new Uint8Array([0, 1, 2, 254, 255, 10, 13]);
    const signed = await signRequest({ method: "PUT", url: `${API}/prod/blob`, body }, signOptions);
    expect((await verifySigV4(received(signed), verifierOptions)).ok).toBe(true);
  });

  it("accepts a query string with repeated, empty and unsorted keys", async () => {
    const url = `${API}/prod/search?z=last&a=2&a=1&empty=&flag&sp=a%20b&plus=a+b&tilde=~x`;
    const signed = await signRequest({ method: "GET", url }, signOptions);
    expect((await verifySigV4(received(signed), verifierOptions)).ok).toBe(true);
  });

  it("accepts a unicode and percent-encoded path", async () => {
    const url = `${API}/prod/caf%C3%A9/na\u00efve/%F0%9F%90%95/a%20b`;
    const signed = await signRequest({ method: "GET", url }, signOptions);
    expect((await verifySigV4(received(signed), verifierOptions)).ok).toBe(true);
  });

  it("accepts extra signed headers whatever their case", async () => {
    const signed = await signRequest(
      {
        method: "GET",
        url: `${API}/prod/pets`,
        headers: { "X-Custom-Thing": "  a   b  ", Accept: "*/*" },
      },
      signOptions,
    );
    expect((await verifySigV4(received(signed), verifierOptions)).ok).toBe(true);
  });

  it("accepts temporary credentials with their session token", async () => {
    const signed = await signRequest(
      { method: "GET", url: `${API}/prod/pets` },
      { credentials: TEMP_KEY, region: REGION, date: NOW },
    );
    expect(await verifySigV4(received(signed), verifierOptions)).toEqual({
      ok: true,
      accessKeyId: TEMP_KEY.accessKeyId,
      presigned: false,
    });
  });

  it("accepts a signed x-amz-content-sha256 header", async () => {
    const signed = await signRequest(
      { method: "POST", url: `${API}/prod/pets`, body: "hello" },
      { ...signOptions, contentSha256Header: true },
    );
    expect((await verifySigV4(received(signed), verifierOptions)).ok).toBe(true);
  });

  it("accepts a request signed exactly maxSkewSeconds ago", async () => {
    const signed = await signRequest(
      { method: "GET", url: `${API}/prod/pets` },
      { ...signOptions, date: minutes(-5) },
    );
    expect((await verifySigV4(received(signed), verifierOptions)).ok).toBe(true);
  });

  it("accepts a presigned URL", async () => {
    const url = await presignUrl(
      { url: `${API}/prod/pets?a=1&a=0` },
      { ...signOptions, expiresIn: 900 },
    );
    expect(await verifySigV4(presigned(url), verifierOptions)).toEqual({
      ok: true,
      accessKeyId: KEY.accessKeyId,
      presigned: true,
    });
  });

  it("accepts a presigned URL carrying a session token in the signed query", async () => {
    const url = await presignUrl(
      { url: `${API}/prod/connect` },
      { credentials: TEMP_KEY, region: REGION, date: NOW, expiresIn: 60 },
    );
    expect((await verifySigV4(presigned(url), verifierOptions)).ok).toBe(true);
  });

  it("accepts a presigned URL long after signing while it has not expired", async () => {
    const url = await presignUrl(
      { url: `${API}/prod/pets` },
      { ...signOptions, date: minutes(-60), expiresIn: 7200 },
    );
    expect((await verifySigV4(presigned(url), verifierOptions)).ok).toBe(true);
  });
});

describe("verifySigV4 rejects tampering", () => {
  const base = () =>
    signRequest(
      {
        method: "POST",
        url: `${API}/prod/pets?limit=10`,
        headers: { "content-type": "application/json", "x-tenant": "blue" },
        body: '{"name":"Rex"}',
      },
      signOptions,
    );

  it.each<[string, (signed: SignedRequest) => Partial<VerifiableRequest>]>([
    ["a changed method", () => ({ method: "PUT" })],
    ["a changed path", () => ({ url: `${API}/prod/cats?limit=10` })],
    ["a changed query", () => ({ url: `${API}/prod/pets?limit=1000` })],
    ["an added query parameter", () => ({ url: `${API}/prod/pets?limit=10&admin=1` })],
    ["a fragment on the target", () => ({ url: `${API}/prod/pets?limit=10#admin` })],
    ["dot segments the signer did not sign", () => ({ url: `${API}/prod/x/../pets?limit=10` })],
    [
      "a changed signed header",
      (signed) => ({ headers: { ...signed.headers, "x-tenant": "red" } }),
    ],
    [
      "a removed signed header",
      (signed) => {
        const { "x-tenant": _removed, ...headers } = signed.headers;
        return { headers };
      },
    ],
    ["a changed body", () => ({ body: new TextEncoder().encode('{"name":"Rey"}') })],
  ])("rejects %s", async (_, change) => {
    const signed = await base();
    expect((await rejection(received(signed, change(signed)))).code).toBe("signature_mismatch");
  });

  it("rejects a changed body even when the signed x-amz-content-sha256 claim is kept", async () => {
    const signed = await signRequest(
      { method: "POST", url: `${API}/prod/pets`, body: "original" },
      { ...signOptions, contentSha256Header: true },
    );
    const body = new TextEncoder().encode("tampered");
    expect((await rejection(received(signed, { body }))).code).toBe("signature_mismatch");
  });

  it("rejects a path that URL parsing would rewrite (backslash for slash)", async () => {
    const signed = await signRequest({ method: "GET", url: `${API}/prod/a/b` }, signOptions);
    const verdict = await rejection(received(signed, { url: `${API}/prod/a\\b` }));
    expect(verdict.code).toBe("signature_mismatch");
  });

  it("rejects a signature made with another secret", async () => {
    const signed = await signRequest(
      { method: "GET", url: `${API}/prod/pets` },
      { ...signOptions, credentials: { ...KEY, secretAccessKey: "not-the-secret" } },
    );
    expect((await rejection(received(signed))).code).toBe("signature_mismatch");
  });

  it("rejects a tampered presigned URL", async () => {
    const url = await presignUrl(
      { url: `${API}/prod/pets?a=1` },
      { ...signOptions, expiresIn: 900 },
    );
    const verdict = await rejection(presigned(url.replace("a=1", "a=2")));
    expect(verdict.code).toBe("signature_mismatch");
  });

  it("rejects a presigned URL used with another method", async () => {
    const url = await presignUrl({ url: `${API}/prod/pets` }, { ...signOptions, expiresIn: 900 });
    expect((await rejection(presigned(url, "DELETE"))).code).toBe("signature_mismatch");
  });
});

describe("verifySigV4 mismatch message", () => {
  it("gives API Gateway's text with the canonical string and string-to-sign the signer computed", async () => {
    const signed = await signRequest({ method: "GET", url: `${API}/prod/pets` }, signOptions);
    const verdict = await rejection(received(signed, { method: "DELETE" }));
    const expected = await signRequest({ method: "DELETE", url: `${API}/prod/pets` }, signOptions);
    expect(verdict).toMatchObject({ status: 403, errorType: "InvalidSignatureException" });
    expect(verdict.message).toBe(
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details." +
        `\n\nThe Canonical String for this request should have been\n'${expected.signing.canonicalRequest}'` +
        `\n\nThe String-to-Sign should have been\n'${expected.signing.stringToSign}'\n`,
    );
  });

  it("never contains the session token, the secret or the signature", async () => {
    const signed = await signRequest(
      { method: "GET", url: `${API}/prod/pets` },
      { credentials: TEMP_KEY, region: REGION, date: NOW },
    );
    const verdict = await rejection(received(signed, { method: "PUT" }));
    const signature = /Signature=(\w+)/.exec(authorizationOf(signed))?.[1] ?? "missing";
    expect(verdict.message).toContain("x-amz-security-token:<redacted>");
    for (const secret of [TEMP_KEY.sessionToken, TEMP_KEY.secretAccessKey, signature]) {
      expect(verdict.message).not.toContain(secret);
    }
  });
});

describe("verifySigV4 rejects bad credentials", () => {
  it("rejects an unknown access key id", async () => {
    const signed = await signRequest(
      { method: "GET", url: `${API}/prod/pets` },
      { ...signOptions, credentials: { accessKeyId: "AKIDUNKNOWN", secretAccessKey: "x" } },
    );
    expect(await rejection(received(signed))).toEqual({
      ok: false,
      code: "unknown_access_key",
      status: 403,
      message: "The security token included in the request is invalid.",
      errorType: "UnrecognizedClientException",
    });
  });

  it("rejects temporary credentials sent without their session token", async () => {
    const { sessionToken: _omitted, ...longTerm } = TEMP_KEY;
    const signed = await signRequest(
      { method: "GET", url: `${API}/prod/pets` },
      { ...signOptions, credentials: longTerm },
    );
    expect((await rejection(received(signed))).code).toBe("invalid_token");
  });

  it("rejects a wrong session token", async () => {
    const signed = await signRequest(
      { method: "GET", url: `${API}/prod/pets` },
      { ...signOptions, credentials: { ...TEMP_KEY, sessionToken: "other-token" } },
    );
    expect((await rejection(received(signed))).code).toBe("invalid_token");
  });

  it("rejects a session token on a long-term key", async () => {
    const signed = await signRequest(
      { method: "GET", url: `${API}/prod/pets` },
      { ...signOptions, credentials: { ...KEY, sessionToken: "made-up" } },
    );
    expect((await rejection(received(signed))).code).toBe("invalid_token");
  });

  it("rejects a presigned URL with a wrong session token", async () => {
    const url = await presignUrl(
      { url: `${API}/prod/connect` },
      {
        credentials: { ...TEMP_KEY, sessionToken: "other" },
        region: REGION,
        date: NOW,
        expiresIn: 60,
      },
    );
    expect((await rejection(presigned(url))).code).toBe("invalid_token");
  });
});

describe("verifySigV4 checks the time", () => {
  it("rejects a signature older than the skew window with API Gateway's message", async () => {
    const signed = await signRequest(
      { method: "GET", url: `${API}/prod/pets` },
      { ...signOptions, date: minutes(-10) },
    );
    expect(await rejection(received(signed))).toMatchObject({
      code: "signature_expired",
      errorType: "InvalidSignatureException",
      message:
        "Signature expired: 20150830T122600Z is now earlier than 20150830T123100Z (20150830T123600Z - 5 min.)",
    });
  });

  it("rejects a signature from the future with API Gateway's message", async () => {
    const signed = await signRequest(
      { method: "GET", url: `${API}/prod/pets` },
      { ...signOptions, date: minutes(6) },
    );
    expect(await rejection(received(signed))).toMatchObject({
      code: "signature_expired",
      message:
        "Signature not yet current: 20150830T124200Z is still later than 20150830T124100Z (20150830T123600Z + 5 min.)",
    });
  });

  it("honours maxSkewSeconds", async () => {
    const signed = await signRequest(
      { method: "GET", url: `${API}/prod/pets` },
      { ...signOptions, date: minutes(-10) },
    );
    const verdict = await verifySigV4(received(signed), {
      ...verifierOptions,
      maxSkewSeconds: 900,
    });
    expect(verdict.ok).toBe(true);
  });

  it("rejects an expired presigned URL", async () => {
    const url = await presignUrl(
      { url: `${API}/prod/pets` },
      { ...signOptions, date: minutes(-2), expiresIn: 60 },
    );
    expect((await rejection(presigned(url))).code).toBe("presign_expired");
  });

  it("rejects a presigned URL whose X-Amz-Expires is over 7 days", async () => {
    const url = await presignUrl(
      { url: `${API}/prod/pets` },
      { ...signOptions, expiresIn: 604_800 },
    );
    expect(
      (await rejection(presigned(url.replace("X-Amz-Expires=604800", "X-Amz-Expires=604801"))))
        .code,
    ).toBe("presign_expired");
  });

  it("rejects a presigned URL dated in the future", async () => {
    const url = await presignUrl(
      { url: `${API}/prod/pets` },
      { ...signOptions, date: minutes(10), expiresIn: 900 },
    );
    expect((await rejection(presigned(url))).code).toBe("signature_expired");
  });
});

describe("verifySigV4 checks the credential scope", () => {
  it("rejects another region", async () => {
    const signed = await signRequest(
      { method: "GET", url: `${API}/prod/pets` },
      { ...signOptions, region: "us-east-1" },
    );
    expect(await rejection(received(signed))).toMatchObject({
      code: "wrong_scope",
      message: "Credential should be scoped to a valid region, not 'us-east-1'. ",
    });
  });

  it("rejects another service", async () => {
    const signed = await signRequest(
      { method: "GET", url: `${API}/prod/pets` },
      { ...signOptions, service: "lambda" },
    );
    expect(await rejection(received(signed))).toMatchObject({
      code: "wrong_scope",
      message: "Credential should be scoped to correct service: 'execute-api'. ",
    });
  });

  it("rejects a scope date that is not the X-Amz-Date day", async () => {
    const signed = await signRequest({ method: "GET", url: `${API}/prod/pets` }, signOptions);
    const authorization = authorizationOf(signed).replace("/20150830/", "/20150829/");
    const verdict = await rejection(
      received(signed, { headers: { ...signed.headers, authorization } }),
    );
    expect(verdict).toMatchObject({
      code: "wrong_scope",
      message:
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20150829' != '20150830', from '20150830T123600Z'.",
    });
  });

  it("rejects a scope without the aws4_request terminator", async () => {
    const signed = await signRequest({ method: "GET", url: `${API}/prod/pets` }, signOptions);
    const authorization = authorizationOf(signed).replace("/aws4_request", "/aws5_request");
    expect(
      (await rejection(received(signed, { headers: { ...signed.headers, authorization } }))).code,
    ).toBe("wrong_scope");
  });
});

describe("verifySigV4 rejects missing or malformed authentication", () => {
  it("answers Missing Authentication Token without Authorization or presigned query", async () => {
    const verdict = await rejection({
      method: "GET",
      url: `${API}/prod/pets`,
      headers: {},
      body: new Uint8Array(),
    });
    expect(verdict).toEqual({
      ok: false,
      code: "missing_authentication",
      status: 403,
      message: "Missing Authentication Token",
      errorType: "MissingAuthenticationTokenException",
    });
  });

  it("rejects an Authorization header without Signature", async () => {
    const signed = await signRequest({ method: "GET", url: `${API}/prod/pets` }, signOptions);
    const authorization = authorizationOf(signed).replace(/, Signature=\w+/, "");
    const verdict = await rejection(
      received(signed, { headers: { ...signed.headers, authorization } }),
    );
    expect(verdict).toMatchObject({
      code: "incomplete_signature",
      errorType: "IncompleteSignatureException",
      message: "Authorization header requires 'Signature' parameter.",
    });
  });

  it("rejects a bearer token sent to an IAM-authorized route", async () => {
    const verdict = await rejection({
      method: "GET",
      url: `${API}/prod/pets`,
      headers: { authorization: "Bearer eyJhbGciOi" },
      body: new Uint8Array(),
    });
    expect(verdict.code).toBe("incomplete_signature");
  });

  it("rejects a presigned query missing X-Amz-Signature", async () => {
    const url = await presignUrl({ url: `${API}/prod/pets` }, { ...signOptions, expiresIn: 60 });
    const verdict = await rejection(presigned(url.replace(/&?X-Amz-Signature=\w+/, "")));
    expect(verdict).toMatchObject({
      code: "incomplete_signature",
      message:
        "AWS query-string parameters must include 'X-Amz-Signature'. Re-examine the query-string parameters.",
    });
  });

  it("rejects a request signed without host", async () => {
    const signed = await signRequest({ method: "GET", url: `${API}/prod/pets` }, signOptions);
    const authorization = authorizationOf(signed).replace("SignedHeaders=host;", "SignedHeaders=");
    expect(
      (await rejection(received(signed, { headers: { ...signed.headers, authorization } }))).code,
    ).toBe("incomplete_signature");
  });

  it("throws TypeError for options without credentials", async () => {
    await expect(
      verifySigV4(
        { method: "GET", url: `${API}/`, headers: {}, body: new Uint8Array() },
        { credentials: [], region: REGION },
      ),
    ).rejects.toThrow(TypeError);
  });
});
