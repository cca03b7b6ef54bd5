import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCanonicalRequest } from "./canonical-request.js";
import { escapeUri } from "./escape-uri.js";
import { type HttpRequestToSign, signHttpRequest } from "./sign-http-request.js";

// smithy's public `SignatureV4.sign` / `presign` as an independent oracle for the canonical request
// that Gatehouse owns: the same inputs must give the same signature.

const DATE = new Date("2024-03-05T06:07:08Z");
const REGION = "eu-west-1";
const SERVICE = "execute-api";
const CREDENTIALS = {
  accessKeyId: "ASIAEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "IQoJb3JpZ2luX2VjEXAMPLE/+=token",
};
const smithy = new SignatureV4({
  credentials: CREDENTIALS,
  region: REGION,
  service: SERVICE,
  sha256: Sha256,
  uriEscapePath: true,
  applyChecksum: false,
});

// Path text as it is on the wire (percent-encoded once, or raw): dot segments, empty segments,
// escapes, reserved and non-ASCII characters.
const pathPart = fc.constantFrom(
  ..."abcXYZ019-._~!$&'()*+,;=:@éሴ😀".split(/(?:)/u),
  "/",
  "//",
  "/./",
  "/../",
  ".",
  "..",
  "%20",
  "%2F",
  "%25",
  "%zz",
  " ",
);
const path = fc.array(pathPart, { maxLength: 12 }).map((parts) => `/${parts.join("")}`);
const queryText = fc
  .array(fc.constantFrom(..."abcXYZ019-._~!$'()*+,;:@/?= %éሴ😀[]".split(/(?:)/u)), {
    maxLength: 6,
  })
  .map((chars) => chars.join(""));
const queryKey = fc.oneof(
  queryText,
  fc.constantFrom("X-Amz-Signature", "x-amz-signature", "a", "A"),
);
const query = fc.array(fc.tuple(queryKey, queryText), { maxLength: 6 });
const headerName = fc
  .stringMatching(/^[a-z][a-z0-9-]{0,10}$/)
  .filter(
    (name) =>
      name !== "host" &&
      !name.startsWith("x-amz-") &&
      !name.startsWith("proxy-") &&
      !name.startsWith("sec-"),
  );
const headerValue = fc
  .array(fc.constantFrom(...'abc XYZ\t019-,;=:/"'.split("")), { minLength: 1, maxLength: 12 })
  .map((chars) => chars.join(""));
const headers = fc.uniqueArray(fc.tuple(headerName, headerValue), {
  selector: ([n]) => n,
  maxLength: 4,
});
const method = fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH");
const body = fc.option(fc.string({ maxLength: 40 }), { nil: undefined });

function smithyRequest(
  request: HttpRequestToSign,
  extraQuery: ReadonlyArray<readonly [string, string]> = [],
) {
  const record: Record<string, string[]> = Object.create(null);
  for (const [key, value] of [...request.query, ...extraQuery]) {
    const values = record[key];
    if (values === undefined) record[key] = [value];
    else values.push(value);
  }
  return {
    method: request.method,
    protocol: "https:",
    hostname: "abc123.execute-api.eu-west-1.amazonaws.com",
    path: request.path,
    query: record,
    headers: Object.fromEntries(request.headers),
    ...(request.body === undefined ? {} : { body: request.body }),
  };
}

function toSign(
  m: string,
  p: string,
  q: Array<[string, string]>,
  h: Array<[string, string]>,
  b: string | undefined,
): HttpRequestToSign {
  return {
    method: m,
    path: p,
    query: q,
    headers: [["host", "abc123.execute-api.eu-west-1.amazonaws.com"], ...h],
    body: b,
  };
}

describe("createCanonicalRequest", () => {
  it("gives smithy's SignatureV4.sign signature for any request", async () => {
    await fc.assert(
      fc.asyncProperty(method, path, query, headers, body, async (m, p, q, h, b) => {
        const request = toSign(m, p, q, h, b);
        const ours = signHttpRequest(request, {
          credentials: CREDENTIALS,
          region: REGION,
          service: SERVICE,
          date: DATE,
          normalizePath: true,
          contentSha256Header: false,
        });
        const theirs = await smithy.sign(smithyRequest(request), { signingDate: DATE });
        expect(ours.headers.find(([name]) => name === "authorization")?.[1]).toBe(
          theirs.headers["authorization"],
        );
      }),
      { numRuns: 1000 },
    );
  });

  it("gives smithy's SignatureV4.presign signature for any request without a body", async () => {
    await fc.assert(
      fc.asyncProperty(method, path, query, headers, async (m, p, q, h) => {
        // Presigning replaces any X-Amz-Signature in the query; smithy keeps it and skips it.
        const plain = q.filter(([key]) => key.toLowerCase() !== "x-amz-signature");
        const request = toSign(m, p, plain, h, undefined);
        const ours = signHttpRequest(request, {
          credentials: CREDENTIALS,
          region: REGION,
          service: SERVICE,
          date: DATE,
          normalizePath: true,
          contentSha256Header: false,
          presign: { expiresIn: 300 },
        });
        const theirs = await smithy.presign(smithyRequest(request), {
          signingDate: DATE,
          expiresIn: 300,
        });
        const signature = theirs.query?.["X-Amz-Signature"];
        expect(ours.signature).toBe(signature);
      }),
      { numRuns: 500 },
    );
  });

  it("lays the canonical request out as the SigV4 guide's example", () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
    const canonical = createCanonicalRequest({
      method: "GET",
      path: "/",
      query: [
        ["Version", "2010-05-08"],
        ["Action", "ListUsers"],
      ],
      canonicalHeaders: {
        "content-type": "application/x-www-form-urlencoded; charset=utf-8",
        host: "iam.amazonaws.com",
        "x-amz-date": "20150830T123600Z",
      },
      signedHeaders: ["content-type", "host", "x-amz-date"],
      payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      normalizePath: true,
    });
    expect(canonical).toBe(
      [
        "GET",
        "/",
        "Action=ListUsers&Version=2010-05-08",
        "content-type:application/x-www-form-urlencoded; charset=utf-8",
        "host:iam.amazonaws.com",
        "x-amz-date:20150830T123600Z",
        "",
        "content-type;host;x-amz-date",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      ].join("\n"),
    );
  });

  it("removes dot segments only when asked to, and encodes the wire path a second time", () => {
    const input = {
      method: "GET",
      query: [],
      canonicalHeaders: { host: "h" },
      signedHeaders: ["host"],
      payloadHash: "UNSIGNED-PAYLOAD",
    };
    const uri = (p: string, normalizePath: boolean) =>
      createCanonicalRequest({ ...input, path: p, normalizePath }).split("\n")[1];
    expect(uri("/a/./b/../c//d/", true)).toBe("/a/c/d/");
    expect(uri("/a/./b/../c//d/", false)).toBe("/a/./b/../c//d/");
    expect(uri("/a%20b/é", true)).toBe("/a%2520b/%C3%A9");
    expect(uri("/(x)!*'", false)).toBe("/%28x%29%21%2A%27");
    expect(uri("/../..", true)).toBe("/");
  });

  it("throws URIError for a lone surrogate", () => {
    expect(() => escapeUri("\ud800")).toThrow(URIError);
  });
});
