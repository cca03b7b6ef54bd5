import type { ClientCertificate } from "./client-certificate.js";
import type { IamEventIdentity } from "./iam-event-identity.js";

/**
 * One request as API Gateway received it: what every authorizer event built for it shares (the
 * `build*AuthorizerEvent` functions add what is particular to the API type and the route). Values
 * are taken as given: ids, time and headers are the caller's, nothing is invented or defaulted.
 *
 * @example
 * ```ts
 * const request: AuthorizerEventRequest = {
 *   accountId: "123456789012",
 *   apiId: "a1b2c3d4e5",
 *   stage: "prod",
 *   domainName: "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com",
 *   method: "GET",
 *   path: "/pets/7",
 *   headers: { Host: ["a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"], Authorization: ["Bearer abc"] },
 *   query: { limit: ["10"] },
 *   sourceIp: "198.51.100.23",
 *   userAgent: "curl/8.7.1",
 *   requestId: "c0ffee00-0000-4000-8000-000000000001",
 *   extendedRequestId: "Zk9aQ1xYFiAEKxw=",
 *   timeEpoch: 1740993245000,
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html
 */
export interface AuthorizerEventRequest {
  /** The API's account. */
  accountId: string;
  apiId: string;
  /** The stage name; `$default` for an HTTP API's default stage. */
  stage: string;
  /** `requestContext.domainName`: the host the client called; `domainPrefix` is its first label. */
  domainName: string;
  /** The HTTP method as received. */
  method: string;
  /** The request path without the stage, e.g. `/pets/7`. */
  path: string;
  /**
   * Headers as received, names in the client's case; a header sent several times has several
   * values. Names that differ only in case are one header (the later name wins).
   */
  headers: Readonly<Record<string, readonly string[]>>;
  /**
   * Query parameters, a repeated key with several values in order. `undefined` when the URL had
   * no query string: a WebSocket event then leaves its query maps out.
   */
  query?: Readonly<Record<string, readonly string[]>> | undefined;
  /** The caller's address (`requestContext.identity.sourceIp`, `http.sourceIp`). */
  sourceIp: string;
  /** The `User-Agent` as API Gateway reports it in the request context. */
  userAgent: string;
  /** `requestContext.requestId` (a UUID on REST APIs, a short id on HTTP and WebSocket APIs). */
  requestId: string;
  /** `requestContext.extendedRequestId` (REST, HTTP API 1.0, WebSocket). */
  extendedRequestId: string;
  /** When the request arrived, in epoch milliseconds (`requestTimeEpoch`, `timeEpoch`, `connectedAt`). */
  timeEpoch: number;
  /** The mutual-TLS client certificate, when the custom domain requires one. */
  clientCert?: ClientCertificate | undefined;
  /** The signed caller of an `AWS_IAM` route. */
  iamIdentity?: IamEventIdentity | undefined;
}
