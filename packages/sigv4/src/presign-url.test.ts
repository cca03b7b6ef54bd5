import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { presignUrl } from "./presign-url.js";
import type { SignableBody } from "./sign-request.js";
import { verifySigV4 } from "./verify/verify-sigv4.js";

const DATE = new Date("2024-03-05T06:07:08Z");
const CREDENTIALS = {
  accessKeyId: "ASIAEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "IQoJb3JpZ2luX2Vj/EXAMPLE+token==",
};
const WSS = "wss://abc123.execute-api.eu-west-1.amazonaws.com/prod";

const presign = (url = WSS, extra: Partial<Parameters<typeof presignUrl>[1]> = {}) =>
  presignUrl({ url }, { credentials: CREDENTIALS, date: DATE, expiresIn: 60, ...extra });

describe("presignUrl", () => {
  it("keeps the wss:// scheme, host and path", async () => {
    const url = new URL(await presign());
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe(WSS);
  });

  it("puts the SigV4 parameters in the query, signature last", async () => {
    const url = new URL(await presign());
    expect([...url.searchParams.keys()]).toEqual([
      "X-Amz-Algorithm",
      "X-Amz-Credential",
      "X-Amz-Date",
      "X-Amz-SignedHeaders",
      "X-Amz-Expires",
      "X-Amz-Security-Token",
      "X-Amz-Signature",
    ]);
    expect(url.searchParams.get("X-Amz-Credential")).toBe(
      "ASIAEXAMPLE/20240305/eu-west-1/execute-api/aws4_request",
    );
    expect(url.searchParams.get("X-Amz-Expires")).toBe("60");
    expect(url.searchParams.get("X-Amz-SignedHeaders")).toBe("host");
  });

  it("carries the session token percent-encoded in the query", async () => {
    const url = await presign();
    expect(url).toContain("X-Amz-Security-Token=IQoJb3JpZ2luX2Vj%2FEXAMPLE%2Btoken%3D%3D");
  });

  it("signs the session token (another token gives another signature)", async () => {
    const a = new URL(await presign()).searchParams.get("X-Amz-Signature");
    const b = new URL(
      await presign(WSS, { credentials: { ...CREDENTIALS, sessionToken: "other" } }),
    ).searchParams.get("X-Amz-Signature");
    expect(a).not.toBe(b);
  });

  it("keeps the URL's own query parameters, re-encoded as signed", async () => {
    const url = await presign(`${WSS}?room=a b&tag=x&tag=y`);
    expect(url).toContain("?room=a%20b&tag=x&tag=y&X-Amz-Algorithm=");
  });

  it("replaces SigV4 parameters left over from an earlier presign", async () => {
    const first = await presign();
    const again = new URL(await presign(first));
    expect(again.searchParams.getAll("X-Amz-Signature")).toHaveLength(1);
  });

  it("is deterministic for a frozen date", async () => {
    expect(await presign()).toBe(await presign());
  });

  it("accepts the 7-day maximum lifetime", async () => {
    const url = new URL(await presign(WSS, { expiresIn: 604_800 }));
    expect(url.searchParams.get("X-Amz-Expires")).toBe("604800");
  });

  it.each([0, -1, 604_801, 1.5, Number.NaN])(
    "rejects expiresIn %s with invalid_expiry",
    async (expiresIn) => {
      await expect(presign(WSS, { expiresIn })).rejects.toThrowCode("invalid_expiry");
    },
  );

  it("requires a region for a host it cannot infer one from", async () => {
    await expect(presign("wss://ws.example.com/")).rejects.toThrowCode("missing_region");
  });
});

describe("presignUrl with a body", () => {
  const API = "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/pets";
  const JSON_BODY = '{"name":"Rex","tag":"é"}';
  const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
  const signatureOf = (url: string) => new URL(url).searchParams.get("X-Amz-Signature");
  const post = (body?: SignableBody, extra: Partial<Parameters<typeof presignUrl>[1]> = {}) =>
    presignUrl(
      { method: "POST", url: API, ...(body === undefined ? {} : { body }) },
      { credentials: CREDENTIALS, date: DATE, expiresIn: 300, ...extra },
    );

  it("signs the body's SHA-256 as the payload hash", async () => {
    expect(await post(JSON_BODY)).toBe(await post(undefined, { payloadHash: sha256(JSON_BODY) }));
    expect(signatureOf(await post(JSON_BODY))).not.toBe(signatureOf(await post("{}")));
  });

  it.each([
    ["a string (UTF-8)", JSON_BODY],
    ["a Uint8Array", new TextEncoder().encode(JSON_BODY)],
    ["an ArrayBuffer", new TextEncoder().encode(JSON_BODY).buffer],
    ["a Buffer view into a larger buffer", Buffer.from(`xx${JSON_BODY}yy`).subarray(2, -2)],
  ])("hashes %s body as its bytes", async (_kind, body) => {
    expect(await post(body)).toBe(await post(JSON_BODY));
  });

  it("signs the empty body's hash without a body (GET, WebSocket upgrades), as before", async () => {
    expect(await post()).toBe(await post(undefined, { payloadHash: sha256("") }));
    expect(await post("")).toBe(await post());
    expect(signatureOf(await post())).not.toBe(
      signatureOf(await post(undefined, { payloadHash: "UNSIGNED-PAYLOAD" })),
    );
  });

  it("lets payloadHash win over the body", async () => {
    expect(await post(JSON_BODY, { payloadHash: "UNSIGNED-PAYLOAD" })).toBe(
      await post("{}", { payloadHash: "UNSIGNED-PAYLOAD" }),
    );
  });

  it("adds no x-amz-content-sha256 to the query, even with contentSha256Header", async () => {
    const url = new URL(await post(JSON_BODY, { contentSha256Header: true }));
    expect([...url.searchParams.keys()].map((key) => key.toLowerCase())).not.toContain(
      "x-amz-content-sha256",
    );
    expect(url.searchParams.get("X-Amz-SignedHeaders")).toBe("host");
  });

  it("signs the content-type fetch adds for a URLSearchParams body, as signRequest does", async () => {
    const form = new URLSearchParams({ Param1: "value1" });
    const url = new URL(await post(form));
    expect(url.searchParams.get("X-Amz-SignedHeaders")).toBe("content-type;host");
    expect(url.href).toBe(
      await presignUrl(
        {
          method: "POST",
          url: API,
          headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" },
          body: "Param1=value1",
        },
        { credentials: CREDENTIALS, date: DATE, expiresIn: 300 },
      ),
    );
  });

  it("rejects a stream body without payloadHash, and signs it with one", async () => {
    const stream = () => new Blob([JSON_BODY]).stream();
    await expect(post(stream())).rejects.toThrowCode("unsupported_body");
    expect(await post(stream(), { payloadHash: sha256(JSON_BODY) })).toBe(await post(JSON_BODY));
  });

  it("is accepted by verifySigV4 with that body and rejected with another", async () => {
    const url = await post(JSON_BODY);
    const verify = (body: string) =>
      verifySigV4(
        {
          method: "POST",
          url,
          headers: { host: new URL(url).host },
          body: new TextEncoder().encode(body),
        },
        {
          credentials: [CREDENTIALS],
          region: "eu-west-1",
          now: () => DATE,
        },
      );
    expect(await verify(JSON_BODY)).toMatchObject({ ok: true });
    expect(await verify('{"name":"Rex","tag":"e"}')).toMatchObject({
      ok: false,
      code: "signature_mismatch",
    });
  });
});
