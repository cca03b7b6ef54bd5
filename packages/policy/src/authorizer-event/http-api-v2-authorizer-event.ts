import type { ClientCertificate } from "./client-certificate.js";

/**
 * `requestContext` of an HTTP API payload 2.0 authorizer event.
 *
 * @example
 * ```ts
 * const method = (context: HttpApiV2AuthorizerRequestContext) => context.http.method;
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 */
export interface HttpApiV2AuthorizerRequestContext {
  accountId: string;
  apiId: string;
  /** Present with mutual TLS only. */
  authentication?: { clientCert: ClientCertificate } | null;
  domainName: string;
  domainPrefix: string;
  http: {
    method: string;
    path: string;
    protocol: string;
    sourceIp: string;
    userAgent: string;
  };
  requestId: string;
  routeKey: string;
  /** `$default` for the default stage. */
  stage: string;
  time: string;
  /** Epoch milliseconds. */
  timeEpoch: number;
}

/**
 * The event of an HTTP API Lambda authorizer with payload format `2.0`. Header names are lower
 * case; repeated query keys are joined with commas in `queryStringParameters`. `identitySource`
 * may be missing or `null` (no identity sources configured), and `cookies`, `headers`,
 * `queryStringParameters`, `pathParameters` and `stageVariables` are left out when empty.
 *
 * @example
 * ```ts
 * function bearer(event: HttpApiV2AuthorizerEvent): string | undefined {
 *   return event.headers?.authorization;
 * }
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 */
export interface HttpApiV2AuthorizerEvent {
  version: "2.0";
  type: "REQUEST";
  routeArn: string;
  identitySource?: string[] | null;
  routeKey: string;
  rawPath: string;
  rawQueryString: string;
  cookies?: string[];
  headers?: Record<string, string>;
  queryStringParameters?: Record<string, string>;
  requestContext: HttpApiV2AuthorizerRequestContext;
  pathParameters?: Record<string, string>;
  stageVariables?: Record<string, string>;
}
