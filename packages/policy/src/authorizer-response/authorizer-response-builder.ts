import type { DenyAllAuthorizerResponseOptions } from "./build-deny-all-authorizer-response.js";
import type { HttpV1AuthorizerResponseOptions } from "./build-http-v1-authorizer-response.js";
import type { HttpV2IamAuthorizerResponseOptions } from "./build-http-v2-iam-authorizer-response.js";
import type { HttpV2SimpleAuthorizerResponseOptions } from "./build-http-v2-simple-authorizer-response.js";
import type { RestAuthorizerResponseOptions } from "./build-rest-authorizer-response.js";
import type { WebSocketAuthorizerResponseOptions } from "./build-web-socket-authorizer-response.js";
import type { IamAuthorizerResponse } from "./iam-authorizer-response.js";
import type { SimpleAuthorizerResponse } from "./simple-authorizer-response.js";

/**
 * The response builders with memoised policy documents, made by
 * `createAuthorizerResponseBuilder`: each method takes the options of the plain builder of the
 * same API type and returns the same response (the same JSON, the same errors), a fresh object
 * every call. For an authorizer's hot path, where many identities share few stages and route
 * sets.
 *
 * @example
 * ```ts
 * const responses: AuthorizerResponseBuilder = createAuthorizerResponseBuilder();
 * const response = responses.rest({
 *   methodArn: "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets",
 *   principalId: "user-42",
 *   allow: ["GET /pets", "GET /pets/{id}"],
 * });
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html
 */
export interface AuthorizerResponseBuilder {
  /** `buildRestAuthorizerResponse`, memoised. */
  rest(options: RestAuthorizerResponseOptions): IamAuthorizerResponse;
  /** `buildHttpV1AuthorizerResponse`, memoised. */
  httpV1(options: HttpV1AuthorizerResponseOptions): IamAuthorizerResponse;
  /** `buildHttpV2IamAuthorizerResponse`, memoised. */
  httpV2Iam(
    options: HttpV2IamAuthorizerResponseOptions,
  ): IamAuthorizerResponse<Record<string, unknown>>;
  /** `buildHttpV2SimpleAuthorizerResponse` (it has no policy document to memoise). */
  httpV2Simple(options: HttpV2SimpleAuthorizerResponseOptions): SimpleAuthorizerResponse;
  /** `buildWebSocketAuthorizerResponse`, memoised. */
  webSocket(options: WebSocketAuthorizerResponseOptions): IamAuthorizerResponse;
  /** `buildDenyAllAuthorizerResponse`, memoised. */
  denyAll(options: DenyAllAuthorizerResponseOptions): IamAuthorizerResponse;
}
