import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSigV4Error } from "../errors.js";
import type { SignedRequest, SigningDetails } from "../sign-request.js";
import { explainSignatureMismatch } from "./explain-signature-mismatch.js";

const HOST = "abc123defg.execute-api.eu-west-1.amazonaws.com";
const TOKEN =
  "IQoJb3JpZ2luX2VjEHYaCWV1LXdlc3QtMSJHMEUCIQDEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLE+/=AbCdEf";
const EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const HASH = "9d1f9c7f0b2a3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a6f7e8d";
const PREAMBLE =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

interface Canonical {
  method: string;
  path: string;
  query: string;
  headers: Array<[string, string]>;
  payloadHash: string;
}

const base: Canonical = {
  method: "GET",
  path: "/prod/pets/a%2520b",
  query: "limit=2&name=Rex",
  headers: [
    ["host", HOST],
    ["x-amz-date", "20240101T000000Z"],
    ["x-amz-security-token", TOKEN],
    ["x-foo", "a b"],
  ],
  payloadHash: EMPTY,
};

function canonical(c: Canonical): string {
  return [
    c.method,
    c.path,
    c.query,
    ...c.headers.map(([name, value]) => `${name}:${value}`),
    "",
    c.headers.map(([name]) => name).join(";"),
    c.payloadHash,
  ].join("\n");
}

function stringToSign(region = "eu-west-1", hash = HASH): string {
  return [
    "AWS4-HMAC-SHA256",
    "20240101T000000Z",
    `20240101/${region}/execute-api/aws4_request`,
    hash,
  ].join("\n");
}

function message(server: Canonical, sts: string | null = stringToSign()): string {
  const tail = sts === null ? "" : `\n\nThe String-to-Sign should have been\n'${sts}'\n`;
  return `${PREAMBLE}\n\nThe Canonical String for this request should have been\n'${canonical(server)}'${tail}`;
}

/** API Gateway's 403 body for a request it saw as `server`. */
function body(server: Canonical = base, sts?: string | null): string {
  return JSON.stringify({ message: message(server, sts) });
}

function details(signed: Partial<Canonical> = {}, sts = stringToSign()): SigningDetails {
  const c = { ...base, ...signed };
  return {
    canonicalRequest: canonical(c),
    stringToSign: sts,
    credentialScope: "20240101/eu-west-1/execute-api/aws4_request",
    signedHeaders: c.headers.map(([name]) => name),
  };
}

function withHeader(name: string, value: string): Array<[string, string]> {
  return base.headers.map(([n, v]) => [n, n === name ? value : v]);
}

