/**
 * The browser side of the check: bundled by esbuild for the browser from `@gatehouse/sigv4`'s
 * public entry point, loaded by `index.html`, and driven by `signed-fetch.browser.test.ts`.
 */
import * as sigv4 from "@gatehouse/sigv4";

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

type SignedFetchFactory = (options: {
  credentials: BrowserCheckInput["credentials"];
  region: string;
}) => (input: string, init?: RequestInit) => Promise<Response>;

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

/** A signed POST with a JSON body, through `createSignedFetch` when the package exports it. */
async function signedFetch(input: BrowserCheckInput): Promise<BrowserCheckResult> {
  const url = `${input.verifierUrl}/prod/pets/caf%C3%A9?limit=10&tag=a&tag=b`;
  const init = {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Rex", from: navigator.userAgent.slice(0, 40) }),
  };
  const factory = (sigv4 as unknown as { createSignedFetch?: SignedFetchFactory })
    .createSignedFetch;
  if (factory !== undefined) {
    const fetchSigned = factory({ credentials: input.credentials, region: input.region });
    return result(await fetchSigned(url, init), "createSignedFetch");
  }
  const signed = await sigv4.signRequest(
    { url, ...init },
    { credentials: input.credentials, region: input.region },
  );
  return result(
    await fetch(signed.url, {
      method: signed.method,
      headers: withoutHost(signed.headers),
      body: init.body,
    }),
    "signRequest",
  );
}

/** A request signed for one body and sent with another. */
async function tamperedBody(input: BrowserCheckInput): Promise<BrowserCheckResult> {
  const signed = await sigv4.signRequest(
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
  const url = await sigv4.presignUrl(
    { url: `${input.verifierUrl}/prod/connect` },
    { credentials: input.credentials, region: input.region, expiresIn: 60 },
  );
  return result(await fetch(url), "presignUrl");
}

const checks = { signedFetch, tamperedBody, presigned };
(globalThis as unknown as { gatehouseCheck: typeof checks }).gatehouseCheck = checks;
