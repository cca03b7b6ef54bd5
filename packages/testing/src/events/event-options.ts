import type { ClientCertificate, IamEventIdentity } from "@gatehouse/policy";

/** Header or query values of an event factory; an array is a repeated header or query key. */
export type MultiValueMap = Record<string, string | readonly string[]>;

/**
 * Options every event factory takes: where the API lives, who calls it and when. Defaults are
 * the same in all factories, so events of one test describe one API.
 */
export interface EventOptions {
  /** @default "eu-west-1" */
  region?: string;
  /** @default "123456789012" */
  accountId?: string;
  /** @default "a1b2c3d4e5" */
  apiId?: string;
  /** @default "prod" (REST, WebSocket) or "$default" (HTTP API) */
  stage?: string;
  /** Caller IP address. @default "198.51.100.23" */
  sourceIp?: string;
  /** @default "curl/8.7.1" */
  userAgent?: string;
  /** @default a random id in the shape the API type uses */
  requestId?: string;
  /** Request time in epoch milliseconds. @default Date.now() */
  now?: number;
  /** @default {} or, in HTTP API 2.0, left out */
  stageVariables?: Record<string, string>;
  /**
   * `requestContext.domainName` and the default `Host` header; `domainPrefix` is its first label.
   * @default "{apiId}.execute-api.{region}.{suffix}": the region's partition's DNS suffix
   *   (`amazonaws.com`, `amazonaws.com.cn` in China...)
   */
  domainName?: string;
}

/**
 * The caller fields API Gateway fills in `requestContext.identity` when a method uses `AWS_IAM`
 * (SigV4): `@gatehouse/policy`'s {@link IamEventIdentity}, under the name the factories' options
 * have always used.
 *
 * @example
 * ```ts
 * const iamIdentity: IamIdentityOptions = {
 *   accessKey: "AKIAIOSFODNN7EXAMPLE",
 *   accountId: "123456789012",
 *   caller: "AIDAJQABLZS4A3QDU576Q",
 *   userArn: "arn:aws:iam::123456789012:user/alice",
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#context-variable-reference
 */
export type IamIdentityOptions = IamEventIdentity;

/** Options shared by the factories of HTTP-shaped events (REST REQUEST, HTTP API 1.0 and 2.0). */
export interface HttpEventOptions extends EventOptions {
  /** @default "GET" */
  method?: string;
  /** Request path without the stage. @default "/pets" */
  path?: string;
  /** Headers merged over realistic defaults; names match the defaults case-insensitively. */
  headers?: MultiValueMap;
  /**
   * Add realistic default headers (`Host`, `User-Agent`, `Accept`, CloudFront / `X-Forwarded-*`,
   * `X-Amzn-Trace-Id`) under `headers`. `false` sends `headers` as given, plus the `token` (and
   * cookie) headers, as for a real request's headers.
   * @default true
   */
  defaultHeaders?: boolean;
  query?: MultiValueMap;
  /** Raw value of the `Authorization` header (include any `Bearer ` prefix). */
  token?: string;
  /** @default extracted from `path` with the route template */
  pathParameters?: Record<string, string>;
  /** Mutual-TLS client certificate of the caller. */
  clientCert?: ClientCertificate;
}
