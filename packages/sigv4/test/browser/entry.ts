/**
 * The browser side of the check: bundled by esbuild for the browser from `@gatehouse/sigv4`'s
 * public entry point, loaded by `index.html`, and driven by `signed-fetch.browser.test.ts`.
 */
import { createSignedFetch, presignUrl, signRequest } from "@gatehouse/sigv4";

export interface BrowserCheckInput {
  /** The verifier's base URL (another loopback origin than the page's: CORS is exercised). */
  verifierUrl: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export interface BrowserCheckResult {
  status: number;
  body: string;
  errorType: string | null;
  /** Which API signed the request. */
  via: "createSignedFetch" | "signRequest" | "presignUrl";
}

async function result(
  response: Response,
  via: BrowserCheckResult["via"],
): Promise<BrowserCheckResult> {
  return {
    status: response.status,
    body: await response.text(),
    errorType: response.headers.get("x-amzn-ErrorType"),
    via,
  };
}

function withoutHost(headers: Record<string, string>): Record<string, string> {
  const { host: _host, ...rest } = headers;
  return rest;
}

/** A signed POST with a JSON body through `createSignedFetch` (CORS preflight included). */
async function signedFetch(input: BrowserCheckInput): Promise<BrowserCheckResult> {
  const url = `${input.verifierUrl}/prod/pets/caf%C3%A9?limit=10&tag=a&tag=b`;
  const init = {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Rex", from: navigator.userAgent.slice(0, 40) }),
  };
  const fetchSigned = createSignedFetch({ credentials: input.credentials, region: input.region });
  return result(await fetchSigned(url, init), "createSignedFetch");
}

/** A request signed for one body and sent with another. */
async function tamperedBody(input: BrowserCheckInput): Promise<BrowserCheckResult> {
  const signed = await signRequest(
    { method: "POST", url: `${input.verifierUrl}/prod/pets`, body: '{"amount":1}' },
    { credentials: input.credentials, region: input.region },
  );
  const response = await fetch(signed.url, {
    method: "POST",
    headers: withoutHost(signed.headers),
    body: '{"amount":1000}',
  });
  return result(response, "signRequest");
}

/** A presigned GET: no headers at all, the signature travels in the query. */
async function presigned(input: BrowserCheckInput): Promise<BrowserCheckResult> {
  const url = await presignUrl(
    { url: `${input.verifierUrl}/prod/connect` },
    { credentials: input.credentials, region: input.region, expiresIn: 60 },
  );
  return result(await fetch(url), "presignUrl");
}

/**
 * A presigned POST whose body's hash (sha256-js in the browser build) is in the signature, sent
 * with that body and, when `tamper` is set, with another one.
 */
async function presignedPost(
  input: BrowserCheckInput,
  tamper: boolean,
): Promise<BrowserCheckResult> {
  const body = JSON.stringify({ name: "Rex", tag: "café" });
  const url = await presignUrl(
    { method: "POST", url: `${input.verifierUrl}/prod/pets`, body },
    { credentials: input.credentials, region: input.region, expiresIn: 60 },
  );
  const sent = tamper ? body.replace("Rex", "Max") : body;
  return result(await fetch(url, { method: "POST", body: sent }), "presignUrl");
}

const checks = {
  signedFetch,
  tamperedBody,
  presigned,
  presignedPost: (input: BrowserCheckInput) => presignedPost(input, false),
  presignedTamperedPost: (input: BrowserCheckInput) => presignedPost(input, true),
};
(globalThis as unknown as { gatehouseCheck: typeof checks }).gatehouseCheck = checks;
