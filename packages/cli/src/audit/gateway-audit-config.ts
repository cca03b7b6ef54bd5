import type { LocalGatewayConfig } from "@gatehouse/local-gateway";

/**
 * One caller of a local-gateway audit: the request headers it sends (a token), or IAM credentials
 * to sign with, and the routes it is meant to reach.
 *
 * @example
 * ```ts
 * const reader: GatewayAuditCaller = {
 *   name: "reader",
 *   headers: { authorization: `Bearer ${readerToken}` },
 *   grants: ["GET /pets", "GET /pets/{id}"],
 * };
 * ```
 */
export interface GatewayAuditCaller {
  /** Unique: the column of the matrix. */
  name: string;
  /** Headers sent with every request, e.g. `{ authorization: "Bearer ..." }`. Never printed. */
  headers?: Readonly<Record<string, string>>;
  /**
   * Sign every request with SigV4 as this IAM caller: the access key id of one of the config's
   * `credentials` (its secret is looked up there), or full credentials.
   */
  iam?: { accessKeyId: string; secretAccessKey?: string; sessionToken?: string };
  /** The client IP, sent as `X-Forwarded-For` (the audit's gateway trusts it). */
  sourceIp?: string;
  /**
   * The routes this caller is meant to reach: route templates that name them (`GET /pets/{id}`,
   * `ANY /admin/{proxy+}`, `*`), for every API, or by API name. Public (`NONE`) routes are meant
   * for everyone and need not be listed. Default: none but the public routes.
   */
  grants?: readonly string[] | Readonly<Record<string, readonly string[]>>;
}

/**
 * The `audit` section of a local gateway config, read by `gatehouse audit <config>`.
 *
 * @example
 * ```ts
 * const audit: GatewayAuditSection = {
 *   callers: [{ name: "anonymous" }, { name: "reader", headers: { authorization: "Bearer ..." }, grants: ["GET /pets"] }],
 *   samplePaths: { "GET /pets/{id}": ["/pets/1/medical-records"] },
 * };
 * ```
 */
export interface GatewayAuditSection {
  callers: readonly GatewayAuditCaller[];
  /**
   * More concrete requests per route template (`"/pets/1/medical-records"` or `"GET /pets/1/x"`),
   * for every API that has the route; each is counted for the route API Gateway sends it to.
   */
  samplePaths?: Readonly<Record<string, readonly string[]>>;
  /**
   * The longest one request may take, in milliseconds; past it the audit stops (exit 3) rather
   * than guess.
   * @default 10000
   */
  requestTimeoutMs?: number;
}

/**
 * A local gateway config with an `audit` section: the input of `gatehouse audit <config>`.
 *
 * @example
 * ```ts nocheck
 * // gateway.config.mjs
 * export default { apis: [...], audit: { callers: [...] } } satisfies AuditedGatewayConfig;
 * ```
 */
export interface AuditedGatewayConfig extends LocalGatewayConfig {
  audit: GatewayAuditSection;
}
