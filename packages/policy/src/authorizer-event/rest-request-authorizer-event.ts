import type { AuthorizerRequestIdentity } from "./authorizer-request-identity.js";

/**
 * `requestContext` of a REST API (or HTTP API payload 1.0) REQUEST authorizer event.
 * `path` includes the stage (`/prod/pets`) on REST APIs; `resourcePath` is the route template.
 * Optional members also accept `undefined`, as `@types/aws-lambda` declares them.
 *
 * @example
 * ```ts
 * const context: RestAuthorizerRequestContext = {
 *   accountId: "123456789012", apiId: "a1b2c3d4e5", stage: "prod", requestId: "c0ffee00-0000-4000-8000-000000000001",
 *   resourceId: "x1y2z3", resourcePath: "/pets/{id}", httpMethod: "GET", path: "/prod/pets/7",
 *   identity: { sourceIp: "198.51.100.7" },
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html
 */
export interface RestAuthorizerRequestContext {
  accountId: string;
  apiId: string;
  stage: string;
  requestId: string;
  resourceId: string;
  resourcePath: string;
  httpMethod: string;
  path: string;
  identity: AuthorizerRequestIdentity;
  extendedRequestId?: string | undefined;
  requestTime?: string | undefined;
  /** Epoch milliseconds. */
  requestTimeEpoch?: number | undefined;
  protocol?: string | undefined;
  domainName?: string | undefined;
  domainPrefix?: string | undefined;
  deploymentId?: string | undefined;
}

/**
 * The event of a REST API `REQUEST` Lambda authorizer. Header names keep the case the client sent;
 * every map may be `null` (the console's test tool sends `null` maps and adds `body` /
 * `isBase64Encoded`). `version` is absent, which tells it apart from an HTTP API 1.0 event.
 *
 * @example
 * ```ts
 * function bearer(event: RestRequestAuthorizerEvent): string | undefined {
 *   return event.headers?.Authorization ?? event.headers?.authorization;
 * }
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html
 */
export interface RestRequestAuthorizerEvent {
  type: "REQUEST";
  methodArn: string;
  resource: string;
  path: string;
  httpMethod: string;
  headers: Record<string, string> | null;
  multiValueHeaders: Record<string, string[]> | null;
  queryStringParameters: Record<string, string> | null;
  multiValueQueryStringParameters: Record<string, string[]> | null;
  pathParameters: Record<string, string> | null;
  stageVariables: Record<string, string> | null;
  requestContext: RestAuthorizerRequestContext;
  /** Sent by the console's test tool only. */
  body?: string | null;
  /** Sent by the console's test tool only. */
  isBase64Encoded?: boolean;
  version?: undefined;
}
