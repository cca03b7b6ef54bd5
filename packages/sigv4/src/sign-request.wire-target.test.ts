import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { presignUrl } from "./presign-url.js";
import { type SignableHttpRequest, type SignOptions, signRequest } from "./sign-request.js";

// The wire form of signRequest / presignUrl: hostname + the request target as sent (Node's
// http.request options, smithy's HttpRequest) instead of a URL.

const DATE = new Date("2024-03-05T06:07:08Z");
const CREDENTIALS = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
const HOST = "abc123.execute-api.eu-west-1.amazonaws.com";
const OPTIONS: SignOptions = { credentials: CREDENTIALS, date: DATE };
const canonicalUri = (signed: { signing: { canonicalRequest: string } }) =>
  signed.signing.canonicalRequest.split("\n")[1];

describe("signRequest with a wire target (hostname + path)", () => {
  it("signs what the URL form signs for the target that URL sends", async () => {
    const byUrl = await signRequest(
      { method: "POST", url: `https://${HOST}/prod/a%20b/é?limit=2&q=a+b&q=`, body: "{}" },
      OPTIONS,
    );
    const { pathname, search } = new URL(byUrl.url);
    const byTarget = await signRequest(
      { method: "POST", hostname: HOST, path: `${pathname}${search}`, body: "{}" },
      OPTIONS,
    );
    expect(byTarget.signing).toEqual(byUrl.signing);
    expect(byTarget.headers).toEqual(byUrl.headers);
  });

  it("signs the same as the URL form for any URL's path and query (property)", async () => {
    const segment = fc.oneof(
      fc.constantFrom(".", "..", "", "a b", "%41", "%zz", "~x", "é", "*!'()"),
      fc.string({ maxLength: 6 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { maxLength: 5 }),
        fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 })), {
          maxLength: 3,
        }),
        fc.boolean(),
        async (segments, pairs, normalizePath) => {
          const query = pairs
            .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
            .join("&");
          let url: URL;
          try {
            url = new URL(`https://${HOST}/${segments.join("/")}${query ? `?${query}` : ""}`);
          } catch {
            return;
          }
          const options = { ...OPTIONS, normalizePath };
          const byUrl = await signRequest({ method: "GET", url }, options).catch(() => undefined);
          fc.pre(byUrl !== undefined);
          const byTarget = await signRequest(
            { method: "GET", hostname: HOST, path: `${url.pathname}${url.search}` },
            options,
          );
          expect(byTarget.signing.canonicalRequest).toBe(byUrl?.signing.canonicalRequest);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps dot segments with normalizePath: false, and removes them by default", async () => {
    const path = "/photos/./2024/../a.jpg";
    const request = { method: "GET", hostname: "examplebucket.s3.amazonaws.com", path };
    const scope = { region: "us-east-1", service: "s3" };
    const raw = await signRequest(request, { ...OPTIONS, ...scope, normalizePath: false });
    expect(canonicalUri(raw)).toBe("/photos/./2024/../a.jpg");
    expect(raw.path).toBe(path);
    expect(canonicalUri(await signRequest(request, { ...OPTIONS, ...scope }))).toBe(
      "/photos/a.jpg",
    );
  });

  it("signs a space and non-ASCII characters as the SigV4 suite does (encoded once, then again)", async () => {
    const signed = await signRequest(
      { method: "GET", hostname: HOST, path: "/example space/ሴ" },
      OPTIONS,
    );
    expect(canonicalUri(signed)).toBe("/example%20space/%E1%88%B4");
    expect(signed.path).toBe("/example space/ሴ");
  });

  it("returns the request for http.request: protocol, hostname, port, target, signed headers", async () => {
    const signed = await signRequest(
      {
        method: "get",
        protocol: "http",
        hostname: "127.0.0.1",
        port: "8080",
        path: "/prod/pets?limit=2",
        query: { tag: ["a b", "c"], empty: "" },
        headers: { "X-Tenant": "blue", Host: "evil.example.com" },
      },
      { ...OPTIONS, region: "eu-west-1" },
    );
    expect(signed).toMatchObject({
      method: "GET",
      protocol: "http:",
      hostname: "127.0.0.1",
      port: 8080,
      path: "/prod/pets?limit=2&tag=a%20b&tag=c&empty=",
      headers: { host: "127.0.0.1:8080", "x-tenant": "blue" },
    });
    expect(signed.signing.canonicalRequest.split("\n")[2]).toBe("empty=&limit=2&tag=a%20b&tag=c");
  });

  it.each<[string, Partial<SignableHttpRequest>, string]>([
    ["the default https port", { port: 443 }, HOST],
    ["the default http port", { protocol: "http:", port: 80 }, HOST],
    ["another port", { port: 8443 }, `${HOST}:8443`],
    ["an IPv6 address without brackets", { hostname: "::1", port: 9000 }, "[::1]:9000"],
    ["an IPv6 address in brackets", { hostname: "[::1]" }, "[::1]"],
  ])("signs the host header for %s", async (_case, change, host) => {
    const signed = await signRequest(
      { method: "GET", hostname: HOST, path: "/", ...change },
      { ...OPTIONS, region: "eu-west-1" },
    );
    expect(signed.headers["host"]).toBe(host);
  });

  it.each([
    ["no leading slash", "prod/pets"],
    ["an absolute URL", `https://${HOST}/prod`],
    ["an empty target", ""],
    ["a fragment", "/prod/pets#top"],
    ["a CR LF (header injection)", "/prod\r\nx-evil: 1"],
    ["a LF", "/prod\n"],
    ["a NUL", "/prod\0"],
    ["a TAB", "/prod\tpets"],
    ["a DEL", "/prod\x7f"],
  ])("rejects a target with %s as invalid_request_target", async (_case, path) => {
    await expect(signRequest({ method: "GET", hostname: HOST, path }, OPTIONS)).rejects.toThrowCode(
      "invalid_request_target",
    );
    await expect(
      presignUrl({ hostname: HOST, path }, { ...OPTIONS, expiresIn: 60 }),
    ).rejects.toThrowCode("invalid_request_target");
  });

  it.each<[string, Partial<SignableHttpRequest>]>([
    ["a scheme in hostname", { hostname: `https://${HOST}` }],
    ["a port in hostname", { hostname: `${HOST}:443` }],
    ["a path in hostname", { hostname: `${HOST}/prod` }],
    ["an empty hostname", { hostname: "" }],
    ["a port out of range", { port: 70_000 }],
    ["a port that is not a number", { port: "https" }],
    ["an unsupported protocol", { protocol: "ftp:" }],
  ])("rejects %s as invalid_request", async (_case, change) => {
    await expect(
      signRequest({ method: "GET", hostname: HOST, path: "/", ...change }, OPTIONS),
    ).rejects.toThrowCode("invalid_request");
  });

  it("throws TypeError for a request with both url and path, or neither", async () => {
    const both = { method: "GET", url: `https://${HOST}/`, hostname: HOST, path: "/" };
    await expect(signRequest(both as never, OPTIONS)).rejects.toThrow(TypeError);
    await expect(signRequest({ method: "GET" } as never, OPTIONS)).rejects.toThrow(TypeError);
    await expect(
      signRequest({ method: "GET", hostname: HOST, path: "/", query: ["a"] } as never, OPTIONS),
    ).rejects.toThrow(TypeError);
  });

  it("never echoes the target in an error message", async () => {
    const error = await signRequest(
      { method: "GET", hostname: HOST, path: "/x?X-Amz-Security-Token=SECRETTOKEN#frag" },
      OPTIONS,
    ).catch((caught: unknown) => caught);
    expect(String((error as Error).message)).not.toContain("SECRETTOKEN");
  });
});

