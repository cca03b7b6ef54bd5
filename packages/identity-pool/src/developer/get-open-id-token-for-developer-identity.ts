import { type CredentialsInput, signRequest } from "@gatehouse/sigv4";
import { deadline, race } from "../internal/deadline.js";
import { optionCheck } from "../internal/option-check.js";
import { resolveRegion, serviceEndpoint } from "../internal/region.js";
import { createTransport, isTimeout } from "../internal/transport.js";
import type { RetryOptions } from "../retry-options.js";

/** Options of {@link getOpenIdTokenForDeveloperIdentity}. */
export interface DeveloperIdentityTokenOptions {
  /** The identity pool id, `{region}:{GUID}`. */
  identityPoolId: string;
  /**
   * `{ [developerProviderName]: yourUserId }`, e.g. `{ "login.example.app": "user-42" }`; other
   * providers of the same user may be added to link them.
   */
  logins: Record<string, string>;
  /** The user's identity id, to add a login to an existing identity. */
  identityId?: string;
  /** Lifetime of the OpenID token, in seconds (Cognito allows up to 86400). @default Cognito's 900 */
  tokenDurationSeconds?: number;
  /** Session tags for attribute-based access control. */
  principalTags?: Record<string, string>;
  /**
   * AWS credentials allowed `cognito-identity:GetOpenIdTokenForDeveloperIdentity` on the pool: a
   * value or a provider (`fromEnv()` in Lambda).
   */
  credentials: CredentialsInput;
  /** Must equal the pool id's prefix. @default that prefix */
  region?: string;
  /** @default `https://cognito-identity.{region}.amazonaws.com/` */
  endpoint?: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  retry?: RetryOptions;
  /** Waits between retries, in milliseconds. @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** Signing time, for tests. @default now */
  date?: () => Date;
  /**
   * Deadline of one HTTP attempt (request, answer and body), in milliseconds; retried like a
   * network failure (`timeout`).
   * @default 5000
   */
  attemptTimeoutMs?: number;
  /** Deadline of the whole call (attempts, backoff, signing), in milliseconds (`timeout`). @default 15000 */
  timeoutMs?: number;
  /** Stops the call: it rejects with `aborted` (the signal's reason as `cause`). */
  signal?: AbortSignal;
}

/** The answer of {@link getOpenIdTokenForDeveloperIdentity}: hand both to the browser. */
export interface DeveloperIdentityToken {
  identityId: string;
  /** OpenID token for the login key `cognito-identity.amazonaws.com`. Secret. */
  token: string;
}

/**
 * Server side: registers or looks up a developer-authenticated identity and returns its identity
 * id and an OpenID token (`GetOpenIdTokenForDeveloperIdentity`, signed with SigV4 for the service
 * `cognito-identity`). Give both to the browser, whose `createIdentityPoolClient({ developerIdentity })`
 * exchanges them for credentials. Throttling, 5xx and attempts that time out are retried like the
 * client's calls, within `timeoutMs` (15 s; 5 s per attempt).
 *
 * Only this helper imports `@gatehouse/sigv4`: a browser bundle that does not import it stays free
 * of the signer.
 *
 * @param options - See {@link DeveloperIdentityTokenOptions}.
 * @returns `{ identityId, token }`.
 * @throws IdentityPoolError with the service's error type as `code`, or `timeout`,
 *   `aborted`, `response_too_large`, `network_error`.
 * @throws TypeError for malformed options.
 * @example
 * ```ts
 * import { fromEnv } from "@gatehouse/sigv4";
 * const { identityId, token } = await getOpenIdTokenForDeveloperIdentity({
 *   identityPoolId: "eu-west-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11",
 *   logins: { "login.example.app": user.id },
 *   credentials: fromEnv(),
 * });
 * ```
 * @see https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetOpenIdTokenForDeveloperIdentity.html
 */
export async function getOpenIdTokenForDeveloperIdentity(
  options: DeveloperIdentityTokenOptions,
): Promise<DeveloperIdentityToken> {
  const check = optionCheck("getOpenIdTokenForDeveloperIdentity");
  const { identityPoolId, logins, identityId, tokenDurationSeconds, principalTags, credentials } =
    options;
  const region = resolveRegion(check, identityPoolId, options.region);
  const date = options.date;
  const transport = createTransport(
    check,
    options,
    options.endpoint ?? serviceEndpoint("cognito-identity", region),
    async (url, headers, body) => {
      const signed = await signRequest(
        { method: "POST", url, headers, body },
        {
          credentials,
          region,
          service: "cognito-identity",
          ...(date === undefined ? {} : { date: date() }),
        },
      );
      // fetch sets Host from the URL (the signed value).
      const { host: _host, ...rest } = signed.headers;
      return rest;
    },
  );
  check(
    typeof logins === "object" &&
      logins !== null &&
      Object.keys(logins).length > 0 &&
      Object.values(logins).every((value) => typeof value === "string" && value !== ""),
    "logins",
    "a map of a developer provider name to a user id",
  );
  check(
    tokenDurationSeconds === undefined ||
      (Number.isInteger(tokenDurationSeconds) &&
        tokenDurationSeconds >= 1 &&
        tokenDurationSeconds <= 86_400),
    "tokenDurationSeconds",
    "an integer from 1 to 86400",
  );
  const { timeoutMs = 15_000 } = options;
  check(isTimeout(timeoutMs), "timeoutMs", "a finite number > 0");
  const operation = "GetOpenIdTokenForDeveloperIdentity";
  const [signal, release] = deadline(timeoutMs, operation, "timeoutMs", operation, options.signal);
  let answer: Awaited<ReturnType<typeof transport.call>>;
  try {
    // JSON.stringify leaves out the optional parameters that are undefined.
    answer = await race(
      transport.call(
        operation,
        {
          IdentityPoolId: identityPoolId,
          Logins: logins,
          IdentityId: identityId,
          TokenDuration: tokenDurationSeconds,
          PrincipalTags: principalTags,
        },
        signal,
      ),
      signal,
    );
  } finally {
    release();
  }
  return {
    identityId: transport.field(operation, answer.IdentityId, "IdentityId"),
    token: transport.field(operation, answer.Token, "Token"),
  };
}
