/**
 * The configuration of API keys and usage plans, shaped like API Gateway's own resources
 * (`AWS::ApiGateway::ApiKey`, `AWS::ApiGateway::UsagePlan`, `AWS::ApiGateway::UsagePlanKey`).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html
 * @packageDocumentation
 */

/**
 * Where API Gateway reads a request's API key: the `x-api-key` header, or the
 * `usageIdentifierKey` a Lambda authorizer returns (the API's `apiKeySource`).
 */
export type ApiKeySource = "HEADER" | "AUTHORIZER";

/** The period of a usage plan's quota; periods start at 00:00 UTC (weeks on Monday, months on the 1st). */
export type QuotaPeriod = "DAY" | "WEEK" | "MONTH";

/** A token bucket: `burstLimit` tokens at most, refilled at `rateLimit` tokens per second. */
export interface ThrottleSettings {
  /** Steady-state requests per second (may be fractional, e.g. `0.5`); at least 0. */
  rateLimit: number;
  /** The bucket's capacity: how many requests may arrive at once; an integer, at least 0. */
  burstLimit: number;
}

/** How many requests a key may make per period. */
export interface QuotaSettings {
  /** Requests per period; an integer, at least 0. */
  limit: number;
  period: QuotaPeriod;
  /**
   * Requests subtracted from `limit` in the initial period (the period of the key's first request
   * the model sees); an integer from 0 to `limit`.
   * @default 0
   */
  offset?: number;
}

/** One API key. */
export interface ApiKeyConfig {
  /** The key's id (API Gateway's `ApiKey` id); plans name keys by it. */
  id: string;
  /** The key value callers send: 20 to 128 ASCII letters and digits, unique. Never logged. */
  value: string;
  /**
   * A disabled key is refused (403) as an unknown one is.
   * @default true
   */
  enabled?: boolean;
}

/** An API stage a usage plan covers, with per-method throttling overrides. */
export interface UsagePlanStageConfig {
  /** The API id (`abc123` of `abc123.execute-api...`). */
  apiId: string;
  /** The stage name. */
  stage: string;
  /**
   * Per-method throttling overrides, keyed `"{METHOD} {resource}"` (`"GET /pets/{id}"`); CloudFormation
   * writes the same key as `"/pets/{id}/GET"`. A method listed here has its own bucket per key
   * instead of the plan's.
   */
  throttle?: Readonly<Record<string, ThrottleSettings>>;
}

/** One usage plan: the stages it covers, its throttling and quota, and its keys. */
export interface UsagePlanConfig {
  /** The plan's id; unique. */
  id: string;
  /** The API stages the plan covers; at least one. */
  apiStages: readonly UsagePlanStageConfig[];
  /** Throttling per key, across the plan's stages; absent: not throttled by the plan. */
  throttle?: ThrottleSettings;
  /** Quota per key, across the plan's stages; absent: no quota. */
  quota?: QuotaSettings;
  /** The ids of the plan's keys (`AWS::ApiGateway::UsagePlanKey`). */
  apiKeys: readonly string[];
}

/**
 * Every API key and usage plan of an account and Region, as {@link parseUsagePlans} reads them.
 *
 * @example
 * ```ts
 * const config: UsagePlansConfig = {
 *   apiKeys: [{ id: "partner-a", value: "a1b2c3d4e5f6g7h8i9j0k1l2" }],
 *   usagePlans: [{
 *     id: "basic",
 *     apiStages: [{ apiId: "abc123", stage: "prod" }],
 *     throttle: { rateLimit: 10, burstLimit: 20 },
 *     quota: { limit: 1000, period: "DAY" },
 *     apiKeys: ["partner-a"],
 *   }],
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html
 */
export interface UsagePlansConfig {
  apiKeys: readonly ApiKeyConfig[];
  usagePlans: readonly UsagePlanConfig[];
}
