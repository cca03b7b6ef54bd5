/**
 * SigV4 signing latency: one typical API Gateway call (POST with a small JSON body, a query
 * parameter and a session token, fixed date) signed by `@gatehouse/sigv4` and by the libraries
 * users compare it with, against a minimal hand-rolled `node:crypto` signer (the floor).
 *
 * Fairness: every signer is used as its README shows, built once where it has an instance (smithy
 * `SignatureV4`, aws4fetch's shared key cache), and every one caches the derived signing key
 * (smithy and aws4 in a module-level cache, aws4fetch in the `cache` map `AwsClient` shares, the
 * floor in a `Map`). `setup` checks each case's Authorization header against an independent
 * recomputation, so no case is timed on a wrong or partial signature.
 */
import { createHash, createHmac } from "node:crypto";
import { Sha256 as Sha256Js } from "@aws-crypto/sha256-js";
import { signRequest } from "@gatehouse/sigv4";
import { SignatureV4 } from "@smithy/signature-v4";
import aws4 from "aws4";
import { AwsClient, AwsV4Signer } from "aws4fetch";
import { defineSuite } from "../src/suite.js";

// The request: what an API Gateway client sends most often.
const url = "https://abc123.execute-api.us-east-1.amazonaws.com/prod/pets?x=1";
const parsed = new URL(url);
const method = "POST";
const body = JSON.stringify({ name: "Rex", type: "dog", price: 249.99, tags: ["good", "boy"] });
const contentType = "application/json";
const region = "us-east-1";
const service = "execute-api";
const date = new Date("2024-05-01T12:00:00Z");
const amzDate = "20240501T120000Z";
// STS session tokens run to several hundred characters; the length is hashed into every signature.
const sessionToken = `IQoJb3JpZ2luX2VjEHcaCXVzLWVhc3QtMSJHMEUCIQ${"Dk9xQ2tZb3ZSbFZ4cEp3".repeat(30)}==`;
const credentials = {
  accessKeyId: "ASIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  sessionToken,
};

// ---------------------------------------------------------------------------------------------
// The floor: the least a correct SigV4 signer does for this request, straight on node:crypto.

const sha256Hex = (data: string): string => createHash("sha256").update(data).digest("hex");

/** RFC 3986 percent-encoding (encodeURIComponent leaves `!'()*` alone). */
const rfc3986 = (s: string): string =>
  encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

const keyCache = new Map<string, Buffer>();

function signingKey(secret: string, shortDate: string): Buffer {
  const cacheKey = `${secret}:${shortDate}:${region}:${service}`;
  let key = keyCache.get(cacheKey);
  if (!key) {
    const kDate = createHmac("sha256", `AWS4${secret}`).update(shortDate).digest();
    const kRegion = createHmac("sha256", kDate).update(region).digest();
    const kService = createHmac("sha256", kRegion).update(service).digest();
    key = createHmac("sha256", kService).update("aws4_request").digest();
    keyCache.set(cacheKey, key);
  }
  return key;
}

/**
 * Signature over `signedNames` (lower-case, sorted) of `headers` (lower-case names). Used by the
 * floor and, in `setup`, to check every other case's output.
 */
