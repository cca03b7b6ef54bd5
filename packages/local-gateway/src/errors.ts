/**
 * Every code a {@link LocalGatewayError} can carry. Stable: callers `switch` on it, and it keeps
 * working when both the ESM and the CommonJS copy of this package are loaded.
 */
export type LocalGatewayErrorCode =
  /** A configuration value that cannot be served (bad route template, unknown authorizer, TTL out of range...). */
  | "invalid_config"
  /**
   * A config file that cannot be read or imported (missing, syntax error, TypeScript the runtime
   * cannot load, an error thrown while it runs), or whose default export is not a config; `file`,
   * `line`, `column` and `hint` say where and what to do.
   */
  | "config_load_failed"
  /** The server could not listen on 127.0.0.1 (port in use...). */
  | "listen_failed"
  /** `tls`: a certificate, key or truststore that is not PEM Node can read. */
  | "tls_invalid_pem"
  /** `tls`: the private key does not belong to the server certificate. */
  | "tls_key_mismatch"
  /** `tls.truststore`: a certificate's key is under RSA-2048 or ECDSA P-256 (API Gateway refuses it). */
  | "tls_weak_key"
  /** `tls.truststore`: a certificate is signed with a hash under SHA-256 (API Gateway refuses it). */
  | "tls_weak_signature"
  /** `tls.truststore`: a chain in the truststore is longer than API Gateway's 4 certificates. */
  | "tls_chain_too_long"
  /**
   * `apiKeyCheck: "before-authorization"` on an API whose `apiKeySource` is `AUTHORIZER`: that key
   * is the authorizer's `usageIdentifierKey`, which exists only after the authorizer ran.
   */
  | "api_key_check_needs_header_source";

/** Options of {@link LocalGatewayError}. */
export interface LocalGatewayErrorOptions {
  /** Where in the configuration the problem is, e.g. `apis[0].routes[2].resource`. */
  path?: string;
  /** What was expected there, in words. */
  expected?: string;
  /** The config file the problem is in (absolute), when the config came from a file. */
  file?: string;
  /** 1-based line in `file` (syntax errors, errors thrown while the module runs). */
  line?: number;
  /** 1-based column in `file`, with `line`. */
  column?: number;
  /** One sentence on what to do about it, e.g. how to load a TypeScript config. */
  hint?: string;
  /**
   * What is wrong without where: a `config_load_failed` message is `<file>[:line:column]: <detail>`,
   * so a tool can name the file its own way.
   */
  detail?: string;
  cause?: unknown;
}

/**
 * The one error class of `@gatehouse/local-gateway`. A configuration the gateway cannot serve,
 * wrong field types included, throws it with a stable {@link LocalGatewayErrorCode} and the `path`
 * of the offending field; a config file that cannot be loaded adds `file`, `line`, `column` and
 * `hint`. Messages never carry secrets or tokens.
 *
 * @example
 * ```ts
 * try {
 *   await startLocalGateway(config);
 * } catch (error) {
 *   if (isLocalGatewayError(error) && error.code === "invalid_config") console.error(error.path);
 * }
 * ```
 */
export class LocalGatewayError extends Error {
  override readonly name = "LocalGatewayError";
  readonly code: LocalGatewayErrorCode;
  readonly path: string | undefined;
  readonly expected: string | undefined;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly hint: string | undefined;
  readonly detail: string | undefined;

  constructor(
    code: LocalGatewayErrorCode,
    message: string,
    options: LocalGatewayErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path;
    this.expected = options.expected;
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
    this.hint = options.hint;
    this.detail = options.detail;
  }
}

/**
 * Whether `value` is a {@link LocalGatewayError}, also across ESM/CJS copies (checks `name` and `code`).
 * @param value - anything caught.
 * @example
 * ```ts
 * if (isLocalGatewayError(error)) console.error(error.code);
 * ```
 */
export function isLocalGatewayError(value: unknown): value is LocalGatewayError {
  return (
    value instanceof LocalGatewayError ||
    (value instanceof Error &&
      value.name === "LocalGatewayError" &&
      typeof (value as { code?: unknown }).code === "string")
  );
}
