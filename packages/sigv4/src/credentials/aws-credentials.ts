/**
 * AWS credentials as the signer uses them: the same shape as the AWS SDK's `AwsCredentialIdentity`,
 * so credentials from any AWS SDK provider (`fromNodeProviderChain`, `fromCognitoIdentityPool`, ...)
 * or from `@gatehouse/identity-pool` can be passed as they are.
 *
 * Treat every field but `accessKeyId` as a secret: never log `secretAccessKey` or `sessionToken`.
 *
 * @example
 * ```ts
 * const credentials: AwsCredentials = {
 *   accessKeyId: "AKIDEXAMPLE",
 *   secretAccessKey: process.env.SECRET!,
 *   sessionToken: undefined,
 * };
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds.html
 */
export interface AwsCredentials {
  /** The access key id (`AKIA...` for long-term keys, `ASIA...` for temporary ones). */
  accessKeyId: string;
  /** The secret access key. Secret. */
  secretAccessKey: string;
  /** The session token that comes with temporary credentials. Secret. */
  sessionToken?: string | undefined;
  /** When temporary credentials stop working; absent for long-term keys. */
  expiration?: Date | undefined;
}

/**
 * What a {@link CredentialsProvider} may be called with.
 *
 * @example
 * ```ts
 * const credentials = await provider({ signal: AbortSignal.timeout(2000) });
 * ```
 */
export interface CredentialsProviderOptions {
  /**
   * Stops the wait: a provider that honours it rejects once it aborts. `memoizeCredentials`
   * passes its deadline's signal to the provider it wraps, and honours a caller's signal (its
   * call rejects with `aborted`; the shared refresh goes on for the other callers).
   */
  signal?: AbortSignal | undefined;
}

/**
 * An async source of credentials, called whenever fresh credentials are needed. Any AWS SDK v3
 * `AwsCredentialIdentityProvider` fits (a provider may ignore the options). Wrap it in
 * {@link memoizeCredentials} (the signed fetch does) so it is not called on every request.
 *
 * @example
 * ```ts
 * const provider: CredentialsProvider = async () => ({ accessKeyId: "AKID", secretAccessKey: "s" });
 * ```
 */
export type CredentialsProvider = (options?: CredentialsProviderOptions) => Promise<AwsCredentials>;

/**
 * Credentials as every `credentials` option accepts them: a value or an async provider.
 *
 * @example
 * ```ts
 * const input: CredentialsInput = fromEnv();
 * ```
 */
export type CredentialsInput = AwsCredentials | CredentialsProvider;