function signature(
  requestMethod: string,
  requestUrl: URL,
  headers: Readonly<Record<string, string>>,
  signedNames: readonly string[],
  payload: string,
  longDate: string,
): string {
  // The wire path is percent-encoded once; SigV4 encodes each segment again (not for S3).
  const path = requestUrl.pathname.split("/").map(rfc3986).join("/");
  const query = [...requestUrl.searchParams]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([k1, v1], [k2, v2]) => (k1 < k2 ? -1 : k1 > k2 ? 1 : v1 < v2 ? -1 : v1 > v2 ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  let canonicalHeaders = "";
  for (const name of signedNames) {
    canonicalHeaders += `${name}:${headers[name]!.trim().replace(/\s+/g, " ")}\n`;
  }
  const canonicalRequest = `${requestMethod}\n${path}\n${query}\n${canonicalHeaders}\n${signedNames.join(";")}\n${sha256Hex(payload)}`;
  const shortDate = longDate.slice(0, 8);
  const scope = `${shortDate}/${region}/${service}/aws4_request`;
  const stringToSign = `AWS4-HMAC-SHA256\n${longDate}\n${scope}\n${sha256Hex(canonicalRequest)}`;
  return createHmac("sha256", signingKey(credentials.secretAccessKey, shortDate))
    .update(stringToSign)
    .digest("hex");
}

/** Sign the request by hand: parse the URL, add host / date / token, sign every header. */
function floorSign(): Record<string, string> {
  const requestUrl = new URL(url);
  const longDate = date.toISOString().replace(/[:-]|\.\d{3}/g, "");
  const headers: Record<string, string> = {
    "content-type": contentType,
    host: requestUrl.host,
    "x-amz-date": longDate,
    "x-amz-security-token": credentials.sessionToken,
  };
  const names = Object.keys(headers).sort();
  const sig = signature(method, requestUrl, headers, names, body, longDate);
  headers["authorization"] =
    `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${longDate.slice(0, 8)}/${region}/${service}/aws4_request, ` +
    `SignedHeaders=${names.join(";")}, Signature=${sig}`;
  return headers;
}

// ---------------------------------------------------------------------------------------------
// Checks run in `setup`: the case's headers carry a signature that the floor's canonical form
// reproduces over the headers the case says it signed.

function lowerCase(headers: Headers | Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers instanceof Headers) {
    headers.forEach((value, name) => {
      out[name] = value;
    });
  } else {
    for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = String(value);
  }
  return out;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

function expectValid(caseName: string, headers: Record<string, string>): void {
  const fail = (why: string): never => {
    throw new Error(`${caseName}: ${why}`);
  };
  const auth = AUTHORIZATION.exec(headers["authorization"] ?? "") ?? fail("no SigV4 Authorization");
  const [, keyId, shortDate, authRegion, authService, signedList, sig] =
    auth as unknown as string[];
  if (keyId !== credentials.accessKeyId || shortDate !== amzDate.slice(0, 8)) fail("wrong scope");
  if (authRegion !== region || authService !== service) fail("wrong region or service");
  if (headers["x-amz-date"] !== amzDate) fail("wrong x-amz-date");
  if (headers["x-amz-security-token"] !== sessionToken) fail("session token not sent");
  const names = signedList!.split(";");
  // aws4fetch leaves content-type unsigned by default; aws4 also signs content-length.
  for (const required of ["host", "x-amz-date", "x-amz-security-token"]) {
    if (!names.includes(required)) fail(`${required} not signed`);
  }
  if (headers["host"] === undefined) headers["host"] = parsed.host;
  if (signature(method, parsed, headers, names, body, amzDate) !== sig) fail("signature mismatch");
}

// ---------------------------------------------------------------------------------------------
// The signers under test.

/** A node:crypto hash class in smithy's `Checksum` shape (what @smithy/hash-node does). */
class NodeSha256 {
  readonly #secret: string | Uint8Array | undefined;
  #hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.#secret =
      typeof secret === "string" || secret === undefined
        ? secret
        : ArrayBuffer.isView(secret)
          ? new Uint8Array(secret.buffer, secret.byteOffset, secret.byteLength)
          : new Uint8Array(secret);
    this.#hash = this.#secret ? createHmac("sha256", this.#secret) : createHash("sha256");
  }
  update(data: Uint8Array | string): void {
    this.#hash.update(data);
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.#hash.digest());
  }
  reset(): void {
    this.#hash = this.#secret ? createHmac("sha256", this.#secret) : createHash("sha256");
  }
}

const gatehouse = () =>
  signRequest(
    { method, url, headers: { "content-type": contentType }, body },
    { credentials, date },
  );

const smithyRequest = () => ({
  method,
  protocol: parsed.protocol,
  hostname: parsed.hostname,
  path: parsed.pathname,
  query: Object.fromEntries(parsed.searchParams),
  headers: { host: parsed.host, "content-type": contentType },
  body,
});
const smithyJs = new SignatureV4({ credentials, region, service, sha256: Sha256Js });
const smithyNode = new SignatureV4({ credentials, region, service, sha256: NodeSha256 });

