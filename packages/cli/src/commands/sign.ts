import {
  type CredentialsInput,
  explainSignatureMismatch,
  fromEnv,
  isSigV4Error,
  type SignedRequest,
  signRequest,
} from "@gatehouse/sigv4";
import { CliError, usageError } from "../errors.js";
import type { CommandContext, CommandSpec } from "../internal/command.js";
import { type FlagPaths, inFlagTerms } from "../internal/flag-paths.js";
import {
  IDENTITY_POOL_OPTIONS,
  identityPoolClient,
  identityPoolFailure,
  wantsIdentityPool,
} from "../internal/identity-pool-options.js";
import { readText } from "../internal/read-input.js";
import { redactCanonicalRequest, redactHeaders, redactUrl } from "../internal/redact.js";

function parseHeaders(lines: readonly string[]): Array<[string, string]> {
  return lines.map((line) => {
    const index = line.indexOf(":");
    if (index <= 0) throw usageError(`-H must be "Name: value"; got ${JSON.stringify(line)}`);
    return [line.slice(0, index).trim(), line.slice(index + 1).trim()];
  });
}

async function readBody(context: CommandContext): Promise<string | undefined> {
  const data = context.string("data");
  if (data === undefined) return undefined;
  if (data === "-" || data.startsWith("@"))
    return readText(data === "-" ? "-" : data.slice(1), context.io);
  return data;
}

async function credentialsFor(context: CommandContext): Promise<CredentialsInput> {
  if (!wantsIdentityPool(context)) return fromEnv({ ...context.io.env });
  const client = await identityPoolClient(context);
  return client.provider;
}

/** @gatehouse/sigv4's option paths, as this command's flags. */
const SIGV4_FLAG_PATHS: FlagPaths = {
  "options.region": "--region",
  "options.service": "--service",
  "request.url": "<url>",
  "request.method": "--request",
  "request.headers": "--header",
  "request.body": "--data",
  "options.credentials": "AWS credentials",
  "options.credentials.accessKeyId": "AWS_ACCESS_KEY_ID",
  "options.credentials.secretAccessKey": "AWS_SECRET_ACCESS_KEY",
  "options.credentials.sessionToken": "AWS_SESSION_TOKEN",
};

function sigv4Failure(error: unknown, context: CommandContext, fromEnvironment: boolean): unknown {
  if (!isSigV4Error(error)) return error;
  const usage =
    error.code === "missing_region" ||
    error.code === "credentials_unavailable" ||
    error.code === "invalid_credentials" ||
    error.code === "invalid_request" ||
    error.code === "unsupported_body";
  const message = inFlagTerms(error.message, error.path, error.code, SIGV4_FLAG_PATHS, (flag) =>
    context.strings(flag.slice(2)),
  );
  const credentials =
    error.code === "credentials_unavailable" || error.code === "invalid_credentials";
  return new CliError(usage ? "usage" : "runtime", message, {
    cause: error,
    ...(credentials && fromEnvironment
      ? {
          hint: "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), or use --identity-pool-id.",
        }
      : error.code === "missing_region"
        ? { hint: "Give --region for hosts that are not *.execute-api.{region}.amazonaws.com." }
        : {}),
  });
}

function printSigned(context: CommandContext, signed: SignedRequest, verbose: boolean): void {
  const { out } = context;
  out.line(`${signed.method} ${redactUrl(signed.url)}`);
  for (const [name, value] of Object.entries(redactHeaders(signed.headers)))
    out.line(`${name}: ${value}`);
  if (typeof signed.body === "string" && signed.body !== "") {
    out.line("");
    out.line(signed.body);
  }
  if (verbose) {
    out.line("");
    out.line(out.bold("canonical request"));
    out.line(redactCanonicalRequest(signed));
    out.line(out.bold("string to sign"));
    out.line(signed.signing.stringToSign);
  }
}