describe("explainSignatureMismatch", () => {
  it("returns the server's canonical request and string to sign", () => {
    const result = explainSignatureMismatch(body(), details({ path: "/prod/pets/a%20b" }));
    expect(result.expectedStringToSign).toBe(stringToSign());
    expect(result.expectedCanonicalRequest.split("\n").slice(0, 3)).toEqual([
      "GET",
      "/prod/pets/a%2520b",
      "limit=2&name=Rex",
    ]);
  });

  it("accepts the message text without the JSON wrapper", () => {
    const result = explainSignatureMismatch(message(base), details({ path: "/prod/pets/a%20b" }));
    expect(result.differences.map((d) => d.part)).toEqual(["path"]);
  });

  it("accepts a message copied from a log with its \\n escapes", () => {
    const logged = JSON.stringify(message(base)).slice(1, -1);
    const result = explainSignatureMismatch(logged, details({ path: "/prod/pets/a%20b" }));
    expect(result.differences.map((d) => d.part)).toEqual(["path"]);
  });

  it("accepts a whole SignedRequest", () => {
    const signing = details({ method: "POST" });
    const signed: SignedRequest = {
      method: "POST",
      url: `https://${HOST}/prod/pets/a%20b`,
      headers: {},
      body: undefined,
      signing,
    };
    expect(explainSignatureMismatch(body(), signed).differences[0]?.part).toBe("method");
  });

  it("works without the String-to-Sign part", () => {
    const result = explainSignatureMismatch(body(base, null), details({ method: "PUT" }));
    expect([result.expectedStringToSign, result.differences.map((d) => d.part)]).toEqual([
      undefined,
      ["method"],
    ]);
  });

  describe("path", () => {
    it("tells you to encode once more when you signed the wire path unencoded-again", () => {
      const result = explainSignatureMismatch(body(), details({ path: "/prod/pets/a%20b" }));
      expect(result.differences).toEqual([
        { part: "path", expected: "/prod/pets/a%2520b", actual: "/prod/pets/a%20b" },
      ]);
      expect(result.summary).toContain(
        "The server saw path /prod/pets/a%2520b but you signed /prod/pets/a%20b: encode the path once more",
      );
    });

    it("tells you to encode once when you signed a raw space", () => {
      const server = { ...base, path: "/a%20b" };
      const result = explainSignatureMismatch(body(server), details({ path: "/a b" }));
      expect(result.summary).toContain(
        "The server saw path /a%20b but you signed /a b: encode the path once more",
      );
    });

    it("tells you when the path was encoded once too many times", () => {
      const result = explainSignatureMismatch(body(), details({ path: "/prod/pets/a%252520b" }));
      expect(result.summary).toContain("once too many times");
    });

    it("explains dot-segment normalisation", () => {
      const server = { ...base, path: "/prod/pets" };
      const result = explainSignatureMismatch(body(server), details({ path: "/prod/./x/../pets" }));
      expect(result.summary).toContain("removes '.' and '..' segments");
    });

    it("explains a missing stage prefix", () => {
      const server = { ...base, path: "/prod/pets" };
      const result = explainSignatureMismatch(body(server), details({ path: "/pets" }));
      expect(result.summary).toContain("the server saw the extra prefix /prod");
    });

    it("explains a prefix removed by a base path mapping or proxy", () => {
      const server = { ...base, path: "/pets" };
      const result = explainSignatureMismatch(body(server), details({ path: "/v1/pets" }));
      expect(result.summary).toContain("you signed the prefix /v1 that the server did not see");
    });
  });

  describe("query", () => {
    it("explains '+' read as a literal plus", () => {
      const server = { ...base, query: "q=a%2Bb" };
      const result = explainSignatureMismatch(body(server), details({ query: "q=a+b" }));
      expect(result.differences).toEqual([{ part: "query", expected: "q=a%2Bb", actual: "q=a+b" }]);
      expect(result.summary).toContain("encode spaces as %20");
    });

    it("names a parameter the server received but you did not sign", () => {
      const server = { ...base, query: "limit=2&name=Rex&utm_source=x" };
      const result = explainSignatureMismatch(body(server), details());
      expect(result.summary).toContain("the server received utm_source that you did not sign");
    });

    it("explains an unsorted query", () => {
      const result = explainSignatureMismatch(body(), details({ query: "name=Rex&limit=2" }));
      expect(result.summary).toContain("sorted by encoded name");
    });

    it("explains a percent-encoding difference", () => {
      const server = { ...base, query: "name=R%C3%A9x" };
      const result = explainSignatureMismatch(body(server), details({ query: "name=R%c3%a9x" }));
      expect(result.summary).toContain("differ only in percent-encoding");
    });
  });

  describe("headers", () => {
    it("explains unnormalised whitespace in a header value", () => {
      const result = explainSignatureMismatch(
        body(),
        details({ headers: withHeader("x-foo", "a  b") }),
      );
      expect(result.differences).toEqual([
        { part: "headers", expected: "x-foo:a b", actual: "x-foo:a  b" },
      ]);
      expect(result.summary).toContain(
        "Header x-foo signed with value 'a  b' but the server saw 'a b': trim the value and collapse runs of spaces",
      );
    });

    it("explains a signed header that never arrived", () => {
      const server = { ...base, headers: withHeader("x-foo", "") };
      const result = explainSignatureMismatch(body(server), details());
      expect(result.summary).toContain(
        "Header x-foo was signed with value 'a b' but did not reach the server",
      );
    });

    it("explains a different host", () => {
      const server = { ...base, headers: withHeader("host", "api.example.com") };
      const result = explainSignatureMismatch(body(server), details());
      expect(result.summary).toContain(
        `The server saw host 'api.example.com' but you signed '${HOST}'`,
      );
    });

    it("explains a content type the HTTP client extended", () => {
      const headers: Array<[string, string]> = [["content-type", "text/plain"], ...base.headers];
      const server = {
        ...base,
        headers: [["content-type", "text/plain;charset=UTF-8"], ...base.headers] as Array<
          [string, string]
        >,
      };
      const result = explainSignatureMismatch(body(server), details({ headers }));
      expect(result.summary).toContain("the HTTP client added to it after signing");
    });

    it("explains a different SignedHeaders list", () => {
      const headers = base.headers.filter(([name]) => name !== "x-foo");
      const result = explainSignatureMismatch(body(), details({ headers }));
      expect(result.differences.map((d) => d.part)).toEqual(["headers", "signed-headers"]);
      expect(result.differences[0]).toEqual({
        part: "headers",
        expected: "x-foo:a b",
        actual: "(not signed)",
      });
    });
  });

  describe("payload hash", () => {
    it("explains a body that did not arrive", () => {
      const result = explainSignatureMismatch(body(), details({ payloadHash: HASH }));
      expect(result.differences).toEqual([{ part: "payload-hash", expected: EMPTY, actual: HASH }]);
      expect(result.summary).toContain("The server received an empty body");
    });

    it("explains a body changed after signing", () => {
      const server = { ...base, payloadHash: HASH };
      const other = "0".repeat(64);
      const result = explainSignatureMismatch(body(server), details({ payloadHash: other }));
      expect(result.summary).toContain("hashes differently from the body you signed");
    });
  });

  describe("string to sign", () => {
    it("explains a wrong region when the canonical requests match", () => {
      const result = explainSignatureMismatch(body(), details({}, stringToSign("us-east-1")));
      expect(result.differences.map((d) => d.part)).toEqual(["string-to-sign"]);
      expect(result.summary).toContain(
        "the API is in region eu-west-1 but you signed for us-east-1 (set the region option)",
      );
    });

    it("does not report the hash line when the canonical requests already differ", () => {
      const result = explainSignatureMismatch(
        body(),
        details({ method: "POST" }, stringToSign("eu-west-1", EMPTY)),
      );
      expect(result.differences.map((d) => d.part)).toEqual(["method"]);
    });
  });

  it("blames the secret access key when nothing differs", () => {
    const result = explainSignatureMismatch(body(), details());
    expect(result.differences).toEqual([]);
    expect(result.summary).toContain("the secret access key does not belong to the access key id");
  });

  it("writes a one-paragraph summary counting the differences", () => {
    const result = explainSignatureMismatch(body(), details({ method: "POST", payloadHash: HASH }));
    expect(result.summary).toMatch(
      /^API Gateway computed a different canonical request from the one you signed \(2 differences\)\. /,
    );
    expect(result.summary).not.toContain("\n");
  });

  describe("redaction", () => {
    it("never returns the session token", () => {
      const result = explainSignatureMismatch(body(), details({ path: "/x" }));
      expect(JSON.stringify(result)).not.toContain(TOKEN);
      expect(result.expectedCanonicalRequest).toContain(
        `x-amz-security-token:<redacted, ${TOKEN.length} chars>`,
      );
    });

    it("reports a different token without showing either", () => {
      const other = `${TOKEN.slice(0, -4)}WXYZ`;
      const result = explainSignatureMismatch(
        body(),
        details({ headers: withHeader("x-amz-security-token", other) }),
      );
      expect(result.differences).toEqual([
        {
          part: "headers",
          expected: `x-amz-security-token:<redacted, ${TOKEN.length} chars>`,
          actual: `x-amz-security-token:<redacted, ${other.length} chars>`,
        },
      ]);
      expect(JSON.stringify(result)).not.toMatch(/EXAMPLEEXAMPLE|WXYZ/);
      expect(result.summary).toContain(
        "The session token the server received is not the one you signed",
      );
    });

    it.each(["<redacted>", "<redacted, 88 chars>", "****"])(
      "does not report a token the server already redacted as %s",
      (placeholder) => {
        const server = { ...base, headers: withHeader("x-amz-security-token", placeholder) };
        expect(explainSignatureMismatch(body(server), details()).differences).toEqual([]);
      },
    );

    it("redacts X-Amz-Security-Token in a presigned query", () => {
      const encoded = encodeURIComponent(TOKEN);
      const query = `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAEXAMPLE%2F20240101%2Feu-west-1%2Fexecute-api%2Faws4_request&X-Amz-Date=20240101T000000Z&X-Amz-Expires=60&X-Amz-Security-Token=${encoded}&X-Amz-SignedHeaders=host`;
      const server = { ...base, query, headers: [["host", HOST]] as Array<[string, string]> };
      const result = explainSignatureMismatch(
        body(server),
        details({ query: query.replace("Expires=60", "Expires=600"), headers: server.headers }),
      );
      const text = JSON.stringify(result);
      expect(text).not.toContain(encoded);
      expect(text).not.toContain(TOKEN);
      expect(result.differences.map((d) => d.part)).toEqual(["query"]);
    });

    it("never leaks a random token, whatever differs", () => {
      fc.assert(
        fc.property(
          fc.string({
            unit: fc.constantFrom(
              ..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=",
            ),
            minLength: 16,
            maxLength: 64,
          }),
          fc.constantFrom<Partial<Canonical>>(
            {},
            { method: "POST" },
            { path: "/x" },
            { query: "" },
          ),
          (token, change) => {
            const headers = withHeader("x-amz-security-token", token);
            const result = explainSignatureMismatch(
              body({ ...base, headers }),
              details({ ...change, headers: withHeader("x-amz-security-token", `${token}x`) }),
            );
            expect(JSON.stringify(result)).not.toContain(token);
          },
        ),
      );
    });
  });

  describe("errors", () => {
    it.each([
      ["a generic 403", '{"message":"Forbidden"}'],
      ["an HTML error page", "<html><body>502 Bad Gateway</body></html>"],
      ["an empty body", ""],
      [
        "a canonical string that is not one",
        JSON.stringify({
          message: `${PREAMBLE}\n\nThe Canonical String for this request should have been\n'nonsense'\n`,
        }),
      ],
    ])("rejects %s with signature_mismatch_unparseable", (_name, text) => {
      expect(() => explainSignatureMismatch(text, details())).toThrowCode(
        "signature_mismatch_unparseable",
      );
    });

    it("does not quote the body in the error", () => {
      const text = JSON.stringify({
        message: `The Canonical String for this request should have been\n'${TOKEN}'`,
      });
      expect(() => explainSignatureMismatch(text, details())).toThrowCode(
        "signature_mismatch_unparseable",
        { message: expect.not.stringContaining(TOKEN) },
      );
    });

    it("throws TypeError for a body that is not a string", () => {
      expect(() => explainSignatureMismatch({} as never, details())).toThrow(TypeError);
    });

    it("throws TypeError for signing details without a canonical request", () => {
      expect(() => explainSignatureMismatch(body(), {} as never)).toThrow(TypeError);
    });

    it("throws only SigV4Error for any body", () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
          try {
            explainSignatureMismatch(text, details());
          } catch (error) {
            expect(isSigV4Error(error)).toBe(true);
          }
        }),
      );
    });
  });
});
