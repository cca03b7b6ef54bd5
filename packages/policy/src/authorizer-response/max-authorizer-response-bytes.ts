/**
 * API Gateway's quota for a Lambda authorizer's answer: at most 8192 bytes of UTF-8 JSON. The
 * documented quota is the WebSocket one; Gatehouse holds every API type to it, and its builders,
 * the authorizer and the local gateway all use this one value.
 *
 * @example
 * ```ts
 * const response = buildDenyAllAuthorizerResponse({
 *   arn: "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets",
 *   principalId: "anonymous",
 * });
 * new TextEncoder().encode(JSON.stringify(response)).length <= MAX_AUTHORIZER_RESPONSE_BYTES; // true
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
 */
export const MAX_AUTHORIZER_RESPONSE_BYTES = 8192;
