import type { AwsCredentials, CredentialsInput } from "../credentials/aws-credentials.js";
import { isSigV4Error, SigV4Error } from "../errors.js";
import { abortedError, boundedProviders, PROVIDER_TIMEOUT_MS, raceSignal } from "./deadline.js";

/**
 * Resolves a credentials value or provider and checks its shape. Errors name the field at fault,
 * never its value. A value is checked synchronously (no promise, no microtask on the signing hot
 * path); a provider's result asynchronously. Callers are `async` functions, so a synchronous throw
 * still reaches the user as a rejection.
 *
 * A provider is called with `{ signal }` and its wait is bounded: by `signal`, and, unless it is a
 * memoized provider (which bounds its own waits), by a deadline of its own.
 * @internal
 */
export function resolveCredentials(
  input: CredentialsInput,
  signal?: AbortSignal,
): AwsCredentials | Promise<AwsCredentials> {
  if (typeof input === "function") return resolveProvider(input, signal);
  if (typeof input !== "object" || input === null) {
    throw new TypeError(
      "options.credentials must be an AwsCredentials object or a provider function",
    );
  }
  return checkCredentials(input);
}

async function resolveProvider(
  provider: Exclude<CredentialsInput, AwsCredentials>,
  signal: AbortSignal | undefined,
): Promise<AwsCredentials> {
  let credentials: unknown;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    let pending = provider(signal === undefined ? undefined : { signal });
    if (!boundedProviders.has(provider)) {
      pending = Promise.race([
        pending,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new SigV4Error(
                  "timeout",
                  `The credentials provider did not answer within ${PROVIDER_TIMEOUT_MS} ms (wrap it in memoizeCredentials to choose timeoutMs).`,
                  { path: "options.credentials" },
                ),
              ),
            PROVIDER_TIMEOUT_MS,
          );
        }),
      ]);
    }
    credentials = await (signal === undefined
      ? pending
      : raceSignal(pending, signal, () => abortedError("signRequest", signal)));
  } catch (error) {
    // Our own codes (a memoized provider's `timeout`, `aborted`, `expired_credentials`, ...) say
    // more than a wrapper would.
    if (isSigV4Error(error)) throw error;
    throw new SigV4Error("credentials_unavailable", "The credentials provider failed.", {
      path: "options.credentials",
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
  if (credentials == null) {
    throw new SigV4Error("credentials_unavailable", "The credentials provider returned nothing.", {
      path: "options.credentials",
    });
  }
  return checkCredentials(credentials);
}

/**
 * The checked copy made from each credentials object, so the same object passed again (a value in
 * the options, a provider's cached result) yields the same frozen copy, and `signing-key.ts` can
 * recognise it without hashing the secret again. Weak on purpose: a copy lives exactly as long as
 * the caller's own object, which holds the same secret; nothing here outlives it.
 */
const copies = new WeakMap<object, AwsCredentials>();

function checkCredentials(credentials: unknown): AwsCredentials {
  const { accessKeyId, secretAccessKey, sessionToken } = credentials as Partial<AwsCredentials>;
  const copy = copies.get(credentials as object);
  if (
    copy !== undefined &&
    copy.accessKeyId === accessKeyId &&
    copy.secretAccessKey === secretAccessKey &&
    copy.sessionToken === (sessionToken ? sessionToken : undefined)
  ) {
    return copy;
  }
  if (typeof accessKeyId !== "string" || !/^[^\s/,=]+$/.test(accessKeyId)) {
    throw new SigV4Error(
      "invalid_credentials",
      "accessKeyId must be a non-empty string without spaces, /, , or =.",
      {
        path: "options.credentials.accessKeyId",
      },
    );
  }
  if (typeof secretAccessKey !== "string" || secretAccessKey.length === 0) {
    throw new SigV4Error("invalid_credentials", "secretAccessKey must be a non-empty string.", {
      path: "options.credentials.secretAccessKey",
    });
  }
  if (sessionToken !== undefined && sessionToken !== null && typeof sessionToken !== "string") {
    throw new SigV4Error("invalid_credentials", "sessionToken must be a string when present.", {
      path: "options.credentials.sessionToken",
    });
  }
  const checked: AwsCredentials = Object.freeze(
    sessionToken
      ? { accessKeyId, secretAccessKey, sessionToken }
      : { accessKeyId, secretAccessKey },
  );
  if (typeof credentials === "object" && credentials !== null) copies.set(credentials, checked);
  return checked;
}
