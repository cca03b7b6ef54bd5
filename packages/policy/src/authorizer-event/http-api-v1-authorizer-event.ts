import type { RestRequestAuthorizerEvent } from "./rest-request-authorizer-event.js";

/**
 * The event of an HTTP API Lambda authorizer with payload format `1.0`: a REST-style REQUEST event
 * plus `identitySource` and `authorizationToken`, both the identity-source values joined with
 * commas (`"Bearer abc,tenant-1"`). The multi-value maps may be missing.
 *
 * @example
 * ```ts
 * function firstIdentity(event: HttpApiV1AuthorizerEvent): string {
 *   return event.identitySource.split(",")[0] ?? "";
 * }
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 */
export interface HttpApiV1AuthorizerEvent
  extends Omit<
    RestRequestAuthorizerEvent,
    "version" | "multiValueHeaders" | "multiValueQueryStringParameters"
  > {
  version: "1.0";
  identitySource: string;
  authorizationToken: string;
  multiValueHeaders?: Record<string, string[]> | null;
  multiValueQueryStringParameters?: Record<string, string[]> | null;
}
