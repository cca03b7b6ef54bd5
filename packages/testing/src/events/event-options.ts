import type { ClientCertificate } from "@gatehouse/policy";

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
 * (SigV4): who signed the request and, for Cognito identity-pool credentials, the identity.
 * Fields left out are sent as `null`, as AWS does.
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
export interface IamIdentityOptions {
  /** The access key id of the signing credentials (`AKIA...`, `ASIA...`). */
  accessKey: string;
  /** The caller's AWS account. */
  accountId: string;
  /** The principal id of the caller (`AIDA...` for a user, `AROA...:session` for a role session). */
  caller: string;
  /** The ARN of the caller (`arn:aws:iam::123456789012:user/alice`, `arn:aws:sts::...:assumed-role/...`). */
  userArn: string;
  /** The principal id API Gateway reports as `user`. @default caller */
  user?: string;
  /** The caller's AWS Organizations id. @default null */
  principalOrgId?: string | null;
  /** Cognito identity-pool credentials: the pool (`us-east-1:...`). @default null */
  cognitoIdentityPoolId?: string | null;
  /** Cognito identity-pool credentials: the identity (`us-east-1:...`). @default null */
  cognitoIdentityId?: string | null;
  /** Cognito identity-pool credentials. @default null */
  cognitoAuthenticationType?: "authenticated" | "unauthenticated" | null;
  /** Cognito identity-pool credentials: `cognito-idp.{region}.amazonaws.com/{poolId},...:CognitoSignIn:{sub}`. @default null */
  cognitoAuthenticationProvider?: string | null;
}

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
