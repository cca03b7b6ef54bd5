import { describe, expect, it } from "vitest";
import { presignUrl } from "./presign-url.js";

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
