import type { SigV4VerifierCredentials, SigV4VerifierOptions } from "../sigv4-verifier-options.js";

/** {@link SigV4VerifierOptions} with defaults applied and keys indexed. @internal */
export interface ResolvedVerifierOptions {
  keys: ReadonlyMap<string, SigV4VerifierCredentials>;
  region: string;
  service: string;
  now: () => Date;
  maxSkewSeconds: number;
  normalizePath: boolean;
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

/**
 * Checks the options once (misuse throws `TypeError`, never quoting a secret) and applies defaults.
 * @internal
 */
export function resolveVerifierOptions(
  options: SigV4VerifierOptions,
  caller: string,
): ResolvedVerifierOptions {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`${caller}: options must be an object`);
  }
  const {
    credentials,
    region,
    service = "execute-api",
    now = () => new Date(),
    maxSkewSeconds = 300,
    normalizePath = true,
  } = options;
  if (!Array.isArray(credentials) || credentials.length === 0) {
    throw new TypeError(`${caller}: options.credentials must be a non-empty array`);
  }
  const keys = new Map<string, SigV4VerifierCredentials>();
  credentials.forEach((key: SigV4VerifierCredentials, index: number) => {
    if (!nonEmptyString(key?.accessKeyId) || !nonEmptyString(key.secretAccessKey)) {
      throw new TypeError(
        `${caller}: options.credentials[${index}] needs a non-empty accessKeyId and secretAccessKey`,
      );
    }
    if (key.sessionToken !== undefined && !nonEmptyString(key.sessionToken)) {
      throw new TypeError(
        `${caller}: options.credentials[${index}].sessionToken must be a non-empty string`,
      );
    }
    if (keys.has(key.accessKeyId)) {
      throw new TypeError(
        `${caller}: options.credentials lists access key id ${key.accessKeyId} twice`,
      );
    }
    keys.set(key.accessKeyId, key);
  });
  if (!nonEmptyString(region))
    throw new TypeError(`${caller}: options.region must be a non-empty string`);
  if (!nonEmptyString(service))
    throw new TypeError(`${caller}: options.service must be a non-empty string`);
  if (typeof now !== "function") throw new TypeError(`${caller}: options.now must be a function`);
  if (
    typeof maxSkewSeconds !== "number" ||
    !Number.isFinite(maxSkewSeconds) ||
    maxSkewSeconds < 0
  ) {
    throw new TypeError(
      `${caller}: options.maxSkewSeconds must be a finite number of seconds >= 0`,
    );
  }
  if (typeof normalizePath !== "boolean") {
    throw new TypeError(`${caller}: options.normalizePath must be a boolean`);
  }
  return { keys, region, service, now, maxSkewSeconds, normalizePath };
}