describe("presignUrl with a wire target (hostname + path)", () => {
  const presign = (
    request: Omit<SignableHttpRequest, "method"> & { method?: string },
    extra: Partial<SignOptions> = {},
  ) => presignUrl(request, { ...OPTIONS, expiresIn: 300, ...extra });

  it("returns the presigned request target: the path as given, then the signed query", async () => {
    const target = await presign(
      { hostname: "examplebucket.s3.amazonaws.com", path: "/photos/./a.jpg?v=1" },
      { region: "us-east-1", service: "s3", normalizePath: false },
    );
    expect(target).toMatch(
      /^\/photos\/\.\/a\.jpg\?v=1&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20240305%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240305T060708Z&X-Amz-SignedHeaders=host&X-Amz-Expires=300&X-Amz-Signature=[0-9a-f]{64}$/,
    );
  });

  it("signs what the URL form signs for the target that URL sends", async () => {
    const url = new URL(`https://${HOST}/prod/a%20b?x=1`);
    const byUrl = new URL(
      await presignUrl({ url, method: "POST", body: "{}" }, { ...OPTIONS, expiresIn: 300 }),
    );
    const byTarget = await presign({
      method: "POST",
      hostname: HOST,
      path: `${url.pathname}${url.search}`,
      body: "{}",
    });
    expect(byTarget).toBe(`${byUrl.pathname}${byUrl.search}`);
  });

  it("signs a different signature for the dot segments kept and removed", async () => {
    const request = { hostname: HOST, path: "/prod/./pets" };
    const kept = await presign(request, { normalizePath: false });
    const removed = await presign(request);
    const signature = (target: string) => /X-Amz-Signature=([0-9a-f]{64})$/.exec(target)?.[1];
    expect(signature(kept)).not.toBe(signature(removed));
    expect(removed).toBe(
      await presign({ hostname: HOST, path: "/prod/pets" }).then((target) =>
        target.replace("/prod/pets", "/prod/./pets"),
      ),
    );
  });
});