const aws4Sign = () =>
  aws4.sign(
    {
      method,
      host: parsed.host,
      path: `${parsed.pathname}${parsed.search}`,
      headers: { "Content-Type": contentType, "X-Amz-Date": amzDate },
      body,
      service,
      region,
    },
    credentials,
  );

// AwsClient shares one key cache across its signers; the AwsV4Signer case does the same.
const aws4fetchCache = new Map();
const aws4fetchSigner = () =>
  new AwsV4Signer({
    method,
    url,
    headers: { "content-type": contentType },
    body,
    ...credentials,
    service,
    region,
    datetime: amzDate,
    cache: aws4fetchCache,
  }).sign();
const aws4fetchClient = new AwsClient({ ...credentials, service, region });
const aws4fetchClientSign = () =>
  aws4fetchClient.sign(url, {
    method,
    headers: { "content-type": contentType },
    body,
    aws: { datetime: amzDate },
  });

export default defineSuite({
  name: "SigV4: sign one API Gateway request",
  description:
    "Sign `POST https://abc123.execute-api.us-east-1.amazonaws.com/prod/pets?x=1` (64-byte JSON " +
    "body, `content-type`, a 644-character session token, fixed date) and return the headers to " +
    "send. Every signer caches the derived signing key. Baseline: a minimal hand-rolled " +
    "`node:crypto` signer (URL parse, canonical request, string to sign, HMAC with a cached key), " +
    "synchronous — the floor, not a competitor. Below 1 = slower than the floor.",
  cases: [
    {
      name: "node:crypto hand-rolled (floor)",
      baseline: true,
      setup: () => expectValid("floor", floorSign()),
      fn: floorSign,
    },
    {
      name: "@gatehouse/sigv4 signRequest",
      setup: async () => expectValid("gatehouse", lowerCase((await gatehouse()).headers)),
      fn: gatehouse,
    },
    {
      name: "@smithy/signature-v4 + node:crypto hash class",
      setup: async () =>
        expectValid(
          "smithy node",
          lowerCase((await smithyNode.sign(smithyRequest(), { signingDate: date })).headers),
        ),
      fn: () => smithyNode.sign(smithyRequest(), { signingDate: date }),
    },
    {
      name: "@smithy/signature-v4 + @aws-crypto/sha256-js",
      setup: async () =>
        expectValid(
          "smithy sha256-js",
          lowerCase((await smithyJs.sign(smithyRequest(), { signingDate: date })).headers),
        ),
      fn: () => smithyJs.sign(smithyRequest(), { signingDate: date }),
    },
    {
      name: "aws4 sign",
      setup: () => expectValid("aws4", lowerCase(aws4Sign().headers ?? {})),
      fn: aws4Sign,
    },
    {
      name: "aws4fetch AwsV4Signer.sign (WebCrypto)",
      setup: async () =>
        expectValid("aws4fetch signer", lowerCase((await aws4fetchSigner()).headers)),
      fn: aws4fetchSigner,
    },
    {
      name: "aws4fetch AwsClient.sign (WebCrypto, returns a Request)",
      setup: async () =>
        expectValid("aws4fetch client", lowerCase((await aws4fetchClientSign()).headers)),
      fn: aws4fetchClientSign,
    },
  ],
  importCost: [
    {
      name: "@gatehouse/sigv4: signRequest + createSignedFetch",
      specifier: "@gatehouse/sigv4",
      exports: ["signRequest", "createSignedFetch"],
    },
    { name: "@gatehouse/sigv4", specifier: "@gatehouse/sigv4" },
    {
      name: "aws4fetch: AwsClient + AwsV4Signer",
      specifier: "aws4fetch",
      exports: ["AwsClient", "AwsV4Signer"],
    },
    { name: "aws4fetch", specifier: "aws4fetch" },
    {
      name: "smithy: SignatureV4 + Sha256 (sha256-js)",
      specifier: "./bundle-entries/smithy-sha256-js.js",
      exports: ["SignatureV4", "Sha256"],
    },
    { name: "@smithy/signature-v4", specifier: "@smithy/signature-v4" },
  ],
});
