import type { AwsCredentials } from "../credentials/aws-credentials.js";
import type { SignableHttpRequest, SignableRequest, SignOptions } from "../sign-request.js";
import { checkSignal } from "./deadline.js";
import { inferScope } from "./infer-scope.js";
import { type ParsedTarget, parseTarget } from "./parse-target.js";
import { headerPairs, normaliseMethod, type ParsedUrl, parseUrl } from "./parse-url.js";
import { resolveCredentials } from "./resolve-credentials.js";

/** @internal */
export interface ResolvedSigning {
  /** The URL form, or the wire form (`kind: "target"`). */
  parsed: (ParsedUrl & { kind: "url" }) | ParsedTarget;
  method: string;
  /** The request's headers with `host` replaced by the URL's host (port included when not default), or the wire form's `hostname` and `port`. */
  headers: Array<[string, string]>;
  credentials: AwsCredentials;
  region: string;
  service: string;
  date: Date;
  normalizePath: boolean;
  contentSha256Header: boolean;
  payloadHash: string | undefined;
}

function optionalBoolean(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") throw new TypeError(`options.${name} must be a boolean`);
  return value;
}

/**
 * Validates the options and request parts shared by `signRequest` and `presignUrl` (misuse throws
 * `TypeError`), resolves credentials, and infers region and service from the host. Synchronous
 * when the credentials are a value (the common case: no promise on the hot path); a promise when
 * they come from a provider. Throws synchronously: call it from an `async` function.
 * @internal
 */
export function resolveSignOptions(
  request:
    | {
        method?: string | undefined;
        url: SignableRequest["url"];
        headers?: SignableRequest["headers"] | undefined;
        path?: undefined;
      }
    | (Omit<SignableHttpRequest, "method"> & { method?: string | undefined }),
  options: SignOptions,
): ResolvedSigning | Promise<ResolvedSigning> {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("options must be an object with credentials");
  }
  if (typeof request !== "object" || request === null) {
    throw new TypeError("request must be an object with method and url");
  }
  const date = options.date ?? new Date();
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new TypeError("options.date must be a valid Date");
  }
  if (options.payloadHash !== undefined && typeof options.payloadHash !== "string") {
    throw new TypeError("options.payloadHash must be a string");
  }
  const normalizePath = optionalBoolean(options.normalizePath, "normalizePath", true);
  const contentSha256Header = optionalBoolean(
    options.contentSha256Header,
    "contentSha256Header",
    false,
  );
  const method = normaliseMethod(request.method ?? "GET");
  const hasUrl = request.url !== undefined;
  if (hasUrl === (request.path !== undefined)) {
    throw new TypeError(
      "request needs either url (an absolute URL) or hostname and path (the request target as sent), not both",
    );
  }
  const parsed: ResolvedSigning["parsed"] =
    request.url !== undefined
      ? { kind: "url", ...parseUrl(request.url) }
      : parseTarget(request as SignableHttpRequest);
  const { region, service } = inferScope(
    parsed.kind === "url" ? parsed.url.hostname : parsed.hostname,
    options,
  );
  // Host is always signed, and always the URL's (or hostname:port): fetch and Node's http.request
  // send that one whatever the headers say.
  const headers: Array<[string, string]> = [
    ["host", parsed.kind === "url" ? parsed.url.host : parsed.host],
  ];
  for (const pair of headerPairs(request.headers)) {
    if (pair[0].toLowerCase() !== "host") headers.push(pair);
  }
  const credentials = resolveCredentials(
    options.credentials,
    checkSignal(options.signal, "options.signal"),
  );
  const resolve = (value: AwsCredentials): ResolvedSigning => ({
    parsed,
    method,
    headers,
    credentials: value,
    region,
    service,
    date,
    normalizePath,
    contentSha256Header,
    payloadHash: options.payloadHash,
  });
  return credentials instanceof Promise ? credentials.then(resolve) : resolve(credentials);
}
