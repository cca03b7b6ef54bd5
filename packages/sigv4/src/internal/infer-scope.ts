import { SigV4Error } from "../errors.js";

// {api-id}.execute-api.{region}.amazonaws.com(.cn), also the private-API form
// {api-id}-{vpce-id}.execute-api.{region}.vpce.amazonaws.com.
const EXECUTE_API = /^[a-z0-9-]+\.execute-api\.([a-z0-9-]+)\.(?:vpce\.)?amazonaws\.com(?:\.cn)?$/;
// {url-id}.lambda-url.{region}.on.aws
const LAMBDA_URL = /^[a-z0-9]+\.lambda-url\.([a-z0-9-]+)\.on\.aws$/;
const NAME = /^[a-z0-9][a-z0-9-]*$/;

let last:
  | {
      hostname: string;
      region: string | undefined;
      service: string | undefined;
      scope: { readonly region: string; readonly service: string };
    }
  | undefined;

/**
 * Region and service for a host: the options win, then the execute-api / lambda-url host patterns.
 * Never falls back to a default region: a wrong region gives a signature mismatch that is much
 * harder to diagnose than an error here.
 * @internal
 */
export function inferScope(
  hostname: string,
  options: { region?: string | undefined; service?: string | undefined },
): { readonly region: string; readonly service: string } {
  // Clients sign for one host over and over: remember the last answer.
  if (
    last !== undefined &&
    last.hostname === hostname &&
    last.region === options.region &&
    last.service === options.service
  ) {
    return last.scope;
  }
  for (const key of ["region", "service"] as const) {
    const value = options[key];
    if (value !== undefined && typeof value !== "string") {
      throw new TypeError(`options.${key} must be a string`);
    }
    if (value !== undefined && !NAME.test(value)) {
      throw new SigV4Error(
        "invalid_option",
        `options.${key} ${JSON.stringify(value)} is not a valid ${key} name.`,
        {
          path: `options.${key}`,
          expected: "lower-case letters, digits and dashes",
        },
      );
    }
  }
  const host = hostname.toLowerCase().replace(/\.$/, "");
  const lambda = LAMBDA_URL.exec(host);
  const executeApi = lambda ? null : EXECUTE_API.exec(host);
  const region = options.region ?? lambda?.[1] ?? executeApi?.[1];
  if (region === undefined) {
    throw new SigV4Error(
      "missing_region",
      `Cannot infer the signing region from host ${JSON.stringify(hostname)}: pass options.region.`,
      { path: "options.region" },
    );
  }
  const service = options.service ?? (lambda ? "lambda" : "execute-api");
  const scope = Object.freeze({ region, service });
  last = { hostname, region: options.region, service: options.service, scope };
  return scope;
}
