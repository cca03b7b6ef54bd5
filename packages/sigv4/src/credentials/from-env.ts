import { SigV4Error } from "../errors.js";
import type { AwsCredentials, CredentialsProvider } from "./aws-credentials.js";

/** Environment variables as {@link fromEnv} reads them, e.g. `process.env`. */
export type EnvironmentVariables = Record<string, string | undefined>;

/**
 * A credentials provider that reads the standard environment variables each time it is called:
 * `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, and optionally `AWS_SESSION_TOKEN` and
 * `AWS_CREDENTIAL_EXPIRATION` (ISO 8601). In Lambda these hold the function role's credentials.
 *
 * @param env - Where to read the variables; defaults to `process.env` when there is one (Node, Bun,
 *   Deno with Node compatibility). In a browser pass nothing and the provider rejects.
 * @returns A provider that rejects with `SigV4Error` `credentials_unavailable` naming a missing
 *   variable (never a value), or `invalid_credentials` for an unreadable `AWS_CREDENTIAL_EXPIRATION`.
 * @example
 * ```ts
 * const signedFetch = createSignedFetch({ credentials: fromEnv(), region: "eu-west-1" });
 * ```
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/environment-variables.html
 */
export function fromEnv(env?: EnvironmentVariables): CredentialsProvider {
  if (env !== undefined && (typeof env !== "object" || env === null)) {
    throw new TypeError(
      `fromEnv: env must be an object, got ${env === null ? "null" : typeof env}`,
    );
  }
  return async () => {
    const source = env ?? processEnv();
    if (source === undefined) {
      throw new SigV4Error(
        "credentials_unavailable",
        "fromEnv: there is no process.env in this runtime; pass the variables as fromEnv(env)",
        { path: "env" },
      );
    }
    const accessKeyId = required(source, "AWS_ACCESS_KEY_ID");
    const secretAccessKey = required(source, "AWS_SECRET_ACCESS_KEY");
    const credentials: AwsCredentials = { accessKeyId, secretAccessKey };
    const { AWS_SESSION_TOKEN: sessionToken, AWS_CREDENTIAL_EXPIRATION: expiration } = source;
    if (sessionToken !== undefined && sessionToken !== "") credentials.sessionToken = sessionToken;
    if (expiration !== undefined && expiration !== "") {
      const date = new Date(expiration);
      if (Number.isNaN(date.getTime())) {
        throw new SigV4Error(
          "invalid_credentials",
          "fromEnv: AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 date",
          { path: "AWS_CREDENTIAL_EXPIRATION", expected: "an ISO 8601 date" },
        );
      }
      credentials.expiration = date;
    }
    return credentials;
  };
}

function required(source: EnvironmentVariables, name: string): string {
  const value = source[name];
  if (typeof value !== "string" || value === "") {
    throw new SigV4Error("credentials_unavailable", `fromEnv: ${name} is not set`, { path: name });
  }
  return value;
}

function processEnv(): EnvironmentVariables | undefined {
  // Read through globalThis: this package must not import `node:process` (browsers, workers).
  const env = (globalThis as { process?: { env?: unknown } }).process?.env;
  return typeof env === "object" && env !== null ? (env as EnvironmentVariables) : undefined;
}