/** `gatehouse sign`. @internal */
export const sign: CommandSpec = {
  path: ["sign"],
  summary: "send a SigV4-signed request (like awscurl) and print the response",
  args: "<url>",
  description: [
    "Credentials come from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) or from a Cognito identity pool (--identity-pool-id with --login / --id-token). The region is inferred from *.execute-api.{region}.amazonaws.com and Lambda function URL hosts; give --region for any other host.",
    "--dry-run prints the signed request instead of sending it, with the signature and the session token replaced by <redacted>: what is signed is shown, never what would let someone replay it. A 403 signature mismatch is explained part by part.",
  ],
  options: {
    request: {
      type: "string",
      short: "X",
      value: "<method>",
      description: "HTTP method",
      defaultText: "GET, or POST with -d",
    },
    data: {
      type: "string",
      short: "d",
      value: "<body|@file|->",
      description: "Request body (inline, @file, or - for stdin)",
    },
    header: {
      type: "string",
      short: "H",
      multiple: true,
      value: "<name: value>",
      description: "A request header (signed)",
    },
    region: {
      type: "string",
      value: "<region>",
      description: "Signing region",
      defaultText: "from the host",
    },
    service: {
      type: "string",
      value: "<service>",
      description: "Signing service",
      defaultText: "execute-api (lambda for function URLs)",
    },
    ...IDENTITY_POOL_OPTIONS,
    include: {
      type: "boolean",
      short: "i",
      description: "Print the response status line and headers",
    },
    "dry-run": {
      type: "boolean",
      description: "Print the signed request (signature redacted); do not send it",
    },
    verbose: {
      type: "boolean",
      short: "v",
      description: "Also print the canonical request and string to sign (session token redacted)",
    },
    json: { type: "boolean", description: "Print { status, headers, body } as JSON" },
  },
  positionals: { min: 1, max: 1 },
  examples: [
    "gatehouse sign https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/pets",
    "gatehouse sign -X POST -H 'content-type: application/json' -d '{\"name\":\"Rex\"}' https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/pets",
    "gatehouse sign --dry-run --region eu-west-1 http://127.0.0.1:4000/prod/pets",
    "gatehouse sign https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/pets --identity-pool-id eu-west-1:1a2b... --id-token @id-token.txt",
  ],
  exitCodes: [
    "0  the response status is below 400 (or --dry-run)",
    "1  the response status is 400 or above (body printed), or the identity pool refused the login",
    "2  bad URL, header or options; no credentials in the environment; no region for the host",
    "3  the request could not be sent (connection refused, DNS), identity-pool service errors",
  ],
  async run(context) {
    const url = context.positionals[0] as string;
    try {
      new URL(url);
    } catch {
      throw usageError(`not an absolute URL: ${url}`);
    }
    const body = await readBody(context);
    const method = (
      context.string("request") ?? (body === undefined ? "GET" : "POST")
    ).toUpperCase();
    const headers = parseHeaders(context.strings("header"));
    const region = context.string("region");
    const service = context.string("service");
    let signed: SignedRequest;
    try {
      signed = await signRequest(
        { method, url, headers, ...(body === undefined ? {} : { body }) },
        {
          credentials: await credentialsFor(context),
          ...(region === undefined ? {} : { region }),
          ...(service === undefined ? {} : { service }),
        },
      );
    } catch (error) {
      const failure = identityPoolFailure(error);
      throw failure !== error
        ? failure
        : sigv4Failure(error, context, !context.given("identity-pool-id"));
    }
    if (context.flag("dry-run")) {
      printSigned(context, signed, context.flag("verbose"));
      return 0;
    }
    if (context.flag("verbose")) {
      const { out } = context;
      out.note(out.dim(`> ${signed.method} ${redactUrl(signed.url)}`));
      for (const [name, value] of Object.entries(redactHeaders(signed.headers)))
        out.note(out.dim(`> ${name}: ${value}`));
    }
    let response: Response;
    try {
      const init: RequestInit = { method: signed.method, headers: signed.headers };
      if (typeof signed.body === "string") init.body = signed.body;
      response = await context.io.fetch(signed.url, init);
    } catch (error) {
      // The reason (ECONNREFUSED, ENOTFOUND, a TLS error) is in the cause chain, printed below.
      throw new CliError(
        "runtime",
        `the request to ${new URL(signed.url).origin} could not be sent`,
        {
          cause: error,
        },
      );
    }
    const text = await response.text();
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      responseHeaders[name] = value;
    });
    const { out } = context;
    if (context.flag("json")) {
      out.json({ status: response.status, headers: responseHeaders, body: text });
    } else {
      if (context.flag("include")) {
        out.line(`HTTP ${response.status} ${response.statusText}`);
        for (const [name, value] of Object.entries(responseHeaders)) out.line(`${name}: ${value}`);
        out.line("");
      }
      out.line(text);
    }
    if (response.status >= 400) {
      const type = response.headers.get("x-amzn-errortype");
      out.note(out.red(`HTTP ${response.status}${type === null ? "" : ` ${type}`}`));
      if (
        response.status === 403 &&
        text.includes("Canonical String for this request should have been")
      ) {
        try {
          out.note(explainSignatureMismatch(text, signed).summary);
        } catch {
          // Not API Gateway's mismatch text after all: the body above says enough.
        }
      }
      return 1;
    }
    return 0;
  },
};
